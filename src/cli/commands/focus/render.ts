/**
 * What `costar focus` shows: the impact matrix (table, plot and key), an initiative's standing,
 * the business case, and one-line descriptions of lines and running figures. Pure functions of
 * the portfolio's values that return text; the commands decide the stream.
 */
import { businessCase, businessCaseDetail, yearLabel, type BusinessCase } from '../../../core/business-case.js';
import { GRADE_NOTES, GRADE_SCALE, paybackWording, priceBaseText } from '../../../core/case-figures.js';
import { payerLabel, type Config } from '../../../core/config.js';
import { formatMoney, formatPercent, formatRatio, formatYear } from '../../../core/format.js';
import { BENEFIT_SHARES } from '../../../core/lines.js';
import { describeSensitivity, midpoint, missingCriteria, QUADRANT_LABELS, type MatrixRow, type Sensitivity } from '../../../core/matrix.js';
import { DISAGREEMENT_SPREAD, disagreements } from '../../../core/ratings.js';
import type { BenefitLine, CostLine, Initiative } from '../../../core/schema.js';
import type { Io } from '../../io.js';
import { fit, makeTable, plural, tableText } from '../../render.js';
import { describeDisagreement } from './group.js';
import { renderPlot, trimNum } from './plot.js';

export { trimNum };

export const fix2 = (n: number) => n.toFixed(2);

/** "ease (Easy and quick to put in place)", or the id alone when the label says the same. */
export function criterionLabel(config: Config, id: string): string {
  const c = config.criteria.find((x) => x.id === id);
  return c && c.label.toLowerCase() !== id.replace(/-/g, ' ') ? `${id} (${c.label})` : id;
}

/** One sentence on where an initiative stands on the matrix now. */
export function standing(config: Config, rows: MatrixRow[], ini: Initiative): string {
  const row = rows.find((r) => r.id === ini.id);
  if (ini.status === 'stopped') return `${ini.id} is stopped, so it is left out of the ranking.`;
  if (!row || row.rank === null) {
    const missing = missingCriteria(config, ini);
    return `${ini.id} is not on the matrix yet: ${missing.length} of ${config.criteria.length} criteria to score (${missing.join(', ')}).`;
  }
  const ranked = rows.filter((r) => r.rank !== null).length;
  return `${ini.id} is a ${QUADRANT_LABELS[row.quadrant!].toLowerCase()}, ranked ${row.rank} of ${ranked} (impact ${fix2(row.impact!)}, ease ${fix2(row.ease!)}).`;
}

/** Wraps "1 a · 2 b · …" to lines of at most `width` characters. */
function wrapKey(items: string[], width = 96, indent = '  '): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const it of items) {
    if (cur && cur.length + 3 + it.length > width) {
      lines.push(indent + cur);
      cur = it;
    } else cur = cur ? `${cur} · ${it}` : it;
  }
  if (cur) lines.push(indent + cur);
  return lines;
}

