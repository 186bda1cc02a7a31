/**
 * Issue 10, items 6 and 7 through the real CLI: diagnostics about people records and CSV rows
 * never echo a value (distinctive strings are planted and searched for in every output), and
 * wrong types, reserved names and huge keys are diagnostics or usage errors, never internal errors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, costar, snapshotTree } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

/** Distinctive personal strings, each planted in a field where it does not belong. */
const PLANTED = ['Derek Holloway', 'Zelda Quince', 'zq-private-9931', 'priya.secret@example.org', 'Marigold Fenwick', '07700900999', 'Opal Strand'];

function expectNothingPlanted(text: string): void {
  for (const s of PLANTED) expect(text, `"${s}" was echoed`).not.toContain(s);
}

const INTERNAL = /internal|please report|at .*\.(c?js|ts):\d+/i;

describe('diagnostics about people never echo a value', () => {
  it('validate in every format names field and expectation only', async () => {
    const dir = copyFixture('demo');
    writeFileSync(
      join(dir, 'people', 'p-0099.yaml'),
      [
        'id: p-0099',
        'kind: Zelda Quince',
        'name: [Opal Strand]',
        'contact: 07700900999',
        'ward: Derek Holloway',
        'consent: priya.secret@example.org',
        'willingness: zq-private-9931',
        'availability: [Marigold Fenwick]',
        '',
      ].join('\n'),
    );
    // A valid-looking ward id that is not a ward is reported without it too.
    writeFileSync(join(dir, 'people', 'p-0098.yaml'), 'id: p-0098\nward: zq-private-9931\n');
    const json = (await costarIn(['validate', '--format', 'json'], { cwd: dir }));
    expect(json.code).toBe(1);
    expectNothingPlanted(json.stdout + json.stderr);
    const mine = JSON.parse(json.stdout).diagnostics.filter((d: any) => d.file === 'people/p-0099.yaml');
    expect(mine.map((d: any) => d.code).sort()).toEqual(['bad-enum', 'bad-enum', 'bad-enum', 'bad-id', 'wrong-type', 'wrong-type', 'wrong-type']);
    for (const field of ['kind', 'name', 'contact', 'ward', 'consent', 'willingness', 'availability']) {
      expect(mine.some((d: any) => d.message.includes(field)), field).toBe(true);
    }
    expect(JSON.parse(json.stdout).diagnostics.find((d: any) => d.file === 'people/p-0098.yaml')).toMatchObject({ code: 'unknown-ward', line: 2 });
    for (const format of ['stylish', 'github', 'junit']) {
      const r = (await costarIn(['validate', '--format', format], { cwd: dir }));
      expect(r.code, format).toBe(1);
      expect(r.stdout, format).toContain('p-0099.yaml');
      expectNothingPlanted(r.stdout + r.stderr);
    }
  });

  it('people import names row and column, never a cell, even when a column is shifted', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    writeFileSync(
      join(dir, 'shifted.csv'),
      [
        'name,contact,ward,consent,kind,willingness,availability,id',
        // An extra comma in the name shifts every cell one column to the right.
        'Derek,Holloway,priya.secret@example.org,abbey,yes,individual,more,weekends,p-0150',
        'Opal Strand,07700900999,Zelda Quince,zq-private-9931,Marigold Fenwick,zq-private-9931,Derek Holloway,priya.secret@example.org',
      ].join('\n') + '\n',
    );
    const r = (await costarIn(['people', 'import', 'shifted.csv'], { cwd: dir }));
    expect(r.code).toBe(1);
    expectNothingPlanted(r.stdout + r.stderr);
    for (const col of ['ward', 'consent', 'kind', 'willingness', 'availability', 'id']) expect(r.stderr).toContain(`row 3, column ${col}:`);
    expect(r.stderr).toContain('row 2, column ward:');
    expect(r.stderr).toMatch(/row 2, column #9: the row has 9 cells/);
    expect(r.stderr).not.toMatch(INTERNAL);
    writeFileSync(join(dir, 'new-skill.csv'), 'ward,offers\nabbey,Derek Holloway;cooking\n');
    const ok = (await costarIn(['people', 'import', 'new-skill.csv', '--dry-run'], { cwd: dir }));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/1 skill new to this portfolio, on row 2/);
    expectNothingPlanted(ok.stdout + ok.stderr);
    // A file without a header row: its first return would be column names.
    writeFileSync(join(dir, 'headerless.csv'), 'Opal Strand,priya.secret@example.org,07700900999\nZelda Quince,a@b.org,01234567890\n');
    const h = (await costarIn(['people', 'import', 'headerless.csv'], { cwd: dir }));
    expect(h.code).toBe(1);
    expect(h.stderr).toContain('row 1 is not a header row');
    expectNothingPlanted(h.stdout + h.stderr);
    const now = snapshotTree(dir);
    for (const k of Object.keys(before)) expect(now[k], k).toBe(before[k]);
    expect(Object.keys(now).filter((k) => !(k in before)).sort()).toEqual(['headerless.csv', 'new-skill.csv', 'shifted.csv']);
  });
});

