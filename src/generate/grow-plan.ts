/**
 * The grow plan (`costar generate grow-plan`): how an initiative's co-production is embedded —
 * indicators with baseline, target, latest reading and trend in words; the 360-degree review
 * schedule; competencies and notes for HR and performance systems; councillor roles; and the
 * gaps that stand between it and readiness to grow, as of the document's date (--as-of).
 */
import { CostarError } from '../core/errors.js';
import { GROWING_STATUSES, hrNotes, indicatorProgress, initiativeFindings, latestReview, nextReviewDue, reviewsOf, type IndicatorProgress, type Trend } from '../core/grow.js';
import { indicatorChartSummary, indicatorChartSvg } from '../core/indicator-svg.js';
import type { Initiative } from '../core/schema.js';
import type { Portfolio } from '../store/portfolio.js';
import { documentWording } from './decision.js';
import { baseContext, initiativeById, type DocKind, type DocOptions } from './kinds.js';

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A value with its unit, as people write it: 48%, 120 walks, 3.5. */
export function withUnit(value: number | null, unit: string | null): string | null {
  if (value === null) return null;
  const v = NUMBER.format(value);
  if (!unit) return v;
  return unit === '%' ? `${v}%` : `${v} ${unit}`;
}

/** The trend in words: the document never relies on colour or a symbol alone. */
export const TREND_WORDS: Record<Trend, string> = {
  improving: 'improving',
  worsening: 'worsening',
  flat: 'flat',
  rising: 'rising (no target to judge against)',
  falling: 'falling (no target to judge against)',
  'one reading': 'one reading so far',
  'no readings': 'no readings',
};

const TREND_MARKS: Record<Trend, string> = {
  improving: '▲',
  worsening: '▼',
  flat: '▶',
  rising: '↗',
  falling: '↘',
  'one reading': '•',
  'no readings': '–',
};

const REVIEWER_LABELS: Record<string, string> = {
  users: 'people who use the service',
  staff: 'staff',
  partners: 'partners',
  councillors: 'councillors',
};

/**
 * The chart of an indicator with two or more readings, or null. `key` names the picture in the
 * Word document (costar:<key>) and prefixes the SVG's element ids in HTML; `summary` is its text
 * alternative, written out in Markdown (which, like the star, shows no picture); `svg` is the
 * picture, made for HTML and Word only.
 */
export function indicatorChart(p: IndicatorProgress, key: string, format: DocOptions['format']): { key: string; summary: string; svg: string | null } | null {
  if (p.readings.length < 2) return null;
  const input = { name: p.name, unit: p.unit, baseline: p.baseline, target: p.target, readings: p.readings, idPrefix: key };
  return { key, summary: indicatorChartSummary(input), svg: format === 'md' ? null : indicatorChartSvg(input) };
}

function indicatorRow(p: IndicatorProgress, chart: ReturnType<typeof indicatorChart> = null) {
  let progressText: string | null = null;
  if (p.progress !== null) {
    progressText = p.progress >= 1 ? 'target met' : p.progress <= 0 ? 'none yet' : `${Math.round(p.progress * 100)}% of the way`;
  }
  return {
    name: p.name,
    kind: p.kind,
    kindLabel: p.kind === 'outcome' ? 'Outcome' : 'Process',
    unit: p.unit,
    coDesigned: p.coDesigned,
    baseline: withUnit(p.baseline, p.unit),
    target: withUnit(p.target, p.unit),
    latest: p.latest ? { value: withUnit(p.latest.value, p.unit), date: p.latest.date } : null,
    readings: p.readings.map((r) => ({ date: r.date, value: withUnit(r.value, p.unit) })),
    readingCount: p.readings.length,
    trend: p.trend,
    trendText: TREND_WORDS[p.trend],
    trendMark: TREND_MARKS[p.trend],
    trendClass: p.trend === 'improving' ? 'good' : p.trend === 'worsening' ? 'warn' : 'plain',
    progress: progressText,
    chart,
  };
}

