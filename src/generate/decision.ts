/**
 * The words of the decision-ready parts of the documents (issue 15): the "Summary" and the
 * "Decision sought" of the report and the business case, and the report's next steps as
 * sentences for people. Everything is built here from figures the core computes (the same
 * functions `status`, `grow check` and `focus plan` use, at the document's as-of date), as plain
 * strings in British English; the templates only lay them out, and escape them like any other text.
 * Deterministic: same portfolio, same date, same words.
 */
import { formatDate, formatMoney, formatPercent, formatRatio, plural } from '../core/format.js';
import { latestReview, nextReviewDue, reviewsOf, type Finding, type InitiativeReadiness } from '../core/grow.js';
import type { Config } from '../core/config.js';
import type { Initiative } from '../core/schema.js';
import type { InitiativeStatus } from '../core/status.js';
import { unscoredCriteria } from '../core/star.js';
import { CO_LABELS, STEP_LABELS, type Co } from '../core/vocab.js';

/** "A, B and C". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A count in words with its noun: "no initiatives", "1 initiative", "3 initiatives". */
function count(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${many}` : plural(n, one, many);
}

const capital = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** The date of the initiative's last 360-degree review held by the as-of date (as `grow check` counts it), or null. */
export function lastReviewDate(i: Initiative, asOf: string): string | null {
  return latestReview(i, asOf)?.date ?? null;
}

/**
 * A readiness finding's message (core/grow.ts, shared with `grow check`) as a document writes it:
 * dates as GOV.UK writes them ("10 July 2026") and wards by their label alone — the terminal adds
 * the ward's id for typing, a reader of the document does not type it.
 */
export function documentWording(config: Pick<Config, 'wards'>, message: string): string {
  let out = message.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => formatDate(d));
  for (const w of config.wards) out = out.split(`${w.label} (${w.id})`).join(w.label);
  return out;
}

/** Whether a readiness finding says the 360-degree review is overdue as at the check's date. */
export function isOverdue(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.code === 'review-overdue');
}

// ---------------------------------------------------------------- next steps

function criterionLabels(config: Pick<Config, 'criteria'>, ids: readonly string[]): string[] {
  return ids.map((id) => config.criteria.find((c) => c.id === id)?.label ?? id);
}

/** One readiness finding as a thing for people to do. */
function findingSentence(config: Pick<Config, 'wards'>, i: Initiative, f: Finding, asOf: string): string {
  const t = i.title;
  const last = lastReviewDate(i, asOf);
  switch (f.code) {
    case 'no-outcome-indicator':
      return `Agree an outcome indicator with a target for ${t}`;
    case 'no-co-designed-indicator':
      return `Design an indicator for ${t} with the people who use the service`;
    case 'no-review':
      return `Hold a 360-degree review of ${t} with the people who use the service and the staff`;
    case 'review-overdue':
      return `Hold the 360-degree review of ${t}: it was due by ${formatDate(nextReviewDue(last!))} and is overdue as at ${formatDate(asOf)}`;
    case 'review-after-as-of': {
      const planned = reviewsOf(i).find((r) => r.date > asOf);
      return `Hold the 360-degree review of ${t}${planned ? ` planned for ${formatDate(planned.date)}` : ''}`;
    }
    case 'review-not-360':
      return `Hold the next review of ${t} with both the people who use the service and the staff`;
    case 'no-readings':
      return `Record the first readings of the outcome indicators of ${t}`;
    case 'single-reading':
      return `Record a second reading of the outcome indicators of ${t}, so there is something to compare with`;
    case 'not-improving':
      return `Review with the people who use the service why the outcomes of ${t} are not moving towards their targets`;
    case 'no-competencies':
      return `Name the staff competencies ${t} needs, for job descriptions, appraisal and training`;
    case 'no-councillor-connector': {
      const covered = new Set((i.grow?.councillors ?? []).map((c) => c.ward));
      const wards = (i.wards ?? []).filter((w) => !covered.has(w)).map((w) => config.wards.find((x) => x.id === w)?.label ?? w);
      return `Ask a councillor to be community connector for ${t} in ${listWords(wards)}`;
    }
  }
}

/**
 * What to do next for one initiative, in a sentence for people (never a command): from the status
 * of its journey (`costar status`) and, when it has done all five steps and is running or scaled,
 * from its readiness to grow at the document's date (`costar grow check`).
 */
export function nextStepSentences(config: Pick<Config, 'criteria' | 'wards'>, i: Initiative, st: InitiativeStatus, readiness: InitiativeReadiness | undefined, asOf: string): string[] {
  const t = i.title;
  const out: string[] = [];
  switch (st.stage) {
    case 'stopped':
      return [];
    case 'map': {
      const gap = /\((.*) is (a gap|potential only) in its service area\)$/.exec(st.next?.message ?? '');
      out.push(`Record which of the Four Co's ${t} practises, or could${gap ? ` (${gap[1]} is ${gap[2]} in its service area)` : ''}`);
      break;
    }
    case 'focus': {
      const missing = unscoredCriteria(config, i);
      out.push(
        missing.length === config.criteria.length
          ? `Score ${t} on the impact matrix`
          : `Finish scoring ${t} on the impact matrix (still to score: ${criterionLabels(config, missing).join('; ')})`,
      );
      break;
    }
    case 'people': {
      const needs = i.people?.needs ?? [];
      out.push(
        needs.length
          ? `Find contributors in the asset survey for the ${plural(needs.length, 'need')} of ${t}`
          : `Say what ${t} needs from contributors, so that people can be matched to it`,
      );
      break;
    }
    case 'market': {
      const ch = i.market?.charter;
      if (!(i.market?.incentives ?? []).length) out.push(`Offer an incentive that makes taking part in ${t} worthwhile`);
      const needService = !(ch?.serviceCommitments ?? []).length;
      const needCommunity = !(ch?.communityCommitments ?? []).length;
      if (needService || needCommunity) {
        const what = needService && needCommunity ? 'what the service and the community each commit to' : needService ? 'what the service commits to' : 'what the community commits to';
        out.push(`Agree a co-production charter for ${t}: ${what}`);
      }
      break;
    }
    case 'grow':
      out.push(`Agree an outcome indicator with a target for ${t}, designed with the people who use it`);
      break;
    case 'done': {
      if (readiness && readiness.findings.length) {
        out.push(...readiness.findings.map((f) => findingSentence(config, i, f, asOf)).filter((s, n, all) => all.indexOf(s) === n));
      } else if (readiness) {
        const last = lastReviewDate(i, asOf);
        out.push(`${capital(t)} is ready to grow: decide how to grow it${last ? `, and hold its next 360-degree review by ${formatDate(nextReviewDue(last))}` : ''}`);
      } else {
        const after = ({ idea: 'planned', planned: 'pilot', pilot: 'running' } as Record<string, string>)[i.status];
        out.push(after ? `All five steps are done for ${t}: decide whether to move it on from ${i.status} to ${after}` : `All five steps are done for ${t}`);
      }
      break;
    }
  }
  // An overdue review is flagged whatever the stage.
  const overdue = readiness?.findings.find((f) => f.code === 'review-overdue');
  if (overdue && st.stage !== 'done') out.push(findingSentence(config, i, overdue, asOf));
  const open = (i.focus?.challenges ?? []).filter((c) => (c.status ?? 'open') === 'open');
  if (open.length && st.steps.focus) out.push(`Answer the ${plural(open.length, 'open challenge')} from critical friends (${listWords(open.map((c) => c.by))})`);
  return out;
}

