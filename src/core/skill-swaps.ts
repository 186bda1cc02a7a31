/** Skill swaps between people (SPEC 6): who could teach whom a skill, ward by ward. */
import { cmp, isAvailable, safeguardingOk, uniqueById, willingnessRank } from './eligibility.js';
import type { Person } from './schema.js';

export interface Pair {
  /** Who offers the skill (teaches). */
  offer: string;
  /** Who wants it (learns). */
  want: string;
  skill: string;
}

/**
 * Skill swaps (SPEC 6): for each person B (id order) and each skill B wants (in B's order), up to
 * three other people A who offer it in the same ward, both available, best willingness first and
 * then id, keeping the safeguarding rule for under-18s.
 */
export function skillSwaps(people: readonly Person[]): Pair[] {
  const ppl = uniqueById(people);
  const offerers = new Map<string, Person[]>(); // `${ward}\u0000${skill}` -> available offerers
  for (const p of ppl) {
    if (!isAvailable(p) || typeof p.ward !== 'string') continue;
    for (const s of new Set(p.offers ?? [])) {
      const key = `${p.ward}\u0000${s}`;
      const list = offerers.get(key);
      if (list) list.push(p);
      else offerers.set(key, [p]);
    }
  }
  for (const list of offerers.values()) list.sort((a, b) => willingnessRank(a) - willingnessRank(b) || cmp(a.id, b.id));
  const pairs: Pair[] = [];
  for (const b of ppl) {
    if (!isAvailable(b) || typeof b.ward !== 'string') continue;
    for (const skill of new Set(b.wants ?? [])) {
      let taken = 0;
      for (const a of offerers.get(`${b.ward}\u0000${skill}`) ?? []) {
        if (taken === 3) break;
        if (a.id === b.id || !safeguardingOk(a, b)) continue;
        pairs.push({ offer: a.id, want: b.id, skill });
        taken++;
      }
    }
  }
  return pairs;
}
