/**
 * Decision-ready documents and one truth (issue 15, items 1 and 2): the report and the business
 * case open with a summary and the decision sought; the report's readiness to grow is
 * `grow check --json` for the same --as-of date, on the demo and on a changed portfolio; the star's
 * ring leaves stopped initiatives out, as `star --json` and the files say; overdue reviews are
 * flagged; next steps are sentences for people, not commands; md, html and docx all carry it.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture, tempDir } from '../helpers/cli.js';
import { htmlProblems } from '../helpers/html.js';
import { costarIn } from '../helpers/in-process.js';

const SLOW = { timeout: 120_000 };

async function generate(dir: string, args: string[]): Promise<Record<string, string>> {
  const out = tempDir();
  const r = await costarIn(['generate', ...args, '--out', out], { cwd: dir });
  expect(r.stderr.replace(/^note: skipped.*\n/gm, '')).toBe('');
  expect(r.code).toBe(0);
  return Object.fromEntries(readdirSync(out).map((f) => [f, join(out, f)]));
}

async function reportMd(dir: string, asOf: string): Promise<string> {
  const files = await generate(dir, ['report', '--format', 'md', '--as-of', asOf]);
  return readFileSync(files['report.md']!, 'utf8');
}

interface Check {
  asOf: string;
  initiatives: Array<{ id: string; title: string; ready: boolean; findings: Array<{ code: string; message: string }> }>;
}

async function growCheck(dir: string, asOf: string): Promise<Check> {
  const r = await costarIn(['grow', 'check', '--json', '--as-of', asOf], { cwd: dir });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Check;
}

/** The rows of the report's "Readiness to grow" table: title → [ready, gaps, next due]. */
function growTable(md: string): Map<string, { ready: string; gaps: string; due: string }> {
  const part = md.slice(md.indexOf('## 6. Readiness to grow'), md.indexOf('## 7. Next steps'));
  const rows = part.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Initiative') && !l.startsWith('|---'));
  return new Map(
    rows.map((l) => {
      const cells = l.slice(2, -2).split(' | ');
      return [cells[0]!, { ready: cells[2]!, gaps: cells[3]!, due: cells[4]! }];
    }),
  );
}

