/**
 * The finance workbook, recalculated by an independent formula engine (HyperFormula): every named
 * result equals `focus case --json` within 1e-9 relative, every cached value equals what the
 * formulas give, and changing an input moves the case as the engine says it should.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../bench/generate-portfolio.mjs';
import { businessCase } from '../../src/core/business-case.js';
import { loadPortfolio } from '../../src/store/portfolio.js';
import { costar, copyFixture, FIXTURES, snapshotTree, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { financePortfolio } from '../helpers/finance-portfolio.js';

const DEMO = join(FIXTURES, 'demo');
const NAMES = ['pvCosts', 'pvBenefits', 'pvFiscal', 'npv', 'bcr', 'bcrFiscal'] as const;

interface Loaded {
  hf: HyperFormula;
  sheets: string[];
  cached: Array<{ sheet: string; row: number; col: number; value: unknown }>;
  names: string[];
}

/** Reads a workbook with exceljs and hands its values and formulas to HyperFormula. */
async function load(file: string): Promise<Loaded> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const data: Record<string, Array<Array<string | number | boolean | null>>> = {};
  const cached: Loaded['cached'] = [];
  wb.eachSheet((ws) => {
    const rows: Array<Array<string | number | boolean | null>> = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Array<string | number | boolean | null> = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value as any;
        if (v !== null && typeof v === 'object' && 'formula' in v) {
          cells[c - 1] = `=${v.formula}`;
          // The model, not .value: exceljs's value getter drops a cached result of 0.
          cached.push({ sheet: ws.name, row: r - 1, col: c - 1, value: (cell as any).model.result });
        } else cells[c - 1] = v ?? null;
      });
      rows[r - 1] = Array.from(cells, (x) => x ?? null);
    });
    data[ws.name] = Array.from(rows, (x) => x ?? []);
  });
  const hf = HyperFormula.buildFromSheets(data, { licenseKey: 'gpl-v3' });
  const names: string[] = [];
  for (const dn of (wb.definedNames as any).model as Array<{ name: string; ranges: string[] }>) {
    hf.addNamedExpression(dn.name, `=${dn.ranges[0]}`);
    names.push(dn.name);
  }
  return { hf, sheets: Object.keys(data), cached, names };
}

const near = (got: unknown, want: number | null, what: string) => {
  if (want === null) return expect(got, what).toBe('not defined');
  expect(typeof got, `${what}: ${String(got)}`).toBe('number');
  expect(Math.abs((got as number) - want), what).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
};

/** Every cached value is what the formulas compute. */
function checkCached(l: Loaded, file: string) {
  for (const c of l.cached) {
    const v = l.hf.getCellValue({ sheet: l.hf.getSheetId(c.sheet)!, row: c.row, col: c.col });
    if (typeof c.value === 'number') near(v, c.value, `${file} ${c.sheet}!R${c.row + 1}C${c.col + 1}`);
    else expect(v, `${file} ${c.sheet}!R${c.row + 1}C${c.col + 1}`).toEqual(c.value);
  }
}