describe('every wrong type is a diagnostic', () => {
  it('contributors as text stops people remove with the diagnostic; other people can still be erased', async () => {
    const dir = copyFixture('demo');
    const f = join(dir, 'initiatives', 'dementia-walks.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('contributors: [p-0001, p-0002, p-0003, p-0006]', 'contributors: p-0001, p-0002'));
    const before = snapshotTree(dir);
    const r = (await costarIn(['people', 'remove', 'p-0001', '--yes'], { cwd: dir }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('initiatives/dementia-walks.yaml:99:17  people.contributors must be a list, found text');
    expect(r.stderr).toContain('[cannot-erase]');
    expect(r.stderr).not.toMatch(INTERNAL);
    expect(snapshotTree(dir)).toEqual(before);
    const other = (await costarIn(['people', 'remove', 'p-0040', '--yes'], { cwd: dir }));
    expect(other.code, other.stderr).toBe(0);
  });

  it('people export flags an initiative with errors that may name the person, so the answer is not silently short', async () => {
    const dir = copyFixture('demo');
    const f = join(dir, 'initiatives', 'dementia-walks.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace('contributors: [p-0001, p-0002, p-0003, p-0006]', 'contributors: p-0001, p-0002'));
    const r = await costarIn(['people', 'export', 'p-0001', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).person.id).toBe('p-0001');
    expect(r.stderr).toContain('initiatives/dementia-walks.yaml has errors and may also name p-0001');
    expect(r.stderr).not.toMatch(INTERNAL);
  });

  it('indicators as a mapping and id: 5 are shown, not crashed on, by grow and focus; fixing with set makes them work', async () => {
    const dir = copyFixture('demo');
    const sw = join(dir, 'initiatives', 'community-speedwatch.yaml');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/  indicators:\n(    - .*\n)+/, '  indicators: { name: Sessions, kind: process }\n'));
    const ms = join(dir, 'initiatives', 'mens-shed.yaml');
    writeFileSync(ms, readFileSync(ms, 'utf8').replace('id: mens-shed', 'id: 5'));
    const runs = [
      ['grow', 'reading', 'community-speedwatch', '--indicator', 'Sessions', '--date', '2026-01-31', '--value', '3'],
      ['grow', 'add-indicator', 'mens-shed', '--name', 'Members', '--kind', 'process'],
      ['focus', 'score', 'mens-shed', '--set', 'ease=3'],
      ['focus', 'challenge', 'mens-shed', '--by', 'Finance', '--text', 'Costs?'],
      ['market', 'add-incentive', 'mens-shed', '--for', 'volunteers', '--kind', 'financial', '--what', 'Tools'],
    ];
    const before = snapshotTree(dir);
    for (const args of runs) {
      const r = (await costarIn(args, { cwd: dir }));
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/initiatives\/(community-speedwatch|mens-shed)\.yaml:\d+:\d+ .*\[(wrong-type|bad-id)\]/);
      expect(r.stderr).not.toMatch(INTERNAL);
    }
    for (const args of [['grow', 'check'], ['focus', 'rank'], ['status'], ['star', '--json'], ['people', 'match'], ['generate', 'charter', '--all']]) {
      const r = (await costarIn(args, { cwd: dir }));
      expect(r.stderr, args.join(' ')).not.toMatch(INTERNAL);
    }
    expect(snapshotTree(dir)).toEqual(before);
    expect((await costarIn(['set', 'initiatives/mens-shed', 'id=mens-shed'], { cwd: dir })).code).toBe(0);
    const fixed = (await costarIn(['focus', 'score', 'mens-shed', '--set', 'ease=3'], { cwd: dir }));
    expect(fixed.code, fixed.stderr).toBe(0);
  });

  it('ids that are Windows device names are refused in flags, CSV ids and set targets', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    for (const args of [
      ['people', 'add', '--id', 'nul', '--ward', 'abbey'],
      ['people', 'add', '--id', 'com7'],
      ['map', 'add', '--title', 'Printers', '--area', 'adult-social-care', '--id', 'prn'],
      ['set', 'people/aux', 'ward=abbey'],
    ]) {
      const r = (await costarIn(args, { cwd: dir }));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/reserves for a device/);
    }
    writeFileSync(join(dir, 'ids.csv'), 'id,ward\nlpt1,abbey\n');
    const imp = (await costarIn(['people', 'import', 'ids.csv'], { cwd: dir }));
    expect(imp.code).toBe(1);
    expect(imp.stderr).toMatch(/row 2, column id: .*reserves for a device/);
    delete (before as Record<string, string>)['ids.csv'];
    const after = snapshotTree(dir);
    delete after['ids.csv'];
    expect(after).toEqual(before);
    // A title that makes a reserved id gets another one.
    const made = (await costarIn(['map', 'add', '--title', 'Con', '--area', 'adult-social-care'], { cwd: dir }));
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toContain('initiatives/con-2.yaml');
  });
});

describe('control characters in user text never reach the terminal raw', () => {
  it('titles and labels with escape sequences and a bell are shown visibly in every screen', async () => {
    const dir = copyFixture('demo');
    const file = join(dir, 'initiatives', 'dementia-walks.yaml');
    // A title that would clear the screen, set the window title, ring the bell and recolour.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Walks\\u001b[2J\\u001b]0;pwned\\u0007\\u001b[31m red"'));
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
    for (const args of [['map', 'list'], ['status'], ['focus', 'rank'], ['star'], ['focus', 'case', 'dementia-walks'], ['grow', 'check']]) {
      const r = (await costarIn(args, { cwd: dir }));
      const all = r.stdout + r.stderr;
      expect(all, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      // focus case shows the title (the others show ids): compare without white space, as text may wrap.
      if (args[1] === 'case') expect(all.replace(/\s+/g, ''), args.join(' ')).toContain('Walks\\u001b[2J\\u001b]0;pwned\\u0007\\u001b[31mred');
    }
  });
});
