/**
 * The Co-production Star as numbers (SPEC 5 and 7): the inner ring's coverage of service areas by
 * the Four Co's, and the outer ring's five steps, each derived from the evidence in the files.
 */
import type { Config } from './config.js';
import { scoresOf } from './matrix.js';
import type { Initiative } from './schema.js';
import { COS, STEPS, type Co, type Step } from './vocab.js';

export interface CoverageCell {
  serviceArea: string;
  co: Co;
  /** Initiatives practising the Co at `emerging` or `established`. */
  existing: number;
  /** Initiatives where the Co is only `potential`. */
  potential: number;
}

export type StepRow = { initiative: string } & Record<Step, boolean>;

/** The `star --json` shape (SPEC 7). */
export interface StarCoverage {
  coverage: CoverageCell[];
  steps: StepRow[];
}

export interface CoverageSummary {
  /** Service areas × Four Co's. */
  cells: number;
  /** Cells with existing co-production. */
  existing: number;
  /** Cells with potential only. */
  potentialOnly: number;
  /** Cells with neither. */
  gaps: number;
  /** existing / cells (0 when there are no cells). */
  share: number;
}

/**
 * The one meaning of the words for a cell of the star (a service area × a Co), used by `star`,
 * `map`, `status`, the report and the star picture:
 * - practised: at least one initiative practises the Co there (emerging or established);
 * - potential only: none practises it yet, but at least one has found potential for it;
 * - gap: no existing and no potential initiative.
 */
export type CellKind = 'practised' | 'potential-only' | 'gap';

/** The words for each kind of cell, as people read them. */
export const CELL_WORDS: Record<CellKind, string> = {
  practised: 'practised',
  'potential-only': 'potential only',
  gap: 'gap',
};

/** What each kind of cell means, in a sentence's clause. */
export const CELL_MEANINGS: Record<CellKind, string> = {
  practised: 'at least one initiative practises the Co there (emerging or established)',
  'potential-only': 'no initiative practises the Co there yet, but at least one has found potential for it',
  gap: 'no existing and no potential initiative',
};

/** The definition, for a caption or a legend. */
export const GAP_DEFINITION = 'A gap is a cell with no existing and no potential initiative; a cell with only potential is "potential only".';

/** The kind of a cell: practised, potential only, or a gap. */
export function cellKind(cell: Pick<CoverageCell, 'existing' | 'potential'>): CellKind {
  if (cell.existing > 0) return 'practised';
  return cell.potential > 0 ? 'potential-only' : 'gap';
}

type StepEvidence = Pick<Initiative, 'cos' | 'focus' | 'people' | 'market' | 'grow'>;

const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

/**
 * Which of the five steps an initiative has completed, judged from its fields alone (SPEC 5):
 * nothing is self-reported.
 */
export function stepsDone(config: Pick<Config, 'criteria'>, initiative: StepEvidence): Record<Step, boolean> {
  const scores = scoresOf(config, initiative);
  const charter = initiative.market?.charter;
  return {
    map: Object.keys(initiative.cos ?? {}).some((co) => (COS as readonly string[]).includes(co)),
    focus: config.criteria.every((c) => typeof scores[c.id] === 'number'),
    people: nonEmpty(initiative.people?.contributors),
    market: nonEmpty(initiative.market?.incentives) && nonEmpty(charter?.serviceCommitments) && nonEmpty(charter?.communityCommitments),
    grow: (initiative.grow?.indicators ?? []).some((i) => i.kind === 'outcome' && typeof i.target === 'number'),
  };
}

