import { describe, expect, it } from 'vitest';
import { resolveConfig, type Config } from '../../src/core/config.js';
import { codePointCompare, describeSensitivity, impactMatrix, missingCriteria, quadrantOf, sensitivity } from '../../src/core/matrix.js';
import type { Initiative } from '../../src/core/schema.js';

const base = { schema: 'costar/v1', name: 'T', organisation: 'T', serviceAreas: [{ id: 'a' }] };
const cfg = (focus?: Record<string, unknown>) => resolveConfig({ ...base, ...(focus ? { focus } : {}) } as any);

/** Two impact criteria (p weight 2, q weight 1) and one ease criterion, on a 1-5 scale. */
const small = cfg({
  criteria: [
    { id: 'p', axis: 'impact', weight: 2 },
    { id: 'q', axis: 'impact', weight: 1 },
    { id: 'e', axis: 'ease', weight: 1 },
  ],
});

function ini(id: string, scores?: Record<string, number>, status: Initiative['status'] = 'pilot'): Initiative {
  return { id, title: id, serviceArea: 'a', status, ...(scores ? { focus: { scores } } : {}) };
}

describe('impact matrix (SPEC 6)', () => {
  it('weighted means, quadrants at the exact midpoint, rank and order', () => {
    // impact = (2p + q) / 3; ease = e; midpoint (1 + 5) / 2 = 3.
    const rows = impactMatrix(small, [
      ini('mid', { p: 3, q: 3, e: 3 }), // impact 3, ease 3: on both lines → quick-win
      ini('major', { p: 3, q: 3, e: 2 }), // impact 3, ease 2 → major-project
      ini('fill', { p: 2, q: 5, e: 3 }), // impact (4 + 5)/3 = 3, ease 3: level with mid, first by id
      ini('low', { p: 2, q: 4, e: 3 }), // impact 8/3 < 3, ease 3 → fill-in
      ini('none', { p: 1, q: 1, e: 1 }), // reconsider
    ]);
    expect(rows).toEqual([
      { id: 'fill', impact: 3, ease: 3, quadrant: 'quick-win', rank: 1 },
      { id: 'mid', impact: 3, ease: 3, quadrant: 'quick-win', rank: 2 },
      { id: 'major', impact: 3, ease: 2, quadrant: 'major-project', rank: 3 },
      { id: 'low', impact: 8 / 3, ease: 3, quadrant: 'fill-in', rank: 4 },
      { id: 'none', impact: 1, ease: 1, quadrant: 'reconsider', rank: 5 },
    ]);
    expect(quadrantOf(small, 2.999, 3)).toBe('fill-in');
    expect(quadrantOf(small, 3, 2.999)).toBe('major-project');
  });

  it('ties: higher ease first, then id in code-point order', () => {
    const rows = impactMatrix(small, [
      ini('b', { p: 4, q: 4, e: 2 }),
      ini('a1', { p: 4, q: 4, e: 2 }),
      ini('a-1', { p: 4, q: 4, e: 2 }), // "-" (U+002D) sorts before "1" (U+0031)
      ini('9z', { p: 4, q: 4, e: 2 }), // digits before letters
      ini('z', { p: 4, q: 4, e: 5 }), // same impact, higher ease: first
    ]);
    expect(rows.map((r) => r.id)).toEqual(['z', '9z', 'a-1', 'a1', 'b']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(codePointCompare('a-1', 'a1')).toBeLessThan(0);
  });

  it('stopped initiatives are left out; unscored ones come last with nulls, by id', () => {
    const rows = impactMatrix(small, [
      ini('zz', { p: 1, q: 1, e: 1 }),
      ini('gone', { p: 5, q: 5, e: 5 }, 'stopped'),
      ini('partly', { p: 5, e: 5 }),
      ini('bare'),
      ini('gone-unscored', undefined, 'stopped'),
    ]);
    expect(rows).toEqual([
      { id: 'zz', impact: 1, ease: 1, quadrant: 'reconsider', rank: 1 },
      { id: 'bare', impact: null, ease: null, quadrant: null, rank: null },
      { id: 'partly', impact: null, ease: null, quadrant: null, rank: null },
    ]);
    expect(missingCriteria(small, ini('partly', { p: 5, e: 5 }))).toEqual(['q']);
  });

  it('custom criteria and scale', () => {
    // Scale 0-10, midpoint 5. impact = (3 × 10 + 1 × 2) / 4 = 8; ease = (1 × 4 + 3 × 6) / 4 = 5.5.
    const c = cfg({
      scale: [0, 10],
      criteria: [
        { id: 'big', axis: 'impact', weight: 3 },
        { id: 'small', axis: 'impact', weight: 1 },
        { id: 'cheap', axis: 'ease', weight: 1 },
        { id: 'quick', axis: 'ease', weight: 3 },
      ],
    });
    expect(impactMatrix(c, [ini('x', { big: 10, small: 2, cheap: 4, quick: 6 }), ini('y', { big: 4, small: 4, cheap: 5, quick: 5 })])).toEqual([
      { id: 'x', impact: 8, ease: 5.5, quadrant: 'quick-win', rank: 1 },
      { id: 'y', impact: 4, ease: 5, quadrant: 'fill-in', rank: 2 },
    ]);
  });

  it('uses the default seven criteria when the manifest gives none', () => {
    // impact = (3×5 + 2×3 + 2×3 + 1×4 + 1×3) / 9 = 34/9; ease = (2×4 + 1×4) / 3 = 4.
    const rows = impactMatrix(cfg(), [ini('dw', { 'user-outcomes': 5, 'community-outcomes': 3, efficiency: 3, resilience: 4, governance: 3, ease: 4, readiness: 4 })]);
    expect(rows[0]).toEqual({ id: 'dw', impact: 34 / 9, ease: 4, quadrant: 'quick-win', rank: 1 });
  });
});

describe('sensitivity of the top place', () => {
  // impact = (2p + q) / 3. A: p 5, q 1 → sum 11; B: p 3, q 4 → sum 10; C: p 1, q 1 → sum 3. Ease equal.
  // Weight of p changed by δ: sums 11 + 10δ (A) and 10 + 6δ (B): they cross where 1 + 4δ = 0, δ = −25 %
  // (p's weight 2 → 1.5: A (7.5 + 1)/2.5 = 3.4, B (4.5 + 4)/2.5 = 3.4).
  // Weight of q changed by δ: 11 + δ against 10 + 4δ: δ = +1/3 (+33 %). C needs larger changes.
  const opts = (a: string, b: string) => [ini(a, { p: 5, q: 1, e: 3 }), ini(b, { p: 3, q: 4, e: 3 }), ini('c', { p: 1, q: 1, e: 3 })];

  it('finds the smallest single-weight change and the option it puts first (tie goes to the top: beyond)', () => {
    const s = sensitivity(small, opts('a', 'b'))!;
    expect(s).toMatchObject({ top: 'a', stable: false, criterion: 'p', rival: 'b', direction: 'decrease', weight: 2, beyond: true });
    expect(s.change).toBeCloseTo(-0.25, 12);
    expect(s.weightAtSwitch).toBeCloseTo(1.5, 12);
    expect(describeSensitivity(s)).toBe('a stays first unless the weight of p changes by more than −25% (from 2 to 1.5); then b comes first.');
  });

  it('when the tie at the switch point goes to the rival, the change itself puts it first', () => {
    // Same figures; the rival's id sorts first, so at exactly −25 % it wins the tie.
    const s = sensitivity(small, opts('zed', 'alpha'))!;
    expect(s).toMatchObject({ top: 'zed', criterion: 'p', rival: 'alpha', beyond: false });
    expect(s.change).toBeCloseTo(-0.25, 12);
  });

  it('reports a stable top when no change of ±50 % moves it', () => {
    const s = sensitivity(small, [ini('a', { p: 5, q: 5, e: 3 }), ini('b', { p: 2, q: 2, e: 5 })])!;
    expect(s).toMatchObject({ top: 'a', stable: true, criterion: null, change: null, rival: null });
    expect(describeSensitivity(s)).toBe("a stays first under every change of a single criterion's weight of up to ±50%.");
    expect(sensitivity(small, [])).toBeNull();
    expect(sensitivity(small, [ini('only', { p: 1, q: 1, e: 1 })])!.stable).toBe(true);
  });

  it('an ease weight matters between options level on impact', () => {
    // Both impact 4. Ease criteria e1 (w 1), e2 (w 1): A (5, 1) sum 6 beats B (2, 3) sum 5 on ease.
    // Weight of e1 × (1+δ): 6 + 5δ against 5 + 2δ: δ = −1/3. Weight of e2: 6 + δ vs 5 + 3δ: δ = +1/2.
    const c = cfg({
      criteria: [
        { id: 'i', axis: 'impact', weight: 1 },
        { id: 'e1', axis: 'ease', weight: 1 },
        { id: 'e2', axis: 'ease', weight: 1 },
      ],
    });
    const s = sensitivity(c, [ini('a', { i: 4, e1: 5, e2: 1 }), ini('b', { i: 4, e1: 2, e2: 3 })])!;
    expect(s).toMatchObject({ criterion: 'e1', rival: 'b', direction: 'decrease', beyond: true });
    expect(s.change).toBeCloseTo(-1 / 3, 12);
  });

  it('a top held only by the tie-break moves with any change', () => {
    // A and B level on impact (p 4 q 1 → 9; p 3 q 3 → 9); A first on ease. Raising q's weight lifts B.
    const s = sensitivity(small, [ini('a', { p: 4, q: 1, e: 4 }), ini('b', { p: 3, q: 3, e: 3 })])!;
    expect(s).toMatchObject({ criterion: 'p', change: 0, direction: 'decrease', rival: 'b', beyond: true });
    expect(describeSensitivity(s)).toMatch(/first only on the tie-break: any decrease in the weight of p would put b first/);
  });

  it('agrees with a brute-force check on random portfolios', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const int = (n: number) => Math.floor(rnd() * n);
    for (let round = 0; round < 150; round++) {
      const criteria = [
        { id: 'i1', axis: 'impact', weight: 1 + int(4) },
        { id: 'i2', axis: 'impact', weight: 1 + int(4) },
        { id: 'i3', axis: 'impact', weight: 1 + int(4) },
        { id: 'e1', axis: 'ease', weight: 1 + int(3) },
        { id: 'e2', axis: 'ease', weight: 1 + int(3) },
      ];
      const c = cfg({ criteria });
      const list = Array.from({ length: 2 + int(5) }, (_, k) => ini(`o${k}`, Object.fromEntries(criteria.map((x) => [x.id, 1 + int(5)]))));
      const s = sensitivity(c, list)!;
      const topAt = (crit: string, delta: number) => {
        const changed: Config = { ...c, criteria: c.criteria.map((x) => (x.id === crit ? { ...x, weight: x.weight * (1 + delta) } : x)) };
        return impactMatrix(changed, list)[0]!.id;
      };
      // Smallest |δ| over every criterion, found by a fine scan: no change smaller than the reported one moves the top.
      const limit = s.stable ? 0.5 : Math.abs(s.change!) - 1e-7;
      // Collected and compared once per round: 1,000 expect calls a round cost more than the check.
      const moved: string[] = [];
      for (const x of criteria) {
        for (let k = 1; k <= 100; k++) {
          const d = (limit * k) / 100;
          if (d <= 0) continue;
          for (const delta of [d, -d]) if (topAt(x.id, delta) !== s.top) moved.push(`${x.id} ${delta}`);
        }
      }
      expect(moved, `round ${round}: changes smaller than the reported one move the top`).toEqual([]);
      if (!s.stable) {
        const sign = s.direction === 'increase' ? 1 : -1;
        const past = s.change! + sign * 1e-7;
        expect(topAt(s.criterion!, past)).toBe(s.rival);
      }
    }
  });
});
