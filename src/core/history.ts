/**
 * The star over time (`costar history`): one point per period that has commits, from the last
 * commit in it; and the trend drawn as an accessible SVG. Pure: snapshots in, plain data out.
 */
import type { Config } from './config.js';
import type { Initiative } from './schema.js';
import { starCoverage, summariseCoverage } from './star.js';
import { STEPS, type Step } from './vocab.js';

export type Period = 'month' | 'quarter';

/** One point of `history --json`. */
export interface HistoryPoint {
  commit: string;
  date: string;
  coverage: { existing: number; potential: number; gaps: number };
  steps: Record<Step, number>;
  initiatives: number;
}

/** The period a YYYY-MM-DD date falls in: 2027-03 or 2027-Q1. */
export function periodOf(date: string, every: Period): string {
  const [y, m] = date.split('-');
  return every === 'month' ? `${y}-${m}` : `${y}-Q${Math.floor((Number(m) - 1) / 3) + 1}`;
}

/** The last commit of each period that has commits (commits oldest first). */
export function sampleCommits<T extends { date: string }>(commits: readonly T[], every: Period): T[] {
  const last = new Map<string, T>();
  for (const c of commits) {
    const p = periodOf(c.date, every);
    last.delete(p); // keep the map in order of each period's last commit
    last.set(p, c);
  }
  return [...last.values()];
}

/** A point from the portfolio as it was at a commit. */
export function historyPoint(commit: string, date: string, config: Config, initiatives: readonly Initiative[]): HistoryPoint {
  const star = starCoverage(config, initiatives);
  const sum = summariseCoverage(star.coverage);
  const steps = Object.fromEntries(STEPS.map((s) => [s, star.steps.filter((r) => r[s]).length])) as Record<Step, number>;
  return { commit, date, coverage: { existing: sum.existing, potential: sum.potentialOnly, gaps: sum.gaps }, steps, initiatives: initiatives.length };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SERIES = [
  { key: 'existing', label: 'Cells with existing co-production', colour: '#1b7340', dash: '' },
  { key: 'potential', label: 'Cells with potential only', colour: '#b35900', dash: '6 3' },
  { key: 'gaps', label: 'Gaps', colour: '#6b6b6b', dash: '2 3' },
] as const;

/**
 * The trend as an SVG line chart: a title and a description that says the figures (the text
 * alternative), labelled axes, a legend, and lines told apart by dash as well as colour.
 */
export function historySvg(points: readonly HistoryPoint[], name: string): string {
  const W = 720;
  const H = 360;
  const L = 56;
  const R = 16;
  const T = 48;
  const B = 72;
  const max = Math.max(1, ...points.flatMap((p) => [p.coverage.existing, p.coverage.potential, p.coverage.gaps]));
  const x = (i: number) => L + (points.length < 2 ? (W - L - R) / 2 : (i * (W - L - R)) / (points.length - 1));
  const y = (v: number) => T + (H - T - B) * (1 - v / max);
  const first = points[0];
  const last = points[points.length - 1];
  const desc = last
    ? `From ${first!.date} to ${last.date}, cells of the star with existing co-production went from ${first!.coverage.existing} to ${last.coverage.existing}, cells with potential only from ${first!.coverage.potential} to ${last.coverage.potential}, and gaps from ${first!.coverage.gaps} to ${last.coverage.gaps}, over ${points.length} point${points.length === 1 ? '' : 's'}.`
    : 'No history yet.';
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="history-title history-desc" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="history-title">${esc(`The star over time: ${name}`)}</title>`,
    `<desc id="history-desc">${esc(desc)}</desc>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<g aria-hidden="true">`,
    `<line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>`,
    `<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/>`,
  ];
  const ticks = [...new Set([0, Math.round(max / 2), max])];
  for (const t of ticks) out.push(`<text x="${L - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`, `<line x1="${L}" y1="${y(t)}" x2="${W - R}" y2="${y(t)}" stroke="#ddd"/>`);
  const every = Math.max(1, Math.ceil(points.length / 8));
  points.forEach((p, i) => {
    if (i % every === 0 || i === points.length - 1) out.push(`<text x="${x(i)}" y="${H - B + 16}" text-anchor="middle">${esc(p.date)}</text>`);
  });
  out.push(`<text x="${(L + W - R) / 2}" y="${H - B + 36}" text-anchor="middle">Date of the last commit in each period</text>`);
  out.push(`<text transform="translate(14 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">Cells of the star</text>`);
  SERIES.forEach((s, k) => {
    const d = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.coverage[s.key]).toFixed(1)}`).join(' ');
    if (d) out.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    points.forEach((p, i) => out.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.coverage[s.key]).toFixed(1)}" r="3" fill="${s.colour}"/>`));
    const lx = L + k * 220;
    out.push(`<line x1="${lx}" y1="20" x2="${lx + 24}" y2="20" stroke="${s.colour}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`, `<text x="${lx + 30}" y="24">${esc(s.label)}</text>`);
  });
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}
