import { describe, expect, it } from 'vitest';
import { isEligible, safeguardingOk, willingnessRank } from '../../src/core/eligibility.js';
import { matchDetail, matchPeople, type MatchResult } from '../../src/core/match.js';
import { skillSwaps } from '../../src/core/skill-swaps.js';
import type { Initiative, Need, Person } from '../../src/core/schema.js';

const P = (id: string, extra: Partial<Person> = {}): Person => ({ id, consent: true, willingness: 'more', ward: 'north', offers: ['s'], ...extra });
const I = (id: string, needs: Need[], contributors?: string[], status: Initiative['status'] = 'running'): Initiative => ({
  id,
  title: id,
  serviceArea: 'a',
  status,
  people: { needs, ...(contributors ? { contributors } : {}) },
});

/** Checks every rule of SPEC 6 that can be checked from the result alone. */
function checkRules(inits: Initiative[], people: Person[], r: MatchResult): void {
  const byId = new Map(people.map((p) => [p.id, p]));
  const contributors = new Set(inits.flatMap((i) => i.people?.contributors ?? []));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  for (const a of r.assignments) {
    const ini = inits.find((i) => i.id === a.initiative)!;
    expect(ini.status).not.toBe('stopped');
    const need = ini.people!.needs![a.need - 1]!;
    expect(need.skill).toBe(a.skill);
    expect(isEligible(byId.get(a.person)!, need)).toBe(true);
    expect(contributors.has(a.person)).toBe(false);
    expect(seen.has(a.person)).toBe(false);
    seen.add(a.person);
    const key = `${a.initiative}#${a.need}`;
    load.set(key, (load.get(key) ?? 0) + 1);
    expect(load.get(key)!).toBeLessThanOrEqual(need.count ?? 1);
  }
}

describe('eligibility (SPEC 6)', () => {
  const need: Need = { skill: 's', count: 1, ward: 'north', requires: ['dbs'] };
  it('needs consent, willingness, the skill, the ward and every check', () => {
    expect(isEligible(P('a', { checks: ['dbs'] }), need)).toBe(true);
    expect(isEligible(P('a', { checks: ['dbs'], consent: false }), need)).toBe(false);
    expect(isEligible(P('a', { checks: ['dbs'], consent: undefined }), need)).toBe(false);
    expect(isEligible(P('a', { checks: ['dbs'], willingness: 'no' }), need)).toBe(false);
    expect(isEligible(P('a', { checks: ['dbs'], willingness: undefined }), need)).toBe(true);
    expect(isEligible(P('a', { checks: ['dbs'], offers: ['t'] }), need)).toBe(false);
    expect(isEligible(P('a', { checks: ['dbs'], ward: 'south' }), need)).toBe(false);
    expect(isEligible(P('a', { checks: ['dbs'], ward: undefined }), need)).toBe(false);
    expect(isEligible(P('a'), need)).toBe(false);
    expect(isEligible(P('a', { ward: undefined }), { skill: 's' })).toBe(true);
  });
  it('ranks willingness already, more, maybe (or absent), no', () => {
    expect([P('a', { willingness: 'already' }), P('b'), P('c', { willingness: 'maybe' }), P('d', { willingness: undefined }), P('e', { willingness: 'no' })].map(willingnessRank)).toEqual([0, 1, 2, 2, 3]);
  });
});

