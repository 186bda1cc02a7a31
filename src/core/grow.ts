/**
 * Grow it: whether a running or scaled initiative is ready to grow, and how its indicators move.
 * Pure: plain data in, plain data out; the real clock is read only by `grow check`.
 */
import type { Config } from './config.js';
import type { Indicator, Initiative } from './schema.js';
import { REVIEWERS } from './vocab.js';

export type Reviewer = (typeof REVIEWERS)[number];

export interface Finding {
  /** Stable kebab code, one of GROW_CODES. */
  code: GrowCode;
  message: string;
  /** The costar command that closes the gap. */
  fix: string;
}

export interface InitiativeReadiness {
  id: string;
  title: string;
  status: string;
  ready: boolean;
  findings: Finding[];
}

export interface GrowCheck {
  asOf: string;
  initiatives: InitiativeReadiness[];
}

/** Every finding code `grow check` reports, in the order the checks run, with what it means. */
export const GROW_CODES = {
  'no-outcome-indicator': 'No outcome indicator with a target (process indicators alone are not enough).',
  'no-co-designed-indicator': 'No indicator was designed with the people who use the service.',
  'no-review': 'No 360-degree review is recorded.',
  'review-overdue': 'The last review is more than 12 months before the as-of date.',
  'review-after-as-of': 'Every recorded review is dated after the as-of date, so none had happened yet.',
  'review-not-360': 'The last review did not hear both users and staff.',
  'no-readings': 'An outcome indicator with a target has no readings yet.',
  'single-reading': 'An outcome indicator without a baseline has only one reading, so there is nothing to compare it with.',
  'not-improving': "An outcome indicator's latest reading is no closer to its target than its baseline (or first reading).",
  'no-competencies': 'A scaled initiative names no staff competencies.',
  'no-councillor-connector': 'A ward the initiative works in has no councillor connector.',
} as const;
export type GrowCode = keyof typeof GROW_CODES;

/** The statuses whose readiness to grow is checked. */
export const GROWING_STATUSES = ['running', 'scaled'] as const;

/** Whether an initiative's readiness to grow is checked: it is running or scaled. */
export function isGrowing(initiative: Pick<Initiative, 'status'>): boolean {
  return (GROWING_STATUSES as readonly string[]).includes(initiative.status);
}

// ---------------------------------------------------------------- dates

/** Adds whole months to a YYYY-MM-DD date, clamping to the month's last day (29 Feb + 12 months = 28 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** When the next 360-degree review is due: 12 months after the last one. */
export function nextReviewDue(lastReview: string): string {
  return addMonths(lastReview, 12);
}

// ---------------------------------------------------------------- reviews

export type ReviewRecord = NonNullable<NonNullable<Initiative['grow']>['review']>;

/**
 * Every recorded 360-degree review, oldest first: the entries of `grow.reviews` (v1.1) and the v1
 * single `grow.review`, read as one more entry. Reviews of the same day keep their file order,
 * the v1 `review` first.
 */
export function reviewsOf(initiative: Pick<Initiative, 'grow'>): ReviewRecord[] {
  const grow = initiative.grow ?? {};
  const all = [...(grow.review ? [grow.review] : []), ...(grow.reviews ?? [])];
  return all
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
    .map(({ r }) => r);
}

/**
 * The review that counts: the newest one (latest date), or with an as-of date the newest one held
 * on or before it (a review dated later had not happened yet). Of two on the newest day the later
 * in the file counts. Null when there is none.
 */
export function latestReview(initiative: Pick<Initiative, 'grow'>, asOf?: string): ReviewRecord | null {
  const list = reviewsOf(initiative).filter((r) => asOf === undefined || r.date <= asOf);
  return list.length ? list[list.length - 1]! : null;
}

/** Readings and reviews dated after the as-of date, as paths into the grow section (for validate). */
export function futureDated(initiative: Pick<Initiative, 'grow'>, asOf: string): Array<{ path: Array<string | number>; what: 'reading' | 'review'; date: string }> {
  const grow = initiative.grow ?? {};
  const out: Array<{ path: Array<string | number>; what: 'reading' | 'review'; date: string }> = [];
  (grow.readings ?? []).forEach((r, i) => {
    if (typeof r?.date === 'string' && r.date > asOf) out.push({ path: ['grow', 'readings', i, 'date'], what: 'reading', date: r.date });
  });
  if (typeof grow.review?.date === 'string' && grow.review.date > asOf) out.push({ path: ['grow', 'review', 'date'], what: 'review', date: grow.review.date });
  (grow.reviews ?? []).forEach((r, i) => {
    if (typeof r?.date === 'string' && r.date > asOf) out.push({ path: ['grow', 'reviews', i, 'date'], what: 'review', date: r.date });
  });
  return out;
}

