/**
 * Every diagnostic code has a case here that triggers it: code, severity, file, line and column.
 * Each case runs the validate command's own load and JSON formatter in this process (what
 * `costar validate --format json` prints); a sample of cases, one per severity and every case
 * that needs another user, also runs through the real CLI for its exit code and quiet stderr.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../src/core/diagnostics.js';
import { BIN, costar, tempDir } from '../helpers/cli.js';
import { FORMATTERS } from '../../src/cli/formats.js';
import { findPortfolio, loadPortfolio } from '../../src/store/portfolio.js';

interface Out {
  diagnostics: Array<{ file: string; line: number; column: number; severity: string; code: string; message: string }>;
}

/** What `costar validate <dir> --format json` prints, computed in this process. */
function validateJson(dir: string, asOf?: string): Out {
  const root = findPortfolio(dir, dir, () => {});
  const p = loadPortfolio(root, { asOf });
  return JSON.parse(FORMATTERS.json!({ diagnostics: p.diagnostics, files: p.files.map((f) => f.rel), root, cwd: dir, env: {}, failOn: 'error', c: undefined as never })) as Out;
}

/** Runs costar as another user (for permissions that root would ignore). */
function asUser(uid: number, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { uid, gid: uid, env: { ...process.env, NO_COLOR: '1', CI: '1' }, encoding: 'utf8', cwd: '/' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const MANIFEST = `schema: costar/v1
name: Test portfolio
organisation: Test Council
serviceAreas:
  - id: adult-social-care
    tags: [social-care]
  - id: housing
wards: [north, south]
`;

const PERSON = (id: string, extra = '') => `id: ${id}\nkind: individual\nward: north\nconsent: true\nwillingness: more\noffers: [walk-leading]\n${extra}`;
const INIT = (id: string, extra = '') => `id: ${id}\ntitle: Walks\nserviceArea: adult-social-care\nstatus: running\n${extra}`;

interface Case {
  code: string;
  files: Record<string, string | Buffer>;
  file: string;
  line: number;
  column?: number;
  /** What file contents cannot say: links, pipes, modes. */
  setup?: (dir: string) => void;
  /** Run costar as this user (a file without read permission is readable by root). */
  uid?: number;
  /** Added to costar.yaml. */
  manifest?: string;
  /** validate --as-of (dated rules). */
  asOf?: string;
}

const FULL_SCORES = 'focus:\n  scores: { user-outcomes: 4, community-outcomes: 3, efficiency: 3, resilience: 3, governance: 2, ease: 4, readiness: 3 }\n';

const CASES: Case[] = [
  { code: 'not-utf8', files: { 'initiatives/a.yaml': Buffer.from([0x69, 0x64, 0x3a, 0x20, 0x61, 0x0a, 0x74, 0x3a, 0x20, 0xa3, 0x31, 0x0a]) }, file: 'initiatives/a.yaml', line: 2, column: 4 },
  { code: 'empty-file', files: { 'people/p-1.yaml': '# nothing here yet\n' }, file: 'people/p-1.yaml', line: 1 },
  { code: 'file-too-large', files: { 'people/p-1.yaml': 'id: p-1\n' + '# padding padding padding padding\n'.repeat(40000) }, file: 'people/p-1.yaml', line: 1 },
  { code: 'yaml-syntax', files: { 'initiatives/a.yaml': 'id: a\ntitle: "unclosed\nstatus: idea\n' }, file: 'initiatives/a.yaml', line: 2, column: 8 },
  { code: 'yaml-syntax', files: { 'initiatives/a.yaml': 'id: a\ntitle: Walks\nwards: [north, south\nstatus: idea\n' }, file: 'initiatives/a.yaml', line: 3, column: 8 },
  { code: 'tab-indent', files: { 'initiatives/a.yaml': INIT('a', 'cos:\n\tco-design: { level: potential }\n') }, file: 'initiatives/a.yaml', line: 6 },
  { code: 'duplicate-key', files: { 'initiatives/a.yaml': INIT('a', 'status: idea\n') }, file: 'initiatives/a.yaml', line: 5 },
  {
    code: 'too-many-aliases',
    files: { 'initiatives/a.yaml': 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n' },
    file: 'initiatives/a.yaml',
    line: 1,
  },
  { code: 'not-a-mapping', files: { 'initiatives/a.yaml': '- id: a\n' }, file: 'initiatives/a.yaml', line: 1 },
  { code: 'bad-file-name', files: { 'initiatives/Walks Group.yaml': INIT('walks-group') }, file: 'initiatives/Walks Group.yaml', line: 1 },
  { code: 'reserved-id', files: { 'people/nul.yaml': PERSON('nul') }, file: 'people/nul.yaml', line: 1 },
  { code: 'id-mismatch', files: { 'initiatives/a.yaml': INIT('b') }, file: 'initiatives/a.yaml', line: 1, column: 5 },
  { code: 'duplicate-id', files: { 'initiatives/a.yaml': INIT('a'), 'initiatives/a.yml': INIT('a') }, file: 'initiatives/a.yml', line: 1 },
  { code: 'missing-field', files: { 'initiatives/a.yaml': 'id: a\ntitle: Walks\nserviceArea: housing\n' }, file: 'initiatives/a.yaml', line: 1 },
  { code: 'wrong-type', files: { 'initiatives/a.yaml': INIT('a', 'wards: north\n') }, file: 'initiatives/a.yaml', line: 5, column: 8 },
  { code: 'bad-enum', files: { 'initiatives/a.yaml': 'id: a\ntitle: Walks\nserviceArea: housing\nstatus: runing\n' }, file: 'initiatives/a.yaml', line: 4, column: 9 },
  { code: 'out-of-range', files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  businessCase:\n    benefits:\n      - { item: X, kind: social, amount: 10, deadweight: 1.5 }\n') }, file: 'initiatives/a.yaml', line: 8, column: 58 },
  { code: 'not-whole-number', files: { 'initiatives/a.yaml': INIT('a', 'people:\n  needs:\n    - { skill: walk-leading, count: 2.5 }\n') }, file: 'initiatives/a.yaml', line: 7, column: 37 },
  { code: 'bad-id', files: { 'initiatives/a.yaml': INIT('a', 'wards: [North_Ward]\n') }, file: 'initiatives/a.yaml', line: 5, column: 9 },
  { code: 'bad-date', files: { 'initiatives/a.yaml': INIT('a', 'grow:\n  review: { date: 2027-02-30 }\n') }, file: 'initiatives/a.yaml', line: 6, column: 19 },
  { code: 'bad-currency', files: { 'costar.yaml': MANIFEST + 'appraisal:\n  currency: pounds\n' }, file: 'costar.yaml', line: 10, column: 13 },
  { code: 'bad-schema-version', files: { 'costar.yaml': MANIFEST.replace('costar/v1', 'costar/v2') }, file: 'costar.yaml', line: 1, column: 9 },
  { code: 'bad-scale', files: { 'costar.yaml': MANIFEST + 'focus:\n  scale: [5, 1]\n' }, file: 'costar.yaml', line: 10, column: 10 },
  { code: 'axis-without-criteria', files: { 'costar.yaml': MANIFEST + 'focus:\n  criteria:\n    - { id: outcomes, axis: impact, weight: 1 }\n' }, file: 'costar.yaml', line: 10, column: 3 },
  { code: 'unknown-service-area', files: { 'initiatives/a.yaml': 'id: a\ntitle: Walks\nserviceArea: adult-care\nstatus: idea\n' }, file: 'initiatives/a.yaml', line: 3, column: 14 },
  { code: 'unknown-ward', files: { 'people/p-1.yaml': PERSON('p-1').replace('ward: north', 'ward: nort') }, file: 'people/p-1.yaml', line: 3, column: 7 },
  { code: 'unknown-person', files: { 'initiatives/a.yaml': INIT('a', 'people:\n  contributors: [p-9]\n') }, file: 'initiatives/a.yaml', line: 6, column: 18 },
  { code: 'unknown-criterion', files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  scores: { eas: 4 }\n') }, file: 'initiatives/a.yaml', line: 6, column: 13 },
  { code: 'unknown-co', files: { 'initiatives/a.yaml': INIT('a', 'cos:\n  co-desing: { level: potential }\n') }, file: 'initiatives/a.yaml', line: 6, column: 3 },
  { code: 'unknown-grade', files: { 'costar.yaml': MANIFEST + 'appraisal:\n  optimismBias:\n    7: [0.5, 0.5]\n' }, file: 'costar.yaml', line: 11, column: 5 },
  { code: 'unknown-indicator', files: { 'initiatives/a.yaml': INIT('a', 'grow:\n  indicators:\n    - { name: Walks held, kind: process }\n  readings:\n    - { indicator: Walks hled, date: 2026-01-01, value: 3 }\n') }, file: 'initiatives/a.yaml', line: 9, column: 20 },
  // validate's as-of date is today (or SOURCE_DATE_EPOCH): 2999 is after it.
  { code: 'future-dated', files: { 'initiatives/a.yaml': INIT('a', 'grow:\n  indicators:\n    - { name: Walks held, kind: process }\n  readings:\n    - { indicator: Walks held, date: 2999-01-01, value: 3 }\n') }, file: 'initiatives/a.yaml', line: 9, column: 38 },
  { code: 'duplicate-indicator', files: { 'initiatives/a.yaml': INIT('a', 'grow:\n  indicators:\n    - { name: Walks held, kind: process }\n    - { name: Walks held, kind: outcome }\n') }, file: 'initiatives/a.yaml', line: 8, column: 15 },
  { code: 'score-out-of-scale', files: { 'initiatives/a.yaml': INIT('a', FULL_SCORES.replace('ease: 4', 'ease: 7')) }, file: 'initiatives/a.yaml', line: 6, column: 105 },
  { code: 'year-out-of-range', files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  businessCase:\n    costs:\n      - { item: X, kind: revenue, amount: 10, years: [0, 5] }\n') }, file: 'initiatives/a.yaml', line: 8, column: 58 },
  { code: 'duplicate-year', files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  businessCase:\n    costs:\n      - { item: X, kind: revenue, amount: 10, years: [1, 1] }\n') }, file: 'initiatives/a.yaml', line: 8, column: 58 },
  { code: 'amount-and-cohort', files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  businessCase:\n    benefits:\n      - { item: X, kind: social, amount: 10, cohort: 4, unitValue: 2 }\n') }, file: 'initiatives/a.yaml', line: 8, column: 46 },
  { code: 'benefit-without-value', files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  businessCase:\n    benefits:\n      - { item: X, kind: social }\n') }, file: 'initiatives/a.yaml', line: 8, column: 9 },
  {
    code: 'missing-deflator',
    files: { 'costar.yaml': MANIFEST + 'appraisal:\n  priceYear: 2025\n  deflators: { 2025: 100 }\n', 'initiatives/a.yaml': INIT('a', 'focus:\n  businessCase:\n    costs:\n      - { item: X, kind: revenue, amount: 10, priceYear: 2019 }\n') },
    file: 'initiatives/a.yaml',
    line: 8,
    column: 58,
  },
  {
    code: 'mixed-price-years',
    files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  businessCase:\n    benefits:\n      - { item: X, kind: social, amount: 10, priceYear: 2019 }\n      - { item: Y, kind: social, amount: 10, priceYear: 2025 }\n') },
    file: 'initiatives/a.yaml',
    line: 9,
    column: 57,
  },
  { code: 'unknown-key', files: { 'people/p-1.yaml': PERSON('p-1', 'wardd: north\n') }, file: 'people/p-1.yaml', line: 7, column: 1 },
  { code: 'contributor-without-consent', files: { 'people/p-2.yaml': PERSON('p-2').replace('consent: true', 'consent: false'), 'initiatives/a.yaml': INIT('a', 'people:\n  contributors: [p-2]\n') }, file: 'initiatives/a.yaml', line: 6, column: 18 },
  { code: 'contributor-unwilling', files: { 'people/p-2.yaml': PERSON('p-2').replace('willingness: more', 'willingness: no'), 'initiatives/a.yaml': INIT('a', 'people:\n  contributors: [p-2]\n') }, file: 'initiatives/a.yaml', line: 6, column: 18 },
  { code: 'need-ward-outside', files: { 'people/p-1.yaml': PERSON('p-1'), 'initiatives/a.yaml': INIT('a', 'wards: [north]\npeople:\n  needs:\n    - { skill: walk-leading, count: 1, ward: south }\n') }, file: 'initiatives/a.yaml', line: 8, column: 46 },
  { code: 'skill-not-offered', files: { 'people/p-1.yaml': PERSON('p-1'), 'initiatives/a.yaml': INIT('a', 'people:\n  needs:\n    - { skill: beekeeping, count: 1 }\n') }, file: 'initiatives/a.yaml', line: 7, column: 16 },
  { code: 'status-contradiction', files: { 'initiatives/a.yaml': 'id: a\ntitle: Walks\nserviceArea: housing\nstatus: idea\ncos:\n  co-design: { level: established }\n' }, file: 'initiatives/a.yaml', line: 4, column: 9 },
  {
    code: 'empty-rater',
    files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  ratings:\n    - { rater: "", scores: { ease: 4 } }\n') },
    file: 'initiatives/a.yaml',
    line: 7,
    column: 16,
  },
  {
    code: 'duplicate-rater',
    files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  ratings:\n    - { rater: Finance partner, scores: { ease: 4 } }\n    - { rater: finance partner, scores: { ease: 2 } }\n') },
    file: 'initiatives/a.yaml',
    line: 8,
    column: 16,
  },
  { code: 'incomplete-scores', files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  scores: { ease: 4 }\n') }, file: 'initiatives/a.yaml', line: 6, column: 3 },
  { code: 'stray-temp-file', files: { 'people/.p-1.yaml.abc123def.tmp': PERSON('p-1') }, file: 'people/.p-1.yaml.abc123def.tmp', line: 1, column: 1 },
  { code: 'outside-portfolio', files: {}, setup: (dir) => symlinkSync('/etc/hostname', join(dir, 'initiatives', 'a.yaml')), file: 'initiatives/a.yaml', line: 1, column: 1 },
  { code: 'not-a-file', files: {}, setup: (dir) => execFileSync('mkfifo', [join(dir, 'initiatives', 'a.yaml')]), file: 'initiatives/a.yaml', line: 1, column: 1 },
  {
    code: 'unreadable-file',
    files: { 'initiatives/a.yaml': INIT('a') },
    setup: (dir) => {
      chmodSync(dir, 0o755);
      chmodSync(join(dir, 'initiatives', 'a.yaml'), 0o000);
    },
    uid: process.getuid?.() === 0 ? 65534 : undefined,
    file: 'initiatives/a.yaml',
    line: 1,
    column: 1,
  },
  {
    code: 'consent-expired',
    manifest: 'privacy:\n  retainMonths: 24\n',
    asOf: '2026-12-02',
    files: { 'people/p-1.yaml': PERSON('p-1', 'consentDate: 2024-12-01\n') },
    file: 'people/p-1.yaml',
    line: 7,
    column: 14,
  },
  { code: 'cashable-not-fiscal', files: { 'initiatives/a.yaml': INIT('a', 'focus:\n  businessCase:\n    benefits:\n      - { item: X, kind: social, amount: 10, cashable: true }\n') }, file: 'initiatives/a.yaml', line: 8, column: 46 },
];

function makePortfolio(files: Record<string, string | Buffer>, manifest = ''): string {
  const dir = tempDir('costar-diag-');
  for (const sub of ['initiatives', 'people', 'cases']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'costar.yaml'), MANIFEST + manifest);
  for (const [rel, content] of Object.entries(files)) writeFileSync(join(dir, rel), content);
  return dir;
}

describe('every diagnostic code', () => {
  it('has a case in this table', () => {
    expect([...new Set(CASES.map((c) => c.code))].sort()).toEqual(Object.keys(CODES).sort());
  });

  const throughCli = new Set<Case>();
  for (const severity of ['error', 'warning']) {
    const sample = CASES.find((c) => c.uid === undefined && !c.setup && CODES[c.code]!.severity === severity);
    if (sample) throughCli.add(sample);
  }
  for (const c of CASES) if (c.uid !== undefined) throughCli.add(c);

  for (const c of CASES) {
    it(`${c.code} is reported at ${c.file}:${c.line}${c.column ? `:${c.column}` : ''}`, () => {
      const dir = makePortfolio(c.files, c.manifest);
      c.setup?.(dir);
      const asOf = c.asOf ? ['--as-of', c.asOf] : [];
      const cli = throughCli.has(c) ? (c.uid === undefined ? costar(['validate', dir, '--format', 'json', ...asOf]) : asUser(c.uid, ['validate', dir, '--format', 'json', ...asOf])) : undefined;
      const out = cli ? (JSON.parse(cli.stdout) as Out) : validateJson(dir, c.asOf);
      const hit = out.diagnostics.find((d) => d.code === c.code);
      expect(hit, `diagnostics: ${JSON.stringify(out.diagnostics, null, 1)}`).toBeDefined();
      expect(hit!.severity).toBe(CODES[c.code]!.severity);
      expect(hit!.file).toBe(c.file);
      expect(hit!.line).toBe(c.line);
      if (c.column) expect(hit!.column).toBe(c.column);
      expect(hit!.message.length).toBeGreaterThan(15);
      if (cli) {
        expect(cli.code).toBe(CODES[c.code]!.severity === 'error' ? 1 : 0);
        expect(cli.stderr).toBe('');
      }
    });
  }
});
