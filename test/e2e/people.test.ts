/** People it through the real CLI: add, import, remove and match on copies of the demo portfolio. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isEligible, willingnessRank } from '../../src/core/eligibility.js';
import type { Initiative, Person } from '../../src/core/schema.js';
import { copyFixture, FIXTURES, snapshotTree } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const DEMO = join(FIXTURES, 'demo');

function readAll<T>(dir: string, folder: string): T[] {
  return readdirSync(join(dir, folder))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parse(readFileSync(join(dir, folder, f), 'utf8')) as T);
}

/** Every name and contact in the demo: none may appear in any output without --include-personal. */
const PERSONAL = readAll<Person>(DEMO, 'people').flatMap((p) => [p.name, p.contact].filter((x): x is string => typeof x === 'string'));

function expectNoPersonalData(text: string): void {
  for (const s of PERSONAL) expect(text, `personal data "${s}" leaked`).not.toContain(s);
}

const validate = (dir: string) => costarIn(['validate', '--format', 'json'], { cwd: dir });

describe('costar people add', () => {
  it('adds a person from flags with the next free id, and the file validates', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(
      ['people', 'add', '--kind', 'individual', '--name', 'Ann Example', '--contact', 'ann@example.org', '--ward', 'abbey', '--consent', '--willingness', 'more', '--under18',
        '--offer', 'cooking', '--offer', 'Walk leading', '--want', 'gardening', '--availability', 'weekends', '--check', 'dbs'],
      { cwd: dir, env: { SOURCE_DATE_EPOCH: '1773446400' } }, // 14 March 2026: the day consent is recorded as given
    ));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('p-0041\n');
    expect(r.stderr).toContain('Added people/p-0041.yaml');
    expect(r.stderr + r.stdout).not.toContain('Ann Example');
    expect(r.stderr + r.stdout).not.toContain('ann@example.org');
    const text = readFileSync(join(dir, 'people', 'p-0041.yaml'), 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=../.costar/schema/person.schema.json\n')).toBe(true);
    expect(parse(text)).toEqual({
      id: 'p-0041',
      kind: 'individual',
      name: 'Ann Example',
      contact: 'ann@example.org',
      ward: 'abbey',
      consent: true,
      consentDate: '2026-03-14',
      willingness: 'more',
      under18: true,
      offers: ['cooking', 'walk-leading'],
      wants: ['gardening'],
      availability: ['weekends'],
      checks: ['dbs'],
    });
    const v = await validate(dir);
    expect(v.code, v.stdout).toBe(0);
    expect(JSON.parse(v.stdout).diagnostics.filter((d: any) => d.file === 'people/p-0041.yaml')).toEqual([]);
  });

  it('takes --id and --no-consent', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['people', 'add', '--id', 'riverside-rowers', '--kind', 'group', '--ward', 'riverside', '--no-consent'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'people', 'riverside-rowers.yaml'), 'utf8'))).toEqual({ id: 'riverside-rowers', kind: 'group', ward: 'riverside', consent: false });
    expect(r.stderr).toContain('never matched');
  });

  it('refuses an unknown ward with exit 2 and a suggestion, writing nothing', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const r = (await costarIn(['people', 'add', '--ward', 'abby', '--consent'], { cwd: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "abbey"?');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('refuses bad values and a taken id with exit 2', async () => {
    const dir = copyFixture('demo');
    expect((await costarIn(['people', 'add', '--availability', 'sometimes'], { cwd: dir })).code).toBe(2);
    expect((await costarIn(['people', 'add', '--willingness', 'perhaps'], { cwd: dir })).code).toBe(2);
    expect((await costarIn(['people', 'add', '--id', 'p-0001', '--ward', 'abbey'], { cwd: dir })).code).toBe(2);
    expect((await costarIn(['people', 'add', '--id', 'Not An Id'], { cwd: dir })).code).toBe(2);
    const none = (await costarIn(['people', 'add'], { cwd: dir }));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--ward');
  });
});