// ---------------------------------------------------------------- indicators

export type Trend = 'improving' | 'worsening' | 'flat' | 'rising' | 'falling' | 'one reading' | 'no readings';

export interface ReadingPoint {
  date: string;
  value: number;
}

export interface IndicatorProgress {
  name: string;
  kind: Indicator['kind'];
  unit: string | null;
  baseline: number | null;
  target: number | null;
  coDesigned: boolean;
  /** Readings of this indicator, oldest first (same-day readings keep file order). */
  readings: ReadingPoint[];
  latest: ReadingPoint | null;
  /** What progress is judged against: the baseline, else the first reading. */
  reference: number | null;
  /**
   * Recent movement: the latest reading against the one before it (or against the baseline when
   * there is only one). With a target: improving, worsening or flat (as close as before); without
   * a target costar cannot tell good from bad, so rising, falling or flat.
   */
  trend: Trend;
  /** Share of the way from the reference to the target, e.g. 0.64; null when it cannot be said. */
  progress: number | null;
  /** Whether the latest reading is closer to the target than the reference, or has met it. */
  onTrack: boolean | null;
}

/**
 * Readings of one indicator, oldest first; readings of the same day keep their file order. With
 * an as-of date, only those taken by then (a reading dated later has not been taken yet).
 */
export function readingsOf(initiative: Initiative, name: string, asOf?: string): ReadingPoint[] {
  return (initiative.grow?.readings ?? [])
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.indicator === name && (asOf === undefined || r.date <= asOf))
    .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
    .map(({ r }) => ({ date: r.date, value: r.value }));
}

/**
 * Whether `latest` is closer to `target` than `reference` is. A reading that meets or passes the
 * target in the direction of travel counts as on track too (40 → target 60, reading 85), since
 * overshooting a target is not a failure. Equal distance is not closer.
 */
export function closerToTarget(latest: number, reference: number, target: number): boolean {
  if (target > reference && latest >= target) return true;
  if (target < reference && latest <= target) return true;
  if (latest === target) return true;
  return Math.abs(latest - target) < Math.abs(reference - target);
}

/**
 * How an indicator is doing: latest reading, trend in words, progress towards its target. With an
 * as-of date, readings dated after it are left out (grow check never counts a future reading).
 */
export function indicatorProgress(initiative: Initiative, indicator: Indicator, asOf?: string): IndicatorProgress {
  const readings = readingsOf(initiative, indicator.name, asOf);
  const latest = readings.length ? readings[readings.length - 1]! : null;
  const baseline = indicator.baseline ?? null;
  const target = indicator.target ?? null;
  const reference = baseline ?? (readings.length ? readings[0]!.value : null);
  const previous = readings.length >= 2 ? readings[readings.length - 2]!.value : baseline;

  let trend: Trend;
  if (!latest) trend = 'no readings';
  else if (previous === null) trend = 'one reading';
  else if (target !== null) {
    const before = Math.abs(previous - target);
    const now = Math.abs(latest.value - target);
    trend = now < before ? 'improving' : now > before ? 'worsening' : 'flat';
  } else trend = latest.value > previous ? 'rising' : latest.value < previous ? 'falling' : 'flat';

  // With no baseline, a single reading is its own reference: nothing can be said yet.
  const comparable = latest !== null && target !== null && reference !== null && !(baseline === null && readings.length < 2);
  const progress = comparable && target !== reference ? (latest!.value - reference!) / (target! - reference!) : null;
  const onTrack = comparable ? closerToTarget(latest!.value, reference!, target!) : null;
  return {
    name: indicator.name,
    kind: indicator.kind,
    unit: indicator.unit ?? null,
    baseline,
    target,
    coDesigned: indicator.coDesigned === true,
    readings,
    latest,
    reference,
    trend,
    progress,
    onTrack,
  };
}

