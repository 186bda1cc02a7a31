/**
 * "Just start": where each initiative stands on the five-step journey and the one concrete thing
 * to do next, as a command to copy; and the portfolio's largest gaps in the star.
 */
import type { Config } from './config.js';
import { plural } from './format.js';
import type { Initiative } from './schema.js';
import { CELL_WORDS, cellKind, starCoverage, stepsDone, summariseCoverage, unscoredCriteria, type CellKind, type CoverageCell, type CoverageSummary } from './star.js';
import { COS, CO_LABELS, STEPS, type Co, type Status, type Step } from './vocab.js';

export interface Action {
  step: Step;
  message: string;
  /** A command to copy; `…` marks what the user fills in. */
  command: string;
}

export interface InitiativeStatus {
  id: string;
  title: string;
  serviceArea: string;
  status: Status;
  steps: Record<Step, boolean>;
  /** The first step not yet done; `done` when all five are; `stopped` for stopped initiatives. */
  stage: Step | 'done' | 'stopped';
  next: Action | null;
  /** Further things worth doing, after `next`. */
  notes: Action[];
}

export interface Gap {
  serviceArea: string;
  co: Co;
  /** Initiatives that found potential for this Co here (0: a gap; more: potential only, star.ts cellKind). */
  potential: number;
  command: string;
}

export interface PortfolioStatus {
  initiatives: InitiativeStatus[];
  gaps: Gap[];
  coverage: CoverageSummary;
}

const NEXT_STATUS: Partial<Record<Status, Status>> = { idea: 'planned', planned: 'pilot', pilot: 'running' };


/** What to do for one step that is not done, from what the initiative already holds. */
function actionsFor(step: Step, config: Pick<Config, 'criteria'>, i: Initiative, gapCo: Co, gapKind: CellKind): Action[] {
  const id = i.id;
  switch (step) {
    case 'map':
      return [
        {
          step,
          message: `Record which of the Four Co's it practises, or could${gapKind === 'practised' ? '' : ` (${CO_LABELS[gapCo]} is ${gapKind === 'gap' ? 'a gap' : CELL_WORDS[gapKind]} in its service area)`}`,
          command: `costar set initiatives/${id} cos.${gapCo}.level=potential`,
        },
      ];
    case 'focus': {
      const missing = unscoredCriteria(config, i);
      const all = missing.length === config.criteria.length;
      return [
        {
          step,
          message: all ? 'Score it on the impact matrix' : `Finish scoring it on the impact matrix (${missing.join(', ')} still to score)`,
          command: `costar focus score ${id} ${missing.map((c) => `--set ${c}=…`).join(' ')}`,
        },
      ];
    }
    case 'people': {
      const needs = i.people?.needs ?? [];
      if (needs.length) {
        return [
          {
            step,
            message: `Find contributors for its ${plural(needs.length, 'need')} in the asset survey, then record them with --write`,
            command: 'costar people match',
          },
        ];
      }
      return [
        { step, message: 'Say what it needs from contributors, so people can be matched to it', command: `costar set initiatives/${id} 'people.needs+={ skill: …, count: 1 }'` },
        { step, message: 'Or record someone who already works on it', command: `costar set initiatives/${id} people.contributors+=…` },
      ];
    }
    case 'market': {
      const out: Action[] = [];
      if (!(i.market?.incentives ?? []).length) {
        out.push({
          step,
          message: 'Offer an incentive that makes taking part worthwhile (ideas: costar market menu)',
          command: `costar market add-incentive ${id} --for … --kind non-financial --what …`,
        });
      }
      const ch = i.market?.charter;
      const needService = !(ch?.serviceCommitments ?? []).length;
      const needCommunity = !(ch?.communityCommitments ?? []).length;
      if (needService || needCommunity) {
        const what = needService && needCommunity ? 'what the service and the community each commit to' : needService ? 'what the service commits to' : 'what the community commits to';
        out.push({
          step,
          message: `Agree a co-production charter: ${what}`,
          command: `costar market charter ${id}${needService ? ' --service-commitment …' : ''}${needCommunity ? ' --community-commitment …' : ''}`,
        });
      }
      return out;
    }
    case 'grow':
      return [{ step, message: 'Set an outcome indicator with a target, ideally designed with the people who use it', command: `costar grow add-indicator ${id} --name … --kind outcome --target … --co-designed` }];
  }
}

