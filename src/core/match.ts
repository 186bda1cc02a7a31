/**
 * People it (SPEC 6): matching people to the needs of initiatives, and skill swaps between people.
 *
 * Matching is a maximum bipartite b-matching between people and needs (a need has `count`
 * slots). Needs that ask for the same skill, ward and checks are interchangeable for everyone but
 * an initiative's own contributors, so the matching runs as a maximum flow on a small network:
 *
 *   source -> contributor of initiative X (1) -> each need of X they are eligible for (1)
 *   source -> other person (1) -> each need type they are eligible for (1) -> its needs (count)
 *   need -> sink (count)
 *
 * solved with Dinic's algorithm (Hopcroft–Karp generalised to capacities) in three rounds:
 *
 *   A. recorded contributors (source edges opened for them only);
 *   B. everyone else whose willingness is `already` or `more`;
 *   C. everyone else (willingness `maybe` or absent).
 *
 * Each round starts from the previous round's flow and only augments it. An augmenting path starts
 * at the source and never comes back to it, so a person who is matched stays matched (they may be
 * moved to another need, a contributor only within their own initiative). Hence:
 *   - after A, contributors fill the largest number of slots possible;
 *   - after B, the matching is maximum over contributors and preferred people, with every
 *     contributor slot of A kept: the most `already`/`more` people possible beside them;
 *   - after C, the matching is maximum over everyone (the number of filled slots is the maximum
 *     possible), still holding everyone matched in A and B.
 * The sets of people that can be matched together form a matroid (the transversal matroid): all
 * maximal ones have the same size, so matching by priority never costs a slot.
 *
 * Ties are deterministic: people are visited in id order within a round, needs in need order
 * (initiative id, then position); the people flowing into one need type fill its needs in need
 * order, in id order.
 *
 * Stopped initiatives get no proposals and their needs are not reported as unfilled (nobody is
 * recruiting for them). Their recorded contributors still count as contributors, so they are not
 * proposed elsewhere until someone removes them from the stopped initiative's contributors.
 * A person recorded on several initiatives fills at most one slot in each of them.
 */
import type { Config } from './config.js';
import type { Initiative, Need, Person } from './schema.js';
import { cmp, isAvailable, isEligible, uniqueById, willingnessRank } from './eligibility.js';
import { skillSwaps, type Pair } from './skill-swaps.js';

export type { Pair };

export interface Assignment {
  person: string;
  initiative: string;
  /** 1-based position in the initiative's people.needs. */
  need: number;
  skill: string;
}

export interface Unfilled {
  initiative: string;
  need: number;
  skill: string;
  missing: number;
}

/** The `people match --json` shape (SPEC 7). */
export interface MatchResult {
  assignments: Assignment[];
  pairs: Pair[];
  unfilled: Unfilled[];
}

/** One need of a non-stopped initiative and how its slots are filled. */
export interface NeedFill {
  initiative: string;
  need: number;
  skill: string;
  ward: string | null;
  requires: string[];
  count: number;
  /** Slots filled by the initiative's recorded contributors. */
  contributors: number;
  /** Slots filled by new proposals. */
  proposed: number;
  missing: number;
}

export interface MatchDetail extends MatchResult {
  needs: NeedFill[];
}

/**
 * Matches people to needs and proposes skill swaps, exactly as SPEC 6 says. Pure: takes the
 * records, returns ids only (never a name or contact).
 */
export function matchPeople(config: Pick<Config, 'wards'> | null, initiatives: readonly Initiative[], people: readonly Person[]): MatchResult {
  const d = matchDetail(config, initiatives, people);
  return { assignments: d.assignments, pairs: d.pairs, unfilled: d.unfilled };
}

