import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { costar, copyFixture, snapshotTree, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

describe('costar init', () => {
  it('creates a portfolio that validates, with schemas and .gitignore', async () => {
    const dir = join(tempDir(), 'midshire');
    const r = (await costarIn(['init', dir, '--name', 'Midshire portfolio', '--organisation', 'Midshire Council', '--area', 'adult-social-care:Adult social care', '--area', 'housing', '--ward', 'north']));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(join(dir, 'costar.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./.costar/schema/manifest.schema.json');
    expect(text).toMatch(/discountRate: 0\.035 +# /);
    const m = parse(text);
    expect(m.serviceAreas).toEqual([{ id: 'adult-social-care', label: 'Adult social care', tags: ['social-care', 'older-people', 'disability'] }, { id: 'housing', label: 'Housing', tags: ['housing'] }]);
    expect(m.focus.criteria).toHaveLength(7);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    // costar's working files, the journals of unsaved session changes among them, stay out of git.
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^\.costar\/session-\*\.json$/m);
    expect(readdirSync(join(dir, '.costar', 'schema')).sort()).toEqual(['initiative.schema.json', 'manifest.schema.json', 'person.schema.json']);
    expect((await costarIn(['validate', dir])).code).toBe(0);
  });

  it('refuses to overwrite, and names missing flags when it cannot prompt', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const r = (await costarIn(['init', dir, '--name', 'x', '--organisation', 'y', '--area', 'z']));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists/);
    expect(snapshotTree(dir)).toEqual(before);
    const m = (await costarIn(['init', join(tempDir(), 'n'), '--name', 'x', '--area', 'z']));
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/--organisation/);
    // A label is accepted (its id derived), but one that gives no id is not.
    const bad = (await costarIn(['init', join(tempDir(), 'n'), '--name', 'x', '--organisation', 'y', '--area', '£££']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--area "£££" gives no id/);
  });
});

describe('costar schema', () => {
  it('writes three self-contained draft 2020-12 schemas that agree with validate', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['schema', '-C', dir]));
    expect(r.code).toBe(0);
    const sdir = join(dir, '.costar', 'schema');
    expect(readdirSync(sdir).sort()).toEqual(['initiative.schema.json', 'manifest.schema.json', 'person.schema.json']);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const load = (n: string) => {
      const s = JSON.parse(readFileSync(join(sdir, n), 'utf8'));
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(JSON.stringify(s)).not.toMatch(/"\$ref":"(?!#)/);
      return ajv.compile(s);
    };
    const manifest = load('manifest.schema.json');
    const initiative = load('initiative.schema.json');
    const person = load('person.schema.json');
    expect(manifest(parse(readFileSync(join(dir, 'costar.yaml'), 'utf8')))).toBe(true);
    for (const f of readdirSync(join(dir, 'initiatives'))) {
      const ok = initiative(parse(readFileSync(join(dir, 'initiatives', f), 'utf8')));
      expect(ok, `${f}: ${JSON.stringify(initiative.errors)}`).toBe(true);
    }
    for (const f of readdirSync(join(dir, 'people'))) expect(person(parse(readFileSync(join(dir, 'people', f), 'utf8')))).toBe(true);
    // Type and enum errors are rejected; unknown keys are allowed (costar only warns).
    expect(initiative({ id: 'a', title: 'A', serviceArea: 'x', status: 'runing' })).toBe(false);
    expect(initiative({ id: 'a', title: 'A', serviceArea: 'x', status: 'idea', wards: 'north' })).toBe(false);
    expect(initiative({ id: 'a', title: 'A', serviceArea: 'x', status: 'idea', extra: 1 })).toBe(true);
    expect(person({ id: 'p-1', willingness: 'perhaps' })).toBe(false);
  });
  it('--out writes elsewhere', async () => {
    const out = join(tempDir(), 's');
    expect((await costarIn(['schema', '--out', out, '-C', 'fixtures/demo'])).code).toBe(0);
    expect(readdirSync(out)).toHaveLength(3);
  });
});

describe('costar set', () => {
  it('changes fields, appends to lists, keeps everything else byte for byte', async () => {
    const dir = copyFixture('demo');
    const file = join(dir, 'initiatives', 'dementia-walks.yaml');
    const before = readFileSync(file, 'utf8');
    const r = (await costarIn(['set', 'initiatives/dementia-walks', 'focus.scores.ease=5', 'market.charter.parties+=[A, B]', 'summary=Walks: weekly'], { cwd: dir }));
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const v = parse(after);
    expect(v.focus.scores.ease).toBe(5);
    expect(v.market.charter.parties.slice(-2)).toEqual(['A', 'B']);
    expect(v.summary).toBe('Walks: weekly');
    const changed = after.split('\n').filter((l) => !before.split('\n').includes(l));
    expect(changed).toHaveLength(3);
    expect((await costarIn(['validate', dir])).code).toBe(0);
  });

  it('bad paths and values exit 2 and change nothing', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const a = (await costarIn(['set', 'initiatives/dementia-walks', 'focus.scores.ease=9', 'status=runing'], { cwd: dir }));
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/outside the scale/);
    expect(a.stderr).toMatch(/runing/);
    const b = (await costarIn(['set', 'initiatives/dementia-walks', 'focsu.scores.ease=3', 'titel=x'], { cwd: dir }));
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/did you mean "focus"/);
    expect(b.stderr).toMatch(/did you mean "title"/);
    const c = (await costarIn(['set', 'initiatives/nope', 'title=x'], { cwd: dir }));
    expect(c.code).toBe(2);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('edits people records and the manifest too', async () => {
    const dir = copyFixture('demo');
    const m = (await costarIn(['set', 'costar.yaml', 'appraisal.discountRate=0.03'], { cwd: dir }));
    expect(m.code).toBe(0);
    expect(parse(readFileSync(join(dir, 'costar.yaml'), 'utf8')).appraisal.discountRate).toBe(0.03);
    const r = (await costarIn(['set', 'people/p-0001', 'willingness=already'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(parse(readFileSync(join(dir, 'people', 'p-0001.yaml'), 'utf8')).willingness).toBe('already');
  });
});
