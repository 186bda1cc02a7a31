/**
 * Values kept as typed (issue 10, item 4): text that looks like a number, a boolean or null stays
 * text wherever the schema wants text, through `set` and through every command's flags. Each file
 * is read back with a YAML 1.2 parser and compared with what was typed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderDocument, renderFlow, renderScalar } from '../../src/store/yaml-text.js';
import { copyFixture, costar } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

/** Text that a YAML parser would read as something else when written plain. */
const LOOKALIKES = ['07700900123', '+447700900123', '2.10', '0x1F', '0o17', '1e3', '12345678901234567890123', 'yes', 'no', 'null', 'Null', '~', 'true', 'FALSE', '.inf', '-.NaN', '2027-06-30', '1_000', '-0', '0777'];

const read = (dir: string, rel: string) => parse(readFileSync(join(dir, rel), 'utf8'), { version: '1.2', schema: 'core' });

describe('the store renders text that looks like another type so that it reads back as text', () => {
  it('renderScalar, renderFlow and renderDocument round-trip every look-alike', () => {
    for (const s of [...LOOKALIKES, 'a: b', '#x', '- x', "it's", '"q"', ' lead', 'trail ', '[x]', 'a,b', '']) {
      expect(parse(`k: ${renderScalar(s)}\n`).k, renderScalar(s)).toBe(s);
      expect(parse(`k: ${renderFlow([s, { t: s }])}\n`).k, renderFlow([s])).toEqual([s, { t: s }]);
      expect(parse(renderDocument({ id: 'p-0001', contact: s, offers: [s] }))).toEqual({ id: 'p-0001', contact: s, offers: [s] });
    }
  });
});

describe('costar set keeps text as typed', () => {
  it('phone numbers, 2.10, 0x1F and yes/no/null stay text in text fields; numbers, lists and mappings are still typed', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['set', 'people/p-0003', 'contact=07700900123', 'name=+447700900123', 'offers+=[0x1F, yes, 1e3]', 'checks+=0777'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    const person = read(dir, 'people/p-0003.yaml');
    expect(person.contact).toBe('07700900123');
    expect(person.name).toBe('+447700900123');
    expect(person.offers.slice(-3)).toEqual(['0x1F', 'yes', '1e3']);
    expect(person.checks.at(-1)).toBe('0777');

    const s = (await costarIn(
      ['set', 'initiatives/dementia-walks', 'summary=2.10', 'title=Walks #1', 'focus.scores.ease=4', 'focus.challenges+={by: 0123, challenge: null}', 'market.charter.parties+=[12345678901234567890123, no]', 'grow.competencies+=~'],
      { cwd: dir },
    ));
    expect(s.code, s.stderr).toBe(0);
    const ini = read(dir, 'initiatives/dementia-walks.yaml');
    expect(ini.summary).toBe('2.10');
    expect(ini.title).toBe('Walks #1');
    expect(ini.focus.scores.ease).toBe(4);
    expect(ini.focus.challenges.at(-1)).toEqual({ by: '0123', challenge: 'null' });
    expect(ini.market.charter.parties.slice(-2)).toEqual(['12345678901234567890123', 'no']);
    expect(ini.grow.competencies.at(-1)).toBe('~');

    // Quoted text is unquoted as YAML does; every look-alike appended to a list of text reads back.
    const t = (await costarIn(['set', 'initiatives/dementia-walks', `summary='0x1F'`, `focus.theoryOfChange.outputs+=[${LOOKALIKES.join(', ')}]`], { cwd: dir }));
    expect(t.code, t.stderr).toBe(0);
    const after = read(dir, 'initiatives/dementia-walks.yaml');
    expect(after.summary).toBe('0x1F');
    expect(after.focus.theoryOfChange.outputs.slice(-LOOKALIKES.length)).toEqual(LOOKALIKES);
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('refuses paths through __proto__, constructor and prototype, and paths longer than 200 characters', async () => {
    const dir = copyFixture('demo');
    for (const a of ['__proto__.x=1', 'constructor=1', 'focus.prototype.x=1', 'focus.scores={__proto__: 1}', `${'x'.repeat(100_000)}=1`]) {
      const r = (await costarIn(['set', 'initiatives/dementia-walks', a], { cwd: dir }));
      expect(r.code, a.slice(0, 40)).toBe(2);
      expect(r.stderr).not.toMatch(/internal|please report/i);
      expect(r.stderr.length).toBeLessThan(1000);
    }
  });
});

describe('flags keep text as typed', () => {
  it('people add, map add, focus, market and grow write look-alike text as text', async () => {
    const dir = copyFixture('demo');
    const add = (await costarIn(['people', 'add', '--name', '+447700900123', '--contact', '07700900123', '--offer', '2.10', '--check', 'yes'], { cwd: dir }));
    expect(add.code, add.stderr).toBe(0);
    const id = add.stdout.trim();
    expect(read(dir, `people/${id}.yaml`)).toMatchObject({ name: '+447700900123', contact: '07700900123', offers: ['2.10'], checks: ['yes'] });

    const map = (await costarIn(['map', 'add', '--title', '0x1F', '--id', 'hex', '--area', 'adult-social-care', '--summary', '2.10'], { cwd: dir }));
    expect(map.code, map.stderr).toBe(0);
    expect(read(dir, 'initiatives/hex.yaml')).toMatchObject({ title: '0x1F', summary: '2.10' });

    const ch = (await costarIn(['focus', 'challenge', 'hex', '--by', '0123', '--text', 'null'], { cwd: dir }));
    expect(ch.code, ch.stderr).toBe(0);
    const re = (await costarIn(['focus', 'respond', 'hex', '1', '--text', 'no'], { cwd: dir }));
    expect(re.code, re.stderr).toBe(0);
    const cost = (await costarIn(['focus', 'add-cost', 'hex', '--item', '1e3', '--kind', 'revenue', '--amount', '100', '--payer', '007'], { cwd: dir }));
    expect(cost.code, cost.stderr).toBe(0);
    const inc = (await costarIn(['market', 'add-incentive', 'hex', '--for', 'volunteers', '--kind', 'financial', '--what', '0o17'], { cwd: dir }));
    expect(inc.code, inc.stderr).toBe(0);
    const charter = (await costarIn(['market', 'charter', 'hex', '--party', 'true', '--outcome', '12345678901234567890123'], { cwd: dir }));
    expect(charter.code, charter.stderr).toBe(0);
    const ind = (await costarIn(['grow', 'add-indicator', 'hex', '--name', '2.10', '--kind', 'process', '--unit', '~'], { cwd: dir }));
    expect(ind.code, ind.stderr).toBe(0);

    const hex = read(dir, 'initiatives/hex.yaml');
    expect(hex.focus.challenges).toEqual([{ by: '0123', challenge: 'null', response: 'no', status: 'answered' }]);
    expect(hex.focus.businessCase.costs[0]).toMatchObject({ item: '1e3', payer: '007' });
    expect(hex.market.incentives[0].what).toBe('0o17');
    expect(hex.market.charter).toMatchObject({ parties: ['true'], sharedOutcomes: ['12345678901234567890123'] });
    expect(hex.grow.indicators[0]).toMatchObject({ name: '2.10', unit: '~' });
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  });
});