/** The criteria an initiative has not scored yet, in the configured order. */
export function unscoredCriteria(config: Pick<Config, 'criteria'>, initiative: Pick<Initiative, 'focus'>): string[] {
  const scores = scoresOf(config, initiative);
  return config.criteria.filter((c) => typeof scores[c.id] !== 'number').map((c) => c.id);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Star coverage and step completion. Cells run through the service areas in the manifest's order,
 * each with the Four Co's in the method's order; `stopped` initiatives are left out of the cells
 * but keep their step row. With `area`, only that service area's cells and initiatives.
 */
export function starCoverage(config: Pick<Config, 'serviceAreas' | 'criteria'>, initiatives: readonly Initiative[], area?: string): StarCoverage {
  const areas = config.serviceAreas.filter((a) => area === undefined || a.id === area);
  const cells = new Map<string, CoverageCell>();
  const coverage: CoverageCell[] = [];
  for (const a of areas) {
    for (const co of COS) {
      const cell: CoverageCell = { serviceArea: a.id, co, existing: 0, potential: 0 };
      cells.set(`${a.id}\u0000${co}`, cell);
      coverage.push(cell);
    }
  }
  const mine = initiatives.filter((i) => area === undefined || i.serviceArea === area);
  for (const i of mine) {
    if (i.status === 'stopped') continue;
    for (const [co, entry] of Object.entries(i.cos ?? {})) {
      const cell = cells.get(`${i.serviceArea}\u0000${co}`);
      if (!cell || !entry) continue;
      if (entry.level === 'potential') cell.potential++;
      else if (entry.level === 'emerging' || entry.level === 'established') cell.existing++;
    }
  }
  const steps = [...mine].sort(byId).map((i) => ({ initiative: i.id, ...stepsDone(config, i) }));
  return { coverage, steps };
}

/** Counts of covered, potential-only and empty cells. */
export function summariseCoverage(coverage: readonly CoverageCell[]): CoverageSummary {
  const cells = coverage.length;
  const count = (k: CellKind) => coverage.filter((c) => cellKind(c) === k).length;
  const existing = count('practised');
  return { cells, existing, potentialOnly: count('potential-only'), gaps: count('gap'), share: cells ? existing / cells : 0 };
}

export interface CoShare {
  co: Co;
  /** Service areas where the Co exists. */
  areas: number;
  /** Service areas where it is potential only. */
  potentialAreas: number;
  /** Out of this many service areas. */
  of: number;
  share: number;
}

/** For each Co: in how many service areas it exists (the shading of the star's inner points). */
export function coShares(coverage: readonly CoverageCell[]): CoShare[] {
  return COS.map((co) => {
    const cells = coverage.filter((c) => c.co === co);
    const areas = cells.filter((c) => cellKind(c) === 'practised').length;
    const potentialAreas = cells.filter((c) => cellKind(c) === 'potential-only').length;
    return { co, areas, potentialAreas, of: cells.length, share: cells.length ? areas / cells.length : 0 };
  });
}

export interface StepShare {
  step: Step;
  done: number;
  of: number;
  share: number;
}

/** For each step: how many of the listed initiatives completed it (the outer ring's shading). */
export function stepShares(steps: readonly StepRow[]): StepShare[] {
  return STEPS.map((step) => {
    const done = steps.filter((r) => r[step]).length;
    return { step, done, of: steps.length, share: steps.length ? done / steps.length : 0 };
  });
}

/**
 * The rows of the star's outer ring: stopped initiatives are left out, as the picture's caption,
 * the report and `star` say. `star --json` keeps every row (SPEC 7); the ring, the "Done" totals
 * and the picture's count of initiatives come from these rows.
 */
export function ringSteps(steps: readonly StepRow[], initiatives: ReadonlyArray<Pick<Initiative, 'id' | 'status'>>): StepRow[] {
  const stopped = new Set(initiatives.filter((i) => i.status === 'stopped').map((i) => i.id));
  return steps.filter((r) => !stopped.has(r.initiative));
}

/** Cells of one service area that no initiative practises yet: its gaps and its potential-only cells. */
export function unpractisedOf(coverage: readonly CoverageCell[], area: string): CoverageCell[] {
  return coverage.filter((c) => c.serviceArea === area && cellKind(c) !== 'practised');
}

/** The gaps of one service area: cells with no existing and no potential initiative. */
export function gapsOf(coverage: readonly CoverageCell[], area: string): CoverageCell[] {
  return coverage.filter((c) => c.serviceArea === area && cellKind(c) === 'gap');
}
