import { appendFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, snapshotTree } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const NEW_FILE = /^initiatives\/[a-z0-9-]+\.yaml$|^\.costar\//;

/** Every file that existed before is byte for byte the same after. */
function expectOthersUntouched(before: Record<string, string>, after: Record<string, string>, created: string[]): void {
  for (const [file, bytes] of Object.entries(before)) {
    if (created.includes(file)) continue;
    expect(after[file], file).toBe(bytes);
  }
  const added = Object.keys(after).filter((f) => !(f in before));
  for (const f of added) expect(f).toMatch(NEW_FILE);
  expect(added.filter((f) => f.startsWith('initiatives/')).sort()).toEqual([...created].sort());
}

describe('costar map add', () => {
  it('writes one new initiative that validates, leaving every other file (and its comments) byte for byte', async () => {
    const dir = copyFixture('demo');
    // A hand-written comment in a file that map add must not touch.
    appendFileSync(join(dir, 'initiatives', 'dementia-walks.yaml'), '# Reviewed with carers, March 2026  \n');
    appendFileSync(join(dir, 'costar.yaml'), '\n# Midshire wards change in May 2027.\n');
    const cell = async (co: string) =>
      JSON.parse((await costarIn(['star', '--json', '--area', 'neighbourhoods'], { cwd: dir })).stdout).coverage.find((c: { co: string }) => c.co === co);
    // Before: co-assessment is potential only in neighbourhoods (one initiative found potential,
    // none practises it); co-commissioning is a gap (neither existing nor potential).
    expect(await cell('co-assessment')).toMatchObject({ existing: 0, potential: 1 });
    expect(await cell('co-commissioning')).toMatchObject({ existing: 0, potential: 0 });
    const before = snapshotTree(dir);
    const r = (await costarIn(
      [
        'map', 'add',
        '--title', "Carers' panel reviews home-care quality: #1",
        '--area', 'neighbourhoods',
        '--status', 'pilot',
        '--co', 'co-assessment=established',
        '--how', 'co-assessment=Carers score providers each quarter',
        '--co', 'co-commissioning=potential',
        '--ward', 'abbey', '--ward', 'riverside',
        '--summary', 'A panel of carers: they review quality',
      ],
      { cwd: dir },
    ));
    expect(r.stderr).toContain('Wrote initiatives/carers-panel-reviews-home-care-quality-1.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('carers-panel-reviews-home-care-quality-1\n');
    // What changed is announced in the star's words, and the star follows: the potential-only
    // cell was never a gap, so it is not "no longer a gap" (issue 13).
    expect(r.stderr).toContain('Co-assessment in neighbourhoods and environment is practised now (it was potential only).');
    expect(r.stderr).not.toContain('Co-assessment in neighbourhoods and environment is no longer a gap');
    expect(r.stderr).toContain('Co-commissioning in neighbourhoods and environment is no longer a gap: it is potential only now.');
    expect((await cell('co-assessment')).existing).toBe(1);
    expect((await cell('co-commissioning')).potential).toBe(1);
    expect(r.stderr).toMatch(/Next: .*costar focus score carers-panel-reviews-home-care-quality-1/);

    const rel = 'initiatives/carers-panel-reviews-home-care-quality-1.yaml';
    const text = readFileSync(join(dir, rel), 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=../.costar/schema/initiative.schema.json\n')).toBe(true);
    expect(parse(text)).toEqual({
      id: 'carers-panel-reviews-home-care-quality-1',
      title: "Carers' panel reviews home-care quality: #1",
      serviceArea: 'neighbourhoods',
      status: 'pilot',
      wards: ['abbey', 'riverside'],
      summary: 'A panel of carers: they review quality',
      cos: { 'co-commissioning': { level: 'potential' }, 'co-assessment': { level: 'established', how: 'Carers score providers each quarter' } },
    });
    expectOthersUntouched(before, snapshotTree(dir), [rel]);

    const v = (await costarIn(['validate', '--format', 'json'], { cwd: dir }));
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).diagnostics.filter((d: { file: string }) => d.file === rel)).toEqual([]);
  });

  it('makes the default id unique and refuses an --id that exists', async () => {
    const dir = copyFixture('demo');
    const a = (await costarIn(['map', 'add', '--title', 'Supported walks!', '--area', 'adult-social-care', '--id', 'dementia-walks'], { cwd: dir }));
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('dementia-walks');
    expect(a.stderr).toContain('already exists');
    const b = (await costarIn(['map', 'add', '--title', 'Dementia walks', '--area', 'adult-social-care'], { cwd: dir }));
    expect(b.code).toBe(0);
    expect(b.stdout.trim()).toBe('dementia-walks-2');
    const c = (await costarIn(['map', 'add', '--title', 'Dementia walks', '--area', 'adult-social-care'], { cwd: dir }));
    expect(c.stdout.trim()).toBe('dementia-walks-3');
    expect(readdirSync(join(dir, 'initiatives')).filter((f) => f.startsWith('dementia-walks')).sort()).toEqual([
      'dementia-walks-2.yaml',
      'dementia-walks-3.yaml',
      'dementia-walks.yaml',
    ]);
  });

  const bad: Array<[string, string[], string[]]> = [
    ['area', ['--area', 'adult-care'], ['adult-social-care', 'health-wellbeing', 'communities-democracy']],
    ['status', ['--area', 'housing', '--status', 'runing'], ['did you mean "running"', 'idea, planned, pilot, running, scaled, stopped']],
    ['Co', ['--area', 'housing', '--co', 'co-desing=emerging'], ['did you mean "co-design"', 'co-commissioning, co-design, co-delivery, co-assessment']],
    ['level', ['--area', 'housing', '--co', 'co-design=establised'], ['did you mean "established"', 'potential, emerging, established']],
    ['Co form', ['--area', 'housing', '--co', 'co-design'], ['<co>=<level>']],
    ['ward', ['--area', 'housing', '--ward', 'nowhere'], ['abbey', 'riverside', 'brampton-villages']],
    ['how without level', ['--area', 'housing', '--how', 'co-design=Tenants redesign it'], ['--co co-design=<level>']],
    ['bad id', ['--area', 'housing', '--id', 'Not An Id'], ['not a valid id']],
  ];
  for (const [what, flags, expected] of bad) {
    it(`exits 2 on an unknown ${what}, listing what is valid, and writes nothing`, async () => {
      const dir = copyFixture('demo');
      const before = snapshotTree(dir);
      const r = await costarIn(['map', 'add', '--title', 'Tenants redesign repairs', ...flags], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      for (const e of expected) expect(r.stderr).toContain(e);
      expect(snapshotTree(dir)).toEqual(before);
    });
  }

  it('names the flag when a required value is missing and nobody can be prompted', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['map', 'add', '--area', 'housing'], { cwd: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--title');
    const r2 = (await costarIn(['map', 'add', '--title', 'Something'], { cwd: dir }));
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--area');
  });

  it('refuses to write to a portfolio with errors and shows them', async () => {
    const dir = copyFixture('demo');
    const file = join(dir, 'initiatives', 'time-bank.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^status: .*$/m, 'status: runing'));
    const before = snapshotTree(dir);
    const r = (await costarIn(['map', 'add', '--title', 'New', '--area', 'housing'], { cwd: dir }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('initiatives/time-bank.yaml');
    expect(r.stderr).toContain('runing');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('keeps an interactive session from starting where nobody can answer', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['map'], { cwd: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('costar map add');
  });
});

describe('costar map list', () => {
  it('lists initiatives with their Co levels, as JSON, filtered by area', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['map', 'list', '--json', '--area', 'housing'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as Array<{ id: string; serviceArea: string; cos: Record<string, { level: string }> }>;
    const files = readdirSync(join(dir, 'initiatives')).map((f) => parse(readFileSync(join(dir, 'initiatives', f), 'utf8')));
    const expected = files.filter((i) => i.serviceArea === 'housing').map((i) => i.id).sort();
    expect(rows.map((x) => x.id)).toEqual(expected);
    for (const row of rows) {
      const src = files.find((i) => i.id === row.id);
      expect(row.cos).toEqual(src.cos ?? {});
    }
  });

  it('prints a table and what to do next', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['map', 'list'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dementia-walks');
    expect(r.stdout).toContain('● established');
    expect(r.stderr).toContain('Next:');
  });
});
