/**
 * The finance workbook (`generate business-case … --format xlsx`, SPEC 9): an Inputs sheet with
 * every cost and benefit line and every appraisal setting as values, and calculation sheets
 * (Calculation: cost lines, benefit lines, years; Summary) whose every figure is a live formula
 * of those inputs, so a
 * finance officer can change an input and watch the case move. The formulas restate SPEC 6 and 9
 * cell by cell; each cell also carries the value costar computed (core/business-case.ts) as its
 * cached result, so the file shows figures before any recalculation, and a test recalculates the
 * formulas with an independent engine and compares them with `focus case --json`.
 *
 * Workbook-level names: pvCosts, pvBenefits, pvFiscal, npv, bcr, bcrFiscal (and roi,
 * paybackYear, switchingValue). A ratio that is not defined is the text "not defined".
 *
 * This module is bundled on its own (dist/cli/xlsx.cjs) and loaded only by the xlsx path, so
 * exceljs never slows down start-up or the other documents.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { businessCaseDetail, type BusinessCaseDetail } from '../core/business-case.js';
import { GRADE_NOTES, paybackWording, priceBaseText } from '../core/case-figures.js';
import type { Config } from '../core/config.js';
import type { Initiative } from '../core/schema.js';

/** Same portfolio, same bytes: zip entries and document properties carry this date, not today's. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

type Value = string | number | null;
/** A cell: a plain value, or a formula (without "=") with the value costar computed. */
type Cell = Value | { f: string; v: Value };

/** 1 → A, 27 → AA. */
export function colName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const NA = 'not defined';
const orNa = (v: number | null): Value => (v === null ? NA : v);