/** The grow plan's template data for one initiative. */
export function growPlanContext(p: Portfolio, id: string, opts: DocOptions): Record<string, unknown> {
  const i = initiativeById(p, id);
  if (!i) throw new CostarError('unknown-initiative', `there is no initiative "${id}"`);
  if (!i.grow) throw new CostarError('missing-section', `${id} has no grow section`);
  const areas = new Map(p.config.serviceAreas.map((a) => [a.id, a.label]));
  const wards = new Map(p.config.wards.map((w) => [w.id, w.label]));
  const area = areas.get(i.serviceArea) ?? i.serviceArea;
  const wardLabels = (i.wards ?? []).map((w) => wards.get(w) ?? w);
  const subtitle = `${area} · ${i.status}${wardLabels.length ? ` · ${wardLabels.join(', ')}` : ''}`;

  const indicators = (i.grow.indicators ?? []).map((ind, n) => {
    // As of the plan's date, like its gaps: a reading dated later is not shown as taken.
    const prog = indicatorProgress(i, ind, opts.asOf);
    return indicatorRow(prog, indicatorChart(prog, `chart-${n + 1}`, opts.format));
  });
  // The newest review held by the plan's date counts; the history (v1 `review` included, and
  // any planned later) is listed oldest first.
  const review = latestReview(i, opts.asOf);
  const history = reviewsOf(i);
  const by = review?.by ?? [];
  const councillors = (i.grow.councillors ?? []).map((c) => ({ ward: c.ward, wardLabel: wards.get(c.ward) ?? c.ward, role: c.role ?? null }));
  const covered = new Set(councillors.map((c) => c.ward));
  const growing = (GROWING_STATUSES as readonly string[]).includes(i.status);
  // The checks of `grow check`, at the document's as-of date (the review's age included).
  const gaps = initiativeFindings(p.config, i, opts.asOf).map((f) => ({ code: f.code, message: documentWording(p.config, f.message), fix: f.fix }));
  const overdue = gaps.some((g) => g.code === 'review-overdue');

  // Fields set one by one: an object spread followed by more fields is many times slower in V8.

  const base = baseContext(p.config, `Grow plan: ${i.title}`, subtitle, 'grow-plan', opts);

  return {
    generator: base.generator,
    doc: base.doc,
    portfolio: base.portfolio,
    initiative: { id: i.id, title: i.title, serviceArea: area, status: i.status, wards: wardLabels, summary: i.summary ?? null },
    growing,
    indicators,
    outcomeCount: indicators.filter((x) => x.kind === 'outcome').length,
    processCount: indicators.filter((x) => x.kind === 'process').length,
    coDesignedCount: indicators.filter((x) => x.coDesigned).length,
    review: review
      ? {
          date: review.date,
          nextDue: nextReviewDue(review.date),
          by: by.map((r) => REVIEWER_LABELS[r] ?? r),
          threeSixty: by.includes('users') && by.includes('staff'),
          overdue,
        }
      : null,
    reviews: history.map((r) => ({ date: r.date, by: (r.by ?? []).map((x) => REVIEWER_LABELS[x] ?? x) })),
    charts: indicators.flatMap((x) => (x.chart ? [x.chart] : [])),
    reviewCommand: `costar grow review ${i.id} --date … --by users,staff`,
    competencies: i.grow.competencies ?? [],
    hrNotes: hrNotes(i),
    councillors,
    wardsWithoutCouncillor: (i.wards ?? []).filter((w) => !covered.has(w)).map((w) => wards.get(w) ?? w),
    gaps,
    ready: growing && gaps.length === 0,
    checkCommand: `costar grow check --as-of ${opts.asOf}`,
  };
}

export const kind: DocKind = {
  kind: 'grow-plan',
  per: 'initiative',
  has: (i: Initiative) => i.grow !== undefined && i.grow !== null,
  missing: 'has no grow section (grow)',
  context: growPlanContext,
};