/** Where an initiative stands on the journey, in words. */
export function stageWords(st: InitiativeStatus): string {
  return st.stage === 'done' ? 'All five steps done' : st.stage === 'stopped' ? 'Stopped' : `${STEP_LABELS[st.stage]} next`;
}

/** A cell of the star no initiative practises yet, as a thing to do. */
export function gapSentence(co: Co, area: string, potential: number): string {
  return potential
    ? `Turn the potential for ${CO_LABELS[co].toLowerCase()} in ${area} into practice (${plural(potential, 'initiative has', 'initiatives have')} found it)`
    : `Look for ideas from other places for ${CO_LABELS[co].toLowerCase()} in ${area}, where no initiative practises it or has found potential for it`;
}

// ---------------------------------------------------------------- the report

export interface ReportFigures {
  organisation: string;
  currency: string;
  asOf: string;
  initiatives: number;
  active: number;
  serviceAreas: number;
  cells: { existing: number; of: number; potentialOnly: number; gaps: number; share: number };
  scored: number;
  unscored: string[];
  top: { title: string; quadrant: string } | null;
  cases: { count: number; withCosts: number; pvCosts: number; pvBenefits: number; npv: number; bcr: number | null };
  plan: {
    budget: number;
    funded: Array<{ title: string; cost: number; npv: number; bcr: number | null; status: string }>;
    totalCost: number;
    totalNpv: number;
    optimal: boolean;
    released: string[];
    releasedCost: number;
    added: string[];
    gain: number;
  };
  grow: { ready: string[]; notReady: Array<{ title: string; findings: number }>; overdue: Array<{ title: string; due: string }>; growing: number };
  /** The survey's size as the report may print it (small numbers suppressed: core/privacy.ts). */
  people: { text: string; n: number | null };
  missingPlaces: number;
  challenges: Array<{ title: string; by: string; challenge: string }>;
  largestGaps: Array<{ co: Co; area: string }>;
}

