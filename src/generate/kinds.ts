/**
 * The document kinds. Each kind's module builds the data its template receives; this registry
 * imports them lazily so `generate charter` never loads the business-case code.
 */
import { formatDate } from '../core/format.js';
import type { HistoryPoint, Period } from '../core/history.js';
import type { Config } from '../core/config.js';
import type { Initiative } from '../core/schema.js';
import type { Portfolio } from '../store/portfolio.js';

export const DOC_KIND_NAMES = ['business-case', 'charter', 'briefing', 'grow-plan', 'report', 'privacy-notice'] as const;
export type DocKindName = (typeof DOC_KIND_NAMES)[number];

export interface DocKind {
  kind: DocKindName;
  /** One document per initiative, per ward, or one for the whole portfolio. */
  per: 'initiative' | 'ward' | 'portfolio';
  /** For per-initiative documents: whether an initiative holds the section the document needs. */
  has?: (i: Initiative) => boolean;
  /** Why an initiative was skipped, e.g. "has no business case (focus.businessCase)". */
  missing?: string;
  /** The template's data. Every field is present (null when absent), so templates can be strict. */
  context: (p: Portfolio, target: string, opts: DocOptions) => Record<string, unknown>;
}

export interface DocOptions {
  /** docx documents get the Markdown template's data plus their pictures (see generate/docx.ts). */
  format: 'md' | 'html' | 'docx';
  includePersonal: boolean;
  /** The star over time, from git (the report shows it when there is any). */
  history?: { points: HistoryPoint[]; every: Period };
  /** The "as at" date, YYYY-MM-DD: --as-of, else SOURCE_DATE_EPOCH, else today (cli/commands/generate.ts). */
  asOf: string;
}

const LOADERS: Record<DocKindName, () => Promise<{ kind: DocKind }>> = {
  'business-case': () => import('./business-case.js'),
  charter: () => import('./charter.js'),
  briefing: () => import('./briefing.js'),
  'grow-plan': () => import('./grow-plan.js'),
  report: () => import('./report.js'),
  'privacy-notice': () => import('./privacy-notice.js'),
};

export async function loadKind(name: DocKindName): Promise<DocKind> {
  return (await LOADERS[name]()).kind;
}

/** Data every template receives, whatever its kind. No timestamps: same portfolio, same bytes. */
export interface BaseContext {
  generator: string;
  /** asOf: the "as at" date as YYYY-MM-DD; asAt: the same date as GOV.UK writes it ("31 January 2027"). */
  doc: { kind: DocKindName; title: string; subtitle: string | null; format: 'md' | 'html' | 'docx'; asOf: string; asAt: string };
  portfolio: { name: string; organisation: string; currency: string; startYear: number | null };
}

export function baseContext(config: Config, title: string, subtitle: string | null, kind: DocKindName, opts: Pick<DocOptions, 'format' | 'asOf'>): BaseContext {
  return {
    generator: `costar ${typeof __COSTAR_VERSION__ === 'string' ? __COSTAR_VERSION__ : 'dev'}`,
    doc: { kind, title, subtitle, format: opts.format, asOf: opts.asOf, asAt: formatDate(opts.asOf) },
    portfolio: { name: config.name, organisation: config.organisation, currency: config.currency, startYear: config.startYear },
  };
}

declare const __COSTAR_VERSION__: string;

/** A skill in words: skills are kept as ids (walk-leading), documents say "walk leading". */
export function skillName(id: string): string {
  return id.replace(/-/g, ' ');
}

export { defaultAsOf } from '../core/format.js';

/** A check a need requires, in words: dbs → "DBS check"; others as their id made readable. */
export function checkName(id: string): string {
  return id.toLowerCase() === 'dbs' ? 'DBS check' : id.replace(/-/g, ' ');
}

/** Replaces undefined with null, deeply, so strict templates see every field. */
export function nullify<T>(v: T): T {
  if (v === undefined) return null as T;
  if (Array.isArray(v)) return v.map(nullify) as T;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = nullify(x);
    return out as T;
  }
  return v;
}

const byIdCache = new WeakMap<object, Map<string, Initiative>>();

/** An initiative by id, through an index built once per portfolio (documents come in thousands). */
export function initiativeById(p: Portfolio, id: string): Initiative | undefined {
  let m = byIdCache.get(p);
  if (!m) byIdCache.set(p, (m = new Map(p.initiatives.map((i) => [i.id, i]))));
  return m.get(id);
}