/** Open challenges from critical friends still waiting for a response. */
function challengeNote(i: Initiative): Action | undefined {
  const list = i.focus?.challenges ?? [];
  const open = list.map((c, n) => ({ c, n: n + 1 })).filter(({ c }) => (c.status ?? 'open') === 'open');
  if (!open.length) return undefined;
  return {
    step: 'focus',
    message: `${plural(open.length, 'open challenge')} from critical friends to answer`,
    command: `costar focus respond ${i.id} ${open[0]!.n} --text … --status answered`,
  };
}

/** The status of one initiative: its steps, stage, next action and notes. */
export function initiativeStatus(config: Pick<Config, 'criteria'>, i: Initiative, gapCo: Co = 'co-delivery', gapKind: CellKind = 'gap'): InitiativeStatus {
  const steps = stepsDone(config, i);
  const base = { id: i.id, title: i.title, serviceArea: i.serviceArea, status: i.status, steps };
  if (i.status === 'stopped') return { ...base, stage: 'stopped', next: null, notes: [] };
  const remaining = STEPS.filter((s) => !steps[s]);
  const challenge = challengeNote(i);
  if (!remaining.length) {
    const after = NEXT_STATUS[i.status];
    const next: Action = after
      ? { step: 'grow', message: `All five steps are done; move it on from ${i.status} to ${after}`, command: `costar set initiatives/${i.id} status=${after}` }
      : { step: 'grow', message: 'All five steps are done; check it is ready to grow (indicators, readings, a recent 360-degree review)', command: 'costar grow check' };
    return { ...base, stage: 'done', next, notes: challenge ? [challenge] : [] };
  }
  const [first, ...more] = actionsFor(remaining[0]!, config, i, gapCo, gapKind);
  const notes = [...more];
  if (challenge && steps.focus) notes.push(challenge);
  return { ...base, stage: remaining[0]!, next: first!, notes };
}

/**
 * The cells of the star no initiative practises yet: the gaps (no existing and no potential
 * initiative) come before the potential-only cells, then the Co's missing from the most service areas,
 * then the manifest's order of areas and the method's order of Co's.
 */
export function largestGaps(config: Pick<Config, 'serviceAreas'>, coverage: readonly CoverageCell[]): Gap[] {
  const missing = new Map<Co, number>(COS.map((co) => [co, coverage.filter((c) => c.co === co && c.existing === 0).length]));
  const areaOrder = new Map(config.serviceAreas.map((a, n) => [a.id, n]));
  return coverage
    .filter((c) => c.existing === 0)
    .sort(
      (a, b) =>
        Number(a.potential > 0) - Number(b.potential > 0) ||
        missing.get(b.co)! - missing.get(a.co)! ||
        COS.indexOf(a.co) - COS.indexOf(b.co) ||
        (areaOrder.get(a.serviceArea) ?? 0) - (areaOrder.get(b.serviceArea) ?? 0),
    )
    .map((c) => ({ serviceArea: c.serviceArea, co: c.co, potential: c.potential, command: `costar explore --co ${c.co} --area ${c.serviceArea}` }));
}

/** Where every initiative stands (in id order) and the portfolio's largest gaps. */
export function portfolioStatus(config: Pick<Config, 'serviceAreas' | 'criteria'>, initiatives: readonly Initiative[]): PortfolioStatus {
  const { coverage } = starCoverage(config, initiatives);
  // The area's first gap, else its first potential-only cell, else co-delivery (practised there).
  const firstOpen = (area: string): CoverageCell | undefined =>
    coverage.find((c) => c.serviceArea === area && cellKind(c) === 'gap') ?? coverage.find((c) => c.serviceArea === area && cellKind(c) === 'potential-only');
  const list = [...initiatives]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((i) => {
      const open = firstOpen(i.serviceArea);
      return initiativeStatus(config, i, open?.co ?? 'co-delivery', open ? cellKind(open) : 'practised');
    });
  return { initiatives: list, gaps: largestGaps(config, coverage), coverage: summariseCoverage(coverage) };
}