/** The ranking for people: the table, the plot and its key, what is not scored yet, the sensitivity. */
export async function renderRank(io: Io, config: Config, initiatives: Initiative[], rows: MatrixRow[], sens: Sensitivity | null): Promise<string> {
  const { c } = io;
  const ranked = rows.filter((r) => r.rank !== null);
  const unscored = rows.filter((r) => r.rank === null);
  const stopped = initiatives.filter((i) => i.status === 'stopped').length;
  const out: string[] = [];
  out.push(
    c.bold(`${config.name} — impact matrix`) +
      c.dim(`  (${ranked.length} ranked, ${unscored.length} not scored yet${stopped ? `, ${stopped} stopped left out` : ''}; midpoint ${trimNum(midpoint(config))})`),
  );
  if (!ranked.length) {
    out.push('No initiative is fully scored yet.');
  } else {
    const t = await makeTable(io, ['Rank', 'Initiative', 'Impact', 'Ease', 'Quadrant'], ['right', 'left', 'right', 'right', 'left']);
    for (const r of ranked) t.push([String(r.rank), r.id, fix2(r.impact!), fix2(r.ease!), QUADRANT_LABELS[r.quadrant!]]);
    out.push(tableText(io, t), '');
    out.push(...renderPlot(io, config, rows));
    out.push(c.dim('Markers are ranks:'));
    out.push(...wrapKey(ranked.map((r) => `${r.rank} ${r.id}`)));
  }
  if (unscored.length) {
    out.push('', c.bold('Not scored yet') + c.dim(' (not on the matrix until every criterion is scored)'));
    const w = Math.min(Math.max(...unscored.map((r) => r.id.length)), 26);
    for (const r of unscored) {
      const ini = initiatives.find((i) => i.id === r.id)!;
      const missing = missingCriteria(config, ini);
      out.push(`  ${r.id.padEnd(w)}  ${c.dim(missing.length === config.criteria.length ? 'no scores' : `missing ${missing.join(', ')}`)}`);
    }
  }
  const split = rows.map((r) => ({ id: r.id, ds: disagreements(config, initiatives.find((i) => i.id === r.id)!) })).filter((x) => x.ds.length);
  if (split.length) {
    out.push('', c.bold('Raters disagree') + c.dim(` (a spread of ${DISAGREEMENT_SPREAD} or more points on a criterion; worth talking through)`));
    for (const x of split) out.push(`  ${x.id}`, ...x.ds.map((d) => `    ${describeDisagreement(d)}`));
  }
  if (sens) out.push('', `${c.bold('Sensitivity:')} ${describeSensitivity(sens, (id) => criterionLabel(config, id))}`);
  return fit(io, out.join('\n') + '\n');
}

function switchingText(sv: number | null): string {
  if (sv === null) return 'not defined';
  if (sv >= 0) return `${formatPercent(sv, 1)}: benefits can fall by this much before the BCR drops below 1`;
  return `${formatPercent(sv, 1)}: benefits must rise by ${formatPercent(-sv, 1)} to reach a BCR of 1`;
}

