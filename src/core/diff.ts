/**
 * What a change does to a portfolio (`costar diff`): initiatives added, removed and changed; star
 * coverage cells, ranking places and business cases that moved; unfilled needs and problems
 * before and after. Pure: two views of the portfolio in, plain data out.
 */
import { isDeepStrictEqual } from 'node:util';
import { businessCase, hasBusinessCase } from './business-case.js';
import type { Config } from './config.js';
import { matchPeople } from './match.js';
import { impactMatrix } from './matrix.js';
import type { Initiative, Person } from './schema.js';
import { starCoverage } from './star.js';
import { COS } from './vocab.js';

/** One side of the comparison. */
export interface DiffSide {
  config: Config;
  /** Every initiative file's parsed value by id (file stem), valid or not. */
  raw: Map<string, unknown>;
  /** The initiatives and people that pass their own checks. */
  initiatives: readonly Initiative[];
  people: readonly Person[];
  /** Problems `costar validate` reports (errors and warnings), and errors alone. */
  problems: number;
  errors: number;
  /** False when the portfolio did not exist on this side. */
  exists: boolean;
}

export interface CoverageChange {
  serviceArea: string;
  co: string;
  before: { existing: number; potential: number };
  after: { existing: number; potential: number };
}

export interface CaseFigures {
  npv: number;
  bcr: number | null;
}

/** The `diff --format json` shape. */
export interface PortfolioDiff {
  base: string;
  head: string | null;
  initiatives: { added: string[]; removed: string[]; changed: Array<{ id: string; fields: string[] }> };
  coverage: CoverageChange[];
  ranking: Array<{ id: string; before: number | null; after: number | null }>;
  businessCases: Array<{ id: string; before: CaseFigures | null; after: CaseFigures | null }>;
  problems: { before: number; after: number };
}

/** What the text and markdown reports add to the JSON. */
export interface DiffDetail {
  diff: PortfolioDiff;
  /** Changed status and Co levels of changed initiatives, for people to read. */
  moves: Array<{ id: string; status?: [string | null, string | null]; cos: Array<{ co: string; before: string | null; after: string | null }> }>;
  needs: { before: number; after: number };
  errors: { before: number; after: number };
  baseExists: boolean;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The paths (dotted) at which two values differ: into mappings, a list counts as one value. */
export function changedPaths(a: unknown, b: unknown, path = ''): string[] {
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(cmp);
    return keys.flatMap((k) => changedPaths(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return isDeepStrictEqual(a, b) ? [] : [path || '.'];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function figures(config: Config, i: Initiative | undefined): CaseFigures | null {
  if (!i || !hasBusinessCase(i)) return null;
  const c = businessCase(config, i);
  return { npv: round2(c.npv), bcr: c.bcr === null ? null : round2(c.bcr) };
}

function unfilled(side: DiffSide): number {
  if (!side.exists) return 0;
  return matchPeople(side.config, side.initiatives, side.people).unfilled.reduce((n, u) => n + u.missing, 0);
}

export function diffPortfolios(base: DiffSide, head: DiffSide, refs: { base: string; head: string | null }): DiffDetail {
  const added = [...head.raw.keys()].filter((id) => !base.raw.has(id)).sort(cmp);
  const removed = [...base.raw.keys()].filter((id) => !head.raw.has(id)).sort(cmp);
  const changed: Array<{ id: string; fields: string[] }> = [];
  for (const [id, after] of head.raw) {
    if (!base.raw.has(id)) continue;
    const fields = changedPaths(base.raw.get(id), after);
    if (fields.length) changed.push({ id, fields });
  }
  changed.sort((a, b) => cmp(a.id, b.id));

  const beforeById = new Map(base.initiatives.map((i) => [i.id, i]));
  const afterById = new Map(head.initiatives.map((i) => [i.id, i]));
  const moves: DiffDetail['moves'] = [];
  for (const id of [...added, ...removed, ...changed.map((c) => c.id)].sort(cmp)) {
    const b = beforeById.get(id);
    const a = afterById.get(id);
    const status: [string | null, string | null] | undefined = (b?.status ?? null) !== (a?.status ?? null) ? [b?.status ?? null, a?.status ?? null] : undefined;
    const cos = COS.map((co) => ({ co, before: b?.cos?.[co]?.level ?? null, after: a?.cos?.[co]?.level ?? null })).filter((x) => x.before !== x.after);
    if (status || cos.length) moves.push({ id, ...(status ? { status } : {}), cos });
  }

  // Coverage: cells of either side's service areas, in the head's order, then the base's.
  const cellsOf = (side: DiffSide) => new Map(starCoverage(side.config, side.initiatives).coverage.map((c) => [`${c.serviceArea}\u0000${c.co}`, c]));
  const cb = cellsOf(base);
  const ca = cellsOf(head);
  const coverage: CoverageChange[] = [];
  for (const key of new Set([...ca.keys(), ...cb.keys()])) {
    const b = cb.get(key);
    const a = ca.get(key);
    const before = { existing: b?.existing ?? 0, potential: b?.potential ?? 0 };
    const after = { existing: a?.existing ?? 0, potential: a?.potential ?? 0 };
    if (before.existing !== after.existing || before.potential !== after.potential) {
      coverage.push({ serviceArea: (a ?? b)!.serviceArea, co: (a ?? b)!.co, before, after });
    }
  }

  const ranks = (side: DiffSide) => new Map(impactMatrix(side.config, side.initiatives).map((r) => [r.id, r.rank]));
  const rb = ranks(base);
  const ra = ranks(head);
  const ranking = [...new Set([...ra.keys(), ...rb.keys()])]
    .map((id) => ({ id, before: rb.get(id) ?? null, after: ra.get(id) ?? null }))
    .filter((r) => r.before !== r.after)
    .sort((x, y) => (x.after ?? Infinity) - (y.after ?? Infinity) || (x.before ?? Infinity) - (y.before ?? Infinity) || cmp(x.id, y.id));

  // A business case can move only when its initiative or the appraisal settings changed.
  const appraisalSame = isDeepStrictEqual(base.config, head.config);
  const touched = new Set([...added, ...removed, ...changed.map((c) => c.id)]);
  const ids = appraisalSame ? [...touched] : [...new Set([...afterById.keys(), ...beforeById.keys()])];
  const businessCases: PortfolioDiff['businessCases'] = [];
  for (const id of ids.sort(cmp)) {
    const before = figures(base.config, beforeById.get(id));
    const after = figures(head.config, afterById.get(id));
    if (!isDeepStrictEqual(before, after)) businessCases.push({ id, before, after });
  }

  return {
    diff: {
      base: refs.base,
      head: refs.head,
      initiatives: { added, removed, changed },
      coverage,
      ranking,
      businessCases,
      problems: { before: base.problems, after: head.problems },
    },
    moves,
    needs: { before: unfilled(base), after: unfilled(head) },
    errors: { before: base.errors, after: head.errors },
    baseExists: base.exists,
  };
}