export interface Decision {
  /** Short paragraphs, each a sentence or two, built from the figures. */
  summary: string[];
  /** What the reader is asked to decide, each with the figures that support it. */
  asks: string[];
  /** What is still open: unanswered challenges, missing scores, gaps, overdue reviews. */
  open: string[];
}

/** The report's summary and the decision it asks for. */
export function reportDecision(f: ReportFigures): Decision {
  const money = (v: number) => formatMoney(v, f.currency);
  const at = formatDate(f.asOf);
  const summary: string[] = [];
  summary.push(
    `${f.organisation} has ${count(f.initiatives, 'co-production initiative')} in ${plural(f.serviceAreas, 'service area')}, ${f.active} of them active. ` +
      `Citizens already co-produce in ${f.cells.existing} of the star's ${f.cells.of} cells (${formatPercent(f.cells.share)}); ` +
      `${plural(f.cells.potentialOnly, 'cell has', 'cells have')} potential only and ${plural(f.cells.gaps, 'is a gap', 'are gaps')}.`,
  );
  summary.push(
    `${f.scored} of ${f.active} active initiatives are scored on the impact matrix` +
      (f.top ? `; ${f.top.title} ranks first (${f.top.quadrant.toLowerCase()})` : '') +
      '. ' +
      (f.cases.count
        ? f.cases.withCosts
          ? `${plural(f.cases.count, 'initiative has', 'initiatives have')} a business case; those with costs are worth ${money(f.cases.pvBenefits)} for ${money(f.cases.pvCosts)} in present values, a net present value of ${money(f.cases.npv)} and a benefit–cost ratio of ${formatRatio(f.cases.bcr)}.`
          : `${plural(f.cases.count, 'initiative has', 'initiatives have')} a business case, none with costs yet.`
        : 'No initiative has a business case yet.'),
  );
  summary.push(
    f.grow.growing
      ? `As at ${at}, ${f.grow.ready.length} of ${f.grow.growing} running or scaled ${f.grow.growing === 1 ? 'initiative' : 'initiatives'} ${f.grow.ready.length === 1 ? 'is' : 'are'} ready to grow` +
          (f.grow.overdue.length ? `, and ${plural(f.grow.overdue.length, 'has its 360-degree review', 'have their 360-degree reviews')} overdue.` : '.')
      : `As at ${at}, no initiative is running or scaled yet, so none is ready to grow.`,
  );
  summary.push(
    `The asset survey holds ${f.people.n !== null ? plural(f.people.n, 'person, group or organisation', 'people, groups and organisations') : `${f.people.text} people, groups and organisations`}; ` +
      (f.missingPlaces ? `${plural(f.missingPlaces, 'place')} in the initiatives still ${f.missingPlaces === 1 ? 'needs' : 'need'} a contributor.` : 'every place the initiatives need has a contributor.'),
  );

  const asks: string[] = [];
  const p = f.plan;
  if (p.funded.length) {
    // An initiative whose case has no costs costs the plan nothing: it is named apart, with its costs to record first.
    const costed = p.funded.filter((c) => c.cost > 0).map((c) => c.title);
    const free = p.funded.filter((c) => !(c.cost > 0)).map((c) => c.title);
    const best = p.optimal ? 'the highest any set of initiatives within that sum gives' : 'the best set found, not proven the highest';
    if (costed.length) {
      asks.push(
        `Fund ${listWords(costed)} within today's spend of ${money(p.budget)}: ${money(p.totalCost)} of costs for a net present value of ${money(p.totalNpv)}` +
          `${free.length ? ` with ${listWords(free)}` : ''}, ${best}.`,
      );
    }
    if (free.length) asks.push(`Record the costs of ${listWords(free)} before deciding whether to fund ${free.length === 1 ? 'it' : 'them'}: ${free.length === 1 ? 'its business case has' : 'their business cases have'} no costs yet.`);
    if (p.released.length) {
      asks.push(
        `Move ${money(p.releasedCost)} from ${listWords(p.released)}${p.added.length ? ` to ${listWords(p.added)}` : ''}, gaining ${money(p.gain)} of net present value.`,
      );
    }
  } else if (f.cases.count) {
    asks.push(`No set of initiatives with a business case fits within today's spend of ${money(p.budget)}: decide on the business cases one by one.`);
  }
  if (f.grow.ready.length) {
    asks.push(`Grow ${listWords(f.grow.ready)}: ${f.grow.ready.length === 1 ? 'it passes' : 'they pass'} every check of readiness to grow as at ${at} (outcomes moving towards their targets, indicators designed with users, a recent 360-degree review, councillor connectors).`);
  }
  if (f.grow.notReady.length) {
    const other = f.grow.ready.length ? 'other ' : '';
    asks.push(
      `Hold back growing ${f.grow.notReady.length === 1 ? `the ${other}running or scaled initiative` : `the ${other}${f.grow.notReady.length} running or scaled initiatives`} until ${f.grow.notReady.length === 1 ? 'its' : 'their'} readiness gaps are closed (see "Readiness to grow"): ${listWords(f.grow.notReady.map((g) => `${g.title} (${plural(g.findings, 'gap')})`))}.`,
    );
  }
  if (!asks.length) asks.push('No decision on funding or growth is sought yet: the initiatives have no business cases and none is running or scaled.');

  const open: string[] = [];
  for (const c of f.challenges) open.push(`${c.title}: ${c.by} asks — ${c.challenge}`);
  if (f.unscored.length) open.push(`Not yet fully scored on the impact matrix, so not ranked: ${listWords(f.unscored)}.`);
  for (const o of f.grow.overdue) open.push(`The 360-degree review of ${o.title} is overdue: it was due by ${formatDate(o.due)}.`);
  if (f.cells.gaps) {
    open.push(
      `${capital(plural(f.cells.gaps, 'gap'))} in the star, where no initiative practises a Co or has found potential for it${f.largestGaps.length ? `, among them ${listWords(f.largestGaps.map((g) => `${CO_LABELS[g.co].toLowerCase()} in ${g.area}`))}` : ''}.`,
    );
  }
  return { summary, asks, open };
}

