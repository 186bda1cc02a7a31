/**
 * Issue 13 item 5: every line of tables, cards, titles and messages fits the terminal's width
 * (here COLUMNS, as output is not a terminal), at 80 and at 120 columns, on the demo and on a
 * portfolio of very long titles and labels. The one exception is a line to copy: a single
 * command (`costar …`, after an indent and an optional `Next:` or `fix:` label, with no prose
 * after it) or a single web address (after an optional one-word label such as `Source:`).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/cli.js';
import { commitAll, git } from '../helpers/git.js';
import { costarIn } from '../helpers/in-process.js';

/**
 * Cells a line takes in a terminal: string-width of the text without colour, except that ✔ and
 * ✖ (without U+FE0F) count one cell, as terminals draw them, where string-width counts two.
 */
function cells(line: string): number {
  const text = stripVTControlCharacters(line);
  return stringWidth(text) - (text.match(/[✔✖](?!\uFE0F)/gu) ?? []).length;
}

/** A line to copy, which may be longer than the terminal (see the file's comment). */
function isCopyLine(line: string): boolean {
  const text = stripVTControlCharacters(line).trimEnd();
  if (/^ *(?:[A-Z][a-z]+: +)?https?:\/\/\S+$/.test(text)) return true;
  const m = /^ *(?:(?:Next|fix): +)?(costar .*)$/.exec(text);
  if (!m) return false;
  // No prose after the command: no " — …", no "  (…)" or " (or …)" aside (quoted arguments may hold anything).
  const command = m[1]!.replace(/'[^']*'|"[^"]*"/g, "''");
  return !/ — | {2,}\S| \(/.test(command);
}

interface Overflow {
  args: string;
  stream: string;
  width: number;
  line: string;
}

async function overflows(args: string[], cwd: string, width: number, copyLines: string[]): Promise<Overflow[]> {
  const r = await costarIn(args, { cwd, env: { COLUMNS: String(width), SOURCE_DATE_EPOCH: '1798761600' } });
  // Each command ran (the one usage error on purpose): its screen, not a refusal, was measured.
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(args.includes('no-such-initiative') ? 2 : 0);
  expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
  const out: Overflow[] = [];
  for (const [stream, text] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
    for (const line of text.split('\n')) {
      if (cells(line) <= width) continue;
      if (isCopyLine(line)) copyLines.push(line);
      else out.push({ args: args.join(' '), stream, width: cells(line), line });
    }
  }
  return out;
}

/** Every command that prints tables, cards or summaries for a person. */
const COMMANDS: string[][] = [
  ['star'],
  ['star', '--area', 'adult-social-care'],
  ['status'],
  ['map', 'list'],
  ['focus', 'rank'],
  ['focus', 'case', 'dementia-walks'],
  ['focus', 'plan', '--budget', '100000'],
  ['people', 'match'],
  ['people', 'export', 'p-0001'],
  ['market', 'menu'],
  ['grow', 'check'],
  ['diff', 'HEAD'],
  ['history'],
  ['explore'],
  ['explore', '--area', 'adult-social-care'],
  ['validate'],
  ['focus', 'case', 'no-such-initiative'],
];

const LONG_TITLE = 'Residents, carers and staff of the adult social care department redesign together how home care visits are planned, reviewed and improved across every ward';
const LONG_AREA = 'Adult social care, including home care, day services, reablement and support for unpaid carers across the county';

/** The demo in a git repository (for diff and history), and a copy with very long titles and labels. */
function portfolios(): { demo: string; long: string } {
  const demo = copyFixture('demo');
  git(demo, ['init', '-q']);
  commitAll(demo, 'demo', '2026-11-01T10:00:00Z');
  const long = copyFixture('demo');
  git(long, ['init', '-q']);
  commitAll(long, 'demo', '2026-11-01T10:00:00Z');
  return { demo, long };
}

describe('80 columns: every line fits the terminal', () => {
  let dirs: { demo: string; long: string };
  beforeAll(async () => {
    dirs = portfolios();
    const { long } = dirs;
    const set = await costarIn(['set', 'costar.yaml', `serviceAreas.0.label=${LONG_AREA}`], { cwd: long });
    expect(set.code, set.stderr).toBe(0);
    const add = await costarIn(['map', 'add', '--title', LONG_TITLE, '--area', 'adult-social-care', '--co', 'co-design=potential', '--co', 'co-assessment=emerging'], { cwd: long });
    expect(add.code, add.stderr).toBe(0);
    commitAll(long, 'long titles', '2026-11-20T10:00:00Z');
    // An uncommitted change for diff to report.
    const add2 = await costarIn(['map', 'add', '--title', `${LONG_TITLE} (second wave)`, '--area', 'housing', '--co', 'co-delivery=potential'], { cwd: long });
    expect(add2.code, add2.stderr).toBe(0);
  });

  for (const width of [80, 120]) {
    it(`at ${width} columns, on the demo with very long titles and labels added`, async () => {
      const copyLines: string[] = [];
      const found: Overflow[] = [];
      // The long portfolio is the demo and more (longer labels, more initiatives), so it alone is enough.
      for (const args of COMMANDS) found.push(...(await overflows(args, dirs.long, width, copyLines)));
      expect(found).toEqual([]);
      // The exempt lines are commands or addresses only (printed when this fails, to check them by eye).
      for (const l of copyLines) expect(stripVTControlCharacters(l).trim()).toMatch(/^((Next|fix): )?costar |^(Source: )?https?:\/\//);
    }, 180_000);
  }

  it('init prints a summary that fits, and a fresh portfolio lists, stars and exports templates within 80 columns', async () => {
    const dir = copyFixture('demo');
    const args = ['init', 'fresh', '--name', 'A portfolio with a rather long name for the co-production work of the whole county', '--organisation', 'County Council', '--area', LONG_AREA, '--area', 'housing', '--ward', 'north', '--start-year', '2026'];
    const copyLines: string[] = [];
    expect(await overflows(args, dir, 80, copyLines)).toEqual([]);
    for (const a of [['star'], ['status'], ['map', 'list'], ['validate'], ['templates', 'export', '--out', 'tpl']]) expect(await overflows(a, join(dir, 'fresh'), 80, copyLines)).toEqual([]);
  });

  it('tables use the room of a wider terminal: map list of long titles is wider than 80 at 120 columns', async () => {
    const at = async (width: number) => (await costarIn(['map', 'list'], { cwd: dirs.long, env: { COLUMNS: String(width) } })).stdout.split('\n');
    const wide = await at(120);
    expect(Math.max(...wide.map(cells))).toBeGreaterThan(80);
    expect(Math.max(...wide.map(cells))).toBeLessThanOrEqual(120);
    // At 80 the same table fits, and every initiative is still listed.
    const narrow = await at(80);
    expect(Math.max(...narrow.map(cells))).toBeLessThanOrEqual(80);
    const ids = (await costarIn(['map', 'list', '--json'], { cwd: dirs.long })).stdout;
    // An id longer than a third of the width wraps at its hyphens; a shorter one stays whole on its line.
    for (const { id } of JSON.parse(ids) as Array<{ id: string }>) {
      if (id.length <= 80 / 3) expect(narrow.some((l) => l.startsWith(`${id} `))).toBe(true);
      else for (const part of id.split('-')) expect(narrow.join('\n')).toContain(part);
    }
  });

  it('the year table of focus case splits into tables of fewer columns, each with the years, when even wrapped headings do not fit', async () => {
    const r = await costarIn(['focus', 'case', 'dementia-walks'], { cwd: dirs.demo, env: { COLUMNS: '50' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    for (const l of lines) expect(cells(l), l).toBeLessThanOrEqual(50);
    const table = lines.slice(lines.findIndex((l) => l.startsWith('Year by year')));
    // Every part repeats the row labels: each year appears once per part.
    const parts = table.filter((l) => /^Year {2,}/.test(l)).length;
    expect(parts).toBeGreaterThan(1);
    for (const year of ['2026/27', '2030/31', 'Total PV']) expect(table.filter((l) => l.startsWith(year))).toHaveLength(parts);
    // The money is never cut: every amount of the 80-column table is in the split one.
    const at80 = (await costarIn(['focus', 'case', 'dementia-walks'], { cwd: dirs.demo, env: { COLUMNS: '80' } })).stdout;
    const amounts = (s: string) => (s.slice(s.indexOf('Year by year')).match(/−?£[\d,]+/g) ?? []).sort();
    expect(amounts(r.stdout)).toEqual(amounts(at80));
  });
});