/** matchPeople plus, for every need of a non-stopped initiative, how its slots were filled. */
export function matchDetail(_config: Pick<Config, 'wards'> | null, initiatives: readonly Initiative[], people: readonly Person[]): MatchDetail {
  const ppl = uniqueById(people);
  const inits = uniqueById(initiatives);
  const personIndex = new Map<string, number>();
  ppl.forEach((p, i) => personIndex.set(p.id, i));

  // ---- needs, in need order (initiative id, then position), grouped into types
  interface NeedNode {
    init: number;
    pos: number;
    need: Need;
    cap: number;
    type: number;
    node: number;
  }
  interface TypeNode {
    skill: string;
    ward: string | null;
    requires: string[];
    needs: number[];
    node: number;
  }
  const net = new FlowNetwork();
  const S = net.node();
  const T = net.node();
  const needs: NeedNode[] = [];
  const needsOfInit: number[][] = inits.map(() => []);
  const types: TypeNode[] = [];
  const typeByKey = new Map<string, number>();
  const typesBySkillWard = new Map<string, number[]>(); // `${skill}\u0000${ward or ''}` -> types
  inits.forEach((ini, ii) => {
    if (ini.status === 'stopped') return;
    (ini.people?.needs ?? []).forEach((n, pos) => {
      if (!n || typeof n.skill !== 'string') return;
      const cap = Number.isInteger(n.count) && (n.count as number) >= 1 ? (n.count as number) : 1;
      const ward = typeof n.ward === 'string' ? n.ward : null;
      const requires = [...new Set(n.requires ?? [])].sort(cmp);
      const key = `${n.skill}\u0000${ward ?? ''}\u0000${requires.join('\u0000')}`;
      let t = typeByKey.get(key);
      if (t === undefined) {
        t = types.length;
        typeByKey.set(key, t);
        types.push({ skill: n.skill, ward, requires, needs: [], node: net.node() });
        const sw = `${n.skill}\u0000${ward ?? ''}`;
        const list = typesBySkillWard.get(sw);
        if (list) list.push(t);
        else typesBySkillWard.set(sw, [t]);
      }
      const k = needs.length;
      needs.push({ init: ii, pos, need: n, cap, type: t, node: net.node() });
      types[t]!.needs.push(k);
      needsOfInit[ii]!.push(k);
    });
  });
  for (const t of types) for (const k of t.needs) net.edge(t.node, needs[k]!.node, needs[k]!.cap);
  for (const n of needs) net.edge(n.node, T, n.cap);

  // ---- contributor instances: one per (live initiative, contributor), edges to its own needs
  const contributorOf = new Set<string>();
  for (const ini of inits) for (const c of ini.people?.contributors ?? []) contributorOf.add(c);
  interface Source {
    cls: number;
    sourceEdge: number;
    /** Contributor instance: edges to needs; free person: edges to types. */
    contributor: boolean;
    person: number;
    out: Array<{ edge: number; target: number }>;
  }
  const sources: Source[] = [];
  inits.forEach((ini, ii) => {
    if (ini.status === 'stopped') return;
    for (const c of [...new Set(ini.people?.contributors ?? [])].sort(cmp)) {
      const pi = personIndex.get(c);
      if (pi === undefined) continue;
      const ks = needsOfInit[ii]!.filter((k) => isEligible(ppl[pi]!, needs[k]!.need));
      if (!ks.length) continue;
      const node = net.node();
      const src: Source = { cls: 0, sourceEdge: net.edge(S, node, 0), contributor: true, person: pi, out: [] };
      for (const k of ks) src.out.push({ edge: net.edge(node, needs[k]!.node, 1), target: k });
      sources.push(src);
    }
  });

  // ---- everyone else: already/more first, then the rest, each in id order
  const free: Array<{ pi: number; cls: number }> = [];
  ppl.forEach((p, pi) => {
    if (contributorOf.has(p.id) || !isAvailable(p)) return;
    free.push({ pi, cls: willingnessRank(p) <= 1 ? 1 : 2 });
  });
  free.sort((a, b) => a.cls - b.cls || a.pi - b.pi);
  for (const { pi, cls } of free) {
    const p = ppl[pi]!;
    const ts = new Set<number>();
    for (const skill of new Set(p.offers ?? [])) {
      for (const t of typesBySkillWard.get(`${skill}\u0000`) ?? []) ts.add(t);
      if (typeof p.ward === 'string' && p.ward !== '') for (const t of typesBySkillWard.get(`${skill}\u0000${p.ward}`) ?? []) ts.add(t);
    }
    const checks = p.checks ?? [];
    const ok = [...ts].filter((t) => types[t]!.requires.every((c) => checks.includes(c))).sort((a, b) => a - b);
    if (!ok.length) continue;
    const node = net.node();
    const src: Source = { cls, sourceEdge: net.edge(S, node, 0), contributor: false, person: pi, out: [] };
    for (const t of ok) src.out.push({ edge: net.edge(node, types[t]!.node, 1), target: t });
    sources.push(src);
  }

  // ---- three rounds, each only augmenting the last (see the comment at the top of the file)
  for (const cls of [0, 1, 2]) {
    for (const src of sources) if (src.cls === cls) net.setCapacity(src.sourceEdge, 1);
    net.maxFlow(S, T);
  }

  // ---- read the flow back: contributors per need, then each type's people spread over its
  // needs in need order, people in id order (needs of one type are interchangeable)
  const contributorsIn = new Int32Array(needs.length);
  const peopleOfType: number[][] = types.map(() => []);
  for (const src of sources) {
    for (const o of src.out) {
      if (net.flow(o.edge) <= 0) continue;
      if (src.contributor) contributorsIn[o.target]++;
      else peopleOfType[o.target]!.push(src.person);
    }
  }
  const proposedIn = new Int32Array(needs.length);
  const assignments: Assignment[] = [];
  types.forEach((t, ti) => {
    const who = peopleOfType[ti]!.sort((a, b) => a - b);
    let next = 0;
    for (const k of t.needs) {
      const n = needs[k]!;
      const room = n.cap - contributorsIn[k]!;
      while (next < who.length && proposedIn[k]! < room) {
        assignments.push({ person: ppl[who[next]!]!.id, initiative: inits[n.init]!.id, need: n.pos + 1, skill: n.need.skill });
        proposedIn[k]++;
        next++;
      }
    }
  });
  assignments.sort((a, b) => cmp(a.initiative, b.initiative) || a.need - b.need || cmp(a.person, b.person));
  const fills: NeedFill[] = needs.map((n, k) => ({
    initiative: inits[n.init]!.id,
    need: n.pos + 1,
    skill: n.need.skill,
    ward: typeof n.need.ward === 'string' ? n.need.ward : null,
    requires: [...(n.need.requires ?? [])],
    count: n.cap,
    contributors: contributorsIn[k]!,
    proposed: proposedIn[k]!,
    missing: n.cap - contributorsIn[k]! - proposedIn[k]!,
  }));
  const unfilled: Unfilled[] = fills.filter((f) => f.missing > 0).map((f) => ({ initiative: f.initiative, need: f.need, skill: f.skill, missing: f.missing }));
  return { assignments, pairs: skillSwaps(ppl), unfilled, needs: fills };
}


