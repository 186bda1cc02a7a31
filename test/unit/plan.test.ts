import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { budgetPlan as plan, knapsack, planCandidates, planJson, planPayers, type KnapsackItem } from '../../src/core/plan.js';
import type { Initiative } from '../../src/core/schema.js';

/** Every subset: the largest total value whose cost fits (and that value's sets). */
function bruteForce(items: KnapsackItem[], budget: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << items.length; mask++) {
    let c = 0;
    let v = 0;
    for (let i = 0; i < items.length; i++) {
      if (mask & (1 << i)) {
        c += items[i]!.cost;
        v += items[i]!.value;
      }
    }
    if (c <= budget + 1e-9 && v > best) best = v;
  }
  return best;
}

function total(items: KnapsackItem[], chosen: boolean[], k: 'value' | 'cost'): number {
  return items.reduce((s, it, i) => s + (chosen[i] ? it[k] : 0), 0);
}

let seed = 12345;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

describe('knapsack against brute force on small random cases', () => {
  it('finds the best total value within the budget, every time', () => {
    for (let round = 0; round < 400; round++) {
      const n = 1 + Math.floor(rnd() * 13);
      const items: KnapsackItem[] = Array.from({ length: n }, () => {
        const kind = rnd();
        // Some cost nothing, some have a negative NPV, some are strongly correlated (v ≈ c).
        const cost = kind < 0.15 ? 0 : Math.round(rnd() * 100000) / 100;
        const value = kind < 0.3 ? Math.round((rnd() - 0.5) * 50000) / 100 : kind < 0.5 ? cost + 10 : Math.round(rnd() * 80000) / 100;
        return { cost, value };
      });
      const budget = Math.round(rnd() * 3000 * 100) / 100;
      const r = knapsack(items, budget);
      expect(r.optimal).toBe(true);
      expect(total(items, r.chosen, 'cost')).toBeLessThanOrEqual(budget + 1e-9);
      expect(Math.abs(total(items, r.chosen, 'value') - bruteForce(items, budget))).toBeLessThanOrEqual(1e-6);
      // Free items with a positive value are always in; items with a value <= 0 never.
      items.forEach((it, i) => {
        if (it.cost === 0 && it.value > 0) expect(r.chosen[i]).toBe(true);
        if (it.value <= 0) expect(r.chosen[i]).toBe(false);
      });
    }
  });

  it('is not greedy: a high-ratio item that blocks two better ones is left out', () => {
    // Budget 10. Ratios: a 6/5.1 = 1.18, b 5/5 = 1, c 5/5 = 1. Greedy takes a (6) and nothing
    // else fits; b + c = 10 is the optimum.
    const r = knapsack([{ value: 6, cost: 5.1 }, { value: 5, cost: 5 }, { value: 5, cost: 5 }], 10);
    expect(r.chosen).toEqual([false, true, true]);
  });

  it('stops at the node limit and says the result may not be optimal', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ value: 100 + i, cost: 100 + i }));
    const r = knapsack(items, 1000.5, 50);
    expect(r.optimal).toBe(false);
    expect(total(items, r.chosen, 'cost')).toBeLessThanOrEqual(1000.5);
  });

  it('searches thousands of candidates without running out of call stack', () => {
    const items = Array.from({ length: 12000 }, () => {
      const cost = 1000 + rnd() * 50000;
      return { cost, value: cost * (rnd() * 1.5 - 0.5) };
    });
    const r = knapsack(items, 60_000_000);
    expect(r.optimal).toBe(true);
    expect(total(items, r.chosen, 'cost')).toBeLessThanOrEqual(60_000_000);
  });

  it('solves 300 candidates exactly', () => {
    const items = Array.from({ length: 300 }, () => ({ cost: 1000 + rnd() * 50000, value: (rnd() - 0.2) * 40000 }));
    const r = knapsack(items, 1_500_000);
    expect(r.optimal).toBe(true);
    expect(total(items, r.chosen, 'cost')).toBeLessThanOrEqual(1_500_000);
  });
});

const cfg = resolveConfig({ schema: 'costar/v1', name: 'T', organisation: 'T', serviceAreas: [{ id: 'a' }], appraisal: { discountRate: 0, years: 1 } } as any);
const ini = (id: string, status: Initiative['status'], costs: Array<[number, string]>, benefit: number): Initiative => ({
  id,
  title: id,
  serviceArea: 'a',
  status,
  focus: {
    businessCase: {
      confidence: 1,
      costs: costs.map(([amount, payer]) => ({ item: 'c', kind: 'revenue' as const, amount, payer })),
      benefits: [{ item: 'b', kind: 'fiscal' as const, amount: benefit }],
    },
  },
});

const budgetPlan = (c: typeof cfg, inits: Initiative[], budget: number, payer: string | null) => plan(planCandidates(c, inits), budget, payer);

describe('budget plan', () => {
  // One year, r = 0, grade 1: PV = amounts. NPVs: a 50, b 30, c 40 (no council cost), d −5, e 100 (stopped).
  const inits = [
    ini('b', 'running', [[70, 'council']], 100),
    ini('a', 'idea', [[50, 'council'], [20, 'nhs']], 120),
    ini('c', 'scaled', [[60, 'nhs']], 100),
    ini('d', 'running', [[5, 'council']], 0),
    ini('e', 'stopped', [[1, 'council']], 101),
    { id: 'f', title: 'f', serviceArea: 'a', status: 'idea' } as Initiative,
  ];

  it('maximises NPV within the payer\'s budget; free initiatives with a positive NPV are funded', () => {
    const p = budgetPlan(cfg, inits, 100, 'council');
    // Council costs: a 50, b 70, c 0, d 5. Budget 100: a + c (NPV 90) beats b + c (70).
    expect(planJson(p)).toEqual({ budget: 100, payer: 'council', funded: ['a', 'c'], notFunded: ['b', 'd'], totalCost: 50, totalNpv: 90, optimal: true });
    expect(Object.keys(planJson(p))).toEqual(['budget', 'payer', 'funded', 'notFunded', 'totalCost', 'totalNpv', 'optimal']);
    expect(p.lastIn?.id).toBe('a');
    // Running b and d are left out (lowest BCR first: d 0, b 1.43); a is new: 50 − (30 − 5) = 25.
    expect(p.reallocation.from.map((c) => c.id)).toEqual(['d', 'b']);
    expect(p.reallocation.to.map((c) => c.id)).toEqual(['a']);
    expect(p.reallocation.gain).toBe(25);
  });

  it('all payers when none is given', () => {
    const p = budgetPlan(cfg, inits, 130, null);
    // Full costs: a 70, b 70, c 60, d 5. Budget 130: a + c = 130 (NPV 90).
    expect(p.funded).toEqual(['a', 'c']);
    expect(p.totalCost).toBe(130);
    expect(planPayers(planCandidates(cfg, inits))).toEqual(['council', 'nhs']);
  });

  it('a budget of 0 funds only what costs the payer nothing', () => {
    expect(budgetPlan(cfg, inits, 0, 'council').funded).toEqual(['c']);
  });
});