describe('costar people import', () => {
  const HEADER = 'id,kind,name,contact,ward,consent,willingness,under18,offers,wants,availability,checks';

  it('reads UTF-8 with a BOM, CRLF line ends and quoted cells holding commas, quotes and line breaks', async () => {
    const dir = copyFixture('demo');
    const csv =
      '\ufeff' +
      [
        HEADER,
        ',individual,"Smith, Jo","jo@example.org\r\n07700 900123",Abbey,yes,more,no,"cooking; walk leading",gardening,weekends;weekday-day,dbs',
        'p-0100,group,"The ""Friends""",,St Mary\'s,Y,already,,befriending,,,',
        ',organisation,Bramble Trust,,brampton-villages,1,maybe,0,meeting-space,,,',
      ].join('\r\n') +
      '\r\n';
    writeFileSync(join(dir, 'returns.csv'), csv);
    const r = (await costarIn(['people', 'import', 'returns.csv'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1773446400' } }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('3 returns read: 3 added');
    expect(r.stderr).not.toMatch(/Smith|Friends|Bramble|jo@example/);
    expect(parse(readFileSync(join(dir, 'people', 'p-0041.yaml'), 'utf8'))).toEqual({
      id: 'p-0041',
      kind: 'individual',
      name: 'Smith, Jo',
      contact: 'jo@example.org\n07700 900123',
      ward: 'abbey',
      consent: true,
      consentDate: '2026-03-14',
      willingness: 'more',
      under18: false,
      offers: ['cooking', 'walk-leading'],
      wants: ['gardening'],
      availability: ['weekends', 'weekday-day'],
      checks: ['dbs'],
    });
    expect(parse(readFileSync(join(dir, 'people', 'p-0100.yaml'), 'utf8'))).toMatchObject({ name: 'The "Friends"', ward: 'st-marys', consent: true, willingness: 'already' });
    expect(parse(readFileSync(join(dir, 'people', 'p-0042.yaml'), 'utf8'))).toMatchObject({ kind: 'organisation', consent: true, under18: false });
    expect((await validate(dir)).code).toBe(0);
  });

  it('writes nothing when one row is bad, and reports the row a spreadsheet shows and the column', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const csv = [
      'id,name,ward,consent,offers',
      'p-0201,"Line one\nline two",abbey,yes,cooking', // row 2 spans two lines of the file
      'p-0202,Secret Name,riverside,maybe,cooking', // row 3: bad consent
      'p-0203,Other Name,abbey,no,gardening',
    ].join('\n');
    writeFileSync(join(dir, 'bad.csv'), csv);
    const after = snapshotTree(dir);
    const r = (await costarIn(['people', 'import', 'bad.csv'], { cwd: dir }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 3, column consent:');
    expect(r.stderr).toContain('the value is not yes or no');
    expect(r.stderr).not.toContain('maybe'); // cells are never echoed: a shifted column could hold anything
    expect(r.stderr).not.toContain('row 2,');
    expect(r.stderr).not.toContain('Secret Name');
    expect(r.stderr).toContain('nothing was imported');
    expect(snapshotTree(dir)).toEqual(after);
    expect(Object.keys(after).filter((k) => !(k in before))).toEqual(['bad.csv']);
  });

  it('reports every bad row: unknown ward and skill with suggestions, unknown column, duplicate and existing ids', async () => {
    const dir = copyFixture('demo');
    writeFileSync(
      join(dir, 'bad.csv'),
      ['id,ward,offers,wardd', 'x1,abby,gardning,', 'x1,oakfield,cooking,', 'p-0001,abbey,cooking,', 'Bad Id,abbey,,'].join('\n') + '\n',
    );
    const before = snapshotTree(dir);
    const r = (await costarIn(['people', 'import', 'bad.csv'], { cwd: dir }));
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/row 1, column wardd: .*did you mean "ward"\?/));
    expect(lines).toContainEqual(expect.stringMatching(/row 2, column ward: .*did you mean "abbey"\?/));
    expect(lines).toContainEqual(expect.stringMatching(/row 2, column offers: .*did you mean "gardening"\?/));
    expect(lines).toContainEqual(expect.stringMatching(/row 3, column id: id x1 is also on row 2/));
    expect(lines).toContainEqual(expect.stringMatching(/row 4, column id: id p-0001 already exists .*--update/));
    expect(lines).toContainEqual(expect.stringMatching(/row 5, column id: .*not a valid id/));
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--map renames and ignores columns; --new-skill accepts a near miss', async () => {
    const dir = copyFixture('demo');
    writeFileSync(join(dir, 'forms.csv'), 'Timestamp,Home ward,Happy to be contacted,Skills\n2026-01-05,Oakfield,Yes,gardenin\n');
    const plain = (await costarIn(['people', 'import', 'forms.csv'], { cwd: dir }));
    expect(plain.code).toBe(1);
    expect(plain.stderr).toContain('row 1, column Timestamp:');
    const r = (await costarIn(['people', 'import', 'forms.csv', '--map', 'Timestamp=', '--map', 'Home ward=ward', '--map', 'Happy to be contacted=consent', '--map', 'Skills=offers', '--new-skill', 'gardenin'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1773446400' } }));
    expect(r.code, r.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'people', 'p-0041.yaml'), 'utf8'))).toEqual({ id: 'p-0041', ward: 'oakfield', consent: true, consentDate: '2026-03-14', offers: ['gardenin'] });
    // The form's own date, when it is read as the consent date, is kept.
    const dated = (await costarIn(['people', 'import', 'forms.csv', '--map', 'Timestamp=consentDate', '--map', 'Home ward=ward', '--map', 'Happy to be contacted=consent', '--map', 'Skills=offers', '--new-skill', 'gardenin'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1773446400' } }));
    expect(dated.code, dated.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'people', 'p-0042.yaml'), 'utf8'))).toMatchObject({ consent: true, consentDate: '2026-01-05' });
  });

  it('--dry-run checks everything and writes nothing', async () => {
    const dir = copyFixture('demo');
    writeFileSync(join(dir, 'ok.csv'), 'ward,consent,offers\nabbey,yes,cooking\n');
    const before = snapshotTree(dir);
    const r = (await costarIn(['people', 'import', 'ok.csv', '--dry-run'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 to add');
    expect(r.stderr).toContain('nothing was written');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('--update changes the filled cells of existing people and keeps their comments', async () => {
    const dir = copyFixture('demo');
    const file = join(dir, 'people', 'p-0005.yaml');
    writeFileSync(file, '# paper return, March\n' + readFileSync(file, 'utf8'));
    writeFileSync(join(dir, 'upd.csv'), 'id,willingness,checks,name\np-0005,already,dbs;first-aid,\n');
    expect((await costarIn(['people', 'import', 'upd.csv'], { cwd: dir })).code).toBe(1); // exists, no --update
    const r = (await costarIn(['people', 'import', 'upd.csv', '--update'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 updated');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# paper return, March\n')).toBe(true);
    expect(parse(text)).toMatchObject({ id: 'p-0005', willingness: 'already', checks: ['dbs', 'first-aid'], offers: ['walk-leading', 'driving'] });
  });

  it('a missing file or a bad --map is a usage error', async () => {
    const dir = copyFixture('demo');
    expect((await costarIn(['people', 'import', 'nothere.csv'], { cwd: dir })).code).toBe(2);
    writeFileSync(join(dir, 'ok.csv'), 'ward\nabbey\n');
    expect((await costarIn(['people', 'import', 'ok.csv', '--map', 'ward=wardd'], { cwd: dir })).code).toBe(2);
    expect((await costarIn(['people', 'import', 'ok.csv', '--map', 'nosuch=ward'], { cwd: dir })).code).toBe(2);
  });
});

describe('costar people remove', () => {
  it('erases the file and every contributors entry in one go, leaving other bytes alone', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const r = (await costarIn(['people', 'remove', 'p-0032', '--yes'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'people', 'p-0032.yaml'))).toBe(false);
    expect(r.stderr).toContain('Erased people/p-0032.yaml');
    expect(r.stderr).toContain('repairs-redesign');
    expect(r.stderr).toContain('tenant-scrutiny-panel');
    expectNoPersonalData(r.stdout + r.stderr);
    const after = snapshotTree(dir);
    const changed = Object.keys(before).filter((k) => after[k] !== before[k]).sort();
    expect(changed).toEqual(['initiatives/repairs-redesign.yaml', 'initiatives/tenant-scrutiny-panel.yaml', 'people/p-0032.yaml']);
    const old = readFileSync(join(DEMO, 'initiatives', 'tenant-scrutiny-panel.yaml'), 'utf8');
    const now = readFileSync(join(dir, 'initiatives', 'tenant-scrutiny-panel.yaml'), 'utf8');
    expect(now).toBe(old.replace('contributors: [p-0031, p-0032]', 'contributors: [p-0031]'));
    for (const i of readAll<Initiative>(dir, 'initiatives')) expect(i.people?.contributors ?? []).not.toContain('p-0032');
    expect((await validate(dir)).code).toBe(0);
  });

  it('without a terminal it needs --yes: exit 2 naming --yes, and nothing changed', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const r = await costarIn(['people', 'remove', 'p-0032'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(r.stderr).toContain('nothing was changed');
    expect(r.stdout).toBe('');
    expect(snapshotTree(dir)).toEqual(before);
    expect(existsSync(join(dir, '.costar'))).toBe(false);
  });

  it('an unknown id is a usage error with a suggestion', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['people', 'remove', 'p-00322', '--yes'], { cwd: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "p-0022" or "p-0032"?');
  });
});

describe('costar people export (subject access)', () => {
  const person = parse(readFileSync(join(DEMO, 'people', 'p-0032.yaml'), 'utf8')) as Person;

  it('--json gives the whole record and every initiative that lists the person, with a note on stderr', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const r = await costarIn(['people', 'export', 'p-0032', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['person', 'initiatives']);
    expect(out.person).toEqual(person);
    expect(out.person.name).toBe('Kwame Mensah');
    const listing = readAll<Initiative>(dir, 'initiatives').filter((i) => (i.people?.contributors ?? []).includes('p-0032'));
    expect(out.initiatives).toEqual(listing.map((i) => ({ id: i.id, title: i.title, as: 'contributor' })));
    expect(out.initiatives.map((i: { id: string }) => i.id)).toEqual(['repairs-redesign', 'tenant-scrutiny-panel']);
    expect(r.stderr).toContain('personal data');
    expect(r.stderr).toContain('only to the person themselves');
    expectNoPersonalData(r.stderr);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('the text export shows every field of the record and the initiatives by id and title', async () => {
    const r = await costarIn(['people', 'export', 'people/p-0032.yaml'], { cwd: DEMO });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Everything costar holds about p-0032');
    for (const [k, v] of Object.entries(person)) {
      const shown = Array.isArray(v) ? v.join(', ') : v === true ? 'yes' : v === false ? 'no' : String(v);
      expect(r.stdout).toMatch(new RegExp(`^  ${k} +${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
    expect(r.stdout).toMatch(/^  repairs-redesign +Tenants redesign the responsive repairs service$/m);
    expect(r.stdout).toMatch(/^  tenant-scrutiny-panel +Tenant scrutiny panel reviews housing services$/m);
    expect(r.stdout).toContain('as a contributor (2)');
    expect(r.stderr).toContain('personal data');
  });

  it('a person no initiative lists has an empty list', async () => {
    const r = await costarIn(['people', 'export', 'p-0040', '--json'], { cwd: DEMO });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).initiatives).toEqual([]);
  });

  it('an unknown id is a usage error with a suggestion and prints nothing', async () => {
    const r = await costarIn(['people', 'export', 'p-00322', '--json'], { cwd: DEMO });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('did you mean "p-0022" or "p-0032"?');
  });
});

describe('costar people match', () => {
  it('--json gives the SPEC 7 shape and every assignment and pair keeps the rules', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['people', 'match', '--json'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectNoPersonalData(r.stdout);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['assignments', 'pairs', 'unfilled']);
    const people = new Map(readAll<Person>(dir, 'people').map((p) => [p.id, p]));
    const inits = readAll<Initiative>(dir, 'initiatives');
    const contributors = new Set(inits.flatMap((i) => i.people?.contributors ?? []));
    const used = new Set<string>();
    const filled = new Map<string, number>();
    expect(out.assignments.length).toBeGreaterThan(0);
    for (const a of out.assignments) {
      expect(Object.keys(a).sort()).toEqual(['initiative', 'need', 'person', 'skill']);
      const ini = inits.find((i) => i.id === a.initiative)!;
      expect(ini.status).not.toBe('stopped');
      const need = ini.people!.needs![a.need - 1]!;
      expect(need.skill).toBe(a.skill);
      expect(isEligible(people.get(a.person)!, need)).toBe(true);
      expect(contributors.has(a.person)).toBe(false);
      expect(used.has(a.person)).toBe(false);
      used.add(a.person);
      const key = `${a.initiative}#${a.need}`;
      filled.set(key, (filled.get(key) ?? 0) + 1);
    }
    for (const u of out.unfilled) {
      expect(Object.keys(u).sort()).toEqual(['initiative', 'missing', 'need', 'skill']);
      expect(u.missing).toBeGreaterThan(0);
      const need = inits.find((i) => i.id === u.initiative)!.people!.needs![u.need - 1]!;
      expect(need.skill).toBe(u.skill);
      expect(filled.get(`${u.initiative}#${u.need}`) ?? 0).toBeLessThan(need.count ?? 1);
    }
    const perWant = new Map<string, number>();
    for (const x of out.pairs) {
      expect(Object.keys(x).sort()).toEqual(['offer', 'skill', 'want']);
      const a = people.get(x.offer)!;
      const b = people.get(x.want)!;
      expect(a.id).not.toBe(b.id);
      expect(a.offers).toContain(x.skill);
      expect(b.wants).toContain(x.skill);
      expect(a.ward).toBeDefined();
      expect(a.ward).toBe(b.ward);
      for (const p of [a, b]) {
        expect(p.consent).toBe(true);
        expect(p.willingness).not.toBe('no');
      }
      if (Boolean(a.under18) !== Boolean(b.under18)) expect((a.under18 ? b : a).checks ?? []).toContain('dbs');
      const k = `${x.want}#${x.skill}`;
      perWant.set(k, (perWant.get(k) ?? 0) + 1);
      expect(perWant.get(k)!).toBeLessThanOrEqual(3);
    }
    // Best willingness first within each want.
    for (const [k] of perWant) {
      const ranks = out.pairs.filter((x: any) => `${x.want}#${x.skill}` === k).map((x: any) => willingnessRank(people.get(x.offer)!));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('shows ids only in the table, and names with --include-personal', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['people', 'match'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Proposals');
    expect(r.stdout).toContain('Skill swaps');
    expect(r.stdout).toContain('Still open');
    expectNoPersonalData(r.stdout + r.stderr);
    const withPersonal = (await costarIn(['people', 'match', '--include-personal'], { cwd: dir }));
    expect(withPersonal.stdout).toContain('Joan Whitfield'); // p-0013 is proposed and paired in the demo
    const json = JSON.parse((await costarIn(['people', 'match', '--json', '--include-personal'], { cwd: dir })).stdout);
    expect(json.personal['p-0013']).toEqual({ name: 'Joan Whitfield', contact: null });
  });

  it('--write records the proposals as contributors, so a second run proposes nothing new', async () => {
    const dir = copyFixture('demo');
    const first = JSON.parse((await costarIn(['people', 'match', '--json'], { cwd: dir })).stdout);
    const w = (await costarIn(['people', 'match', '--write', '--json'], { cwd: dir }));
    expect(w.code, w.stderr).toBe(0);
    expect(w.stderr).toBe('');
    expect(JSON.parse(w.stdout)).toEqual(first);
    for (const a of first.assignments) {
      const ini = parse(readFileSync(join(dir, 'initiatives', `${a.initiative}.yaml`), 'utf8')) as Initiative;
      expect(ini.people!.contributors).toContain(a.person);
    }
    // Comments in a written file survive.
    expect(readFileSync(join(dir, 'initiatives', 'dementia-walks.yaml'), 'utf8')).toContain('# yaml-language-server');
    const second = JSON.parse((await costarIn(['people', 'match', '--json'], { cwd: dir })).stdout);
    expect(second.assignments).toEqual([]);
    expect(second.unfilled).toEqual(first.unfilled);
    expect((await validate(dir)).code).toBe(0);
    const again = (await costarIn(['people', 'match', '--write'], { cwd: dir }));
    expect(again.stderr).toContain('Nothing new to record');
  });

  it('refuses to match a portfolio with errors', async () => {
    const dir = copyFixture('demo');
    writeFileSync(join(dir, 'people', 'p-0001.yaml'), 'id: p-0001\nward: nowhere\n');
    const r = (await costarIn(['people', 'match', '--json'], { cwd: dir }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
});
