/**
 * Data protection by design (UK GDPR): small-number suppression for documents, and consent
 * retention. Pure functions, no I/O.
 *
 * Small numbers. A count of people from 1 to k−1 (k = privacy.minCount, default 5) is never
 * shown: it reads "fewer than k" (a primary suppression). Zero is shown: it names nobody.
 * Counts are published in groups: cells that add up to a total the reader also sees (people by
 * kind add up to the survey's returns; "offered" and "does not offer" add up to the returns).
 * A cell the document does not print but that a reader could work out (the complement of a count,
 * "does not offer") is an implicit cell of its group; when it is small it is suppressed all the
 * same. The rule for a group whose total is shown:
 *
 *   1. Every cell from 1 to k−1 is suppressed ("fewer than k").
 *   2. A reader knows each suppressed cell lies from 1 to k−1, each withheld cell is k or more,
 *      and the hidden cells add up to the total minus the shown ones. Each suppressed cell can
 *      then take at least two values exactly when the hidden cells have slack: for one or more
 *      withheld cells, Σ(p − 1) + Σ(q − k) ≥ 1; with only suppressed cells (two or more),
 *      Σ(p − 1) ≥ 1 and Σ(k − 1 − p) ≥ 1. (For k ≥ 3; with k = 2 "fewer than 2" is 1 by itself.)
 *   3. While that does not hold, another count of k or more is withheld too (secondary
 *      suppression, "not shown"): an implicit one first (nothing printed is lost), else the
 *      smallest printed one, so the least is lost.
 *   4. If every count is hidden and it still does not hold, the group's breakdown is not shown
 *      at all (its total still is).
 *
 * A group whose total is not shown needs only step 1. The guarantee is the one statistical
 * offices use (interval protection): from what the document prints, no suppressed count can be
 * worked out by subtraction. test/unit/privacy.test.ts checks it against brute force.
 * Limits: the reader is assumed to know what each printed word means, not to re-run the rule
 * (which cells it would pick); and groups are protected one at a time, not as a joint table
 * (a skill's count per ward in the briefings against its portfolio count in the report).
 */

/** The default of privacy.minCount (SPEC 9). */
export const DEFAULT_MIN_COUNT = 5;

/** What a document prints for one count: the number, "fewer than k", or "not shown". */
export type ShownCount = { n: number; few: false; withheld: false } | { n: null; few: true; withheld: false } | { n: null; few: false; withheld: true };

const exact = (n: number): ShownCount => ({ n, few: false, withheld: false });
const FEW: ShownCount = { n: null, few: true, withheld: false };
const WITHHELD: ShownCount = { n: null, few: false, withheld: true };

/** A count from 1 to k−1: too small to print. */
export function isSmall(n: number, minCount: number): boolean {
  return n >= 1 && n < minCount;
}

/** A count that belongs to no group with a shown total: only the small-number rule applies. */
export function showCount(n: number, minCount: number): ShownCount {
  return isSmall(n, minCount) ? FEW : exact(n);
}

/** A shown count in words: "12", "fewer than 5", "not shown". */
export function countText(c: ShownCount, minCount: number): string {
  if (c.few) return `fewer than ${minCount}`;
  if (c.withheld) return 'not shown';
  return String(c.n);
}

export interface GroupCell {
  n: number;
  /** Not printed, but a reader could work it out (e.g. "does not offer" from "offers" and the total). */
  implicit?: boolean;
}

export interface SuppressedGroup {
  cells: ShownCount[];
  /** True when even withholding every count leaves a suppressed one derivable: print no breakdown. */
  hidden: boolean;
}

/** Whether every suppressed cell can take two values, given the hidden cells (rule step 2). */
export function hasSlack(small: readonly number[], withheld: readonly number[], minCount: number): boolean {
  if (!small.length) return true;
  const k = minCount;
  if (withheld.length) return small.reduce((s, p) => s + (p - 1), 0) + withheld.reduce((s, q) => s + (q - k), 0) >= 1;
  if (small.length < 2) return false;
  return small.reduce((s, p) => s + (p - 1), 0) >= 1 && small.reduce((s, p) => s + (k - 1 - p), 0) >= 1;
}