describe('matching (SPEC 6)', () => {
  it('finds the maximum where greedy falls short', () => {
    // Greedy in need order gives need 1 to p-1 (lowest id) and leaves need 2 empty.
    const inits = [I('x', [{ skill: 's', count: 1 }, { skill: 't', count: 1 }])];
    const people = [P('p-1', { offers: ['s', 't'] }), P('p-2', { offers: ['s'] })];
    const r = matchPeople(null, inits, people);
    expect(r.assignments).toEqual([
      { person: 'p-2', initiative: 'x', need: 1, skill: 's' },
      { person: 'p-1', initiative: 'x', need: 2, skill: 't' },
    ]);
    expect(r.unfilled).toEqual([]);
  });

  it('finds the maximum on a longer chain, across initiatives and wards', () => {
    // Each person in id order would take their first need and block the next person.
    const n = 12;
    const people: Person[] = [];
    const needs: Need[] = [];
    for (let i = 0; i < n; i++) {
      needs.push({ skill: `s${i}`, count: 1 });
      people.push(P(`p-${String(i).padStart(2, '0')}`, { offers: i === n - 1 ? [`s${i}`] : [`s${i}`, `s${i + 1}`], willingness: 'maybe' }));
    }
    // Needs listed last skill first: greedy gives s11 to p-10, s10 to p-09 … and s0 to nobody,
    // leaving p-11 out; only an augmenting path through all twelve people fills every need.
    const r = matchPeople(null, [I('a', needs.slice().reverse())], people);
    expect(r.assignments).toHaveLength(n);
    expect(r.unfilled).toEqual([]);
    checkRules([I('a', needs.slice().reverse())], people, r);
  });

  it('among maximum matchings, prefers people who already do it or would do more', () => {
    const inits = [I('x', [{ skill: 's', count: 1 }, { skill: 't', count: 1 }])];
    const people = [
      P('p-1', { offers: ['s', 't'], willingness: 'maybe' }),
      P('p-2', { offers: ['t'], willingness: 'maybe' }),
      P('p-3', { offers: ['s'], willingness: 'already' }),
    ];
    const r = matchPeople(null, inits, people);
    expect(r.assignments.map((a) => a.person).sort()).toContain('p-3');
    expect(r.assignments).toHaveLength(2);
    // Preference never costs a slot: p-4 (more) can only take s, p-5 (maybe) only t.
    const r2 = matchPeople(null, inits, [P('p-4', { offers: ['s'] }), P('p-5', { offers: ['t'], willingness: 'maybe' }), P('p-6', { offers: ['s', 't'] })]);
    expect(r2.assignments).toHaveLength(2);
    expect(r2.assignments.map((a) => a.person).sort()).toEqual(['p-4', 'p-6']);
  });

  it('lets contributors fill their own needs first and never proposes them elsewhere', () => {
    const inits = [I('x', [{ skill: 's', count: 1 }], ['p-9']), I('y', [{ skill: 's', count: 2 }])];
    const people = [P('p-1'), P('p-9', { willingness: 'already' })];
    const r = matchPeople(null, inits, people);
    expect(r.assignments).toEqual([{ person: 'p-1', initiative: 'y', need: 1, skill: 's' }]);
    expect(r.unfilled).toEqual([{ initiative: 'y', need: 1, skill: 's', missing: 1 }]);
    const d = matchDetail(null, inits, people);
    expect(d.needs[0]).toMatchObject({ initiative: 'x', contributors: 1, proposed: 0, missing: 0 });
  });

  it('moves a contributor within their initiative to make room for another person', () => {
    const inits = [I('x', [{ skill: 's', count: 1 }, { skill: 't', count: 1 }], ['p-9'])];
    const people = [P('p-1', { offers: ['s'] }), P('p-9', { offers: ['s', 't'] })];
    const r = matchPeople(null, inits, people);
    expect(r.assignments).toEqual([{ person: 'p-1', initiative: 'x', need: 1, skill: 's' }]);
    expect(r.unfilled).toEqual([]);
  });

  it('fills one slot per contributor in each of their initiatives', () => {
    const inits = [I('x', [{ skill: 's', count: 2 }], ['p-1']), I('y', [{ skill: 's', count: 1 }], ['p-1'])];
    const d = matchDetail(null, inits, [P('p-1')]);
    expect(d.assignments).toEqual([]);
    expect(d.needs.map((n) => [n.initiative, n.contributors, n.missing])).toEqual([
      ['x', 1, 1],
      ['y', 1, 0],
    ]);
  });

  it('leaves stopped initiatives out, and keeps their contributors out of proposals', () => {
    const inits = [I('old', [{ skill: 's', count: 3 }], ['p-2'], 'stopped'), I('new', [{ skill: 's', count: 2 }])];
    const r = matchPeople(null, inits, [P('p-1'), P('p-2')]);
    expect(r.assignments).toEqual([{ person: 'p-1', initiative: 'new', need: 1, skill: 's' }]);
    expect(r.unfilled).toEqual([{ initiative: 'new', need: 1, skill: 's', missing: 1 }]);
  });

  it('applies ward, checks, consent and willingness', () => {
    const inits = [I('x', [{ skill: 's', count: 10, ward: 'north', requires: ['dbs'] }])];
    const people = [
      P('ok', { checks: ['dbs'] }),
      P('no-dbs'),
      P('south', { ward: 'south', checks: ['dbs'] }),
      P('no-consent', { consent: false, checks: ['dbs'] }),
      P('absent-consent', { consent: undefined, checks: ['dbs'] }),
      P('unwilling', { willingness: 'no', checks: ['dbs'] }),
    ];
    const r = matchPeople(null, inits, people);
    expect(r.assignments.map((a) => a.person)).toEqual(['ok']);
    expect(r.unfilled).toEqual([{ initiative: 'x', need: 1, skill: 's', missing: 9 }]);
  });

  it('is deterministic whatever the order of the input', () => {
    const inits = [I('b', [{ skill: 's', count: 2 }, { skill: 't', count: 1, ward: 'north' }]), I('a', [{ skill: 's', count: 1 }])];
    const people = ['p-5', 'p-3', 'p-1', 'p-4', 'p-2'].map((id, i) => P(id, { offers: i % 2 ? ['s', 't'] : ['s'], willingness: i % 3 ? 'maybe' : 'already' }));
    const r1 = matchPeople(null, inits, people);
    const r2 = matchPeople(null, [...inits].reverse(), [...people].reverse());
    expect(r2).toEqual(r1);
    // Needs in order, people in id order when nothing else decides.
    expect(matchPeople(null, [I('a', [{ skill: 's', count: 2 }])], [P('p-3'), P('p-2'), P('p-1')]).assignments.map((a) => a.person)).toEqual(['p-1', 'p-2']);
  });

  it('keeps the rules on 10,000 people and 2,000 initiatives', () => {
    const rnd = rng(7);
    const skills = Array.from({ length: 40 }, (_, i) => `skill-${i}`);
    const wards = Array.from({ length: 20 }, (_, i) => `ward-${i}`);
    const people = Array.from({ length: 10_000 }, (_, i) =>
      P(`p-${String(i).padStart(5, '0')}`, {
        ward: pick(rnd, wards),
        offers: [pick(rnd, skills), pick(rnd, skills), pick(rnd, skills)],
        willingness: pick(rnd, ['already', 'more', 'maybe', 'no', undefined] as const),
        consent: rnd() < 0.9,
        checks: rnd() < 0.4 ? ['dbs'] : [],
      }),
    );
    const inits = Array.from({ length: 2_000 }, (_, i) =>
      I(
        `i-${String(i).padStart(4, '0')}`,
        Array.from({ length: 3 }, () => ({ skill: pick(rnd, skills), count: 1 + Math.floor(rnd() * 4), ...(rnd() < 0.7 ? { ward: pick(rnd, wards) } : {}), ...(rnd() < 0.3 ? { requires: ['dbs'] } : {}) })),
        [`p-${String(Math.floor(rnd() * 10_000)).padStart(5, '0')}`],
      ),
    );
    const r = matchPeople(null, inits, people);
    checkRules(inits, people, r);
    expect(r.assignments.length).toBeGreaterThan(0);
  });
});

