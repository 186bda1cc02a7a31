/** The business case document: the data its template receives. */
import { businessCaseDetail, hasBusinessCase } from '../core/business-case.js';
import { caseSensitivity, GRADE_NOTES, GRADE_SCALE, headlineFigures, paybackWording, priceBaseText } from '../core/case-figures.js';
import { labelFromId, payerLabel, type Config } from '../core/config.js';
import { describeSensitivity, impactMatrix, QUADRANT_LABELS, scoresOf, sensitivity } from '../core/matrix.js';
import { disagreements, ratedScores, ratingsOf } from '../core/ratings.js';
import type { Initiative } from '../core/schema.js';
import { initiativeFindings, isGrowing } from '../core/grow.js';
import { caseDecision, documentWording } from './decision.js';
import { baseContext, type DocKind } from './kinds.js';

const STATUS_WORDS: Record<string, string> = {
  open: 'Open',
  answered: 'Answered',
  accepted: 'Accepted',
};

/** Portfolio-wide figures are computed once per run, not once per document. */
const shared = new WeakMap<object, { rows: ReturnType<typeof impactMatrix>; rowOf: Map<string, ReturnType<typeof impactMatrix>[number]>; ranked: number; sentence: string; byId: Map<string, Initiative> }>();

function portfolioFigures(p: Parameters<DocKind['context']>[0]) {
  let s = shared.get(p);
  if (!s) {
    const cfg = p.config;
    const label = (c: string) => cfg.criteria.find((x) => x.id === c)?.label ?? c;
    const rows = impactMatrix(cfg, p.initiatives);
    s = {
      rows,
      rowOf: new Map(rows.map((r) => [r.id, r])),
      ranked: rows.reduce((n, r) => n + (r.rank !== null ? 1 : 0), 0),
      sentence: describeSensitivity(sensitivity(cfg, p.initiatives), label),
      byId: new Map(p.initiatives.map((i) => [i.id, i])),
    };
    shared.set(p, s);
  }
  return s;
}

/**
 * The lines with the labels of their years. The lines are this document's own (just computed),
 * so the field is added in place: copying each line with a spread is many times slower in V8.
 */
function withYearLabels<T extends { years: number[] }>(lines: T[], years: ReadonlyArray<{ label: string }>): Array<T & { yearLabels: string[] }> {
  for (const l of lines) (l as T & { yearLabels: string[] }).yearLabels = l.years.map((t) => years[t]?.label ?? `Year ${t}`);
  return lines as Array<T & { yearLabels: string[] }>;
}

