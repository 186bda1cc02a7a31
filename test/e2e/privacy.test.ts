/**
 * Data protection by design (issue 15 item 6): small numbers in briefings and the report, for
 * the demo and for a planted portfolio; totals that do not give a suppressed count away;
 * consent-expired; privacy.minCount below 2; the privacy notice in every format.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, tempDir } from '../helpers/cli.js';
import { htmlProblems } from '../helpers/html.js';
import { costarIn } from '../helpers/in-process.js';

const AS_OF = '2027-01-31';

/** A portfolio with counts of one and complements of one everywhere (minCount from costar.yaml). */
function planted(privacy = ''): string {
  const dir = tempDir('costar-privacy-');
  for (const sub of ['initiatives', 'people', 'cases']) mkdirSync(join(dir, sub));
  writeFileSync(
    join(dir, 'costar.yaml'),
    `schema: costar/v1\nname: Planted\norganisation: Planted Council\nserviceAreas:\n  - id: housing\nwards: [north, south, east]\n${privacy}`,
  );
  writeFileSync(
    join(dir, 'initiatives', 'garden.yaml'),
    'id: garden\ntitle: Community garden\nserviceArea: housing\nstatus: running\nwards: [north, east]\ncos:\n  co-delivery: { level: established }\npeople:\n  contributors: [p-01]\n  needs:\n    - { skill: gardening, count: 3 }\n',
  );
  const people: string[] = [];
  const add = (ward: string, n: number, extra: (i: number) => string) => {
    for (let i = 0; i < n; i++) people.push(`ward: ${ward}\n${extra(i)}`);
  };
  // north: a single return (a ward of one), offering photography that nobody else offers.
  add('north', 1, () => 'kind: individual\nconsent: true\nwillingness: more\noffers: [photography, gardening]\navailability: [weekends]\n');
  // south: five, one of them without consent and one a group.
  add('south', 5, (i) => `kind: ${i === 0 ? 'group' : 'individual'}\nconsent: ${i === 1 ? 'false' : 'true'}\nwillingness: more\noffers: [cooking]\nwants: [photography]\n`);
  // east: twelve; all but one offer gardening, two without consent, one unwilling, one under 18.
  add('east', 12, (i) => `kind: individual\nconsent: ${i < 2 ? 'false' : 'true'}\nwillingness: ${i === 2 ? 'no' : 'already'}\n${i === 3 ? 'under18: true\n' : ''}offers: [${i === 11 ? 'cooking' : 'gardening'}]\navailability: [weekday-day]\n`);
  people.forEach((body, i) => {
    const id = `p-${String(i + 1).padStart(2, '0')}`;
    writeFileSync(join(dir, 'people', `${id}.yaml`), `id: ${id}\n${body}`);
  });
  return dir;
}

/** Counts from 1 to k−1 written as numbers in people-count text (not "fewer than k"). */
function smallNumbers(text: string, k: number): string[] {
  return [...text.matchAll(/(?<![\d.,£:/-])\b(\d+)\b(?![\d.,%:/])/g)].map((m) => Number(m[1])).filter((n) => n >= 1 && n < k).map(String);
}

