/**
 * The case-study explorer: the built-in library merged with a portfolio's own cases, filtered by
 * Co, area tag and words, and the suggestions `costar map` offers for a gap in the star.
 */
import type { CaseStudy } from './schema.js';
import type { Co } from './vocab.js';

/** One case as `explore --json` prints it (SPEC 7). */
export interface ExploreCase {
  id: string;
  title: string;
  place: string | null;
  country: string | null;
  year: number | null;
  areas: string[];
  cos: string[];
  roles: string[];
  mode: 'individual' | 'collective' | null;
  summary: string;
  results: string | null;
  source: string | null;
}

/** A case with where it comes from: the portfolio's own `cases/` or the built-in library. */
export interface SourcedCase {
  case: ExploreCase;
  local: boolean;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A portfolio case in the explorer's shape: absent optional fields become null or empty. */
export function fromCaseStudy(c: CaseStudy): ExploreCase {
  return {
    id: c.id,
    title: clean(c.title),
    place: c.place ?? null,
    country: c.country ?? null,
    year: c.year ?? null,
    areas: [...c.areas],
    cos: [...c.cos],
    roles: [...(c.roles ?? [])],
    mode: c.mode ?? null,
    summary: clean(c.summary),
    results: c.results == null ? null : clean(c.results),
    source: c.source ?? null,
  };
}

/**
 * The library with a portfolio's cases merged in: local cases first (a local case replaces a
 * built-in one of the same id), each group in id order.
 */
export function mergeCases(library: readonly ExploreCase[], local: readonly CaseStudy[]): SourcedCase[] {
  const localIds = new Set(local.map((c) => c.id));
  const byId = (a: SourcedCase, b: SourcedCase) => (a.case.id < b.case.id ? -1 : a.case.id > b.case.id ? 1 : 0);
  const mine = local.map((c) => ({ case: fromCaseStudy(c), local: true })).sort(byId);
  const lib = library.filter((c) => !localIds.has(c.id)).map((c) => ({ case: { ...c, areas: [...c.areas], cos: [...c.cos], roles: [...c.roles] }, local: false })).sort(byId);
  return [...mine, ...lib];
}

/** Lower-case, accents removed: so "cafe" finds "café". */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function haystack(c: ExploreCase): string {
  return fold([c.id, c.title, c.place, c.country, c.year, c.summary, c.results, ...c.areas, ...c.cos, ...c.roles, c.mode].filter((x) => x != null).join(' \n '));
}

export interface CaseFilter {
  co?: Co;
  /** Any of these area tags. */
  tags?: readonly string[];
  /** Every word must appear (case and accents ignored). */
  search?: string;
}

/** Words of a search, folded; quotes and punctuation around words are ignored. */
export function searchWords(search: string | undefined): string[] {
  return fold(search ?? '')
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** The cases that pass every filter given, in their incoming order. */
export function filterCases<T extends SourcedCase>(cases: readonly T[], f: CaseFilter): T[] {
  const words = searchWords(f.search);
  return cases.filter(({ case: c }) => {
    if (f.co && !c.cos.includes(f.co)) return false;
    if (f.tags && !c.areas.some((a) => f.tags!.includes(a))) return false;
    if (words.length) {
      const h = haystack(c);
      if (!words.every((w) => h.includes(w))) return false;
    }
    return true;
  });
}

export interface Suggestions {
  cases: SourcedCase[];
  /** True when nothing matched the area's tags, so the cases show the Co in other services. */
  elsewhere: boolean;
}

/**
 * Case studies to inspire a gap: cases showing the Co in a fitting area (the service area's
 * tags), local ones first, then those matching more of the tags, then the most recent. When no
 * case fits the area, cases of the Co from anywhere.
 */
export function suggestCases(cases: readonly SourcedCase[], co: Co, tags: readonly string[]): Suggestions {
  const withCo = cases.filter((c) => c.case.cos.includes(co));
  const overlap = (c: SourcedCase) => c.case.areas.filter((a) => tags.includes(a)).length;
  const rank = (list: SourcedCase[]) =>
    [...list].sort(
      (a, b) =>
        Number(b.local) - Number(a.local) ||
        overlap(b) - overlap(a) ||
        (b.case.year ?? 0) - (a.case.year ?? 0) ||
        (a.case.id < b.case.id ? -1 : a.case.id > b.case.id ? 1 : 0),
    );
  const fitting = withCo.filter((c) => overlap(c) > 0);
  if (fitting.length) return { cases: rank(fitting), elsewhere: false };
  return { cases: rank(withCo), elsewhere: true };
}

/** The first sentence of a summary, for a short card. */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?=\s+[A-Z0-9"'‘“(]|$)/s.exec(text.trim());
  return (m ? m[1]! : text).trim();
}