// ---------------------------------------------------------------- the business case

export interface CaseFigures {
  title: string;
  status: string;
  serviceArea: string;
  currency: string;
  asOf: string;
  years: number;
  pvCosts: number;
  pvBenefits: number;
  npv: number;
  bcr: number | null;
  bcrFiscal: number | null;
  payback: string;
  switchingValue: number | null;
  quadrant: string | null;
  rank: number | null;
  ranked: number;
  unscored: string[];
  readiness: InitiativeReadiness | null;
  openChallenges: Array<{ by: string; challenge: string }>;
  weakestGrade: number | null;
}

/** The business case's summary and the decision it asks for. */
export function caseDecision(f: CaseFigures): Decision {
  // Each figure is formatted once: documents come in thousands.
  const costs = formatMoney(f.pvCosts, f.currency);
  const benefits = formatMoney(f.pvBenefits, f.currency);
  const npv = formatMoney(f.npv, f.currency);
  const bcr = formatRatio(f.bcr);
  const at = formatDate(f.asOf);
  const t = f.title;
  const hasCosts = f.pvCosts > 0;
  const summary: string[] = [];
  summary.push(
    hasCosts
      ? `Over ${f.years} years, ${t} costs ${costs} and brings benefits worth ${benefits} in present values: a net present value of ${npv} and a benefit–cost ratio of ${bcr} (${formatRatio(f.bcrFiscal)} on fiscal benefits alone). Payback: ${f.payback}.`
      : `Over ${f.years} years, ${t} brings benefits worth ${benefits} in present values; it has no costs recorded yet, so its ratios are not defined.`,
  );
  summary.push(
    f.rank !== null && f.quadrant
      ? `On the impact matrix it is a ${f.quadrant.toLowerCase()}, ranked ${f.rank} of ${f.ranked}.`
      : `It is not fully scored on the impact matrix yet, so it has no rank.`,
  );
  if (f.readiness) {
    summary.push(
      f.readiness.ready
        ? `As at ${at} it is ${f.status} and ready to grow.`
        : `As at ${at} it is ${f.status} but not yet ready to grow: ${plural(f.readiness.findings.length, 'check is', 'checks are')} outstanding.`,
    );
  } else {
    summary.push(`It is at the ${f.status} stage in ${f.serviceArea}.`);
  }

  const asks: string[] = [];
  const figures = `a net present value of ${npv} and a benefit–cost ratio of ${bcr}`;
  if (!hasCosts) {
    asks.push(`Record the costs of ${t} before deciding whether to fund it: without them there is no benefit–cost ratio.`);
  } else if (f.npv > 0) {
    const running = f.status === 'running' || f.status === 'scaled';
    const verb = running ? `Continue to fund ${t}${f.readiness?.ready ? ' and grow it' : ''}` : `Fund ${t}`;
    const holds = f.switchingValue !== null ? `; the case still holds if benefits fall by up to ${formatPercent(f.switchingValue, 1)}` : '';
    asks.push(`${verb}, at ${costs} (present value), for ${figures}${holds}.`);
  } else {
    asks.push(`Decide whether ${t} is worth its cost: its quantified benefits fall short of its costs, ${figures}, so any case rests on benefits not valued here.`);
  }
  if (f.readiness && !f.readiness.ready) asks.push(`Hold back growing it until its readiness gaps are closed.`);

  const open: string[] = [];
  for (const c of f.openChallenges) open.push(`${c.by} asks — ${c.challenge}`);
  if (f.unscored.length) open.push(`Not yet scored on: ${listWords(f.unscored)}.`);
  if (f.readiness) for (const g of f.readiness.findings) open.push(`Readiness to grow: ${g.message}.`);
  if (f.weakestGrade !== null && f.weakestGrade >= 5) open.push(`Some lines rest on weak evidence (confidence grade ${f.weakestGrade} of 6): find better sources before the decision.`);
  return { summary, asks, open };
}
