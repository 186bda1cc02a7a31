/**
 * The budget plan (`costar focus plan`, SPEC 9): among non-stopped initiatives with a business
 * case, the set that maximises total NPV while the present-value costs paid by one payer (or by
 * everyone) stay within a budget. It is a 0/1 knapsack, solved exactly:
 *
 * 1. Reduction. An initiative that costs the payer nothing uses no budget: it is funded exactly
 *    when its NPV is positive (adding it never hurts, and a non-positive NPV never helps). One
 *    with NPV <= 0 is never needed; one costing more than the whole budget never fits. What is
 *    left are items with value v > 0 and cost 0 < c <= B.
 * 2. Branch and bound (Horowitz–Sahni). Items are sorted by v/c, best first (ties by id). A
 *    depth-first search (iterative, so depth is no limit) decides each item in turn, "take it"
 *    before "leave it". At every node the bound is the optimum of the LP relaxation of what is
 *    left (Dantzig: take the remaining items in ratio order while they fit, then the fitting
 *    fraction of the next one), found in O(log n) by a binary search on prefix sums. The LP optimum is at least the value of any
 *    integer completion, so a node whose bound does not beat the best set found so far cannot
 *    lead to a better one and is pruned; every other node is explored. Hence, when the search
 *    ends, the best set found is optimal (ties keep the first found, which is deterministic).
 *    It starts from the greedy set, a good first incumbent.
 * 3. Honesty. Costs and NPVs are real numbers (present values), so the problem is solved on them
 *    directly, not on rounded pence. The search is exact but can take exponential time on
 *    contrived inputs: after `nodeLimit` nodes it stops with the best set found and reports
 *    `optimal: false`, and the command says the plan is an approximation (100 million nodes: a few
 *    seconds). Real portfolios of hundreds of initiatives finish in a few thousand nodes.
 *
 * Pure: plain data in and out.
 */
import { caseTotals, hasBusinessCase, type AppraisalConfig, type CaseTotals } from './business-case.js';
import { currencySymbol, type Parsed } from './values.js';
import type { Initiative } from './schema.js';

export interface KnapsackItem {
  value: number;
  cost: number;
}

export interface KnapsackResult {
  /** chosen[i]: whether item i is in the optimal set. */
  chosen: boolean[];
  optimal: boolean;
  /** Search nodes visited (for tests and the curious). */
  nodes: number;
}

/** The default limit on search nodes: a few seconds at worst. */
export const NODE_LIMIT = 100_000_000;

/**
 * A 0/1 knapsack: maximise Σ value over chosen items with Σ cost <= budget. Exact unless the node
 * limit is reached (then `optimal` is false). Items may have zero or negative values and zero costs.
 */