/** The readable business case: summary, flows, grades and the year-by-year table. */
export async function renderCase(io: Io, config: Config, ini: Initiative): Promise<string> {
  const { c } = io;
  const d = businessCaseDetail(config, ini);
  const bc: BusinessCase = d.case;
  const money = (n: number) => formatMoney(n, config.currency);
  const Y = config.years;
  const out: string[] = [];
  out.push(c.bold(`${ini.id} — ${ini.title}`));
  out.push(
    c.dim(
      `Business case over ${plural(Y, 'year')} (${yearLabel(config, 0)} to ${yearLabel(config, Y - 1)}), discounted at ${formatPercent(config.discountRate, 1)} a year` +
        `${Y > 31 ? ` to year 30 and ${formatPercent(config.discountRateLong, 1)} from year 31` : ''}; money at present value in ${config.currency}`,
    ),
  );
  out.push(c.dim(`Price base: ${priceBaseText(config, d)}`));
  const noCosts = bc.pvCosts === 0;
  const rows: Array<[string, string]> = [
    ['Present value of costs', money(bc.pvCosts)],
    ['Present value of benefits', money(bc.pvBenefits)],
    ['  fiscal', `${money(bc.pvFiscal)}  (cashable ${money(bc.pvCashable)}, non-cashable ${money(bc.pvNonCashable)})`],
    ['  economic', money(bc.pvEconomic)],
    ['  social', money(bc.pvSocial)],
    ['Net present value', money(bc.npv)],
    ['Benefit-cost ratio', formatRatio(bc.bcr) + (noCosts ? c.dim('  (no costs yet)') : '')],
    ['Fiscal benefit-cost ratio', formatRatio(bc.bcrFiscal)],
    ['Return on investment', bc.roi === null ? 'not defined' : formatPercent(bc.roi, 1)],
    ['Payback', bc.paybackYear === null ? paybackWording(bc) : `year ${bc.paybackYear} (${yearLabel(config, bc.paybackYear)})`],
    ['Switching value', switchingText(bc.switchingValue)],
  ];
  const w = Math.max(...rows.map(([k]) => k.length)) + 3;
  for (const [k, v] of rows) out.push(`  ${k.padEnd(w)}${v}`);

  const flows = (title: string, rec: Record<string, number>) => {
    const keys = Object.keys(rec);
    if (!keys.length) return [`  ${title}: none`];
    const names = keys.map((k) => (payerLabel(config, k) === k ? k : `${payerLabel(config, k)} (${k})`));
    const kw = Math.max(...names.map((k) => k.length)) + 3;
    return [`  ${title}`, ...keys.map((k, i) => `    ${names[i]!.padEnd(kw)}${money(rec[k]!)}`)];
  };
  out.push('', c.bold('Who pays and who benefits') + c.dim(' (present values)'));
  out.push(...flows('Who pays', bc.flows.payers), ...flows('Who benefits', bc.flows.beneficiaries));

  if (d.grades.length) {
    out.push('', c.bold('Optimism bias by confidence grade') + c.dim(` (${GRADE_SCALE})`));
    for (const g of d.grades) {
      const lines = [g.costLines ? plural(g.costLines, 'cost line') : '', g.benefitLines ? plural(g.benefitLines, 'benefit line') : ''].filter(Boolean).join(', ');
      out.push(`  grade ${g.grade} (${GRADE_NOTES[g.grade]}): costs +${formatPercent(g.costUplift)}, benefits −${formatPercent(g.benefitReduction)}  ${c.dim(`(${lines})`)}`);
    }
  }

  out.push('', c.bold('Year by year') + c.dim(' (costs and benefits after optimism bias; PV = present value)'));
  const t = await makeTable(io, ['Year', 'Costs', 'Benefits', 'of which fiscal', 'Net', 'Discount factor', 'PV net', 'Cumulative PV net'], ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right']);
  for (const y of bc.years) {
    t.push([y.label, money(y.costs), money(y.benefits), money(y.fiscal), money(y.net), y.discountFactor.toFixed(4), money(y.pvNet), money(y.cumulativePvBenefits - y.cumulativePvCosts)]);
  }
  t.push([c.bold('Total PV'), c.bold(money(bc.pvCosts)), c.bold(money(bc.pvBenefits)), c.bold(money(bc.pvFiscal)), '', '', c.bold(money(bc.npv)), '']);
  out.push(tableText(io, t));
  return fit(io, out.join('\n') + '\n');
}

/** "BCR 1.05  (PV costs …, PV benefits …, NPV …)": the business case as it stands. */
export function runningBcr(config: Config, ini: Initiative): string {
  const bc = businessCase(config, ini);
  const money = (n: number) => formatMoney(n, config.currency);
  return `BCR ${formatRatio(bc.bcr)}  (PV costs ${money(bc.pvCosts)}, PV benefits ${money(bc.pvBenefits)}, NPV ${money(bc.npv)})`;
}

const exactMoney = (n: number, currency: string) => formatMoney(n, currency, { exact: !Number.isInteger(n) });

/** The years of a line as read: financial years when the appraisal has a start year, else indices. */
function yearsText(config: Config, years: readonly number[] | undefined): string {
  if (!years) return ', every year';
  return config.startYear === null ? `, years ${years.join(', ')}` : `, ${years.map((t) => formatYear(config.startYear, t)).join(', ')}`;
}

export function describeCost(config: Config, l: CostLine): string {
  return `${l.item}: ${exactMoney(l.amount, config.currency)} a year, ${l.kind}${yearsText(config, l.years)}${l.payer ? `, paid by ${l.payer}` : ''}`;
}

export function describeBenefit(config: Config, l: BenefitLine): string {
  const value = l.amount !== undefined ? `${exactMoney(l.amount, config.currency)} a year` : `${trimNum(l.cohort ?? 0)} × ${exactMoney(l.unitValue ?? 0, config.currency)}`;
  const shares = BENEFIT_SHARES.filter(([k]) => l[k] !== undefined).map(([k, what]) => `, ${what} ${formatPercent(l[k]!, Math.abs(l[k]! * 100 - Math.round(l[k]! * 100)) < 1e-9 ? 0 : 1)}`).join('');
  return `${l.item}: ${value}, ${l.kind}${l.cashable ? ' (cashable)' : ''}${shares}${yearsText(config, l.years)}${l.beneficiary ? `, to ${l.beneficiary}` : ''}`;
}