export const kind: DocKind = {
  kind: 'business-case',
  per: 'initiative',
  has: (i) => hasBusinessCase(i),
  missing: 'has no business case (add cost and benefit lines with costar focus add-cost / add-benefit)',
  context(p, id, opts) {
    const cfg = p.config;
    const figures = portfolioFigures(p);
    const i = figures.byId.get(id) as Initiative;
    const area = cfg.serviceAreas.find((a) => a.id === i.serviceArea);
    const wardLabel = (w: string) => cfg.wards.find((x) => x.id === w)?.label ?? labelFromId(w);
    const detail = businessCaseDetail(cfg, i);
    const bc = detail.case;
    const sens = caseSensitivity(cfg, i, bc);
    const row = figures.rowOf.get(id);
    const scores = scoresOf(cfg, i);
    const ranked = figures.ranked;
    const toc = i.focus?.theoryOfChange;
    const challenges = (i.focus?.challenges ?? []).map((c, n) => ({
      n: n + 1,
      by: c.by,
      challenge: c.challenge,
      response: c.response ?? null,
      status: c.status ?? 'open',
      statusLabel: STATUS_WORDS[c.status ?? 'open'],
    }));
    const flows = (o: Record<string, number>) => Object.entries(o).map(([who, pv]) => ({ who: payerLabel(cfg, who), id: who, pv }));
    for (const l of detail.costs) (l as typeof l & { payerLabel: string }).payerLabel = payerLabel(cfg, l.payer);
    for (const l of detail.benefits) (l as typeof l & { beneficiaryLabel: string }).beneficiaryLabel = payerLabel(cfg, l.beneficiary);
    const title = `Business case: ${i.title}`;
    // The summary and the decision sought: the same figures as below, readiness as `grow check` at the as-of date.
    const findings = isGrowing(i) ? initiativeFindings(cfg, i, opts.asOf) : null;
    const used = detail.grades.filter((g) => g.costLines + g.benefitLines > 0).map((g) => g.grade);
    const decision = caseDecision({
      title: i.title,
      status: i.status,
      serviceArea: area?.label ?? i.serviceArea,
      currency: cfg.currency,
      asOf: opts.asOf,
      years: detail.years,
      ...headlineFigures(bc),
      switchingValue: bc.switchingValue,
      quadrant: row?.quadrant ? QUADRANT_LABELS[row.quadrant] : null,
      rank: row?.rank ?? null,
      ranked,
      unscored: cfg.criteria.filter((c) => typeof scores[c.id] !== 'number').map((c) => c.label),
      readiness: findings ? { id: i.id, title: i.title, status: i.status, ready: findings.length === 0, findings: findings.map((f) => ({ ...f, message: documentWording(cfg, f.message) })) } : null,
      openChallenges: challenges.filter((c) => c.status === 'open').map((c) => ({ by: c.by, challenge: c.challenge })),
      weakestGrade: used.length ? Math.max(...used) : null,
    });
    // Every key is set here (null when absent), so strict templates see each field; no deep copy.
    // Fields set one by one: an object spread followed by more fields is many times slower in V8.
    const base = baseContext(cfg, title, `${area?.label ?? i.serviceArea} · ${i.status}`, 'business-case', opts);
    return {
      generator: base.generator,
      doc: base.doc,
      portfolio: base.portfolio,
      initiative: {
        id: i.id,
        title: i.title,
        serviceArea: area?.label ?? i.serviceArea,
        status: i.status,
        summary: i.summary ?? null,
        wards: (i.wards ?? []).map(wardLabel),
      },
      appraisal: {
        discountRate: detail.discountRate,
        years: detail.years,
        lastYear: detail.years - 1,
        startYear: cfg.startYear,
        currency: cfg.currency,
        firstLabel: bc.years[0]?.label ?? null,
        lastLabel: bc.years[bc.years.length - 1]?.label ?? null,
        discountRateLong: detail.discountRateLong,
        long: detail.years > 31,
        priceYear: cfg.priceYear,
        priceBase: priceBaseText(cfg, detail),
      },
      theoryOfChange: toc
        ? {
            inputs: toc.inputs ?? [],
            activities: toc.activities ?? [],
            outputs: toc.outputs ?? [],
            outcomes: toc.outcomes ?? [],
            impact: toc.impact ?? null,
            assumptions: toc.assumptions ?? [],
          }
        : null,
      matrix: {
        scale: `${cfg.scale[0]}–${cfg.scale[1]}`,
        scores: cfg.criteria.map((c) => ({ id: c.id, label: c.label, axis: c.axis, weight: c.weight, score: scores[c.id] ?? null })),
        impact: row?.impact ?? null,
        ease: row?.ease ?? null,
        quadrant: row?.quadrant ?? null,
        quadrantLabel: row?.quadrant ? QUADRANT_LABELS[row.quadrant] : null,
        rank: row?.rank ?? null,
        ranked,
        topSensitivity: figures.sentence,
      },
      ratings: ratingsContext(cfg, i),
      figures: {
        pvCosts: bc.pvCosts,
        pvBenefits: bc.pvBenefits,
        pvFiscal: bc.pvFiscal,
        pvCashable: bc.pvCashable,
        pvNonCashable: bc.pvNonCashable,
        pvEconomic: bc.pvEconomic,
        pvSocial: bc.pvSocial,
        npv: bc.npv,
        bcr: bc.bcr,
        bcrFiscal: bc.bcrFiscal,
        roi: bc.roi,
        paybackYear: bc.paybackYear,
        paybackLabel: bc.paybackYear === null ? null : bc.years[bc.paybackYear]?.label ?? null,
        payback: paybackWording(bc),
        switchingValue: bc.switchingValue,
        hasCosts: bc.pvCosts > 0,
      },
      years: bc.years,
      totals: {
        costs: bc.years.reduce((a, y) => a + y.costs, 0),
        benefits: bc.years.reduce((a, y) => a + y.benefits, 0),
        fiscal: bc.years.reduce((a, y) => a + y.fiscal, 0),
        net: bc.years.reduce((a, y) => a + y.net, 0),
      },
      costs: withYearLabels(detail.costs, bc.years),
      benefits: withYearLabels(detail.benefits, bc.years),
      grades: detail.grades.map((g) => ({ grade: g.grade, costUplift: g.costUplift, benefitReduction: g.benefitReduction, costLines: g.costLines, benefitLines: g.benefitLines, note: GRADE_NOTES[g.grade] ?? '' })),
      gradeScale: GRADE_SCALE,
      flows: { payers: flows(bc.flows.payers), beneficiaries: flows(bc.flows.beneficiaries) },
      sensitivity: sens,
      challenges,
      openChallenges: challenges.filter((c) => c.status === 'open').length,
      decision,
    };
  },
};

/**
 * The ratings of critical friends for the business case (issue 13): each rater's score on every
 * criterion (null where they gave none), the medians, and where they disagree; null without ratings.
 */
function ratingsContext(cfg: Config, i: Initiative) {
  const ratings = ratingsOf(i);
  if (!ratings.length) return null;
  const rated = ratedScores(cfg, i);
  const label = (id: string) => cfg.criteria.find((c) => c.id === id)?.label ?? id;
  return {
    criteria: cfg.criteria.map((c) => ({ id: c.id, label: c.label })),
    raters: ratings.map((r) => ({ rater: r.rater, scores: cfg.criteria.map((c) => (typeof r.scores[c.id] === 'number' ? r.scores[c.id]! : null)) })),
    medians: cfg.criteria.map((c) => rated[c.id] ?? null),
    disagreements: disagreements(cfg, i).map((d) => ({ criterion: d.criterion, label: label(d.criterion), spread: d.spread, min: d.min, max: d.max })),
  };
}
