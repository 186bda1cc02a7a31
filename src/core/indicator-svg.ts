/**
 * An indicator over time as a small accessible SVG line chart: its readings as a line with a point
 * on each, the baseline and the target as labelled reference lines, the first and last dates
 * under the line. Made for the grow plan and the report's Grow section, for every indicator with
 * two or more readings.
 *
 * Accessible: `role="img"` with `aria-labelledby` naming a `<title>` and a `<desc>`; the desc is
 * the text alternative (`indicatorChartSummary`), which says the first and latest values against
 * the target, so nothing is told by colour or position alone. The drawing itself is aria-hidden.
 *
 * Pure and deterministic: data in, markup out; numbers are written with a fixed format (at most
 * two decimals, no locale), dates spelt the same way everywhere, and every piece of user text is
 * escaped. No fonts or files from outside.
 */
import { formatDate } from './format.js';
import { xml } from './star-svg.js';

export interface ChartReading {
  /** YYYY-MM-DD. */
  date: string;
  value: number;
}

export interface IndicatorChartInput {
  /** The indicator's name (user text). */
  name: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  /** Readings, oldest first (as core/grow.ts readingsOf gives them). */
  readings: readonly ChartReading[];
  /** Prefix for the element ids, unique on the page (letters, digits, hyphens). */
  idPrefix: string;
}

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 240;

const LEFT = 20;
const RIGHT = 150;
const TOP = 44;
const BOTTOM = 44;
const PLOT_W = CHART_WIDTH - LEFT - RIGHT;
const PLOT_H = CHART_HEIGHT - TOP - BOTTOM;
/** Room inside the plot so that points never sit on its edge. */
const INSET = 16;

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A coordinate: at most two decimals, no trailing zeros, never "-0". */
export function coord(v: number): string {
  const r = Math.round(v * 100) / 100;
  return (Object.is(r, -0) ? 0 : r).toString();
}