/** The report and `grow check --json` for the same date agree, row by row and in every count. */
function expectSameReadiness(md: string, check: Check, asAt: string): void {
  const ready = check.initiatives.filter((i) => i.ready);
  const overdue = check.initiatives.filter((i) => i.findings.some((f) => f.code === 'review-overdue'));
  expect(md).toContain(`- **${ready.length} of ${check.initiatives.length}** running or scaled initiatives ready to grow as at ${asAt}`);
  expect(md).toContain(`As at ${asAt}, ${ready.length} of ${check.initiatives.length} running or scaled initiatives ${ready.length === 1 ? 'is' : 'are'} ready to grow`);
  expect(md).toContain(`as \`costar grow check --as-of ${check.asOf}\` judges it: ${ready.length} of ${check.initiatives.length}`);
  const table = growTable(md);
  expect([...table.keys()].sort()).toEqual(check.initiatives.map((i) => i.title).sort());
  for (const i of check.initiatives) {
    const row = table.get(i.title)!;
    expect(row.ready, i.id).toBe(i.ready ? 'yes' : 'no');
    if (i.ready) expect(row.gaps).toBe('none');
    // The same findings, in the document's wording (dates as GOV.UK writes them, wards by label).
    expect(row.gaps.split('; ').filter((x) => /^(no |none |outcome indicator|the last review|it is scaled)/.test(x)).length, i.id).toBe(i.findings.length);
    for (const f of i.findings) expect(row.gaps).toContain(f.message.split(/[\d(]/)[0]!.trimEnd());
    expect(row.gaps).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(row.due.startsWith('**overdue**'), i.id).toBe(i.findings.some((f) => f.code === 'review-overdue'));
  }
  if (overdue.length) expect(md).toContain(`**Warning: ${overdue.length} ${overdue.length === 1 ? 'initiative has its' : 'initiatives have their'} 360-degree review overdue**`);
  else expect(md).not.toContain('**Warning:');
  // The decision sought names the ready initiatives to grow.
  if (ready.length) expect(md).toMatch(new RegExp(`- Grow ${ready.map((i) => i.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}`));
}

/** The "Next steps" section: sentences, no command. */
function nextSteps(md: string): string {
  return md.slice(md.indexOf('## 7. Next steps'), md.indexOf('\n---\n'));
}

describe('decision-ready documents, one truth', SLOW, () => {
  it('the report opens with a summary and the decision sought, and its readiness is grow check --json for the same date', async () => {
    const dir = copyFixture('demo');
    for (const [asOf, asAt] of [
      ['2026-11-30', '30 November 2026'],
      ['2027-10-20', '20 October 2027'],
    ] as const) {
      const md = await reportMd(dir, asOf);
      expect(md.indexOf('## Summary')).toBeGreaterThan(0);
      expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Decision sought'));
      expect(md.indexOf('## Decision sought')).toBeLessThan(md.indexOf('## 1. The Co-production Star'));
      const check = await growCheck(dir, asOf);
      expectSameReadiness(md, check, asAt);
      const steps = nextSteps(md);
      expect(steps).not.toMatch(/costar /);
      expect(steps).not.toContain('`');
    }
    // On 20 October 2027 the dementia walks' review of 8 October 2026 is overdue.
    const later = await reportMd(dir, '2027-10-20');
    expect(later).toContain('Hold the 360-degree review of Supported walks with people living with dementia and their carers: it was due by 8 October 2027 and is overdue as at 20 October 2027.');
  });

  it('after the portfolio changes, the report still says what grow check says', async () => {
    const dir = copyFixture('demo');
    const asOf = '2026-12-01';
    const before = await growCheck(dir, asOf);
    expect(before.initiatives.find((i) => i.id === 'dementia-walks')!.ready).toBe(true);
    // A worse reading makes the walks not ready; a fresh 360-degree review clears one initiative's overdue review.
    for (const args of [
      ['grow', 'reading', 'dementia-walks', '--indicator', 'Walkers who feel less isolated', '--date', '2026-11-20', '--value', '30'],
      ['grow', 'review', 'litter-picking-groups', '--date', '2026-11-25', '--by', 'users,staff'],
    ]) {
      const r = await costarIn(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    }
    const after = await growCheck(dir, asOf);
    expect(after.initiatives.find((i) => i.id === 'dementia-walks')!.ready).toBe(false);
    expect(after.initiatives.filter((i) => i.ready).length).not.toBe(before.initiatives.filter((i) => i.ready).length);
    const md = await reportMd(dir, asOf);
    expectSameReadiness(md, after, '1 December 2026');
    expect(growTable(md).get('Community litter-picking groups')!.due).toBe('25 November 2027');
  });

  it("the star's ring and its totals leave stopped initiatives out, as star --json and the files say", async () => {
    const dir = copyFixture('demo');
    const r = await costarIn(['star', '--json'], { cwd: dir });
    const star = JSON.parse(r.stdout) as { steps: Array<Record<string, string | boolean>> };
    const status = new Map(readdirSync(join(dir, 'initiatives')).map((f) => {
      const i = parse(readFileSync(join(dir, 'initiatives', f), 'utf8'));
      return [i.id as string, i.status as string];
    }));
    const ring = star.steps.filter((s) => status.get(s.initiative as string) !== 'stopped');
    expect(ring.length).toBeLessThan(star.steps.length);
    const steps = ['map', 'focus', 'people', 'market', 'grow'];
    const done = steps.map((k) => ring.filter((s) => s[k] === true).length);
    const files = await generate(dir, ['report', '--format', 'html', '--as-of', '2026-11-30']);
    const html = readFileSync(files['report.html']!, 'utf8');
    const svg = Buffer.from(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(html)![1]!, 'base64').toString('utf8');
    const desc = /<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)![1]!;
    expect(desc).toContain(`All 7 service areas, ${ring.length} initiatives.`);
    for (const [k, label] of ['Map it', 'Focus it', 'People it', 'Market it', 'Grow it'].entries()) {
      expect(desc).toContain(`${label}: done by ${done[k]} of ${ring.length} initiatives`);
    }
    const md = await reportMd(dir, '2026-11-30');
    expect(md).toContain(`| **Done** | |${done.map((d) => ` ${d} of ${ring.length} |`).join('')}`);
    // star --svg draws the same ring.
    const svgOut = join(tempDir(), 'star.svg');
    expect((await costarIn(['star', '--svg', svgOut], { cwd: dir })).code).toBe(0);
    expect(readFileSync(svgOut, 'utf8')).toContain(`All 7 service areas, ${ring.length} initiatives.`);
  });

  it('the business case opens with a summary and the decision sought, with its figures and open challenges', async () => {
    const dir = copyFixture('demo');
    const files = await generate(dir, ['business-case', 'dementia-walks', 'time-bank', '--format', 'md', '--as-of', '2026-11-30']);
    const walks = readFileSync(files['dementia-walks.business-case.md']!, 'utf8');
    const json = JSON.parse((await costarIn(['focus', 'case', 'dementia-walks', '--json'], { cwd: dir })).stdout) as { npv: number; bcr: number };
    const money = `£${Math.round(json.npv).toLocaleString('en-GB')}`;
    expect(walks.indexOf('## Summary')).toBeLessThan(walks.indexOf('## Decision sought'));
    expect(walks.indexOf('## Decision sought')).toBeLessThan(walks.indexOf('## The case in brief'));
    const decision = walks.slice(walks.indexOf('## Decision sought'), walks.indexOf('## The initiative'));
    expect(decision).toContain(`- Continue to fund Supported walks with people living with dementia and their carers and grow it, at `);
    expect(decision).toContain(`a net present value of ${money} and a benefit–cost ratio of ${json.bcr.toFixed(2)}`);
    // The open challenge of the public health consultant is listed; the answered one is not.
    expect(decision).toContain('Public health consultant asks — Walkers who already exercise will sign up first');
    expect(decision).not.toContain('Finance business partner');
    expect(walks).toContain('As at 30 November 2026 it is running and ready to grow.');
    const bank = readFileSync(files['time-bank.business-case.md']!, 'utf8');
    expect(bank).toContain('- Record the costs of Abbey and St Mary\'s time bank before deciding whether to fund it');
  });

  it('the grow plan flags an overdue review', async () => {
    const dir = copyFixture('demo');
    const files = await generate(dir, ['grow-plan', 'ward-fund-pb', 'dementia-walks', '--format', 'md', '--as-of', '2026-11-30']);
    const ward = readFileSync(files['ward-fund-pb.grow-plan.md']!, 'utf8');
    expect(ward).toContain('**Warning: the review is overdue.** It was due by 10 July 2026; as at 30 November 2026 no later review is recorded.');
    expect(ward).toContain('The last review was on 10 July 2025, more than 12 months before 30 November 2026; the next was due by 10 July 2026.');
    const walks = readFileSync(files['dementia-walks.grow-plan.md']!, 'utf8');
    expect(walks).not.toContain('Warning: the review is overdue');
    expect(walks).toContain('Judged as at 30 November 2026, as costar grow check --as-of 2026-11-30 judges it: ready to grow.');
  });

  it('the summary and the decision sought are in the HTML (valid) too', async () => {
    const dir = copyFixture('demo');
    const files = await generate(dir, ['report', '--format', 'html', '--as-of', '2026-11-30']);
    const html = readFileSync(files['report.html']!, 'utf8');
    expect(html).toContain('<h2 id="summary">Summary</h2>');
    expect(html).toContain('<h2 id="decision">Decision sought</h2>');
    expect(html).toMatch(/<li>Grow Supported walks with people living with dementia and their carers and Tenant scrutiny panel reviews housing services: they pass every check/);
    const next = html.slice(html.indexOf('<h2 id="next">'), html.indexOf('</main>'));
    expect(next).not.toMatch(/costar |<code>/);
    expect((await htmlProblems(html)).messages).toEqual([]);
    const bc = await generate(dir, ['business-case', 'dementia-walks', '--format', 'html', '--as-of', '2026-11-30']);
    const bcHtml = readFileSync(bc['dementia-walks.business-case.html']!, 'utf8');
    expect(bcHtml).toContain('<h2 id="summary">Summary</h2>');
    expect(bcHtml).toContain('<h2 id="decision">Decision sought</h2>');
    expect((await htmlProblems(bcHtml)).messages).toEqual([]);
  });
});

/** A Python that can import docx (Debian's python3-docx), or null. */
function pythonWithDocx(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    if (spawnSync(py, ['-c', 'import docx'], { encoding: 'utf8' }).status === 0) return py;
  }
  return null;
}
const PY = pythonWithDocx();

