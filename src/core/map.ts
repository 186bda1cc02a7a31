/**
 * Map it, pure: an initiative as a session or the flags of `map add` draft it, the record it
 * becomes, the edits that turn one version into another, the Co level to offer first, what a
 * cell of the star says about gaps, and the parsers of the values `map` takes. No fs, no console.
 */
import type { Config } from './config.js';
import type { PathSeg } from './diagnostics.js';
import { orderRecord } from './key-order.js';
import type { Initiative } from './schema.js';
import { CELL_WORDS, cellKind, type CellKind, type CoverageCell } from './star.js';
import { slugify } from './vocab.js';
import { parseChoice, type Parsed } from './values.js';
import { COS, CO_LABELS, CO_LEVELS, ID_PATTERN, STATUSES, isReservedName, recordIdProblem, type Co, type CoLevel, type Status } from './vocab.js';

export type { Parsed };

export type CoEntry = { level: CoLevel; how?: string };

/** An initiative as the session (or `map add`) builds it, before it is a file. */
export interface Draft {
  id: string;
  title: string;
  serviceArea: string;
  status: Status;
  wards: string[];
  summary?: string;
  cos: Partial<Record<Co, CoEntry>>;
}

/** One change to a record's text (the shape `store/edit.ts` applies). */
export type RecordEdit = { op: 'set' | 'append'; path: PathSeg[]; value: unknown } | { op: 'delete'; path: PathSeg[] };

/** What each status means, in a few words (shown beside the choices). */
export const STATUS_NOTES: Record<Status, string> = {
  idea: 'an idea, not started',
  planned: 'agreed, not started',
  pilot: 'being tried out',
  running: 'up and running',
  scaled: 'grown beyond its first place',
  stopped: 'no longer running',
};

/** What each level of a Co means, in a few words. */
export const LEVEL_NOTES: Record<CoLevel, string> = {
  potential: 'an opportunity: not practised yet',
  emerging: 'practised in part, or only just begun',
  established: 'practised fully and routinely',
};

/** The level to offer first for a Co, by the initiative's status. */
export function defaultLevel(status: Status): CoLevel {
  return status === 'idea' || status === 'planned' ? 'potential' : status === 'pilot' ? 'emerging' : 'established';
}

/** A Co entry as written: `how` only when there is one. */
const coEntry = (e: CoEntry): CoEntry => (e.how ? { level: e.level, how: e.how } : { level: e.level });

/** The record a draft becomes, in the canonical key order, without empty optional fields. */
export function toRecord(d: Draft): Record<string, unknown> {
  const cos = Object.fromEntries(COS.filter((co) => d.cos[co]).map((co) => [co, coEntry(d.cos[co]!)]));
  return orderRecord('initiative', {
    id: d.id,
    title: d.title,
    serviceArea: d.serviceArea,
    status: d.status,
    wards: d.wards.length ? [...d.wards] : undefined,
    summary: d.summary || undefined,
    cos: Object.keys(cos).length ? cos : undefined,
  });
}

/** The draft of an existing initiative, to be changed field by field. */
export function draftOf(i: Initiative): Draft {
  return {
    id: i.id,
    title: i.title,
    serviceArea: i.serviceArea,
    status: i.status,
    wards: [...(i.wards ?? [])],
    summary: i.summary,
    cos: Object.fromEntries(COS.filter((co) => i.cos?.[co]).map((co) => [co, { ...i.cos![co]! }])),
  };
}

/** The initiatives with `d` in place of the one of its id (or added): to see what it changes. */
export function withDraft(initiatives: readonly Initiative[], d: Draft): Initiative[] {
  const rec = toRecord(d) as Initiative;
  const out = initiatives.map((i) => (i.id === d.id ? ({ ...i, ...rec, cos: rec.cos } as Initiative) : i));
  return out.some((i) => i.id === d.id) ? out : [...out, rec];
}