describe('matching against brute force on small random portfolios', () => {
  it('is maximum, keeps the most contributors and then the most already/more people', () => {
    const rnd = rng(42);
    for (let round = 0; round < 300; round++) {
      const skills = ['a', 'b', 'c'];
      const wards = ['n', 's'];
      const nPeople = 2 + Math.floor(rnd() * 5);
      const people = Array.from({ length: nPeople }, (_, i) =>
        P(`p-${i}`, {
          ward: pick(rnd, [...wards, undefined]),
          offers: skills.filter(() => rnd() < 0.5),
          willingness: pick(rnd, ['already', 'more', 'maybe', undefined, 'no'] as const),
          consent: rnd() < 0.85,
          checks: rnd() < 0.5 ? ['dbs'] : [],
        }),
      );
      const inits = Array.from({ length: 1 + Math.floor(rnd() * 2) }, (_, i) =>
        I(
          `i-${i}`,
          Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => ({
            skill: pick(rnd, skills),
            count: 1 + Math.floor(rnd() * 2),
            ...(rnd() < 0.4 ? { ward: pick(rnd, wards) } : {}),
            ...(rnd() < 0.3 ? { requires: ['dbs'] } : {}),
          })),
          people.filter(() => rnd() < 0.2).map((p) => p.id),
          rnd() < 0.1 ? 'stopped' : 'running',
        ),
      );
      const d = matchDetail(null, inits, people);
      checkRules(inits, people, d);
      const best = bruteForce(inits, people);
      const contributorSlots = d.needs.reduce((s, n) => s + n.contributors, 0);
      const preferred = d.assignments.filter((a) => willingnessRank(people.find((p) => p.id === a.person)!) <= 1).length;
      const ctx = JSON.stringify({ inits, people, d });
      expect(contributorSlots + d.assignments.length, ctx).toBe(best.total);
      expect(contributorSlots, ctx).toBe(best.contributors);
      expect(preferred, ctx).toBe(best.preferred);
      // unfilled agrees with the fills
      for (const u of d.unfilled) expect(u.missing).toBeGreaterThan(0);
    }
  });
});