export function knapsack(items: readonly KnapsackItem[], budget: number, nodeLimit = NODE_LIMIT): KnapsackResult {
  const chosen = items.map((it) => it.cost <= 0 && it.value > 0);
  const order = items
    .map((it, i) => i)
    .filter((i) => items[i]!.cost > 0 && items[i]!.value > 0 && items[i]!.cost <= budget)
    .sort((a, b) => items[b]!.value / items[b]!.cost - items[a]!.value / items[a]!.cost || a - b);
  const n = order.length;
  const v = order.map((i) => items[i]!.value);
  const c = order.map((i) => items[i]!.cost);
  const prefV = new Float64Array(n + 1);
  const prefC = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    prefV[k + 1] = prefV[k]! + v[k]!;
    prefC[k + 1] = prefC[k]! + c[k]!;
  }

  /** The LP bound of items k..n-1 with capacity cap. */
  const bound = (k: number, cap: number): number => {
    // The last j (k <= j <= n) with prefC[j] − prefC[k] <= cap: items k..j-1 fit whole.
    const limit = prefC[k]! + cap;
    let lo = k;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (prefC[mid]! <= limit) lo = mid;
      else hi = mid - 1;
    }
    let b = prefV[lo]! - prefV[k]!;
    if (lo < n) b += (v[lo]! * (limit - prefC[lo]!)) / c[lo]!;
    return b;
  };

  // The greedy set: a first incumbent.
  let best = 0;
  let bestTake = new Uint8Array(n);
  {
    let cap = budget;
    for (let k = 0; k < n; k++) {
      if (c[k]! <= cap) {
        cap -= c[k]!;
        best += v[k]!;
        bestTake[k] = 1;
      }
    }
  }

  // Depth-first search without recursion (thousands of candidates would overflow the call stack).
  // At depth k: capAt[k] and valAt[k] are the capacity left and the value taken so far (kept per
  // depth, never undone by subtraction, so no rounding drifts in); phase[k] says what is next:
  // 0 = enter the node, 1 = its "take" branch is done, 2 = both branches are done.
  const take = new Uint8Array(n);
  const capAt = new Float64Array(n + 1);
  const valAt = new Float64Array(n + 1);
  const phase = new Uint8Array(n + 1);
  capAt[0] = budget;
  let nodes = 0;
  let stopped = false;
  let k = 0;
  for (;;) {
    if (phase[k] === 0) {
      if (++nodes > nodeLimit) {
        stopped = true;
        break;
      }
      const cap = capAt[k]!;
      const val = valAt[k]!;
      let open = true;
      if (k === n) {
        if (val > best) {
          best = val;
          bestTake = take.slice();
        }
        open = false;
      } else if (val + bound(k, cap) <= best) open = false;
      if (open) {
        phase[k] = 1;
        if (c[k]! <= cap) {
          take[k] = 1;
          capAt[k + 1] = cap - c[k]!;
          valAt[k + 1] = val + v[k]!;
          phase[++k] = 0;
          continue;
        }
      } else {
        if (k === 0) break;
        k--;
        continue;
      }
    }
    if (phase[k] === 1) {
      // Now the branch that leaves item k out.
      take[k] = 0;
      phase[k] = 2;
      capAt[k + 1] = capAt[k]!;
      valAt[k + 1] = valAt[k]!;
      phase[++k] = 0;
      continue;
    }
    // Both branches done: back to the parent.
    if (k === 0) break;
    k--;
  }
  for (let k = 0; k < n; k++) if (bestTake[k]) chosen[order[k]!] = true;
  return { chosen, optimal: !stopped, nodes };
}

/** One initiative competing for the budget. */
export interface PlanCandidate {
  id: string;
  title: string;
  status: Initiative['status'];
  /** PV of the costs the payer pays (all costs when no payer is given). */
  cost: number;
  npv: number;
  bcr: number | null;
  funded: boolean;
}

/** What the plan moves: money from running or scaled initiatives left out, to the plan's new ones. */
export interface Reallocation {
  /** Running or scaled initiatives the plan leaves out, lowest BCR first. */
  from: PlanCandidate[];
  releasedCost: number;
  releasedNpv: number;
  /** Initiatives the plan funds that are not running or scaled yet, in id order. */
  to: PlanCandidate[];
  addedCost: number;
  addedNpv: number;
  /** addedNpv − releasedNpv: the NPV gained by moving the money. */
  gain: number;
}

/** `focus plan --json` is the first seven keys, in this order (SPEC 9). */
export interface BudgetPlan {
  budget: number;
  payer: string | null;
  funded: string[];
  notFunded: string[];
  totalCost: number;
  totalNpv: number;
  optimal: boolean;
}

export interface BudgetPlanDetail extends BudgetPlan {
  candidates: PlanCandidate[];
  /** The funded initiative with a cost and the lowest BCR: the last one in. */
  lastIn: PlanCandidate | null;
  reallocation: Reallocation;
  nodes: number;
}

const RUNNING = new Set(['running', 'scaled']);

/** An initiative that can be planned, appraised once. */
export interface Appraised {
  initiative: Initiative;
  totals: CaseTotals;
}

/** The initiatives that compete for a budget (not stopped, with a business case), in id order, appraised. */
export function planCandidates(config: AppraisalConfig, initiatives: readonly Initiative[]): Appraised[] {
  return initiatives
    .filter((i) => i.status !== 'stopped' && hasBusinessCase(i))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((initiative) => ({ initiative, totals: caseTotals(config, initiative) }));
}