/** A value as people read it, the same on every computer: 1,234.5; at most two decimals. */
export function chartNumber(v: number): string {
  const r = Math.round(v * 100) / 100;
  const neg = r < 0;
  const [whole, frac] = Math.abs(r).toFixed(2).replace(/\.?0+$/, '').split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A value with its unit: 48%, 120 walks. */
export function chartValue(v: number, unit: string | null): string {
  const s = chartNumber(v);
  if (!unit) return s;
  return unit === '%' ? `${s}%` : `${s} ${unit}`;
}

/** A date short enough for an axis: 31 Mar 2027. */
function shortDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS_SHORT[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Days since 1970 of a YYYY-MM-DD date (UTC), for placing readings in time. */
function day(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * The text alternative: how many readings over which dates, the first and the latest value, and
 * where the latest stands against the target (and the baseline). For example: "Walkers who feel
 * less isolated: 3 readings from 31 March 2026 to 31 March 2027, first 44%, latest 52%. Baseline
 * 40%. Target 60%: not yet met, 8 percentage points to go."
 */
export function indicatorChartSummary(c: Omit<IndicatorChartInput, 'idPrefix'>): string {
  const rs = c.readings;
  const first = rs[0]!;
  const last = rs[rs.length - 1]!;
  const parts = [`${c.name}: ${rs.length} readings from ${formatDate(first.date)} to ${formatDate(last.date)}, first ${chartValue(first.value, c.unit)}, latest ${chartValue(last.value, c.unit)}.`];
  if (c.baseline !== null) parts.push(`Baseline ${chartValue(c.baseline, c.unit)}.`);
  if (c.target !== null) {
    const from = c.baseline ?? first.value;
    const up = c.target >= from;
    const met = up ? last.value >= c.target : last.value <= c.target;
    const gap = Math.abs(c.target - last.value);
    // A gap between percentages is in percentage points (52% to 60% is 8 points, not 8%).
    const togo = c.unit === '%' ? `${chartNumber(gap)} percentage ${gap === 1 ? 'point' : 'points'}` : chartValue(gap, c.unit);
    parts.push(`Target ${chartValue(c.target, c.unit)}: ${met ? 'met' : `not yet met, ${togo} to go`}.`);
  } else parts.push('No target is set.');
  return parts.join(' ');
}

/** Draws one indicator's readings over time. Needs at least one reading; meant for two or more. */
export function indicatorChartSvg(c: IndicatorChartInput): string {
  const pre = c.idPrefix;
  const rs = c.readings;
  if (!rs.length) throw new Error('indicatorChartSvg needs at least one reading');

  // Value scale: the readings, the baseline and the target all fit, with a little room.
  const values = [...rs.map((r) => r.value), ...(c.baseline !== null ? [c.baseline] : []), ...(c.target !== null ? [c.target] : [])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const y = (v: number) => TOP + INSET + (1 - (v - lo) / (hi - lo)) * (PLOT_H - 2 * INSET);

  // Time scale: by date; readings all of one day are spread evenly instead.
  const d0 = day(rs[0]!.date);
  const d1 = day(rs[rs.length - 1]!.date);
  const x = (r: ChartReading, i: number) => {
    const share = d1 > d0 ? (day(r.date) - d0) / (d1 - d0) : rs.length > 1 ? i / (rs.length - 1) : 0.5;
    return LEFT + INSET + share * (PLOT_W - 2 * INSET);
  };

  const summary = indicatorChartSummary(c);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" aria-labelledby="${pre}-title ${pre}-desc" font-family="'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif">`,
  );
  out.push(`<title id="${pre}-title">${xml(`${c.name} over time`)}</title>`);
  out.push(`<desc id="${pre}-desc">${xml(summary)}</desc>`);
  out.push('<g aria-hidden="true">');
  out.push(`<rect x="0" y="0" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`);
  const heading = c.name.length > 70 ? `${c.name.slice(0, 69)}…` : c.name;
  out.push(`<text x="${LEFT}" y="24" font-size="15" font-weight="700" fill="#0b0c0c">${xml(heading)}</text>`);
  out.push(`<rect x="${LEFT}" y="${TOP}" width="${PLOT_W}" height="${PLOT_H}" fill="#f8f8f8" stroke="#b1b4b6" stroke-width="1"/>`);

  // Reference lines, labelled on the right; labels too close together are pulled apart.
  const refs: Array<{ label: string; v: number; colour: string; dash: string }> = [];
  if (c.target !== null) refs.push({ label: `Target ${chartValue(c.target, c.unit)}`, v: c.target, colour: '#00703c', dash: '8 4' });
  if (c.baseline !== null) refs.push({ label: `Baseline ${chartValue(c.baseline, c.unit)}`, v: c.baseline, colour: '#505a5f', dash: '3 3' });
  const labelY = refs.map((r) => y(r.v));
  if (refs.length === 2 && Math.abs(labelY[0]! - labelY[1]!) < 14) {
    // The target sits above the baseline when it is higher (or equal), below when lower.
    const mid = (labelY[0]! + labelY[1]!) / 2;
    const targetAbove = c.target! >= c.baseline!;
    labelY[0] = mid + (targetAbove ? -7 : 7);
    labelY[1] = mid + (targetAbove ? 7 : -7);
  }
  refs.forEach((r, i) => {
    const ry = y(r.v);
    out.push(`<line x1="${LEFT}" y1="${coord(ry)}" x2="${LEFT + PLOT_W}" y2="${coord(ry)}" stroke="${r.colour}" stroke-width="1.5" stroke-dasharray="${r.dash}"/>`);
    out.push(`<text x="${LEFT + PLOT_W + 8}" y="${coord(labelY[i]! + 4)}" font-size="12" fill="${r.colour}">${xml(r.label)}</text>`);
  });

  // The readings: a line and a point each, the value above each point.
  const pts = rs.map((r, i) => [x(r, i), y(r.value)] as const);
  if (pts.length > 1) out.push(`<polyline points="${pts.map(([px, py]) => `${coord(px)},${coord(py)}`).join(' ')}" fill="none" stroke="#1d70b8" stroke-width="2.5" stroke-linejoin="round"/>`);
  const showValues = rs.length <= 8;
  rs.forEach((r, i) => {
    const [px, py] = pts[i]!;
    out.push(`<circle cx="${coord(px)}" cy="${coord(py)}" r="4" fill="#1d70b8" stroke="#ffffff" stroke-width="1.5"/>`);
    if (showValues || i === 0 || i === rs.length - 1) {
      out.push(`<text x="${coord(px)}" y="${coord(py - 9)}" text-anchor="middle" font-size="11" fill="#0b0c0c">${xml(chartValue(r.value, c.unit))}</text>`);
    }
  });

  // The first and last dates under the plot.
  const base = TOP + PLOT_H + 18;
  out.push(`<text x="${coord(pts[0]![0])}" y="${base}" text-anchor="start" font-size="12" fill="#505a5f">${xml(shortDate(rs[0]!.date))}</text>`);
  if (rs.length > 1) out.push(`<text x="${coord(pts[pts.length - 1]![0])}" y="${base}" text-anchor="end" font-size="12" fill="#505a5f">${xml(shortDate(rs[rs.length - 1]!.date))}</text>`);
  out.push(`<text x="${LEFT}" y="${base + 20}" font-size="11" fill="#505a5f">${xml(`${rs.length} readings${c.unit ? `, in ${c.unit}` : ''}`)}</text>`);
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}