describe('skill swaps (SPEC 6)', () => {
  it('pairs up to three offerers in the same ward, best willingness then id', () => {
    const people = [
      P('b', { wants: ['x'], offers: [] }),
      P('a1', { offers: ['x'], willingness: 'maybe' }),
      P('a2', { offers: ['x'], willingness: 'already' }),
      P('a3', { offers: ['x'], willingness: undefined }),
      P('a4', { offers: ['x'], willingness: 'more' }),
      P('a5', { offers: ['x'], ward: 'south', willingness: 'already' }),
      P('a6', { offers: ['x'], consent: false, willingness: 'already' }),
      P('a7', { offers: ['x'], willingness: 'no' }),
    ];
    expect(skillSwaps(people)).toEqual([
      { offer: 'a2', want: 'b', skill: 'x' },
      { offer: 'a4', want: 'b', skill: 'x' },
      { offer: 'a1', want: 'b', skill: 'x' },
    ]);
  });

  it('needs both wards set, both available, and never pairs a person with themselves', () => {
    expect(skillSwaps([P('b', { wants: ['x'], ward: undefined }), P('a', { offers: ['x'], ward: undefined })])).toEqual([]);
    expect(skillSwaps([P('b', { wants: ['x'], consent: false }), P('a', { offers: ['x'] })])).toEqual([]);
    expect(skillSwaps([P('b', { wants: ['x'], willingness: 'no' }), P('a', { offers: ['x'] })])).toEqual([]);
    expect(skillSwaps([P('b', { wants: ['x'], offers: ['x'] })])).toEqual([]);
  });

  it('requires the adult to hold dbs when exactly one of the two is under 18', () => {
    const young = P('y', { under18: true, offers: ['video-calls'], wants: ['cooking'] });
    const adult = P('a', { offers: ['cooking'], wants: ['video-calls'] });
    const checked = P('c', { offers: ['cooking'], wants: ['video-calls'], checks: ['dbs'] });
    const young2 = P('z', { under18: true, offers: ['cooking'] });
    expect(safeguardingOk(young, adult)).toBe(false);
    expect(safeguardingOk(young, checked)).toBe(true);
    expect(safeguardingOk(young, young2)).toBe(true);
    expect(skillSwaps([young, adult, checked, young2])).toEqual([
      { offer: 'y', want: 'c', skill: 'video-calls' },
      { offer: 'c', want: 'y', skill: 'cooking' },
      { offer: 'z', want: 'y', skill: 'cooking' },
    ]);
  });
});

// ---------------------------------------------------------------- helpers

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/**
 * Tries every assignment: each contributor of a live initiative takes at most one slot of its
 * needs, everyone else at most one slot anywhere. Returns the best by SPEC 6 priorities.
 */
function bruteForce(inits: Initiative[], people: Person[]): { total: number; contributors: number; preferred: number } {
  const live = inits.filter((i) => i.status !== 'stopped');
  const needs = live.flatMap((i) => (i.people?.needs ?? []).map((n) => ({ ini: i.id, n, cap: n.count ?? 1 })));
  const contributorOf = new Set(inits.flatMap((i) => i.people?.contributors ?? []));
  const left: Array<{ p: Person; options: number[]; contributor: boolean }> = [];
  for (const i of live) {
    for (const c of new Set(i.people?.contributors ?? [])) {
      const p = people.find((x) => x.id === c)!;
      left.push({ p, contributor: true, options: needs.map((_, k) => k).filter((k) => needs[k]!.ini === i.id && isEligible(p, needs[k]!.n)) });
    }
  }
  for (const p of people) {
    if (contributorOf.has(p.id)) continue;
    left.push({ p, contributor: false, options: needs.map((_, k) => k).filter((k) => isEligible(p, needs[k]!.n)) });
  }
  const load = needs.map(() => 0);
  let best = { contributors: -1, total: -1, preferred: -1 };
  let maxTotal = 0;
  const results: Array<{ contributors: number; total: number; preferred: number }> = [];
  const go = (i: number, c: number, t: number, pr: number) => {
    if (i === left.length) {
      results.push({ contributors: c, total: t, preferred: pr });
      return;
    }
    go(i + 1, c, t, pr);
    const l = left[i]!;
    for (const k of l.options) {
      if (load[k]! >= needs[k]!.cap) continue;
      load[k]++;
      go(i + 1, c + (l.contributor ? 1 : 0), t + 1, pr + (!l.contributor && willingnessRank(l.p) <= 1 ? 1 : 0));
      load[k]--;
    }
  };
  go(0, 0, 0, 0);
  for (const r of results) maxTotal = Math.max(maxTotal, r.total);
  const maxC = Math.max(...results.map((r) => r.contributors));
  for (const r of results) {
    if (r.total !== maxTotal || r.contributors !== maxC) continue;
    if (r.preferred > best.preferred) best = r;
  }
  // The best by priority is also a maximum matching (the transversal matroid's greedy basis).
  expect(best.total).toBe(maxTotal);
  return best;
}
