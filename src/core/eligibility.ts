/**
 * Who may be matched or paired, by the rules of SPEC 6: consent and willingness, a need's skill,
 * ward and checks, and the safeguarding rule for under-18s. Used by matching (match.ts) and skill
 * swaps (skill-swaps.ts).
 */
import type { Need, Person } from './schema.js';

/** Ids compared as strings, the same on every machine (no locale). */
export const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Willingness as a rank: 0 already, 1 more, 2 maybe (or absent), 3 no. */
export function willingnessRank(p: Pick<Person, 'willingness'>): number {
  switch (p.willingness) {
    case 'already':
      return 0;
    case 'more':
      return 1;
    case 'no':
      return 3;
    default:
      return 2;
  }
}

/** Whether a person may be matched or paired at all: consent given and willing. */
export function isAvailable(p: Pick<Person, 'consent' | 'willingness'>): boolean {
  return p.consent === true && p.willingness !== 'no';
}

/** SPEC 6 eligibility of person p for need n. */
export function isEligible(p: Person, n: Need): boolean {
  if (!isAvailable(p)) return false;
  if (!(p.offers ?? []).includes(n.skill)) return false;
  if (n.ward !== undefined && n.ward !== null && p.ward !== n.ward) return false;
  const checks = p.checks ?? [];
  return (n.requires ?? []).every((c) => checks.includes(c));
}

/** Whether B may be paired with A under the safeguarding rule (SPEC 6). */
export function safeguardingOk(a: Person, b: Person): boolean {
  const ya = a.under18 === true;
  const yb = b.under18 === true;
  if (ya === yb) return true;
  const adult = ya ? b : a;
  return (adult.checks ?? []).includes('dbs');
}

/** Records with a string id, sorted by id, the first of any duplicate id kept. */
export function uniqueById<T extends { id: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of list) {
    if (typeof x?.id !== 'string' || seen.has(x.id)) continue;
    seen.add(x.id);
    out.push(x);
  }
  return out.sort((a, b) => cmp(a.id, b.id));
}