/** Makes an id unique among `taken` by adding -2, -3 … and keeping within 64 characters. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base) && !isReservedName(base)) return base;
  for (let k = 2; ; k++) {
    const suffix = `-${k}`;
    const id = `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/** The id a new initiative takes from its title: the title's slug, made unique. */
export function idFromTitle(title: string, taken: ReadonlySet<string>): string {
  return uniqueId(slugify(title), taken);
}

/** The edit operations that turn `from` into `to`, field by field. */
export function diffOps(from: Initiative, to: Draft): RecordEdit[] {
  const ops: RecordEdit[] = [];
  const set = (path: PathSeg[], value: unknown) => ops.push({ op: 'set', path, value });
  const del = (path: PathSeg[]) => ops.push({ op: 'delete', path });
  if (to.title !== from.title) set(['title'], to.title);
  if (to.serviceArea !== from.serviceArea) set(['serviceArea'], to.serviceArea);
  if (to.status !== from.status) set(['status'], to.status);
  if ((to.summary ?? '') !== (from.summary ?? '')) (to.summary ? set(['summary'], to.summary) : del(['summary']));
  if ((from.wards ?? []).join(',') !== to.wards.join(',')) (to.wards.length ? set(['wards'], to.wards) : del(['wards']));
  const fc = from.cos ?? {};
  if (!COS.some((co) => to.cos[co]) && Object.keys(fc).length) {
    del(['cos']);
    return ops;
  }
  for (const co of COS) {
    const a = fc[co];
    const b = to.cos[co];
    if (a && !b) del(['cos', co]);
    else if (!a && b) set(['cos', co], coEntry(b));
    else if (a && b) {
      if (a.level !== b.level) set(['cos', co, 'level'], b.level);
      if ((a.how ?? '') !== (b.how ?? '')) (b.how ? set(['cos', co, 'how'], b.how) : del(['cos', co, 'how']));
    }
  }
  return ops;
}

/** The changes from `from` to `to` in words, one per line. */
export function describeChanges(from: Initiative, to: Draft): string[] {
  const out: string[] = [];
  if (to.title !== from.title) out.push(`title: ${to.title}`);
  if (to.serviceArea !== from.serviceArea) out.push(`service area: ${from.serviceArea} → ${to.serviceArea}`);
  if (to.status !== from.status) out.push(`status: ${from.status} → ${to.status}`);
  if ((to.summary ?? '') !== (from.summary ?? '')) out.push(to.summary ? 'summary rewritten' : 'summary removed');
  if ((from.wards ?? []).join(',') !== to.wards.join(',')) out.push(`wards: ${to.wards.length ? to.wards.join(', ') : 'none'}`);
  for (const co of COS) {
    const a = from.cos?.[co];
    const b = to.cos[co];
    if (a && !b) out.push(`${co}: removed`);
    else if (!a && b) out.push(`${co}: added (${b.level})`);
    else if (a && b) {
      if (a.level !== b.level) out.push(`${co}: ${a.level} → ${b.level}`);
      if ((a.how ?? '') !== (b.how ?? '')) out.push(`${co}: how ${b.how ? 'rewritten' : 'removed'}`);
    }
  }
  return out;
}

/** A service area's label, or its id when the configuration has no such area. */
export function areaLabel(config: Pick<Config, 'serviceAreas'>, area: string): string {
  return config.serviceAreas.find((a) => a.id === area)?.label ?? area;
}

/** The Co's of a draft in a few words, e.g. "co-design (emerging), co-delivery (potential)". */
export function cosText(cos: Draft['cos']): string {
  const list = COS.filter((co) => cos[co]).map((co) => `${co} (${cos[co]!.level})`);
  return list.length ? list.join(', ') : "no Co's yet";
}

/** What a cell of the star holds: a gap, or its existing and potential initiatives (star.ts cellKind). */
export type CellState = { gap: true } | { gap: false; existing: number; potential: number; potentialOnly: boolean };