function section(md: string, from: string, to: RegExp): string {
  const start = md.indexOf(from);
  expect(start, `section ${from}`).toBeGreaterThanOrEqual(0);
  const rest = md.slice(start + from.length);
  const end = rest.search(to);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The parts of a briefing that count people (not initiatives, places or steps). */
function briefingPeopleText(md: string): string {
  const glance = section(md, '## At a glance', /\n## /).split('\n').filter((l) => /return|ready|swap/.test(l)).join('\n');
  const assets = section(md, '## Assets by skill', /\n## /);
  const table = section(md, '## Initiatives in the ward and their stage', /\n## /)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Initiative'))
    .map((l) => l.split('|').at(-2)!)
    .join('\n');
  const asks = section(md, '## Three asks', /\n---/)
    .split('\n')
    .map((l) => [...l.matchAll(/\b\d+ (?:survey returns?|residents?|possible skill swaps?|returns?)\b/g)].map((m) => m[0]).join(' '))
    .join('\n');
  return [glance, assets, table, asks].join('\n');
}

/** The parts of the report that count people: section 4 up to the needs (places) table. */
function reportPeopleText(md: string): string {
  return section(md, '## 4. People and needs\n', /\n### Needs of the initiatives/).replace(/fewer than \d+/g, 'fewer than k');
}

/** Values a "fewer than k" cell can take given the printed cells and their total (the reader's view). */
function possibleValues(cells: string[], total: number, k: number, lower: Map<number, number> = new Map()): Map<number, Set<number>> {
  const known = cells.reduce((s, c) => s + (/^\d+$/.test(c) ? Number(c) : 0), 0);
  const hidden = cells.map((c, i) => (/^\d+$/.test(c) ? -1 : i)).filter((i) => i >= 0);
  const seen = new Map(hidden.filter((i) => cells[i]!.startsWith('fewer')).map((i) => [i, new Set<number>()]));
  const vals: number[] = [];
  const walk = (j: number, left: number) => {
    if (j === hidden.length) {
      if (left === 0) hidden.forEach((i, x) => seen.get(i)?.add(vals[x]!));
      return;
    }
    const few = cells[hidden[j]!]!.startsWith('fewer');
    for (let v = few ? 1 : Math.max(k, lower.get(hidden[j]!) ?? 0); v <= (few ? Math.min(k - 1, left) : left); v++) {
      vals[j] = v;
      walk(j + 1, left - v);
    }
  };
  walk(0, total - known);
  return seen;
}

function expectNotDerivable(what: string, cells: string[], total: number, k: number, lower?: Map<number, number>): void {
  if (!cells.some((c) => c.startsWith('fewer'))) {
    // No suppressed cell: all printed, so they must add up (nothing else hides in the total).
    if (cells.every((c) => /^\d+$/.test(c))) expect(cells.reduce((s, c) => s + Number(c), 0), what).toBe(total);
    return;
  }
  for (const [i, values] of possibleValues(cells, total, k, lower)) expect(values.size, `${what}: cell ${i} of ${JSON.stringify(cells)} (total ${total}) can be worked out`).toBeGreaterThanOrEqual(2);
}

const rows = (text: string, labels: string[]) =>
  labels.flatMap((l) => {
    const m = new RegExp(`^\\| ${l.replace(/[()]/g, '\\$&')} \\| ([^|]+) \\|$`, 'm').exec(text);
    return m ? [m[1]!.trim()] : [];
  });

/** Checks the report's groups against its total, and each part's complement. */
function checkReport(md: string, k: number): void {
  const people = reportPeopleText(md);
  expect(smallNumbers(people, k), people).toEqual([]);
  const total = Number(/^- \*\*(\d+)\*\* in the survey$/m.exec(people)![1]);
  const bullets = [...people.matchAll(/^- \*\*([^*]+)\*\* (available to match|agreed to be contacted|without consent)/gm)].map((m) => m[1]!.replace('fewer than k', 'fewer'));
  expect(bullets).toHaveLength(3);
  expectNotDerivable('consent', bullets, total, k);
  const fix = (c: string) => c.replace('fewer than k', 'fewer');
  expectNotDerivable('kind', rows(people, ['Individuals', 'Groups', 'Organisations']).map(fix), total, k);
  expectNotDerivable('willingness', rows(people, ['Already take part', 'Would do more', 'Maybe (or not asked)', 'Do not want to take part']).map(fix), total, k);
  if (!people.includes('People by ward are not shown')) {
    const wards = section(people, '| Ward | Number |', /\n\n/).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('|--')).map((l) => fix(l.split('|')[2]!.trim()));
    expectNotDerivable('ward', wards, total, k);
  }
  // A single count printed against the total gives its complement away unless that is 0 or k+.
  for (const m of people.matchAll(/^\| (?:Available: [^|]+|[a-z][^|]*) \| (\d+) \|$/gm)) {
    const rest = total - Number(m[1]);
    expect(rest === 0 || rest >= k, `${m[0]}: the rest (${rest}) follows from the total ${total}`).toBe(true);
  }
  const under = /^- \*\*(\d+)\*\* under 18/m.exec(people);
  if (under) expect(total - Number(under[1]) === 0 || total - Number(under[1]) >= k).toBe(true);
}

async function documents(dir: string): Promise<{ report: string; briefings: Record<string, string>; out: string }> {
  const out = tempDir('costar-privacy-out-');
  for (const args of [['report'], ['briefing', '--all']]) {
    const r = await costarIn(['generate', ...args, '--as-of', AS_OF, '--out', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  }
  const briefings: Record<string, string> = {};
  for (const f of readdirSync(out)) if (f.endsWith('.briefing.md')) briefings[f.replace('.briefing.md', '')] = readFileSync(join(out, f), 'utf8');
  return { report: readFileSync(join(out, 'report.md'), 'utf8'), briefings, out };
}

describe('small numbers', () => {
  for (const [name, make, k] of [
    ['the demo', () => copyFixture('demo'), 5],
    ['a planted portfolio', () => planted(), 5],
    ['a planted portfolio with privacy.minCount 3', () => planted('privacy:\n  minCount: 3\n'), 3],
    ['a planted portfolio with privacy.minCount 10', () => planted('privacy:\n  minCount: 10\n'), 10],
  ] as const) {
    it(`${name}: no count of people from 1 to ${k - 1} in the report or a briefing, and no total gives one away`, async () => {
      const dir = make();
      const { report, briefings } = await documents(dir);
      checkReport(report, k);
      expect(report).toContain(`fewer than ${k}`);
      const wardCells = new Map(
        section(report, '| Ward | Number |', /\n\n/)
          .split('\n')
          .filter((l) => l.startsWith('| ') && !l.startsWith('|--'))
          .map((l) => [l.split('|')[1]!.trim(), l.split('|')[2]!.trim()] as const),
      );
      // The report's wards, with what each withheld ward's briefing tells: it has at least as many
      // returns as any count of its people that it prints.
      const total = Number(/^- \*\*(\d+)\*\* in the survey$/m.exec(report)![1]);
      const labels = [...wardCells.keys()];
      const lower = new Map<number, number>();
      for (const md of Object.values(briefings)) {
        const i = labels.indexOf(/^# Councillor briefing: (.*)$/m.exec(md)![1]!);
        const printed = [...briefingPeopleText(md).replace(/fewer than \d+/g, '').matchAll(/\b(\d+)\b/g)].map((m) => Number(m[1]));
        // Ready and without consent are disjoint: together at least their sum (1 for a hidden one).
        const atLeast = (c: string | undefined) => (c === undefined || c === '0' ? 0 : /^\d+$/.test(c) ? Number(c) : 1);
        const ready = /ready to help(?: \(agreed to be matched and willing\))?: \*\*([^*]+)\*\*/.exec(md)?.[1];
        const without = /Without consent to be contacted: ([^.]+)\./.exec(md)?.[1];
        if (i >= 0) lower.set(i, Math.max(0, ...printed, atLeast(ready) + atLeast(without)));
      }
      if (!report.includes('People by ward are not shown')) {
        expectNotDerivable('wards with the briefings', [...wardCells.values()].map((c) => c.replace(/fewer than \d+/, 'fewer')), total, k, lower);
      }
      for (const [ward, md] of Object.entries(briefings)) {
        if (/Asset survey returns from the ward: not shown/.test(md)) expect(md, ward).toContain('Returns by kind are not shown');
        const text = briefingPeopleText(md);
        expect(smallNumbers(text, k), `${ward}: ${text}`).toEqual([]);
        // The ward's returns as the report prints them (a withheld ward stays withheld).
        const glance = /^- (?:\*\*([^*]+)\*\* asset survey returns?|Asset survey returns from the ward: (not shown))/m.exec(md)!;
        const label = /^# Councillor briefing: (.*)$/m.exec(md)![1]!;
        if (wardCells.has(label)) expect(glance[1] ?? glance[2], ward).toBe(wardCells.get(label));
        // Kinds against the ward's returns, when those are printed.
        const returns = Number(glance[1]);
        const kinds = /Returns by kind: individuals ([^,]+), groups ([^,]+), organisations ([^,.]+)(?:, not stated ([^.]+))?\./.exec(md);
        if (kinds && Number.isInteger(returns)) {
          expectNotDerivable(`${ward} kinds`, kinds.slice(1).filter((x): x is string => x !== undefined).map((c) => c.replace(/fewer than \d+/, 'fewer')), returns, k);
        }
        // Each skill's count against the ward's returns: its complement is 0 or k or more.
        if (Number.isInteger(returns)) {
          for (const m of section(md, '## Assets by skill', /\n## /).matchAll(/^\| [^|]+ \| (\d+) \| ([^|]+) \| (\d+|[^|]+) \|$/gm)) {
            const offered = Number(m[1]);
            expect(returns - offered === 0 || returns - offered >= k, `${ward}: ${m[0]}`).toBe(true);
            if (/^\d+$/.test(m[2]!.trim())) expect(offered - Number(m[2]) === 0 || offered - Number(m[2]) >= k, `${ward}: ${m[0]}`).toBe(true);
          }
        }
      }
    });
  }

  it('the planted portfolio: exactly the small counts are hidden, the rest shown', async () => {
    const { report, briefings } = await documents(planted());
    // 18 returns: 1 in north, 5 in south, 12 in east; the single north return cannot be worked out.
    expect(report).toContain('- **18** in the survey');
    expect(report).toMatch(/\| North \| fewer than 5 \|/);
    expect(report).not.toMatch(/\| South \| 5 \|\n\| East \| 12 \|/);
    expect(briefings.north).toContain('| photography | fewer than 5 | fewer than 5 | 0 |');
    // East's 12 are held back (north's one would follow from the total); 11 offering gardening
    // would tell the reader east has at least 11, and so north at most 2: not printed either.
    expect(briefings.east).toContain('Asset survey returns from the ward: not shown');
    expect(briefings.east).toContain('| gardening | not shown | not shown | 0 |');
    expect(briefings.east).not.toMatch(/\b1[12]\b/);
    expect(briefingPeopleText(briefings.east!).replace(/fewer than \d+|\b0\b/g, '')).not.toMatch(/\d/);
    for (const md of [reportPeopleText(report), ...Object.values(briefings).map(briefingPeopleText)]) expect(md).not.toMatch(/\| [1-4] \|/);
  });

  it('Word and HTML versions hold the same suppressed counts', async () => {
    const dir = planted();
    const out = tempDir('costar-privacy-fmt-');
    for (const format of ['html', 'docx']) {
      const r = await costarIn(['generate', 'report', '--format', format, '--as-of', AS_OF, '--out', out], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect((await htmlProblems(html)).messages).toEqual([]);
    expect(html).toMatch(/<th scope="row">North<\/th><td class="num">fewer than 5<\/td>/);
    const xml = unzipText(join(out, 'report.docx'), 'word/document.xml');
    expect(xml).toContain('fewer than 5');
    const people = xml.slice(xml.indexOf('4. People and needs'), xml.indexOf('Needs of the initiatives'));
    const cells = [...people.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    expect(cells.filter((c) => /^[1-4]$/.test(c.trim()))).toEqual([]);
  });
});

function unzipText(file: string, entry: string): string {
  const r = spawnSync('python3', ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf8"))', file, entry], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('consent and retention', () => {
  it('validate warns on records whose consent is older than privacy.retainMonths, with the command that erases them', async () => {
    const dir = planted('privacy:\n  retainMonths: 24\n');
    writeFileSync(join(dir, 'people', 'p-02.yaml'), readFileSync(join(dir, 'people', 'p-02.yaml'), 'utf8').replace('consent: true\n', 'consent: true\nconsentDate: 2024-12-01\n'));
    writeFileSync(join(dir, 'people', 'p-04.yaml'), readFileSync(join(dir, 'people', 'p-04.yaml'), 'utf8').replace('consent: true\n', 'consent: true\nconsentDate: 2025-01-31\n'));
    const v = await costarIn(['validate', '--as-of', '2027-01-31', '--format', 'json'], { cwd: dir });
    expect(v.code, v.stderr).toBe(0);
    const found = (JSON.parse(v.stdout).diagnostics as Array<{ file: string; line: number; column: number; code: string; severity: string; message: string }>).filter((d) => d.code === 'consent-expired');
    // p-02 gave consent on 1 December 2024: more than 24 months before 31 January 2027. p-04 on
    // 31 January 2025: exactly 24 months, still kept.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'people/p-02.yaml', line: 5, column: 14, severity: 'warning' });
    expect(found[0]!.message).toContain('costar people remove p-02 --yes');
    // SOURCE_DATE_EPOCH when there is no --as-of; and the command in the message does what it says.
    const later = await costarIn(['validate', '--fail-on', 'warning'], { cwd: dir, env: { SOURCE_DATE_EPOCH: String(Date.UTC(2027, 1, 1) / 1000) } });
    expect(later.code).toBe(1);
    expect(later.stdout).toMatch(/people\/p-04\.yaml\n\s+5:14\s+warning\s+consent dated 2025-01-31 is more than 24 months old on 2027-02-01/);
    expect(later.stdout).toContain('consent-expired');
    for (const id of ['p-02', 'p-04']) expect((await costarIn(['people', 'remove', id, '--yes'], { cwd: dir })).code).toBe(0);
    const after = await costarIn(['validate', '--as-of', '2027-02-01', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(after.stdout).diagnostics.filter((d: { code: string }) => d.code === 'consent-expired')).toEqual([]);
    // Other commands do not change with the calendar: no consent warning outside validate.
    const bad = await costarIn(['validate', '--as-of', '31/02/2027'], { cwd: dir });
    expect(bad.code).toBe(2);
  });

  it('people add records the consent date: --consent-date, else today with --consent, never without consent', async () => {
    const dir = copyFixture('demo');
    const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 2, 14) / 1000) };
    const given = await costarIn(['people', 'add', '--ward', 'abbey', '--consent', '--consent-date', '01/02/2026', '--offer', 'cooking'], { cwd: dir, env });
    expect(given.code, given.stderr).toBe(0);
    expect(readFileSync(join(dir, 'people', `${given.stdout.trim()}.yaml`), 'utf8')).toContain('consent: true\nconsentDate: 2026-02-01\n');
    const today = await costarIn(['people', 'add', '--ward', 'abbey', '--consent'], { cwd: dir, env });
    expect(readFileSync(join(dir, 'people', `${today.stdout.trim()}.yaml`), 'utf8')).toContain('consent: true\nconsentDate: 2026-03-14\n');
    const none = await costarIn(['people', 'add', '--ward', 'abbey', '--no-consent'], { cwd: dir, env });
    expect(readFileSync(join(dir, 'people', `${none.stdout.trim()}.yaml`), 'utf8')).not.toContain('consentDate');
    const before = readdirSync(join(dir, 'people')).length;
    for (const argv of [['--consent', '--consent-date', '31/02/2026'], ['--no-consent', '--consent-date', '01/02/2026']]) {
      const r = await costarIn(['people', 'add', '--ward', 'abbey', ...argv], { cwd: dir, env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('--consent-date');
    }
    expect(readdirSync(join(dir, 'people'))).toHaveLength(before);
  });
});

describe('privacy.minCount', () => {
  it('below 2 is a validate error at its place in costar.yaml; documents are refused', async () => {
    for (const bad of ['1', '0', '2.5']) {
      const dir = planted(`privacy:\n  minCount: ${bad}\n`);
      const v = await costarIn(['validate', '--format', 'json'], { cwd: dir });
      expect(v.code).toBe(1);
      const d = JSON.parse(v.stdout).diagnostics.find((x: { file: string }) => x.file === 'costar.yaml');
      expect(d, v.stdout).toMatchObject({ file: 'costar.yaml', line: 8, column: 13, severity: 'error' });
      expect(d.message).toContain('privacy.minCount');
      const g = await costarIn(['generate', 'report', '--out', tempDir()], { cwd: dir });
      expect(g.code).toBe(1);
    }
  });
});

describe('costar generate privacy-notice', () => {
  it('says what to fill in when costar.yaml has no privacy settings (md, html, docx)', async () => {
    const dir = planted();
    const out = tempDir('costar-notice-');
    for (const format of ['md', 'html', 'docx']) {
      const r = await costarIn(['generate', 'privacy-notice', '--format', format, '--as-of', AS_OF, '--out', out], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim().endsWith(`/privacy-notice.${format}`), r.stdout).toBe(true);
      expect(r.stderr).toContain('the notice is a draft: set privacy.controller, privacy.contact, privacy.purpose, privacy.retainMonths in costar.yaml');
    }
    const md = readFileSync(join(out, 'privacy-notice.md'), 'utf8');
    expect(md).toMatch(/^# Privacy notice: community asset survey\n/);
    for (const h of ['Who is responsible for your information', 'What we collect', 'Why we collect it', 'Our lawful basis', 'Who sees your information', 'How long we keep it', 'Your rights', 'How to complain']) {
      expect(md).toContain(`## ${h}`);
    }
    expect(md).toContain('set privacy.controller in costar.yaml');
    expect(md).toContain('set privacy.contact in costar.yaml');
    expect(md).toContain('set privacy.purpose in costar.yaml');
    expect(md).toContain('set privacy.retainMonths in costar.yaml');
    expect(md).toContain('Draft: this notice is not finished.');
    expect(md).toContain('subject access request');
    expect(md).toContain("Information Commissioner's Office (ICO)");
    expect(md).toContain('shown as "fewer than 5"');
    // Every field of a people record is named.
    for (const words of ['your name', 'how to contact you', 'the ward you live in', 'the date you gave that agreement', 'whether you are under 18', 'safeguarding checks']) expect(md).toContain(words);
    const html = readFileSync(join(out, 'privacy-notice.html'), 'utf8');
    expect((await htmlProblems(html)).messages).toEqual([]);
    expect(html).toContain('set privacy.controller in costar.yaml');
    const xml = unzipText(join(out, 'privacy-notice.docx'), 'word/document.xml');
    expect(xml).toContain('set privacy.controller in costar.yaml');
    expect(xml).toContain('How to complain');
  });

  it('uses the settings in costar.yaml when they are there', async () => {
    const dir = copyFixture('demo');
    const out = tempDir('costar-notice-');
    for (const format of ['md', 'html', 'docx']) {
      const r = await costarIn(['generate', 'privacy-notice', '--format', format, '--as-of', AS_OF, '--out', out], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    const md = readFileSync(join(out, 'privacy-notice.md'), 'utf8');
    expect(md).toContain('Midshire Council is the data controller');
    expect(md).toContain('dpo@midshire.example.gov.uk');
    expect(md).toContain('put those who agree in touch with the co-production projects');
    expect(md).toContain('We keep your answers for 5 years (60 months) from the date you gave your agreement');
    expect(md).not.toContain('set privacy.');
    expect(md).not.toContain('Draft: this notice is not finished');
    const html = readFileSync(join(out, 'privacy-notice.html'), 'utf8');
    expect((await htmlProblems(html)).messages).toEqual([]);
    expect(html).toContain('Midshire Council is the data controller');
    expect(unzipText(join(out, 'privacy-notice.docx'), 'word/document.xml')).toContain('5 years (60 months)');
  });

  it('takes no ids', async () => {
    const r = await costarIn(['generate', 'privacy-notice', 'x'], { cwd: copyFixture('demo') });
    expect(r.code).toBe(2);
  });
});