/** The sheets of one business case as rows of cells, and the names of the result cells. */
export function workbookModel(config: Config, ini: Initiative, detail: BusinessCaseDetail = businessCaseDetail(config, ini)) {
  const bc = detail.case;
  const Y = detail.years;
  const caseGrade = ini.focus?.businessCase?.confidence ?? 3;
  const costLines = ini.focus?.businessCase?.costs ?? [];
  const benefitLines = ini.focus?.businessCase?.benefits ?? [];
  const deflators = Object.entries(config.deflators)
    .map(([y, v]) => [Number(y), v] as [number, number])
    .sort((a, b) => a[0] - b[0]);

  // ------------------------------------------------------------------ Inputs
  const inputs: Cell[][] = [];
  inputs.push([`Inputs: ${ini.id} — change any value in this sheet and the other sheets recalculate`]);
  inputs.push([]);
  const SET = 3; // settings rows start here
  inputs.push(['Initiative', ini.id, ini.title]);
  inputs.push(['Currency', config.currency]);
  inputs.push(['Discount rate, years 0 to 30', config.discountRate, 'HM Treasury Green Book social time preference rate']);
  inputs.push(['Discount rate from year 31', config.discountRateLong, "the Green Book's declining schedule"]);
  inputs.push(['Appraisal years', Y, 'the year columns of the calculation sheets follow this period']);
  inputs.push(['Start year', config.startYear, 'year 0 is this financial year']);
  inputs.push(['Price base (appraisal.priceYear)', config.priceYear, 'empty: nothing is re-based']);
  inputs.push(['Business case confidence grade', caseGrade, 'for lines that give no grade (3 when the case gives none)']);
  const R = { rate: SET + 2, rateLong: SET + 3, base: SET + 6, caseGrade: SET + 7 };
  inputs.push([]);
  const OB = inputs.length + 1;
  inputs.push(['Confidence grade', 'Cost uplift', 'Benefit reduction', 'What it means (1 is the best evidence)']);
  for (let g = 1; g <= 6; g++) inputs.push([g, config.optimismBias[g]?.[0] ?? 0, config.optimismBias[g]?.[1] ?? 0, GRADE_NOTES[g] ?? '']);
  const obFirst = OB + 1;
  const obLast = OB + 6;
  inputs.push([]);
  const DEF = inputs.length + 1;
  inputs.push(['Deflator year', 'Price index']);
  for (const [y, v] of deflators) inputs.push([y, v]);
  if (!deflators.length) inputs.push([null, null]);
  const defFirst = DEF + 1;
  const defLast = DEF + Math.max(1, deflators.length);
  inputs.push([]);

  const yearCols = (first: number) => Array.from({ length: Y }, (_, t) => colName(first + t));
  const flags = (years: readonly number[] | undefined) => Array.from({ length: Y }, (_, t) => (years === undefined || years.includes(t) ? 1 : 0));
  const yearHead = Array.from({ length: Y }, (_, t) => `In year ${t} (${bc.years[t]?.label ?? t})`);

  const COSTS = inputs.length + 1;
  inputs.push(['Cost item', 'Kind', 'Paid by', 'Amount a year', 'Price year', 'Confidence grade (empty: the case grade)', ...yearHead]);
  const costFlagCols = yearCols(7);
  costLines.forEach((l) => inputs.push([l.item, l.kind, l.payer ?? 'unspecified', l.amount, l.priceYear ?? null, l.confidence ?? null, ...flags(l.years)]));
  inputs.push([]);
  const BEN = inputs.length + 1;
  inputs.push([
    'Benefit item', 'Kind', 'Cashable', 'Beneficiary', 'Amount a year (empty: cohort × unit value × engagement × success)', 'Cohort', 'Unit value', 'Engagement', 'Success',
    'Deadweight', 'Displacement', 'Attribution', 'Drop-off a year', 'Price year', 'Confidence grade (empty: the case grade)', ...yearHead,
  ]);
  const benFlagCols = yearCols(16);
  benefitLines.forEach((l) => {
    const cohort = l.amount === undefined;
    inputs.push([
      l.item, l.kind, l.kind === 'fiscal' && l.cashable === true ? 'yes' : 'no', l.beneficiary ?? 'unspecified', cohort ? null : l.amount ?? 0,
      cohort ? l.cohort ?? 0 : null, cohort ? l.unitValue ?? 0 : null, cohort ? l.engagement ?? 1 : null, cohort ? l.success ?? 1 : null,
      l.deadweight ?? 0, l.displacement ?? 0, l.attribution ?? 0, l.dropOff ?? 0, l.priceYear ?? null, l.confidence ?? null, ...flags(l.years),
    ]);
  });

  const rebase = (priceCell: string) =>
    `IF(OR(ISBLANK(Inputs!$B$${R.base}),ISBLANK(${priceCell}),${priceCell}=Inputs!$B$${R.base}),1,` +
    `IFERROR(INDEX(Inputs!$B$${defFirst}:$B$${defLast},MATCH(Inputs!$B$${R.base},Inputs!$A$${defFirst}:$A$${defLast},0))/` +
    `INDEX(Inputs!$B$${defFirst}:$B$${defLast},MATCH(${priceCell},Inputs!$A$${defFirst}:$A$${defLast},0)),1))`;

  // ------------------------------------------------------------------ Calculation
  // One sheet (each sheet costs a workbook about as much as a few hundred cells): the cost lines,
  // the benefit lines, then the years, each block under its own header row.
  const nc = detail.costs.length;
  const nb = detail.benefits.length;
  const cH = 1;
  const bH = cH + nc + 2;
  const yS = bH + nb + 2;
  const Yr = { label: yS, t: yS + 1, df: yS + 2, costs: yS + 3, benefits: yS + 4, fiscal: yS + 5, net: yS + 6, pvC: yS + 7, pvB: yS + 8, cumC: yS + 9, cumB: yS + 10, paid: yS + 11 };
  const calc: Cell[][] = [];
  const put = (r: number, cells: Cell[]) => (calc[r - 1] = cells);
  const yc = Array.from({ length: Y }, (_, t) => colName(2 + t));
  const dfRange = `$B$${Yr.df}:$${yc[Y - 1]}$${Yr.df}`;

  put(cH, ['Cost item', 'Paid by', 'Re-basing factor', 'Grade', 'Uplift', 'A year, re-based and uplifted', ...yearHead, 'Present value']);
  const cYear = yearCols(7);
  const cPv = colName(7 + Y);
  detail.costs.forEach((d, i) => {
    const ri = COSTS + 1 + i;
    const ci = cH + 1 + i;
    put(ci, [
      { f: `Inputs!A${ri}`, v: d.item },
      { f: `Inputs!C${ri}`, v: d.payer },
      { f: rebase(`Inputs!E${ri}`), v: d.rebase },
      { f: `IF(ISBLANK(Inputs!F${ri}),Inputs!$B$${R.caseGrade},Inputs!F${ri})`, v: d.grade },
      { f: `INDEX(Inputs!$B$${obFirst}:$B$${obLast},D${ci})`, v: d.uplift },
      { f: `Inputs!D${ri}*C${ci}*(1+E${ci})`, v: d.rebasedAmount * (1 + d.uplift) },
      ...cYear.map((_, t) => ({ f: `Inputs!${costFlagCols[t]}${ri}*$F${ci}`, v: d.values[t]! })),
      { f: `SUMPRODUCT(${cYear[0]}${ci}:${cYear[Y - 1]}${ci},${dfRange})`, v: d.pv },
    ]);
  });
  put(bH, ['Benefit item', 'Kind', 'Cashable', 'Beneficiary', 'Gross a year', 'Re-basing factor', 'Grade', 'Reduction', 'First-year value', 'First year', 'Drop-off', ...yearHead, 'Present value']);
  const bYear = yearCols(12);
  const bPv = colName(12 + Y);
  detail.benefits.forEach((d, i) => {
    const ri = BEN + 1 + i;
    const bi = bH + 1 + i;
    const first = d.years[0] ?? 0;
    put(bi, [
      { f: `Inputs!A${ri}`, v: d.item },
      { f: `Inputs!B${ri}`, v: d.kind },
      { f: `Inputs!C${ri}`, v: d.cashable ? 'yes' : 'no' },
      { f: `Inputs!D${ri}`, v: d.beneficiary },
      { f: `IF(ISBLANK(Inputs!E${ri}),Inputs!F${ri}*Inputs!G${ri}*Inputs!H${ri}*Inputs!I${ri},Inputs!E${ri})`, v: d.grossAsWritten },
      { f: rebase(`Inputs!N${ri}`), v: d.rebase },
      { f: `IF(ISBLANK(Inputs!O${ri}),Inputs!$B$${R.caseGrade},Inputs!O${ri})`, v: d.grade },
      { f: `INDEX(Inputs!$C$${obFirst}:$C$${obLast},G${bi})`, v: d.reduction },
      { f: `E${bi}*F${bi}*(1-Inputs!J${ri})*(1-Inputs!K${ri})*(1-Inputs!L${ri})*(1-H${bi})`, v: d.net },
      { f: `IFERROR(MATCH(1,Inputs!${benFlagCols[0]}${ri}:${benFlagCols[Y - 1]}${ri},0)-1,0)`, v: first },
      { f: `Inputs!M${ri}`, v: d.dropOff },
      ...bYear.map((_, t) => ({ f: `IF(Inputs!${benFlagCols[t]}${ri}=1,$I${bi}*(1-$K${bi})^(${t}-$J${bi}),0)`, v: d.values[t]! })),
      { f: `SUMPRODUCT(${bYear[0]}${bi}:${bYear[Y - 1]}${bi},${dfRange})`, v: d.pv },
    ]);
  });
  const cRange = (col: string) => (nc ? `${col}${cH + 1}:${col}${cH + nc}` : null);
  const bRange = (col: string) => (nb ? `${col}${bH + 1}:${col}${bH + nb}` : null);
  const sumOf = (range: string | null) => (range ? `SUM(${range})` : '0');
  const fiscalOf = (col: string) => (nb ? `SUMIF($B$${bH + 1}:$B$${bH + nb},"fiscal",${bRange(col)})` : '0');
  const row = (label: string, f: (t: number, c: string) => Cell) => [label, ...yc.map((c, t) => f(t, c))];
  const paid = bc.years.map((y) => (y.cumulativePvCosts > 0 && y.cumulativePvBenefits >= y.cumulativePvCosts ? 1 : 0));
  put(Yr.label, ['Year', ...bc.years.map((y) => y.label)]);
  put(Yr.t, ['t', ...bc.years.map((y) => y.year)]);
  put(Yr.df, row('Discount factor', (t, c) => ({ f: `IF(${c}${Yr.t}<=30,(1+Inputs!$B$${R.rate})^(-${c}${Yr.t}),(1+Inputs!$B$${R.rate})^(-30)*(1+Inputs!$B$${R.rateLong})^(-(${c}${Yr.t}-30)))`, v: bc.years[t]!.discountFactor })));
  put(Yr.costs, row('Costs', (t) => ({ f: sumOf(cRange(cYear[t]!)), v: bc.years[t]!.costs })));
  put(Yr.benefits, row('Benefits', (t) => ({ f: sumOf(bRange(bYear[t]!)), v: bc.years[t]!.benefits })));
  put(Yr.fiscal, row('of which fiscal', (t) => ({ f: fiscalOf(bYear[t]!), v: bc.years[t]!.fiscal })));
  put(Yr.net, row('Net', (t, c) => ({ f: `${c}${Yr.benefits}-${c}${Yr.costs}`, v: bc.years[t]!.net })));
  put(Yr.pvC, row('Present value of costs', (t, c) => ({ f: `${c}${Yr.costs}*${c}${Yr.df}`, v: bc.years[t]!.pvCosts })));
  put(Yr.pvB, row('Present value of benefits', (t, c) => ({ f: `${c}${Yr.benefits}*${c}${Yr.df}`, v: bc.years[t]!.pvBenefits })));
  put(Yr.cumC, row('Cumulative PV of costs', (t, c) => ({ f: t === 0 ? `${c}${Yr.pvC}` : `${yc[t - 1]}${Yr.cumC}+${c}${Yr.pvC}`, v: bc.years[t]!.cumulativePvCosts })));
  put(Yr.cumB, row('Cumulative PV of benefits', (t, c) => ({ f: t === 0 ? `${c}${Yr.pvB}` : `${yc[t - 1]}${Yr.cumB}+${c}${Yr.pvB}`, v: bc.years[t]!.cumulativePvBenefits })));
  put(Yr.paid, row('Paid back (1 = yes)', (t, c) => ({ f: `IF(AND(${c}${Yr.cumC}>0,${c}${Yr.cumB}>=${c}${Yr.cumC}),1,0)`, v: paid[t]! })));
  for (let r = 0; r < calc.length; r++) calc[r] ??= [];

  // ------------------------------------------------------------------ Summary
  const summary: Cell[][] = [
    ['Measure', 'Value'],
    ['Present value of costs', { f: nc ? `SUM(Calculation!${cPv}${cH + 1}:${cPv}${cH + nc})` : '0', v: bc.pvCosts }],
    ['Present value of benefits', { f: nb ? `SUM(Calculation!${bPv}${bH + 1}:${bPv}${bH + nb})` : '0', v: bc.pvBenefits }],
    ['Present value of fiscal benefits', { f: nb ? `SUMIF(Calculation!$B$${bH + 1}:$B$${bH + nb},"fiscal",Calculation!${bPv}${bH + 1}:${bPv}${bH + nb})` : '0', v: bc.pvFiscal }],
    ['Net present value', { f: 'B3-B2', v: bc.npv }],
    ['Benefit-cost ratio', { f: `IF(B2=0,"${NA}",B3/B2)`, v: orNa(bc.bcr) }],
    ['Fiscal benefit-cost ratio', { f: `IF(B2=0,"${NA}",B4/B2)`, v: orNa(bc.bcrFiscal) }],
    ['Return on investment', { f: `IF(B2=0,"${NA}",(B3-B2)/B2)`, v: orNa(bc.roi) }],
    ['Payback year (t)', { f: `IF(B2=0,"no costs to pay back",IFERROR(MATCH(1,Calculation!B${Yr.paid}:${yc[Y - 1]}${Yr.paid},0)-1,"not within the appraisal period"))`, v: bc.paybackYear ?? paybackWording(bc) }],
    ['Switching value', { f: `IF(OR(B2=0,B3=0),"${NA}",1-B2/B3)`, v: orNa(bc.switchingValue) }],
    ['Price base', priceBaseText(config, detail)],
  ];
  const names: Record<string, string> = {
    pvCosts: 'Summary!$B$2',
    pvBenefits: 'Summary!$B$3',
    pvFiscal: 'Summary!$B$4',
    npv: 'Summary!$B$5',
    bcr: 'Summary!$B$6',
    bcrFiscal: 'Summary!$B$7',
    roi: 'Summary!$B$8',
    paybackYear: 'Summary!$B$9',
    switchingValue: 'Summary!$B$10',
  };
  return { sheets: { Summary: summary, Inputs: inputs, Calculation: calc } as Record<string, Cell[][]>, names };
}

/** The workbook of one business case, as the bytes of an .xlsx file. */
export async function businessCaseXlsx(config: Config, ini: Initiative): Promise<Uint8Array> {
  const { sheets, names } = workbookModel(config, ini);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'costar';
  wb.lastModifiedBy = 'costar';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((cells, r) => {
      if (!cells.length) return;
      const row = ws.getRow(r + 1);
      cells.forEach((cell, c) => {
        if (cell === null) return;
        row.getCell(c + 1).value = typeof cell === 'object' ? { formula: cell.f, result: cell.v ?? undefined } : cell;
      });
    });
    ws.getColumn(1).width = 34;
  }
  for (const [name, ref] of Object.entries(names)) wb.definedNames.add(ref, name);
  // JSZip stamps each entry with the time of writing unless told otherwise.
  (JSZip as unknown as { defaults: { date: Date | null } }).defaults.date = FIXED_DATE;
  const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' }, useSharedStrings: false, useStyles: false } as ExcelJS.XlsxWriteOptions);
  return new Uint8Array(buf as ArrayBuffer);
}