/**
 * Suppresses one group of counts (see the header): `totalShown` says whether the reader sees
 * the cells' sum. Implicit cells come back as the reader would have them (their entry is
 * informational; documents do not print them).
 */
export function suppressGroup(cells: readonly GroupCell[], minCount: number, totalShown: boolean): SuppressedGroup {
  const out: ShownCount[] = cells.map((c) => showCount(c.n, minCount));
  if (!totalShown) return { cells: out, hidden: false };
  const small = cells.filter((c) => isSmall(c.n, minCount)).map((c) => c.n);
  if (!small.length) return { cells: out, hidden: false };
  const withheld: number[] = [];
  // Candidates for secondary suppression: counts of k or more; implicit ones first (withholding
  // them costs nothing), then the smallest (ties: first listed).
  const candidates = cells
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.n >= minCount)
    .sort((a, b) => Number(!a.c.implicit) - Number(!b.c.implicit) || a.c.n - b.c.n || a.i - b.i);
  for (const { c, i } of candidates) {
    if (hasSlack(small, withheld, minCount)) break;
    withheld.push(c.n);
    out[i] = WITHHELD;
  }
  if (!hasSlack(small, withheld, minCount)) return { cells: cells.map((c) => (c.n === 0 ? exact(0) : WITHHELD)), hidden: true };
  return { cells: out, hidden: false };
}

/** A binary split of a shown total: the count and its complement (implicit). */
export function suppressPart(n: number, total: number, minCount: number, totalShown: boolean): ShownCount {
  const g = suppressGroup([{ n }, { n: total - n, implicit: true }], minCount, totalShown);
  return g.cells[0]!;
}

/** YYYY-MM-DD plus whole months; the day is kept, or the month's last day when it has fewer. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12 + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

/**
 * The day from which a record may no longer be kept: consentDate plus retainMonths. A record is
 * expired when the as-of date is after that day ("consent more than retainMonths old").
 */
export function consentExpires(consentDate: string, retainMonths: number): string {
  return addMonths(consentDate, retainMonths);
}

export function consentExpired(consentDate: string, retainMonths: number, asOf: string): boolean {
  return asOf > consentExpires(consentDate, retainMonths);
}

/** A count as documents print it: the words, and whether it is an exact number. */
export interface CountCell {
  /** "12", "fewer than 5" or "not shown". */
  text: string;
  /** The exact number when printed, else null. */
  n: number | null;
  /** Held back so that a smaller count cannot be worked out (secondary suppression). */
  withheld: boolean;
}

export function cell(c: ShownCount, minCount: number): CountCell {
  return { text: countText(c, minCount), n: c.n, withheld: c.withheld };
}

/** Order for rows of counts: printed numbers, largest first; suppressed ones after them. */
export function byShownCount(a: CountCell, b: CountCell): number {
  return (b.n ?? -1) - (a.n ?? -1);
}

/**
 * People by ward as every document shows them: one group whose total is the number of people
 * surveyed (shown unless itself small). The report prints the whole group; each ward's briefing
 * prints its own cell, so secondary suppression holds across the documents too. (A briefing of a
 * withheld ward must not undo it: every count of its people it prints says the ward has at least
 * that many, so it prints each of them only as 0 or "not shown"; see generate/briefing.ts.)
 * Keys are ward ids in `order`, then '' for people with no ward.
 */
export function wardCounts(wards: readonly (string | undefined)[], order: readonly string[], minCount: number): { total: CountCell; byWard: Map<string, CountCell>; hidden: boolean } {
  const counts = new Map<string, number>();
  for (const w of wards) counts.set(w ?? '', (counts.get(w ?? '') ?? 0) + 1);
  const keys = [...order, ''].filter((x, i, all) => all.indexOf(x) === i);
  const total = showCount(wards.length, minCount);
  const g = suppressGroup(keys.map((x) => ({ n: counts.get(x) ?? 0 })), minCount, total.n !== null);
  return { total: cell(total, minCount), byWard: new Map(keys.map((x, i) => [x, cell(g.cells[i]!, minCount)])), hidden: g.hidden };
}
