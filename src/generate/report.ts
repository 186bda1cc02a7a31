/**
 * The portfolio report (`costar generate report`): one self-contained page for the whole
 * portfolio — the star picture and coverage tables, the impact matrix, a business case summary,
 * people and needs in counts only, charter status, readiness to grow and the next steps from
 * `costar status`. Nothing in it depends on today's date, and no personal data reaches it: people
 * are counted, never named.
 */
import { businessCase, hasBusinessCase } from '../core/business-case.js';
import { headlineFigures, portfolioTotals } from '../core/case-figures.js';
import { budgetPlan, planCandidates } from '../core/plan.js';
import { growCheck, indicatorProgress, nextReviewDue, type GrowCheck } from '../core/grow.js';
import { matrixSvg } from '../core/matrix-svg.js';
import { impactMatrix, QUADRANT_LABELS, type Quadrant } from '../core/matrix.js';
import type { Initiative } from '../core/schema.js';
import { portfolioStarSvg, svgAlt } from '../core/star-svg.js';
import { historySvg } from '../core/history.js';
import { cellKind, coShares, ringSteps, starCoverage, stepShares, summariseCoverage } from '../core/star.js';
import { portfolioStatus } from '../core/status.js';
import { CO_LABELS, COS, STATUSES, STEP_LABELS, STEPS } from '../core/vocab.js';
import type { Portfolio } from '../store/portfolio.js';
import { indicatorChart } from './grow-plan.js';
import { documentWording, gapSentence, isOverdue, lastReviewDate, nextStepSentences, reportDecision, stageWords } from './decision.js';
import { baseContext, type DocKind, type DocOptions } from './kinds.js';
import { needCounts, peopleCounts } from './report-people.js';

const STATUS_LABELS: Record<string, string> = {
  idea: 'Idea',
  planned: 'Planned',
  pilot: 'Pilot',
  running: 'Running',
  scaled: 'Scaled',
  stopped: 'Stopped',
};

function charterRows(initiatives: readonly Initiative[]) {
  return initiatives
    .filter((i) => i.status !== 'stopped' && (i.market?.charter || (i.market?.incentives ?? []).length))
    .map((i) => {
      const ch = i.market?.charter;
      const incentives = (i.market?.incentives ?? []).length;
      const service = (ch?.serviceCommitments ?? []).length;
      const community = (ch?.communityCommitments ?? []).length;
      const complete = incentives > 0 && service > 0 && community > 0;
      const missing = ch
        ? [incentives ? null : 'an incentive', service ? null : 'service commitments', community ? null : 'community commitments'].filter((x): x is string => x !== null)
        : [incentives ? null : 'an incentive', 'a charter'].filter((x): x is string => x !== null);
      return {
        id: i.id,
        title: i.title,
        incentives,
        hasCharter: Boolean(ch),
        parties: (ch?.parties ?? []).length,
        sharedOutcomes: (ch?.sharedOutcomes ?? []).length,
        service,
        community,
        risks: (ch?.risks ?? []).length,
        review: ch?.review ?? null,
        complete,
        missing: missing.length ? `needs ${missing.join(', ')}` : null,
      };
    });
}

/**
 * Readiness to grow, row by row: `grow check` itself (core/grow.ts growCheck) at the document's
 * as-of date, so the report and `grow check --json --as-of <date>` say the same thing.
 */
function growRows(p: Portfolio, check: GrowCheck) {
  const byId = new Map(p.initiatives.map((i) => [i.id, i]));
  return check.initiatives.map((r) => {
    const last = lastReviewDate(byId.get(r.id)!, check.asOf);
    return {
      id: r.id,
      title: r.title,
      status: r.status,
      ready: r.ready,
      gapCount: r.findings.length,
      gaps: r.findings.map((g) => documentWording(p.config, g.message)),
      lastReview: last,
      nextDue: last ? nextReviewDue(last) : null,
      overdue: isOverdue(r.findings),
    };
  });
}

/**
 * Charts of every indicator with two or more readings, initiative by initiative (stopped ones
 * left out), for the Grow section: the picture in HTML and Word, its text alternative everywhere.
 * Readings dated after the report's date are left out, as in grow check.
 */
