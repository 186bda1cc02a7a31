import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, snapshotTree } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { hasTmux, Terminal } from '../helpers/pty.js';

const read = (dir: string, id: string) => readFileSync(join(dir, 'initiatives', `${id}.yaml`), 'utf8');

/** The text after an edit equals the text before with exactly `inserted` lines put in at one place. */
function expectInserted(before: string, after: string, inserted: string[]): void {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length + inserted.length);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  expect(b.slice(i, i + inserted.length)).toEqual(inserted);
  expect(b.slice(i + inserted.length)).toEqual(a.slice(i));
}

describe('costar grow add-indicator', () => {
  it('appends the indicator to an existing list and keeps every other byte', async () => {
    const dir = copyFixture('demo');
    const before = read(dir, 'litter-picking-groups');
    const r = (await costarIn(['grow', 'add-indicator', 'litter-picking-groups', '--name', 'Residents proud of their street', '--kind', 'outcome', '--unit', '%', '--baseline', '48', '--target', '65', '--co-designed'], { cwd: dir }));
    expect(r.stderr).toContain('✔ Updated initiatives/litter-picking-groups.yaml: added outcome indicator "Residents proud of their street"');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expectInserted(before, read(dir, 'litter-picking-groups'), [
      '    - { name: Residents proud of their street, kind: outcome, unit: "%", baseline: 48, target: 65, coDesigned: true }',
    ]);
  });

  it('creates the grow section when there is none, leaving the rest of the file as it was', async () => {
    const dir = copyFixture('demo');
    const before = read(dir, 'social-prescribing');
    const r = (await costarIn(['grow', 'add-indicator', 'social-prescribing', '--name', 'Referrals made', '--kind', 'process', '--target', '300'], { cwd: dir }));
    expect(r.code).toBe(0);
    const after = read(dir, 'social-prescribing');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe('grow:\n  indicators:\n    - { name: Referrals made, kind: process, target: 300 }\n');
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('notes that an outcome indicator without a target does not count yet', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['grow', 'add-indicator', 'dementia-walks', '--name', 'Walkers still walking after a year', '--kind', 'outcome'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('needs a target to count for readiness: costar set initiatives/dementia-walks grow.indicators.3.target=…');
  });
});

describe('costar grow reading', () => {
  it('appends a reading under the indicator name as defined, keeping comments; a British date is read and echoed', async () => {
    const dir = copyFixture('demo');
    const before = read(dir, 'community-speedwatch');
    const r = (await costarIn(['grow', 'reading', 'community-speedwatch', '--indicator', 'vehicles over the limit at monitored sites', '--date', '31/01/2027', '--value', '31.5', '--as-of', '2027-02-01'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('reading 31.5% for "Vehicles over the limit at monitored sites" on 31 January 2027');
    expect(r.stderr).toContain('Trend: improving');
    const after = read(dir, 'community-speedwatch');
    expect(after).toContain('    # Getting worse at the A-road sites since the summer.\n');
    expectInserted(before, after, ['    - { indicator: Vehicles over the limit at monitored sites, date: 2027-01-31, value: 31.5 }']);
  });
});

describe('costar grow review', () => {
  it('appends to the review history; the v1 review and the comment beside it stay, and the newest counts', async () => {
    const dir = copyFixture('demo');
    const before = read(dir, 'litter-picking-groups');
    const r = await costarIn(['grow', 'review', 'litter-picking-groups', '--date', '2026-11-20', '--by', 'staff, users,partners'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('360-degree review on 20 November 2026 by users, staff, partners');
    expect(r.stderr).toContain('2 reviews recorded; this one, the newest, counts.');
    expect(r.stderr).toContain('Next review due by 2027-11-20');
    const after = read(dir, 'litter-picking-groups');
    expect(after).toContain('  review: { date: 2025-05-20, by: [staff] }   # overdue: more than a year old, and no residents heard\n');
    expect(after).toBe(`${before}  reviews:\n    - { date: 2026-11-20, by: [users, staff, partners] }\n`);

    // A second review is appended too; both are kept, and grow check judges the newest.
    const check = async (asOf: string) => JSON.parse((await costarIn(['grow', 'check', '--json', '--as-of', asOf], { cwd: dir })).stdout).initiatives.find((i: any) => i.id === 'litter-picking-groups');
    expect((await check('2026-12-01')).findings.map((f: any) => f.code)).not.toContain('review-overdue');
    const r2 = await costarIn(['grow', 'review', 'litter-picking-groups', '--date', '2026-11-25', '--by', 'staff'], { cwd: dir });
    expect(r2.code).toBe(0);
    expect(read(dir, 'litter-picking-groups')).toBe(`${before}  reviews:\n    - { date: 2026-11-20, by: [users, staff, partners] }\n    - { date: 2026-11-25, by: [staff] }\n`);
    const findings = (await check('2026-12-01')).findings;
    expect(findings.find((f: any) => f.code === 'review-not-360')?.message).toBe('the last review (2026-11-25) heard only staff; a 360-degree review hears users too');
    expect((await costarIn(['validate', '--as-of', '2026-12-01'], { cwd: dir })).code).toBe(0);
  });

  it('an earlier review is kept but the later one still counts', async () => {
    const dir = copyFixture('demo');
    const r = await costarIn(['grow', 'review', 'dementia-walks', '--date', '2026-01-10', '--by', 'staff'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('a later review (2026-10-08) is recorded, so that one still counts; 2 reviews kept');
    expect(r.stderr).not.toContain('hears both users and staff');
    const walks = JSON.parse((await costarIn(['grow', 'check', '--json', '--as-of', '2026-12-01'], { cwd: dir })).stdout).initiatives.find((i: any) => i.id === 'dementia-walks');
    expect(walks.ready).toBe(true);
  });

  it('the v1 review alone is still read: it counts, and is overdue a year on', async () => {
    const dir = copyFixture('demo');
    expect(read(dir, 'dementia-walks')).toContain('  review: { date: 2026-10-08, by: [users, staff, partners] }\n');
    expect(read(dir, 'dementia-walks')).not.toContain('reviews:');
    const on = async (asOf: string) => JSON.parse((await costarIn(['grow', 'check', '--json', '--as-of', asOf], { cwd: dir })).stdout).initiatives.find((i: any) => i.id === 'dementia-walks');
    expect((await on('2027-10-08')).ready).toBe(true);
    expect((await on('2027-10-09')).findings.map((f: any) => f.code)).toEqual(['review-overdue']);
  });

  it('a second review on the same day is refused whoever took part (duplicate-review, exit 2, nothing written)', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    for (const by of ['users,staff,partners', 'councillors']) {
      const r = await costarIn(['grow', 'review', 'dementia-walks', '--date', '08/10/2026', '--by', by], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('dementia-walks already has a review on 2026-10-08 (by users, staff, partners); one review a day, nothing was changed  [duplicate-review]');
      expect(r.stderr).toContain("costar set initiatives/dementia-walks 'grow.review.by=[");
    }
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('warns when the review did not hear users and staff', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['grow', 'review', 'ward-fund-pb', '--date', '2026-11-20', '--by', 'staff'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('hears both users and staff; this one did not');
  });
});

describe('future dates', () => {
  const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 2) / 1000) };

  it('a future reading or review is refused (exit 2, every file as it was), naming --allow-future', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const reading = await costarIn(['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '31/03/2028', '--value', '90'], { cwd: dir, env });
    expect(reading.code).toBe(2);
    expect(reading.stderr).toContain('--date 2028-03-31 is after 2026-12-02, the as-of date: readings and reviews record what has happened; nothing was changed  [future-date]');
    expect(reading.stderr).toContain('add --allow-future to record a planned date on purpose');
    const review = await costarIn(['grow', 'review', 'dementia-walks', '--date', '2026-12-03', '--by', 'users,staff'], { cwd: dir, env });
    expect(review.code).toBe(2);
    expect(review.stderr).toContain('[future-date]');
    expect(snapshotTree(dir)).toEqual(before);
    // Today itself is not the future.
    expect((await costarIn(['grow', 'review', 'dementia-walks', '--date', '2026-12-02', '--by', 'users,staff'], { cwd: dir, env })).code).toBe(0);
  });

  it('--allow-future records a planned date; grow check counts it only from that day, validate warns until then', async () => {
    const dir = copyFixture('demo');
    const r = await costarIn(['grow', 'reading', 'dementia-walks', '--indicator', 'Walkers who feel less isolated', '--date', '2028-03-31', '--value', '30', '--allow-future'], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'dementia-walks')).toContain('    - { indicator: Walkers who feel less isolated, date: 2028-03-31, value: 30 }\n');
    const v = await costarIn(['grow', 'review', 'dementia-walks', '--date', '2027-10-01', '--by', 'users,staff', '--allow-future'], { cwd: dir, env });
    expect(v.code, v.stderr).toBe(0);
    expect(v.stderr).toContain('Recorded as planned: it is dated after 2026-12-02, so grow check counts it from 2027-10-01.');
    expect(read(dir, 'dementia-walks').endsWith('  reviews:\n    - { date: 2027-10-01, by: [users, staff] }\n')).toBe(true);

    const validate = await costarIn(['validate', '--format', 'json'], { cwd: dir, env });
    expect(validate.code).toBe(0);
    const future = JSON.parse(validate.stdout).diagnostics.filter((d: any) => d.code === 'future-dated');
    expect(future.map((d: any) => [d.file, d.line, d.severity])).toEqual([
      ['initiatives/dementia-walks.yaml', 134, 'warning'],
      ['initiatives/dementia-walks.yaml', 141, 'warning'],
    ]);
    expect(future[0].message).toBe('the reading of "Walkers who feel less isolated" is dated 2028-03-31, after 2026-12-02: grow check does not count it until then; correct the date if it is a slip');
    // On a later as-of date the same files are not warned about.
    const afterwards = await costarIn(['validate', '--as-of', '2028-03-31'], { cwd: dir, env });
    expect(afterwards.code).toBe(0);
    expect(afterwards.stdout).not.toContain('future-dated');

    // The planned review does not count before its day, nor the planned reading (30%, further from
    // the target than the baseline) before its own.
    const check = async (asOf: string) => JSON.parse((await costarIn(['grow', 'check', '--json', '--as-of', asOf], { cwd: dir })).stdout).initiatives.find((i: any) => i.id === 'dementia-walks');
    expect((await check('2026-12-02')).ready).toBe(true);
    expect((await check('2027-09-30')).ready).toBe(true);
    expect((await check('2027-10-09')).ready).toBe(true);
    const later = await check('2028-03-31');
    expect(later.findings.map((f: any) => f.code)).toEqual(['not-improving']);
    expect(later.findings[0].message).toContain('latest reading 30% on 2028-03-31');
    expect((await check('2028-10-02')).findings.map((f: any) => f.code)).toEqual(['review-overdue', 'not-improving']);
  });
});

describe('bad input: exit 2, nothing changed, the flag named', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['unknown indicator', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks hled', '--date', '2027-01-01', '--value', '3'], /--indicator "Walks hled" is not an indicator of dementia-walks; did you mean "Walks held"\?/],
    ['indicator of an initiative without any', ['grow', 'reading', 'young-inspectors', '--indicator', 'Visits', '--date', '2027-01-01', '--value', '3'], /young-inspectors has no indicators yet/],
    ['a second reading on the same day', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '2026-09-30', '--value', '50'], /already has a reading of "Walks held" on 2026-09-30 \(47\)[\s\S]*costar set initiatives\/dementia-walks grow\.readings\.4\.value=50/],
    ['impossible date', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '2027-02-29', '--value', '3'], /--date "2027-02-29" is not a real date/],
    ['date in another form', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '2027/01/31', '--value', '3'], /--date "2027\/01\/31" is not a date; give a date: write it as 2027-06-30 or 30\/06\/2027 \(day\/month\/year\)/],
    ['date month first', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '06/30/2027', '--value', '3'], /--date "06\/30\/2027" looks like month\/day\/year; give a date with the day first/],
    ['impossible British date', ['grow', 'review', 'dementia-walks', '--date', '31/02/2027', '--by', 'users'], /--date "31\/02\/2027" is not a real date/],
    ['value not a number', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '2027-01-01', '--value', 'lots'], /--value "lots" is not a number/],
    ['missing value', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '2027-01-01'], /the value is missing: give --value/],
    ['unknown reviewer', ['grow', 'review', 'dementia-walks', '--date', '2027-01-01', '--by', 'users,staf'], /--by "users,staf": "staf" is not one of users, staff, partners, councillors; did you mean "staff"\?/],
    ['empty reviewers', ['grow', 'review', 'dementia-walks', '--date', '2027-01-01', '--by', ' , '], /--by is empty/],
    ['review date', ['grow', 'review', 'dementia-walks', '--date', '2027-13-01', '--by', 'users'], /--date "2027-13-01" is not a real date/],
    ['duplicate indicator name', ['grow', 'add-indicator', 'dementia-walks', '--name', 'walks held', '--kind', 'process'], /already has an indicator named "Walks held"; --name must be unique/],
    ['bad kind', ['grow', 'add-indicator', 'dementia-walks', '--name', 'X', '--kind', 'outcomes'], /--kind.*outcomes.*invalid/],
    ['bad baseline', ['grow', 'add-indicator', 'dementia-walks', '--name', 'X', '--kind', 'outcome', '--baseline', '12%'], /--baseline "12%" is not a number/],
    ['bad target', ['grow', 'add-indicator', 'dementia-walks', '--name', 'X', '--kind', 'outcome', '--target', ''], /--target "" is not a number/],
    ['missing kind', ['grow', 'add-indicator', 'dementia-walks', '--name', 'X'], /give --kind/],
    ['unknown initiative', ['grow', 'add-indicator', 'dementia-walk', '--name', 'X', '--kind', 'outcome'], /there is no initiative "dementia-walk" in this portfolio; did you mean "dementia-walks"\?/],
    ['bad as-of', ['grow', 'check', '--as-of', '2027-1-5'], /--as-of "2027-1-5" is not a date; give a date/],
    ['future reading', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '2027-07-01', '--value', '3'], /--date 2027-07-01 is after 2027-06-30, the as-of date: readings and reviews record what has happened; nothing was changed {2}\[future-date\][\s\S]*add --allow-future/],
    ['future reading, British date', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '01/07/2027', '--value', '3'], /--date 2027-07-01 is after 2027-06-30/],
    ['future review', ['grow', 'review', 'dementia-walks', '--date', '2028-01-15', '--by', 'users,staff'], /--date 2028-01-15 is after 2027-06-30, the as-of date[\s\S]*\[future-date\]/],
    ['future reading against --as-of', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '2027-01-02', '--value', '3', '--as-of', '2027-01-01'], /--date 2027-01-02 is after 2027-01-01/],
    ['future review against --as-of', ['grow', 'review', 'dementia-walks', '--date', '2027-01-02', '--by', 'users', '--as-of', '01/01/2027'], /--date 2027-01-02 is after 2027-01-01/],
    ['bad as-of of a reading', ['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '2027-01-02', '--value', '3', '--as-of', 'soon'], /--as-of "soon" is not a date/],
    ['interactive without a terminal', ['grow'], /costar grow is an interactive session and needs a terminal/],
  ];
  const dir = copyFixture('demo');
  // The as-of date of readings and reviews: mid-2027, so the dates above are not in the future.
  const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2027, 5, 30) / 1000) };
  // In-process (the built bundle, streams captured): the same contract, without a process each.
  it.each(cases)('%s', async (_name, args, message) => {
    const before = snapshotTree(dir);
    const r = await costarIn(args, { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe('costar grow check', () => {
  it('without --as-of judges on SOURCE_DATE_EPOCH, as the documents do', async () => {
    const demo = join('fixtures', 'demo');
    const byEpoch = await costarIn(['-C', demo, 'grow', 'check', '--json'], { env: { SOURCE_DATE_EPOCH: '1800000000' } });
    const byFlag = await costarIn(['-C', demo, 'grow', 'check', '--json', '--as-of', '2027-01-15']);
    expect(byEpoch.code, byEpoch.stderr).toBe(byFlag.code);
    expect(JSON.parse(byEpoch.stdout)).toEqual(JSON.parse(byFlag.stdout));
    expect(JSON.parse(byEpoch.stdout).asOf).toBe('2027-01-15');
  });

  const AS_OF = '2027-01-15';

  it('reports the demo portfolio\'s known gaps as JSON, with exit 0 and nothing on stderr', async () => {
    const r = (await costarIn(['-C', 'fixtures/demo', 'grow', 'check', '--json', '--as-of', AS_OF]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const res = JSON.parse(r.stdout);
    expect(res.asOf).toBe(AS_OF);
    const byId = Object.fromEntries(res.initiatives.map((i: any) => [i.id, i]));
    expect(Object.keys(byId)).toEqual([
      'community-car-scheme',
      'community-speedwatch',
      'dementia-walks',
      'litter-picking-groups',
      'social-prescribing',
      'tenant-scrutiny-panel',
      'ward-fund-pb',
      'young-inspectors',
    ]);
    const codes = (id: string) => byId[id].findings.map((f: any) => f.code);
    expect(byId['dementia-walks'].ready).toBe(true);
    expect(byId['tenant-scrutiny-panel'].ready).toBe(true);
    // A worsening reading, no councillor in either ward.
    expect(codes('community-speedwatch')).toEqual(['not-improving', 'no-councillor-connector', 'no-councillor-connector']);
    // An old, staff-only review, no co-designed indicator, councillors for one ward of four.
    expect(codes('litter-picking-groups')).toEqual(['no-co-designed-indicator', 'review-overdue', 'review-not-360', 'no-councillor-connector', 'no-councillor-connector', 'no-councillor-connector']);
    expect(codes('ward-fund-pb')).toEqual(['no-co-designed-indicator', 'review-overdue', 'review-not-360']);
    expect(codes('community-car-scheme')).toEqual(['no-outcome-indicator', 'no-co-designed-indicator', 'no-review', 'no-competencies', 'no-councillor-connector']);
    for (const i of res.initiatives) {
      expect(i.ready).toBe(i.findings.length === 0);
      for (const f of i.findings) expect(Object.keys(f)).toEqual(['code', 'message', 'fix']);
    }
    const speed = byId['community-speedwatch'].findings[0];
    expect(speed.message).toContain('further from its target 20% than its baseline 34%: latest reading 39% on 2026-10-31');
  });

  it('counts a review exactly 12 months old, not one a day older', async () => {
    const on = JSON.parse((await costarIn(['-C', 'fixtures/demo', 'grow', 'check', '--json', '--as-of', '2027-10-08'])).stdout);
    const after = JSON.parse((await costarIn(['-C', 'fixtures/demo', 'grow', 'check', '--json', '--as-of', '2027-10-09'])).stdout);
    const walks = (res: any) => res.initiatives.find((i: any) => i.id === 'dementia-walks');
    expect(walks(on).ready).toBe(true);
    expect(walks(after).findings.map((f: any) => f.code)).toEqual(['review-overdue']);
  });

  it('prints a table, then each gap with the command that fixes it', async () => {
    const r = (await costarIn(['-C', 'fixtures/demo', 'grow', 'check', '--as-of', AS_OF]));
    expect(r.code).toBe(0);
    // Data on stdout; the Next: hint, said to a person, on stderr.
    expect(r.stderr).toBe('Next: costar grow add-indicator community-car-scheme --name … --kind outcome --baseline … --target … --co-designed\n');
    expect(r.stdout).not.toContain('Next:');
    expect(r.stdout).toContain('Midshire co-production portfolio — readiness to grow as of 2027-01-15');
    expect(r.stdout).toMatch(/^dementia-walks +running +✔ ready +0$/m);
    expect(r.stdout).toMatch(/^litter-picking-groups +scaled +✖ not yet +6$/m);
    expect(r.stdout).toContain('2 of 8 running or scaled initiatives are ready to grow.');
    expect(r.stdout).toContain('  ✖ the last review (2025-07-10) heard only staff; a 360-degree review hears users too  [review-not-360]\n    fix: costar grow review ward-fund-pb --date … --by users,staff\n');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('defaults --as-of to today', async () => {
    const r = (await costarIn(['-C', 'fixtures/demo', 'grow', 'check', '--json']));
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(JSON.parse(r.stdout).asOf).toBe(today);
  });

  it('the fix commands it prints work: pasted in, the gaps close', async () => {
    const dir = copyFixture('demo');
    const check = async () => JSON.parse((await costarIn(['grow', 'check', '--json', '--as-of', AS_OF], { cwd: dir })).stdout).initiatives;
    const car = async () => (await check()).find((i: any) => i.id === 'community-car-scheme');
    expect((await costarIn(['grow', 'add-indicator', 'community-car-scheme', '--name', 'Members who can get to appointments', '--kind', 'outcome', '--unit', '%', '--baseline', '55', '--target', '90', '--co-designed'], { cwd: dir })).code).toBe(0);
    expect((await costarIn(['grow', 'reading', 'community-car-scheme', '--indicator', 'Members who can get to appointments', '--date', '2026-12-31', '--value', '71', '--as-of', AS_OF], { cwd: dir })).code).toBe(0);
    expect((await costarIn(['grow', 'review', 'community-car-scheme', '--date', '2026-12-01', '--by', 'users,staff', '--as-of', AS_OF], { cwd: dir })).code).toBe(0);
    expect((await costarIn(['set', 'initiatives/community-car-scheme', 'grow.competencies+=[volunteer-management]'], { cwd: dir })).code).toBe(0);
    expect((await car()).findings.map((f: any) => f.code)).toEqual(['no-councillor-connector']);
    const fix: string = (await car()).findings[0].fix;
    expect(fix).toBe("costar set initiatives/community-car-scheme 'grow.councillors+={ ward: brampton-villages, role: community connector }'");
    const r = (await costarIn(['set', 'initiatives/community-car-scheme', 'grow.councillors+={ ward: brampton-villages, role: community connector }'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect((await car()).ready).toBe(true);
    expect((await costarIn(['validate', '--as-of', AS_OF], { cwd: dir })).code).toBe(0);
  });
});

describe.skipIf(!hasTmux())('interactive costar grow (through a terminal)', () => {
  let term: Terminal | undefined;
  afterEach(() => term?.close());

  it('adds an indicator and a review, shows a summary, saves on confirmation', async () => {
    const dir = copyFixture('demo');
    const before = read(dir, 'ward-fund-pb');
    term = new Terminal(['grow'], { cwd: dir });
    await term.waitFor('? Initiative');
    // ward-fund-pb is the 7th of the running and scaled initiatives.
    for (let i = 0; i < 6; i++) term.press('Down');
    term.press('Enter');
    await term.waitFor('3 gaps before it is ready to grow');
    await term.waitFor('? What now?');
    term.press('Enter'); // Add an indicator
    await term.waitFor('? Indicator name');
    term.type('Residents who see their idea funded');
    term.press('Enter');
    await term.waitFor('? Kind');
    term.press('Enter'); // outcome
    await term.waitFor('? Unit');
    term.type('%');
    term.press('Enter');
    await term.waitFor('? Baseline');
    term.type('12');
    term.press('Enter');
    await term.waitFor('? Target');
    term.type('lots');
    term.press('Enter');
    await term.waitFor('"lots" is not a number');
    for (let i = 0; i < 4; i++) term.press('BSpace');
    term.type('30');
    term.press('Enter');
    await term.waitFor('? Was it designed with the people who use the service?');
    term.type('y');
    term.press('Enter');
    await term.waitFor('+ add outcome indicator "Residents who see their idea funded", target 30%, co-designed');
    await term.waitFor(/\? What now\?[\s\S]*Done — review and save 1 change/);
    term.press('Down', 'Down', 'Enter'); // Record a 360-degree review
    await term.waitFor('? Date of the review');
    term.type('2026-11-20');
    term.press('Enter');
    await term.waitFor('? Who took part?');
    term.press('Enter'); // users and staff are ticked already
    await term.waitFor('+ 360-degree review on 20 November 2026 by users, staff');
    await term.waitFor('Done — review and save 2 changes');
    for (let i = 0; i < 5; i++) term.press('Down');
    term.press('Enter');
    await term.waitFor('? Save them?');
    expect(term.screen()).toContain('Changes to initiatives/ward-fund-pb');
    term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('✔ Updated initiatives/ward-fund-pb.yaml: 2 changes');
    const after = read(dir, 'ward-fund-pb');
    expect(after).toContain('    - { name: Residents who see their idea funded, kind: outcome, unit: "%", baseline: 12, target: 30, coDesigned: true }\n');
    // The review is appended to the history; the v1 review and its comment stay as they were.
    expect(after).toContain('  # The last review heard staff only, and it is now well over a year old.\n  review: { date: 2025-07-10, by: [staff] }\n');
    expect(after.endsWith('  reviews:\n    - { date: 2026-11-20, by: [users, staff] }\n')).toBe(true);
    expect(after.split('\n').length).toBe(before.split('\n').length + 3);
  });

  it('Ctrl-C part-way leaves every file as it was and exits 130', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    term = new Terminal(['grow'], { cwd: dir });
    await term.waitFor('? Initiative');
    term.press('Enter');
    await term.waitFor('? What now?');
    term.press('Enter');
    await term.waitFor('? Indicator name');
    term.type('Half-typed');
    term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('Cancelled: nothing was changed.');
    expect(snapshotTree(dir)).toEqual(before);
  });
});