/**
 * A flow network solved with Dinic's algorithm (Hopcroft–Karp generalised to capacities): BFS
 * levels from the source, then augmenting paths along the levels with current-arc pointers.
 * Every path starts with a source edge of capacity 1, so each carries one unit. A path never
 * returns to the source, so flow on a source edge never falls: a matched person stays matched.
 */
class FlowNetwork {
  private readonly adj: number[][] = [];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly initial: number[] = [];

  node(): number {
    this.adj.push([]);
    return this.adj.length - 1;
  }

  /** Adds an edge and its residual twin; returns the edge's id. */
  edge(u: number, v: number, capacity: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(capacity, 0);
    this.initial.push(capacity, 0);
    this.adj[u]!.push(e);
    this.adj[v]!.push(e + 1);
    return e;
  }

  setCapacity(e: number, capacity: number): void {
    this.cap[e] = capacity - this.flow(e);
    this.initial[e] = capacity;
  }

  flow(e: number): number {
    return this.initial[e]! - this.cap[e]!;
  }

  maxFlow(s: number, t: number): number {
    const n = this.adj.length;
    const level = new Int32Array(n);
    const it = new Int32Array(n);
    const { adj, to, cap } = this;
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      const queue = [s];
      for (let qi = 0; qi < queue.length; qi++) {
        const u = queue[qi]!;
        for (const e of adj[u]!) {
          const v = to[e]!;
          if (cap[e]! > 0 && level[v] === -1) {
            level[v] = level[u]! + 1;
            queue.push(v);
          }
        }
      }
      if (level[t] === -1) return total;
      it.fill(0);
      const nodes: number[] = [s];
      const edges: number[] = [];
      while (nodes.length) {
        const u = nodes[nodes.length - 1]!;
        if (u === t) {
          for (const e of edges) {
            cap[e]--;
            cap[e ^ 1]++;
          }
          total++;
          nodes.length = 1;
          edges.length = 0;
          continue;
        }
        const list = adj[u]!;
        let advanced = false;
        while (it[u]! < list.length) {
          const e = list[it[u]!]!;
          const v = to[e]!;
          if (cap[e]! > 0 && level[v] === level[u]! + 1) {
            nodes.push(v);
            edges.push(e);
            advanced = true;
            break;
          }
          it[u]++;
        }
        if (!advanced) {
          level[u] = -1;
          nodes.pop();
          if (edges.length) {
            edges.pop();
            it[nodes[nodes.length - 1]!]++;
          }
        }
      }
    }
  }
}
