/** core/survey-import.ts: rows of a survey file to records, and every kind of problem a row can have. */
import { describe, expect, it } from 'vitest';
import { PERSON_FIELDS } from '../../src/core/people.js';
import { importSurvey, type CsvRow, type ImportContext, type ImportOptions } from '../../src/core/survey-import.js';

const HEADER = PERSON_FIELDS.join(',');

/** Rows as csv-parse gives them (a naive split: these cells hold no commas). */
const csv = (...lines: string[]): CsvRow[] => lines.map((l, i) => ({ row: i + 1, cells: l.split(',') }));

const ctx = (over: Partial<ImportContext> = {}): ImportContext => ({
  config: { wards: [{ id: 'abbey', label: 'Abbey' }, { id: 'riverside', label: 'Riverside' }] },
  existing: new Set(['p-0001', 'p-0002', 'p-0005']),
  people: new Map<string, Record<string, unknown>>([
    ['p-0001', { id: 'p-0001', kind: 'individual', ward: 'abbey', consent: true, offers: ['cooking'] }],
    ['p-0005', { id: 'p-0005', kind: 'group', consent: false }],
  ]),
  known: ['cooking', 'gardening', 'walk-leading'],
  ...over,
});

const run = (rows: CsvRow[], opts: ImportOptions = {}, c = ctx()) => importSurvey(rows, c, { file: 'returns.csv', ...opts });
const reasons = (r: ReturnType<typeof run>) => r.problems.map((p) => `${p.row}/${p.column}: ${p.reason}`);

describe('importSurvey: records', () => {
  it('makes records in canonical order with fresh ids above the highest, skipping ids the file gives', () => {
    const r = run(
      csv(
        'Kind,Ward,consent,willingness,under18,offer,wants,availability,checks,id',
        'Individual,Abbey,yes,More,n,Walk leading;cooking,gardening,Weekends;weekday day,dbs,',
        'group,riverside,0,,,,,,,p-0006',
        ',,,,,,,,,',
        'organisation,,,,,,,,,',
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.row, x.id, x.action])).toEqual([
      [2, 'p-0007', 'add'],
      [3, 'p-0006', 'add'],
      [5, 'p-0008', 'add'],
    ]);
    const first = r.records[0]!.record;
    expect(first).toEqual({ id: 'p-0007', kind: 'individual', ward: 'abbey', consent: true, willingness: 'more', under18: false, offers: ['walk-leading', 'cooking'], wants: ['gardening'], availability: ['weekends', 'weekday-day'], checks: ['dbs'] });
    expect(Object.keys(first)).toEqual(PERSON_FIELDS.filter((f) => f in first));
    expect(r.newSkills).toBe(0);
  });

  it('a return without consent is imported (it is only never matched)', () => {
    const r = run(csv('ward,consent', 'abbey,no', 'abbey,'));
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.record.consent)).toEqual([false, undefined]);
  });

  it('keeps names and contacts, line breaks normalised', () => {
    const r = run([{ row: 1, cells: ['name', 'contact'] }, { row: 2, cells: ['Ann\r\nExample', 'ann@example.org'] }]);
    expect(r.records[0]!.record).toEqual({ id: 'p-0006', name: 'Ann\nExample', contact: 'ann@example.org' });
  });

  it('notes skills new to the portfolio by row, not by value', () => {
    const r = run(csv('offers,wants', 'knitting,', 'knitting,', ',pottery'));
    expect(r.problems).toEqual([]);
    expect(r.newSkills).toBe(2);
    expect(r.newSkillRows).toEqual([2, 4]);
  });

  it('--new-skill accepts a near miss', () => {
    expect(reasons(run(csv('offers', 'gardenin')))).toEqual(['2/offers: a skill is used nowhere else in this portfolio; did you mean "gardening"? (if it is a new skill, pass it with --new-skill)']);
    const r = run(csv('offers', 'gardenin'), { newSkills: new Set(['gardenin']) });
    expect(r.problems).toEqual([]);
    expect(r.records[0]!.record.offers).toEqual(['gardenin']);
  });

  it('--map renames a column and ignores one; an empty unnamed column is ignored by itself', () => {
    const r = run(csv('Home ward,Timestamp,,consent', 'abbey,2026-01-01,,yes'), { map: new Map([['home ward', 'ward'], ['timestamp', null]]) });
    expect(r.problems).toEqual([]);
    expect(r.records[0]!.record).toEqual({ id: 'p-0006', ward: 'abbey', consent: true });
  });
});

describe('importSurvey: updates', () => {
  it('with update, filled cells replace fields, empty cells change nothing, same values are unchanged', () => {
    const r = run(csv('id,ward,consent,offers', 'p-0001,riverside,,gardening', 'p-0005,,no,'), { update: true });
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.id, x.action])).toEqual([
      ['p-0001', 'update'],
      ['p-0005', 'unchanged'],
    ]);
    expect(r.records[0]!.sets).toEqual([
      { op: 'set', path: ['ward'], value: 'riverside' },
      { op: 'set', path: ['offers'], value: ['gardening'] },
    ]);
    expect(r.records[0]!.record).toEqual({ id: 'p-0001', kind: 'individual', ward: 'riverside', consent: true, offers: ['gardening'] });
  });
});