describe.skipIf(!PY)('decision sections in Word (read with python-docx)', SLOW, () => {
  it('the report and the business case have Summary and Decision sought headings and their text', async () => {
    const dir = copyFixture('demo');
    const files = await generate(dir, ['report', '--format', 'docx', '--as-of', '2026-11-30']);
    const bc = await generate(dir, ['business-case', 'dementia-walks', '--format', 'docx', '--as-of', '2026-11-30']);
    const script = `
import docx, json, sys
out = {}
for path in sys.argv[1:]:
    d = docx.Document(path)
    out[path] = {"headings": [p.text for p in d.paragraphs if p.style.name.startswith("Heading")], "text": "\\n".join(p.text for p in d.paragraphs), "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}
print(json.dumps(out))
`;
    const paths = [files['report.docx']!, bc['dementia-walks.business-case.docx']!];
    const r = spawnSync(PY!, ['-c', script, ...paths], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const read = JSON.parse(r.stdout) as Record<string, { headings: string[]; text: string; tables: string[][][] }>;
    const report = read[paths[0]!]!;
    expect(report.headings.slice(0, 3)).toEqual(['Co-production portfolio report', 'Summary', 'Decision sought']);
    expect(report.text).toContain('As at 30 November 2026, 2 of 8 running or scaled initiatives are ready to grow');
    expect(report.text).toContain('Grow Supported walks with people living with dementia and their carers and Tenant scrutiny panel reviews housing services');
    // The next steps table: sentences, no command.
    const next = report.tables.find((t) => t[0]!.join('|') === 'Initiative|Where it stands|Next steps')!;
    expect(next.length).toBeGreaterThan(5);
    for (const row of next) expect(row.join(' ')).not.toMatch(/costar /);
    const grow = report.tables.find((t) => t[0]!.join('|') === 'Initiative|Status|Ready to grow|Gaps|Next 360-degree review due')!;
    expect(grow.filter((row) => row[2] === 'yes').length).toBe(2);
    const caseDoc = read[paths[1]!]!;
    expect(caseDoc.headings.slice(0, 3)).toEqual(['Business case: Supported walks with people living with dementia and their carers', 'Summary', 'Decision sought']);
    expect(caseDoc.text).toContain('Continue to fund Supported walks with people living with dementia and their carers and grow it');
  });
});