/** A cell is a gap when it has no existing and no potential initiative; potential alone makes it "potential only". */
export function cellState(cell: Pick<CoverageCell, 'existing' | 'potential'>): CellState {
  const kind = cellKind(cell);
  if (kind === 'gap') return { gap: true };
  return { gap: false, existing: cell.existing, potential: cell.potential, potentialOnly: kind === 'potential-only' };
}

/** What a change of a cell's kind means, in words (none when its kind is the same). */
const NEWS: Partial<Record<`${CellKind}>${CellKind}`, string>> = {
  'gap>practised': 'is no longer a gap: it is practised now',
  'gap>potential-only': `is no longer a gap: it is ${CELL_WORDS['potential-only']} now`,
  'potential-only>practised': `is practised now (it was ${CELL_WORDS['potential-only']})`,
  'practised>potential-only': `is ${CELL_WORDS['potential-only']} now: no initiative practises it`,
  'practised>gap': 'is a gap again',
  'potential-only>gap': 'is a gap again',
};

/** What changed in one service area's cells, in words: gaps closed, potential found, gaps reopened. */
export function coverageNews(config: Pick<Config, 'serviceAreas'>, before: readonly CoverageCell[], after: readonly CoverageCell[], area: string): string[] {
  const lines: string[] = [];
  const label = areaLabel(config, area).toLowerCase();
  for (const a of after.filter((c) => c.serviceArea === area)) {
    const b = before.find((c) => c.serviceArea === area && c.co === a.co);
    if (!b) continue;
    const news = NEWS[`${cellKind(b)}>${cellKind(a)}`];
    if (news) lines.push(`${CO_LABELS[a.co]} in ${label} ${news}.`);
  }
  return lines;
}

// ------------------------------------------------------------------------------- value parsers

export function parseStatus(raw: string): Parsed<Status> {
  return parseChoice(raw, STATUSES, 'a status');
}

/** One of the Four Co's; `shown` is what the person typed, when the Co is part of it. */
export function parseCo(raw: string, shown?: string): Parsed<Co> {
  return within(parseChoice(raw, COS, "one of the Four Co's"), shown);
}

export function parseCoLevel(raw: string, shown?: string): Parsed<CoLevel> {
  return within(parseChoice(raw, CO_LEVELS, 'a level'), shown);
}

/** A service area of this portfolio. */
export function parseArea(raw: string, config: Pick<Config, 'serviceAreas'>): Parsed<string> {
  return parseChoice(raw, config.serviceAreas.map((a) => a.id), 'a service area of this portfolio');
}

/** A ward of this portfolio. */
export function parseWard(raw: string, config: Pick<Config, 'wards'>): Parsed<string> {
  const valid = config.wards.map((w) => w.id);
  if (!valid.length) return { ok: false, message: `${JSON.stringify(raw)}: this portfolio lists no wards in costar.yaml` };
  return parseChoice(raw, valid, 'a ward of this portfolio');
}

/** A title: any text, but not empty. */
export function parseTitle(raw: string): Parsed<string> {
  const t = raw.trim();
  return t ? { ok: true, value: t } : { ok: false, message: 'is empty: give the initiative a title' };
}

/** An id for a new record: lower-case letters, digits and hyphens, no device name. */
export function parseNewId(raw: string): Parsed<string> {
  if (!ID_PATTERN.test(raw)) return { ok: false, message: `${JSON.stringify(raw)} is not a valid id` };
  const problem = recordIdProblem(raw);
  return problem ? { ok: false, message: `${JSON.stringify(raw)} ${problem}` } : { ok: true, value: raw };
}

/** A failure about part of what was typed, prefixed with the whole of it. */
function within<T>(r: Parsed<T>, shown: string | undefined): Parsed<T> {
  return r.ok || shown === undefined ? r : { ...r, message: `${JSON.stringify(shown)}: ${r.message}` };
}