describe('importSurvey: every kind of problem', () => {
  it('refuses an empty file', () => {
    const r = run([]);
    expect(r.refusal).toMatchObject({ code: 'csv-empty', message: 'returns.csv is empty: it needs a header row naming the fields', exit: 1 });
    expect(r.records).toEqual([]);
  });

  it('refuses a first row that is a return, without printing it', () => {
    const r = run(csv('Ann Example,ann@example.org,abbey', 'Bob,bob@example.org,abbey'));
    expect(r.refusal).toMatchObject({ code: 'csv-no-header', exit: 1 });
    expect(r.refusal!.message).toMatch(/^returns.csv: row 1 is not a header row \(none of its 3 cells names a field/);
    expect(JSON.stringify(r.refusal)).not.toMatch(/Ann|example\.org/);
  });

  it('refuses a --map that names no column (a usage error)', () => {
    const r = run(csv('ward', 'abbey'), { map: new Map([['home wrd', 'ward']]) });
    expect(r.refusal).toMatchObject({ code: 'bad-value', message: '--map names a column "home wrd" that the header does not have', hint: 'Columns: ward', exit: 2 });
  });

  it('reports an unknown column, two columns read as one field, and a contact as a header by number', () => {
    const r = run(csv('wardd,ward,Ward,ann@example.org', 'abbey,abbey,abbey,x'));
    const got = reasons(r);
    expect(got[0]).toMatch(/^1\/wardd: "wardd" is not a field of a person; did you mean "ward"\? Rename the column, or pass --map "wardd=<field>"/);
    expect(got).toContain('1/Ward: both "ward" and "Ward" are read as ward; keep one, or ignore one with --map "Ward="');
    expect(got.some((x) => x.startsWith('1/#4: "#4" is not a field'))).toBe(true);
    expect(got.join('\n')).not.toContain('ann@');
  });

  it('reports a bad value in every field, naming the column and never the value', () => {
    const r = run(csv(HEADER, 'Bad Id,grup,Ann,ann@x,Abey,perhaps,31/02/2026,mor,sometimes,gardenin,walk-leadin,weekend,dbs'));
    expect(reasons(r)).toEqual([
      '2/id: the value is not a valid id: use lower-case letters, digits and hyphens (at most 64), e.g. p-0042 or dementia-walks',
      '2/kind: the value is not a kind; did you mean "group"? Kinds: individual, group, organisation',
      '2/ward: the value is not a ward of this portfolio; did you mean "abbey"? Wards: abbey, riverside',
      '2/consent: the value is not yes or no (true/false, yes/no, y/n, 1/0 are read)',
      '2/consentDate: the value is not a real date; write the day consent was given as 2027-06-30 or 30/06/2027 (day/month/year)',
      '2/willingness: the value is not a willingness; did you mean "more"? Use: already, more, maybe, no',
      '2/under18: the value is not yes or no (true/false, yes/no, y/n, 1/0 are read)',
      '2/offers: a skill is used nowhere else in this portfolio; did you mean "gardening"? (if it is a new skill, pass it with --new-skill)',
      '2/wants: a skill is used nowhere else in this portfolio; did you mean "walk-leading"? (if it is a new skill, pass it with --new-skill)',
      '2/availability: an item is not a time of availability; did you mean "weekends"? Use: weekday-day, weekday-evening, weekends',
    ]);
    expect(reasons(r).join('\n')).not.toMatch(/Bad Id|Ann|ann@x|Abey|perhaps|sometimes|31\/02/);
    expect(r.records[0]!.record).not.toHaveProperty('ward');
  });

  it('reports a row with more cells than the header names', () => {
    expect(reasons(run(csv('ward,consent', 'abbey,yes,extra')))).toEqual(['2/#3: the row has 3 cells but the header names 2 columns; quote cells that hold commas']);
    expect(run(csv('ward,consent', 'abbey,yes,')).problems).toEqual([]); // an empty extra cell is harmless
  });

  it('reports duplicate ids, ids that exist without --update, and a file with errors of its own', () => {
    const r = run(csv('id,ward', 'x1,abbey', 'x1,abbey', 'p-0001,abbey'));
    expect(reasons(r)).toEqual([
      '3/id: id x1 is also on row 2; give each return its own id',
      '4/id: id p-0001 already exists (people/p-0001.yaml); pass --update to update existing people, or remove the id to add a new person',
    ]);
    // p-0002 has a file but is not among the valid people: it cannot be updated.
    expect(reasons(run(csv('id,ward', 'p-0002,abbey'), { update: true }))).toEqual(['2/id: people/p-0002.yaml has errors of its own, so it cannot be updated; fix it first (costar validate)']);
  });

  it('checks each record against the schema as a safety net, naming the column', () => {
    // A ward id in the configuration that is not a valid id: the value resolves but fails the schema.
    const r = run(csv('ward', 'Bad Ward'), {}, ctx({ config: { wards: [{ id: 'Bad Ward', label: 'Bad Ward' }] } }));
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 2, column: 'ward' });
  });

  it('sorts problems by row, then by column', () => {
    const r = run(csv('consent,ward', 'abbey,abbey', 'yes,nowhere', 'maybe,nowhere'));
    expect(r.problems.map((p) => `${p.row}/${p.column}`)).toEqual(['2/consent', '3/ward', '4/consent', '4/ward']);
  });
});