// ---------------------------------------------------------------- readiness

function q(s: string): string {
  return JSON.stringify(s);
}

/** Quotes a shell argument only when it needs it, so fix commands can be pasted. */
export function shellArg(s: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function fmt(n: number, unit: string | null): string {
  const v = Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
  if (!unit) return v;
  return unit === '%' ? `${v}%` : `${v} ${unit}`;
}

/**
 * The readiness findings of one initiative, in a fixed order: indicators, co-design, review,
 * readings (indicators in file order), competencies, councillors (wards in the initiative's order).
 *
 * Decisions the method leaves open:
 * - an outcome indicator with a target but no readings is a finding (`no-readings`): readiness
 *   needs evidence, not intent;
 * - with no baseline, a single reading is both the first and the latest, so there is nothing to
 *   compare: `single-reading`; with a baseline, one reading is judged against it;
 * - a reading as far from the target as the baseline is not closer (`not-improving`); one that
 *   meets or passes the target is on track;
 * - a review exactly 12 months before the as-of date still counts; a day earlier is overdue;
 * - outcome indicators without a target are not judged on readings (there is nothing to move towards);
 * - readings and reviews dated after the as-of date do not count: they had not happened yet
 *   (`grow reading`/`grow review` refuse them unless --allow-future records a planned date).
 */
export function initiativeFindings(config: Config, initiative: Initiative, asOf: string): Finding[] {
  const id = initiative.id;
  const grow = initiative.grow ?? {};
  const indicators = grow.indicators ?? [];
  const out: Finding[] = [];
  const add = (code: GrowCode, message: string, fix: string) => out.push({ code, message, fix });

  // 1. An outcome indicator with a target.
  const outcomes = indicators.filter((i) => i.kind === 'outcome');
  if (!outcomes.some((i) => typeof i.target === 'number')) {
    const why =
      indicators.length === 0
        ? 'it has no indicators yet'
        : outcomes.length === 0
          ? `it has only process indicators (${indicators.length}), which count activity, not whether lives improve`
          : `its outcome indicator${outcomes.length === 1 ? ' has' : 's have'} no target`;
    const firstNoTarget = indicators.findIndex((i) => i.kind === 'outcome' && typeof i.target !== 'number');
    add(
      'no-outcome-indicator',
      `no outcome indicator with a target: ${why}`,
      firstNoTarget >= 0
        ? `costar set initiatives/${id} grow.indicators.${firstNoTarget}.target=…`
        : `costar grow add-indicator ${id} --name … --kind outcome --baseline … --target … --co-designed`,
    );
  }

  // 2. An indicator co-designed with the people who use the service.
  if (!indicators.some((i) => i.coDesigned === true)) {
    add(
      'no-co-designed-indicator',
      indicators.length === 0
        ? 'no indicator has been designed with the people who use the service'
        : `none of its ${indicators.length} indicator${indicators.length === 1 ? ' was' : 's were'} designed with the people who use the service`,
      `costar grow add-indicator ${id} --name … --kind outcome --target … --co-designed`,
    );
  }

  // 3. A 360-degree review by users and staff within the 12 months before the as-of date. The
  // newest review held by the as-of date counts; reviews dated later had not happened yet.
  const all = reviewsOf(initiative);
  const review = latestReview(initiative, asOf);
  const newest = all.length ? all[all.length - 1]! : null;
  const reviewers = REVIEWERS.filter((r) => r === 'users' || r === 'staff' || (newest?.by ?? []).includes(r));
  const reviewFix = `costar grow review ${id} --date … --by ${reviewers.join(',')}`;
  if (!newest) {
    add('no-review', 'no 360-degree review is recorded: hear the people who use the service and the staff together', reviewFix);
  } else if (!review) {
    const when = all.length === 1 ? `the only review (${newest.date}) is` : `all ${all.length} reviews (the first on ${all[0]!.date}) are`;
    add('review-after-as-of', `${when} dated after ${asOf}, so as of then no review had taken place`, reviewFix);
  } else {
    const due = nextReviewDue(review.date);
    if (asOf > due) {
      add('review-overdue', `the last review was on ${review.date}, more than 12 months before ${asOf}; the next was due by ${due}`, reviewFix);
    }
    const by = new Set(review.by ?? []);
    const missing = (['users', 'staff'] as const).filter((r) => !by.has(r));
    if (missing.length) {
      const heard = review.by?.length ? `heard only ${review.by.join(', ')}` : 'does not say who took part';
      add('review-not-360', `the last review (${review.date}) ${heard}; a 360-degree review hears ${missing.join(' and ')} too`, reviewFix);
    }
  }

  // 4. Each outcome indicator with a target moving towards it.
  for (const ind of outcomes) {
    if (typeof ind.target !== 'number') continue;
    const p = indicatorProgress(initiative, ind, asOf);
    const readingFix = `costar grow reading ${id} --indicator ${shellArg(ind.name)} --date … --value …`;
    if (!p.latest) {
      add('no-readings', `outcome indicator ${q(ind.name)} has no readings yet, so progress towards ${fmt(ind.target, p.unit)} cannot be shown`, readingFix);
    } else if (p.baseline === null && p.readings.length === 1) {
      add(
        'single-reading',
        `outcome indicator ${q(ind.name)} has one reading (${fmt(p.latest.value, p.unit)} on ${p.latest.date}) and no baseline, so there is nothing to compare it with`,
        readingFix,
      );
    } else if (!p.onTrack) {
      const against = p.baseline !== null ? `its baseline ${fmt(p.baseline, p.unit)}` : `its first reading ${fmt(p.reference!, p.unit)}`;
      const worse = Math.abs(p.latest.value - ind.target) > Math.abs(p.reference! - ind.target);
      add(
        'not-improving',
        `outcome indicator ${q(ind.name)} is ${worse ? 'further from' : 'no closer to'} its target ${fmt(ind.target, p.unit)} than ${against}: latest reading ${fmt(p.latest.value, p.unit)} on ${p.latest.date}; review what is happening with the people who use the service, then record the next reading`,
        readingFix,
      );
    }
  }

  // 5. Competencies named for scaled initiatives.
  if (initiative.status === 'scaled' && !(grow.competencies ?? []).length) {
    add(
      'no-competencies',
      'it is scaled but names no staff competencies for job descriptions, appraisal and training',
      `costar set initiatives/${id} 'grow.competencies+=[…]'`,
    );
  }

  // 6. A councillor connector for every ward it works in.
  const covered = new Set((grow.councillors ?? []).map((c) => c.ward));
  for (const ward of initiative.wards ?? []) {
    if (covered.has(ward)) continue;
    const label = config.wards.find((w) => w.id === ward)?.label ?? ward;
    add(
      'no-councillor-connector',
      `no councillor is named as community connector for ${label} (${ward})`,
      `costar set initiatives/${id} 'grow.councillors+={ ward: ${ward}, role: community connector }'`,
    );
  }
  return out;
}

/**
 * Growth readiness of every running and scaled initiative (SPEC 7 `grow check --json`), by id.
 * `ready` is true when there is no finding.
 */
export function growCheck(config: Config, initiatives: readonly Initiative[], asOf: string): GrowCheck {
  const list = initiatives
    .filter(isGrowing)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((i) => {
      const findings = initiativeFindings(config, i, asOf);
      return { id: i.id, title: i.title, status: i.status, ready: findings.length === 0, findings };
    });
  return { asOf, initiatives: list };
}

// ---------------------------------------------------------------- the grow plan

/** Notes for performance and HR systems: how to embed the initiative's competencies. */
export function hrNotes(initiative: Initiative): string[] {
  const comps = initiative.grow?.competencies ?? [];
  if (!comps.length) {
    return [
      'No competencies are named yet. Agree with staff and the people who use the service which skills co-production here needs, then record them.',
      initiative.status === 'scaled'
        ? 'This initiative is scaled, so naming them is one of the checks of readiness to grow.'
        : 'Scaled initiatives must name them to be ready to grow.',
    ];
  }
  return [
    'Write these competencies into the job descriptions and person specifications of the posts that work on this initiative.',
    'Make them part of supervision and the yearly appraisal, so that co-production counts in how performance is judged.',
    'Plan training or peer learning for each one, with people who use the service among the trainers where possible.',
    'Recognise the work of volunteers and residents alongside staff, for example in team meetings and newsletters.',
  ];
}