function growCharts(p: Portfolio, format: DocOptions['format'], asOf: string) {
  return p.initiatives
    .filter((i) => i.status !== 'stopped')
    .flatMap((i) =>
      (i.grow?.indicators ?? []).flatMap((ind, n) => {
        const chart = indicatorChart(indicatorProgress(i, ind, asOf), `chart-${i.id}-${n + 1}`, format);
        return chart ? [{ initiative: i.title, indicator: ind.name, key: chart.key, summary: chart.summary, svg: chart.svg }] : [];
      }),
    );
}

/** The star over time, when the portfolio has a git history: a picture (HTML) and a table. */
function historyContext(name: string, opts: DocOptions): Record<string, unknown> | null {
  const h = opts.history;
  if (!h || !h.points.length) return null;
  const markup = opts.format === 'html' ? historySvg(h.points, name) : null;
  return {
    every: h.every,
    rows: h.points,
    image: markup ? { src: `data:image/svg+xml;base64,${Buffer.from(markup, 'utf8').toString('base64')}`, alt: svgAlt(markup, 'The star over time') } : null,
  };
}

/** The report's template data. */
export function reportContext(p: Portfolio, _target: string, opts: DocOptions): Record<string, unknown> {
  const { config } = p;
  const initiatives = p.initiatives;
  const areaLabel = new Map(config.serviceAreas.map((a) => [a.id, a.label]));
  const titleOf = new Map(initiatives.map((i) => [i.id, i.title]));
  const active = initiatives.filter((i) => i.status !== 'stopped');

  // The star.
  const star = starCoverage(config, initiatives);
  const sum = summariseCoverage(star.coverage);
  const cos = coShares(star.coverage);
  // The ring and its totals leave stopped initiatives out, as the caption says (`star` does the same).
  const ring = ringSteps(star.steps, initiatives);
  const steps = stepShares(ring);
  const starMarkup = opts.format !== 'md' ? portfolioStarSvg(config, star, initiatives) : null;
  // The star goes in as an image: its own style sheet then stays inside the picture, and its
  // description becomes the image's text alternative.
  const picture = starMarkup
    ? { src: `data:image/svg+xml;base64,${Buffer.from(starMarkup, 'utf8').toString('base64')}`, alt: svgAlt(starMarkup, 'The Co-production Star') }
    : null;
  const coverageRows = config.serviceAreas.map((a) => {
    const cells = COS.map((co) => star.coverage.find((c) => c.serviceArea === a.id && c.co === co)!);
    return {
      area: a.label,
      cells: cells.map((c) => ({ existing: c.existing, potential: c.potential, gap: cellKind(c) === 'gap' })),
      covered: cells.filter((c) => c.existing > 0).length,
    };
  });
  const statusOf = new Map(initiatives.map((i) => [i.id, i.status]));
  const journeyRows = star.steps.map((r) => ({
    id: r.initiative,
    title: titleOf.get(r.initiative) ?? r.initiative,
    status: statusOf.get(r.initiative) ?? '',
    stopped: statusOf.get(r.initiative) === 'stopped',
    steps: STEPS.map((s) => r[s]),
  }));

  // The impact matrix.
  const matrix = impactMatrix(config, initiatives);
  const ranked = matrix.filter((r) => r.rank !== null);
  const unscored = matrix.filter((r) => r.rank === null).map((r) => r.id);
  const matrixPicture =
    opts.format !== 'md'
      ? matrixSvg({
          name: config.name,
          scale: config.scale,
          points: ranked.map((r) => ({ id: r.id, impact: r.impact!, ease: r.ease!, quadrant: r.quadrant as Quadrant, rank: r.rank! })),
          unscored,
          idPrefix: 'matrix',
        })
      : null;

  // Business cases.
  const cases = active
    .filter((i) => hasBusinessCase(i))
    .map((i) => {
      const bc = businessCase(config, i);
      return {
        id: i.id,
        title: i.title,
        status: i.status,
        ...headlineFigures(bc),
        hasCosts: bc.pvCosts > 0,
      };
    });
  const totals = portfolioTotals(cases);
  // The budget plan at today's spend: what the money running and scaled initiatives cost would
  // buy if it went to the best set instead (costar focus plan --budget <that sum>).
  const spend = cases.filter((c) => c.status === 'running' || c.status === 'scaled').reduce((s, c) => s + c.pvCosts, 0);
  const plan = budgetPlan(planCandidates(config, initiatives), spend, null);

  // Grow and next steps: the same checks as `grow check` and `status`, at the document's date.
  const check = growCheck(config, initiatives, opts.asOf);
  const readinessOf = new Map(check.initiatives.map((r) => [r.id, r]));
  const grow = growRows(p, check);
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  const charts = growCharts(p, opts.format, opts.asOf);
  const status = portfolioStatus(config, initiatives);
  const next = status.initiatives
    .filter((s) => s.stage !== 'stopped' && s.next)
    .map((s) => ({
      id: s.id,
      title: titleOf.get(s.id) ?? s.id,
      stage: stageWords(s),
      steps: nextStepSentences(config, byId.get(s.id)!, s, readinessOf.get(s.id), opts.asOf),
      overdue: isOverdue(readinessOf.get(s.id)?.findings ?? []),
      // `costar status`'s wording and command, kept for templates written before the sentences
      // (the built-in template shows neither: the report is for people, not for a terminal).
      message: s.next!.message,
      command: s.next!.command,
    }));
  const gaps = status.gaps.slice(0, 6).map((g) => ({
    area: areaLabel.get(g.serviceArea) ?? g.serviceArea,
    co: CO_LABELS[g.co],
    potential: g.potential,
    sentence: gapSentence(g.co, areaLabel.get(g.serviceArea) ?? g.serviceArea, g.potential),
    command: g.command,
  }));

  const ppl = peopleCounts(p);
  const needs = needCounts(p);
  const charters = charterRows(initiatives);
  const subtitle = `${initiatives.length} initiative${initiatives.length === 1 ? '' : 's'} in ${config.serviceAreas.length} service area${config.serviceAreas.length === 1 ? '' : 's'}`;

  const decision = reportDecision({
    organisation: config.organisation,
    currency: config.currency,
    asOf: opts.asOf,
    initiatives: initiatives.length,
    active: active.length,
    serviceAreas: config.serviceAreas.length,
    cells: { existing: sum.existing, of: sum.cells, potentialOnly: sum.potentialOnly, gaps: sum.gaps, share: sum.share },
    scored: ranked.length,
    unscored: unscored.map((id) => titleOf.get(id) ?? id),
    top: ranked.length ? { title: titleOf.get(ranked[0]!.id) ?? ranked[0]!.id, quadrant: QUADRANT_LABELS[ranked[0]!.quadrant as Quadrant] } : null,
    cases: { count: cases.length, withCosts: cases.filter((c) => c.hasCosts).length, pvCosts: totals.pvCosts, pvBenefits: totals.pvBenefits, npv: totals.npv, bcr: totals.bcr },
    plan: {
      budget: plan.budget,
      funded: plan.candidates.filter((c) => c.funded).map((c) => ({ title: c.title, cost: c.cost, npv: c.npv, bcr: c.bcr, status: c.status })),
      totalCost: plan.totalCost,
      totalNpv: plan.totalNpv,
      optimal: plan.optimal,
      released: plan.reallocation.from.map((c) => titleOf.get(c.id) ?? c.id),
      releasedCost: plan.reallocation.releasedCost,
      added: plan.reallocation.to.map((c) => titleOf.get(c.id) ?? c.id),
      gain: plan.reallocation.gain,
    },
    grow: {
      ready: grow.filter((g) => g.ready).map((g) => g.title),
      notReady: grow.filter((g) => !g.ready).map((g) => ({ title: g.title, findings: g.gapCount })),
      overdue: grow.filter((g) => g.overdue).map((g) => ({ title: g.title, due: g.nextDue! })),
      growing: grow.length,
    },
    people: { text: ppl.total.text, n: ppl.total.n },
    missingPlaces: needs.totals.missing,
    challenges: active.flatMap((i) => (i.focus?.challenges ?? []).filter((c) => (c.status ?? 'open') === 'open').map((c) => ({ title: i.title, by: c.by, challenge: c.challenge }))),
    largestGaps: status.gaps.filter((g) => g.potential === 0).slice(0, 3).map((g) => ({ co: g.co, area: areaLabel.get(g.serviceArea) ?? g.serviceArea })),
  });

  // Fields set one by one: an object spread followed by more fields is many times slower in V8.

  const base = baseContext(config, 'Co-production portfolio report', subtitle, 'report', opts);

  return {
    generator: base.generator,
    doc: base.doc,
    portfolio: base.portfolio,
    figures: {
      initiatives: initiatives.length,
      active: active.length,
      coverage: sum.share,
      cellsCovered: sum.existing,
      cells: sum.cells,
      scored: ranked.length,
      cases: cases.length,
      people: ppl.total,
      readyToGrow: grow.filter((g) => g.ready).length,
      growing: grow.length,
    },
    byStatus: STATUSES.map((s) => ({ status: STATUS_LABELS[s]!, count: initiatives.filter((i) => i.status === s).length })).filter((x) => x.count > 0),
    star: {
      image: picture,
      cos: COS.map((co) => CO_LABELS[co]),
      rows: coverageRows,
      summary: sum,
      coShares: cos.map((c) => ({ co: CO_LABELS[c.co], areas: c.areas, potentialAreas: c.potentialAreas, of: c.of, share: c.share })),
      steps: STEPS.map((s) => STEP_LABELS[s]),
      journey: journeyRows,
      stepTotals: steps.map((s) => ({ step: STEP_LABELS[s.step], done: s.done, of: s.of })),
      stopped: star.steps.length - ring.length,
    },
    matrix: {
      svg: matrixPicture,
      scale: { min: config.scale[0], max: config.scale[1] },
      rows: ranked.map((r) => ({ rank: r.rank, id: r.id, title: titleOf.get(r.id) ?? r.id, impact: r.impact, ease: r.ease, quadrant: QUADRANT_LABELS[r.quadrant as Quadrant] })),
      unscored: unscored.map((id) => titleOf.get(id) ?? id),
    },
    businessCases: {
      rows: cases,
      totals: { pvCosts: totals.pvCosts, pvBenefits: totals.pvBenefits, npv: totals.npv, bcr: totals.bcr },
      withoutCosts: totals.withoutCosts.map((id) => titleOf.get(id) ?? id),
      withoutCostsBenefits: totals.withoutCostsBenefits,
      priceYear: config.priceYear,
    },
    plan: {
      budget: plan.budget,
      funded: plan.candidates.filter((c) => c.funded).map((c) => ({ id: c.id, title: c.title, status: c.status, cost: c.cost, npv: c.npv, bcr: c.bcr })),
      notFunded: plan.candidates.filter((c) => !c.funded).map((c) => ({ id: c.id, title: c.title, status: c.status, cost: c.cost, npv: c.npv, bcr: c.bcr })),
      totalCost: plan.totalCost,
      totalNpv: plan.totalNpv,
      optimal: plan.optimal,
      lastIn: plan.lastIn ? { id: plan.lastIn.id, title: titleOf.get(plan.lastIn.id) ?? plan.lastIn.id, bcr: plan.lastIn.bcr } : null,
      released: plan.reallocation.from.map((c) => titleOf.get(c.id) ?? c.id),
      releasedCost: plan.reallocation.releasedCost,
      releasedNpv: plan.reallocation.releasedNpv,
      added: plan.reallocation.to.map((c) => titleOf.get(c.id) ?? c.id),
      addedCost: plan.reallocation.addedCost,
      gain: plan.reallocation.gain,
    },
    history: historyContext(config.name, opts),
    people: ppl,
    needs,
    charters: { rows: charters, complete: charters.filter((c) => c.complete).length },
    grow: { rows: grow, ready: grow.filter((g) => g.ready).length, overdue: grow.filter((g) => g.overdue).length, charts },
    charts,
    decision,
    next: { rows: next, gaps },
  };
}

export const kind: DocKind = {
  kind: 'report',
  per: 'portfolio',
  context: reportContext,
};