/** Every payer id named by a cost line of a candidate, sorted. */
export function planPayers(candidates: readonly Appraised[]): string[] {
  const ids = new Set<string>();
  for (const c of candidates) for (const id of Object.keys(c.totals.payers)) ids.add(id);
  return [...ids].sort();
}

/**
 * The budget plan: the NPV-maximising set of candidates whose PV costs to `payer` (to everyone
 * when null) fit in `budget`.
 */
export function budgetPlan(appraised: readonly Appraised[], budget: number, payer: string | null, nodeLimit = NODE_LIMIT): BudgetPlanDetail {
  const candidates: PlanCandidate[] = appraised.map(({ initiative: i, totals: t }) => ({
    id: i.id,
    title: i.title,
    status: i.status,
    cost: payer === null ? t.pvCosts : t.payers[payer] ?? 0,
    npv: t.npv,
    bcr: t.bcr,
    funded: false,
  }));
  const result = knapsack(candidates.map((c) => ({ value: c.npv, cost: c.cost })), budget, nodeLimit);
  let totalCost = 0;
  let totalNpv = 0;
  candidates.forEach((c, k) => {
    c.funded = result.chosen[k]!;
    if (c.funded) {
      totalCost += c.cost;
      totalNpv += c.npv;
    }
  });
  const funded = candidates.filter((c) => c.funded);
  let lastIn: PlanCandidate | null = null;
  for (const c of funded) {
    if (c.cost <= 0 || c.bcr === null) continue;
    if (!lastIn || c.bcr < lastIn.bcr! || (c.bcr === lastIn.bcr && c.id < lastIn.id)) lastIn = c;
  }
  const from = candidates.filter((c) => !c.funded && RUNNING.has(c.status)).sort((a, b) => (a.bcr ?? Infinity) - (b.bcr ?? Infinity) || (a.id < b.id ? -1 : 1));
  const to = funded.filter((c) => !RUNNING.has(c.status));
  const sum = (xs: PlanCandidate[], k: 'cost' | 'npv') => xs.reduce((s, x) => s + x[k], 0);
  const releasedNpv = sum(from, 'npv');
  const addedNpv = sum(to, 'npv');
  return {
    budget,
    payer,
    funded: funded.map((c) => c.id),
    notFunded: candidates.filter((c) => !c.funded).map((c) => c.id),
    totalCost,
    totalNpv,
    optimal: result.optimal,
    candidates,
    lastIn,
    reallocation: { from, releasedCost: sum(from, 'cost'), releasedNpv, to, addedCost: sum(to, 'cost'), addedNpv, gain: addedNpv - releasedNpv },
    nodes: result.nodes,
  };
}

/** The JSON of `focus plan --json`: exactly the SPEC's keys, in order. */
export function planJson(plan: BudgetPlan): BudgetPlan {
  return {
    budget: plan.budget,
    payer: plan.payer,
    funded: plan.funded,
    notFunded: plan.notFunded,
    totalCost: plan.totalCost,
    totalNpv: plan.totalNpv,
    optimal: plan.optimal,
  };
}


/** A budget: a number of currency units >= 0; thousands may be grouped with commas (50,000). */
export function parseBudget(raw: string, currency?: string): Parsed<number> {
  const sym = currency ? currencySymbol(currency) : undefined;
  const t = String(raw).trim();
  const s = sym && t.startsWith(sym) ? t.slice(sym.length).trim() : t;
  const plain = s.replace(/^(\d{1,3})((,\d{3})+)(\.\d+)?$/, (_, a: string, b: string, _c, d: string | undefined) => a + b.replace(/,/g, '') + (d ?? ''));
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(plain) || !Number.isFinite(Number(plain))) {
    return { ok: false, message: `"${raw}" is not an amount; give the budget as a number of currency units, e.g. 250000` };
  }
  const n = Number(plain);
  if (n < 0) return { ok: false, message: `${s} is negative; a budget is 0 or more` };
  return { ok: true, value: n };
}
