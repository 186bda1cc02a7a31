import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costar, copyFixture, snapshotTree, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const MANIFEST = `schema: costar/v1
name: Test portfolio
organisation: Test Council
serviceAreas:
  - id: housing
appraisal:
  priceYear: 1899
  deflators: { 2019: 0, 2021: -3.5, 2025: 100, 20x5: 90 }
`;

describe('price bases: bad input', () => {
  it('a deflator of zero or less, a price year outside 1900..2100 and a key that is no year are errors naming the field (exit 1)', async () => {
    const dir = tempDir('costar-price-');
    mkdirSync(join(dir, 'initiatives'));
    writeFileSync(join(dir, 'costar.yaml'), MANIFEST);
    writeFileSync(
      join(dir, 'initiatives', 'a.yaml'),
      'id: a\ntitle: A\nserviceArea: housing\nstatus: idea\nfocus:\n  businessCase:\n    costs:\n      - { item: X, kind: revenue, amount: 10, priceYear: 2101 }\n',
    );
    const r = (await costarIn(['validate', dir, '--format', 'json']));
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics as Array<{ file: string; line: number; code: string; message: string; severity: string }>;
    const msg = (re: RegExp) => d.find((x) => re.test(x.message));
    expect(msg(/appraisal\.deflators\.2019 must be more than 0, found 0/)).toMatchObject({ file: 'costar.yaml', code: 'out-of-range', severity: 'error', line: 8 });
    expect(msg(/appraisal\.deflators\.2021 must be more than 0, found -3\.5/)).toMatchObject({ code: 'out-of-range', line: 8 });
    expect(msg(/appraisal\.priceYear must be at least 1900, found 1899/)).toMatchObject({ code: 'out-of-range', line: 7 });
    expect(msg(/appraisal\.deflators key "20x5" is not a year/)).toMatchObject({ code: 'out-of-range', line: 8 });
    expect(msg(/focus\.businessCase\.costs\[0\]\.priceYear must be at most 2100, found 2101/)).toMatchObject({ file: 'initiatives/a.yaml', code: 'out-of-range', line: 8 });
    // Commands that compute refuse a portfolio with errors, and write nothing.
    const before = snapshotTree(dir);
    const c = (await costarIn(['-C', dir, 'generate', 'business-case', 'a', '--format', 'xlsx']));
    expect(c.code).toBe(1);
    expect(c.stderr).toMatch(/the portfolio has \d+ errors/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a flag price year outside 1900..2100 is a usage error (exit 2); a flag value no deflator can re-base is refused (exit 2) and nothing is written', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const r = (await costarIn(['focus', 'add-cost', 'time-bank', '--item', 'x', '--kind', 'revenue', '--amount', '5', '--price-year', '2101'], { cwd: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--price-year: 2101 is out of range/);
    expect(snapshotTree(dir)).toEqual(before);
    // With a price base and no index for 2019, the new line would not validate: refused.
    const manifest = join(dir, 'costar.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('  years: 5\n', '  years: 5\n  priceYear: 2025\n  deflators: { 2025: 100 }\n'));
    const withBase = snapshotTree(dir);
    const m = (await costarIn(['focus', 'add-cost', 'time-bank', '--item', 'x', '--kind', 'revenue', '--amount', '5', '--price-year', '2019'], { cwd: dir }));
    expect(m.code).toBe(2); // the value came from a flag
    expect(m.stderr).toMatch(/no index for 2019/);
    expect(snapshotTree(dir)).toEqual(withBase);
  });
});