describe('generate business-case --format xlsx', () => {
  it('on the demo: named results equal focus case --json, cached values equal the formulas, and the files are the same bytes each time', async () => {
    const dir = copyFixture('demo');
    const out = tempDir('costar-xlsx-');
    const r = (await costarIn(['generate', 'business-case', '--all', '--format', 'xlsx', '--out', out], { cwd: dir }));
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain('dementia-walks.business-case.xlsx');
    expect(r.stdout.trim().split('\n')).toHaveLength(files.length);
    const p = loadPortfolio(dir);
    for (const f of files) {
      const id = f.replace('.business-case.xlsx', '');
      // Two through the real command (one with no costs); the rest through businessCase(), which
      // test/e2e/focus.test.ts shows is exactly what focus case --json prints for every demo case.
      const json =
        id === 'dementia-walks' || id === 'time-bank'
          ? JSON.parse((await costarIn(['focus', 'case', id, '--json'], { cwd: dir })).stdout)
          : JSON.parse(JSON.stringify(businessCase(p.config, p.initiatives.find((i) => i.id === id)!)));
      const l = await load(join(out, f));
      expect(l.sheets).toEqual(['Summary', 'Inputs', 'Calculation']);
      for (const n of NAMES) {
        expect(l.names).toContain(n);
        near(l.hf.getNamedExpressionValue(n), json[n], `${f} ${n}`);
      }
      near(l.hf.getNamedExpressionValue('roi'), json.roi, `${f} roi`);
      near(l.hf.getNamedExpressionValue('switchingValue'), json.switchingValue, `${f} switchingValue`);
      if (json.paybackYear !== null) expect(l.hf.getNamedExpressionValue('paybackYear')).toBe(json.paybackYear);
      checkCached(l, f);
    }
    // Same portfolio, same bytes.
    const before = snapshotTree(out);
    expect((await costarIn(['generate', 'business-case', '--all', '--format', 'xlsx', '--out', out], { cwd: dir })).code).toBe(0);
    expect(snapshotTree(out)).toEqual(before);
  }, 120_000);

  it('on generated portfolios (price bases, 40 years, drop-off without years; the benchmark generator): every named result equals the engine', async () => {
    for (const dir of [financePortfolio({ initiatives: 6, years: 40, seed: 3 }), (() => {
      const d = tempDir('costar-xlsx-gen-');
      generatePortfolio(d, 8, 5, 'business-case');
      return d;
    })()]) {
      const out = tempDir('costar-xlsx-out-');
      const r = (await costarIn(['-C', dir, 'generate', 'business-case', '--all', '--format', 'xlsx', '--out', out]));
      expect(r.code, r.stderr).toBe(0);
      const p = loadPortfolio(dir);
      const files = readdirSync(out).sort();
      expect(files.length).toBeGreaterThan(5);
      for (const f of files) {
        const ini = p.initiatives.find((i) => `${i.id}.business-case.xlsx` === f)!;
        // businessCase() is what focus case --json prints (test/e2e/focus.test.ts checks that).
        const want = businessCase(p.config, ini) as unknown as Record<string, number | null>;
        const l = await load(join(out, f));
        for (const n of NAMES) near(l.hf.getNamedExpressionValue(n), want[n]!, `${f} ${n}`);
        checkCached(l, f);
      }
    }
  }, 120_000);

  it('formulas are live: changing an input in the workbook moves the case as the engine says', async () => {
    const dir = financePortfolio({ initiatives: 3, years: 35, seed: 11 });
    const out = tempDir('costar-xlsx-live-');
    expect((await costarIn(['-C', dir, 'generate', 'business-case', 'ini-001', '--format', 'xlsx', '--out', out])).code).toBe(0);
    const l = await load(join(out, 'ini-001.business-case.xlsx'));
    const p = loadPortfolio(dir);
    const ini = p.initiatives.find((i) => i.id === 'ini-001')!;
    const inputs = l.hf.getSheetId('Inputs')!;
    // Inputs!B5 is the discount rate, B6 the long rate, B9 the price base: set 5 %, 4 % and a 2023 base.
    expect(l.hf.getCellValue({ sheet: inputs, row: 4, col: 0 })).toBe('Discount rate, years 0 to 30');
    l.hf.setCellContents({ sheet: inputs, row: 4, col: 1 }, 0.05);
    l.hf.setCellContents({ sheet: inputs, row: 5, col: 1 }, 0.04);
    l.hf.setCellContents({ sheet: inputs, row: 8, col: 1 }, 2023);
    const want = businessCase({ ...p.config, discountRate: 0.05, discountRateLong: 0.04, priceYear: 2023 }, ini) as unknown as Record<string, number | null>;
    for (const n of NAMES) near(l.hf.getNamedExpressionValue(n), want[n]!, `changed ${n}`);
  }, 60_000);

  it('refuses xlsx for other documents (exit 2) and writes nothing', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const r = (await costarIn(['generate', 'charter', '--all', '--format', 'xlsx'], { cwd: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format xlsx is for business cases only/);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
