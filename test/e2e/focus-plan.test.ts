import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessCase, hasBusinessCase } from '../../src/core/business-case.js';
import { loadPortfolio } from '../../src/store/portfolio.js';
import { costar, copyFixture, FIXTURES, snapshotTree } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { financePortfolio } from '../helpers/finance-portfolio.js';

const DEMO = join(FIXTURES, 'demo');

/** The best NPV within the budget, over every subset of the candidates (an exact solver by enumeration). */
function bruteForce(dir: string, budget: number, payer: string | null): { npv: number; candidates: string[] } {
  const p = loadPortfolio(dir);
  const cands = p.initiatives
    .filter((i) => i.status !== 'stopped' && hasBusinessCase(i))
    .map((i) => {
      const bc = businessCase(p.config, i);
      return { id: i.id, cost: payer === null ? bc.pvCosts : bc.flows.payers[payer] ?? 0, npv: bc.npv };
    });
  let best = 0;
  for (let mask = 0; mask < 1 << cands.length; mask++) {
    let c = 0;
    let v = 0;
    cands.forEach((x, k) => {
      if (mask & (1 << k)) {
        c += x.cost;
        v += x.npv;
      }
    });
    if (c <= budget && v > best) best = v;
  }
  return { npv: best, candidates: cands.map((x) => x.id).sort() };
}

describe('costar focus plan', () => {
  it('--json is the exact optimum, in the SPEC shape, for all payers and for one payer', async () => {
    for (const [budget, payer] of [
      [150000, null],
      [100000, 'council'],
    ] as const) {
      const r = (await costarIn(['-C', DEMO, 'focus', 'plan', '--budget', String(budget), ...(payer ? ['--payer', payer] : []), '--json']));
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      const got = JSON.parse(r.stdout);
      expect(Object.keys(got)).toEqual(['budget', 'payer', 'funded', 'notFunded', 'totalCost', 'totalNpv', 'optimal']);
      expect(got.budget).toBe(budget);
      expect(got.payer).toBe(payer);
      expect(got.optimal).toBe(true);
      const want = bruteForce(DEMO, budget, payer);
      expect(Math.abs(got.totalNpv - want.npv)).toBeLessThanOrEqual(1e-6);
      expect(got.totalCost).toBeLessThanOrEqual(budget);
      expect([...got.funded, ...got.notFunded].sort()).toEqual(want.candidates);
      expect(got.funded).toEqual([...got.funded].sort());
      expect(got.notFunded).toEqual([...got.notFunded].sort());
      expect(got.funded).not.toContain('community-fridge'); // stopped
    }
  });

  it('on a portfolio with price bases and a long appraisal, matches brute force; the table names what is funded', async () => {
    const dir = financePortfolio({ initiatives: 12, years: 35, seed: 99 });
    const want = bruteForce(dir, 60000, 'council');
    const got = JSON.parse((await costarIn(['-C', dir, 'focus', 'plan', '--budget', '60000', '--payer', 'council', '--json'])).stdout);
    expect(Math.abs(got.totalNpv - want.npv)).toBeLessThanOrEqual(1e-6 * Math.max(1, want.npv));
    const t = (await costarIn(['-C', dir, 'focus', 'plan', '--budget', '£60,000', '--payer', 'council']));
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Budget plan: £60,000 of present-value costs paid by Test Council (council)');
    expect(t.stdout).toMatch(/the optimum: an exact 0\/1 knapsack/);
    expect(t.stdout).toMatch(/Reallocation:/);
    for (const id of got.funded) expect(t.stdout).toMatch(new RegExp(`${id}\\s.*yes`));
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['a negative budget', ['--budget', '-5'], /--budget: -5 is negative/],
    ['a budget that is not a number', ['--budget', 'lots'], /--budget: "lots" is not an amount/],
    ['an unknown payer', ['--budget', '5000', '--payer', 'councl'], /--payer: .*"councl"; did you mean "council"/],
    ['no budget without a terminal', [], /give --budget/],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with exit 2 and writes nothing`, async () => {
      const dir = copyFixture('demo');
      const before = snapshotTree(dir);
      const r = (await costarIn(['focus', 'plan', ...args], { cwd: dir }));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(snapshotTree(dir)).toEqual(before);
    });
  }
});
