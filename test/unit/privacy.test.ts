import { describe, expect, it } from 'vitest';
import { addMonths, consentExpired, consentExpires, countText, showCount, suppressGroup, suppressPart, type GroupCell, type ShownCount } from '../../src/core/privacy.js';

const n = (c: ShownCount) => countText(c, 5);

describe('small-number suppression', () => {
  it('shows zero and counts of k or more, and "fewer than k" for 1 to k−1', () => {
    expect([0, 1, 4, 5, 12].map((x) => n(showCount(x, 5)))).toEqual(['0', 'fewer than 5', 'fewer than 5', '5', '12']);
    expect(countText(showCount(2, 3), 3)).toBe('fewer than 3');
    expect(countText(showCount(3, 3), 3)).toBe('3');
  });

  it('withholds a second count when one small count sits in a row with a shown total', () => {
    const g = suppressGroup([{ n: 12 }, { n: 3 }, { n: 7 }, { n: 20 }], 5, true);
    expect(g.hidden).toBe(false);
    expect(g.cells.map(n)).toEqual(['12', 'fewer than 5', 'not shown', '20']);
  });

  it('needs no second count when two small counts already leave the reader guessing', () => {
    const g = suppressGroup([{ n: 12 }, { n: 3 }, { n: 2 }], 5, true);
    expect(g.cells.map(n)).toEqual(['12', 'fewer than 5', 'fewer than 5']);
  });

  it('withholds more when two ones add up to 2 (both would be known to be 1)', () => {
    const g = suppressGroup([{ n: 9 }, { n: 1 }, { n: 1 }, { n: 6 }], 5, true);
    expect(g.cells.map(n)).toEqual(['9', 'fewer than 5', 'fewer than 5', 'not shown']);
  });

  it('does not print the breakdown when even withholding everything would give a count away', () => {
    // 1 + 5 = 6: the only split with one count under 5 and one of 5 or more.
    const g = suppressGroup([{ n: 1 }, { n: 5 }], 5, true);
    expect(g.hidden).toBe(true);
  });

  it('uses only the small-number rule when no total is shown', () => {
    const g = suppressGroup([{ n: 12 }, { n: 3 }], 5, false);
    expect(g.cells.map(n)).toEqual(['12', 'fewer than 5']);
  });

  it('suppresses a count whose complement in the total is small', () => {
    // 38 of 40 consented: "2 without consent" would follow by subtraction.
    expect(n(suppressPart(38, 40, 5, true))).toBe('not shown');
    expect(n(suppressPart(38, 40, 5, false))).toBe('38');
    expect(n(suppressPart(3, 40, 5, true))).toBe('fewer than 5');
    expect(n(suppressPart(20, 40, 5, true))).toBe('20');
  });

  /**
   * The oracle: what a reader can work out from a printed row. They see the exact counts, the
   * total, "fewer than k" (1 to k−1) and "not shown" (k or more, or the rule would have said
   * "fewer than k"); implicit cells they know exactly unless suppressed or withheld. A suppressed
   * count is safe when the rows consistent with all that give it at least two values.
   */
  function derivable(cells: readonly GroupCell[], k: number): boolean {
    const g = suppressGroup(cells, k, true);
    if (g.hidden) return false;
    const total = cells.reduce((s, c) => s + c.n, 0);
    const unknown = g.cells.map((c, i) => (c.few || c.withheld ? i : -1)).filter((i) => i >= 0);
    const known = cells.reduce((s, c, i) => s + (unknown.includes(i) ? 0 : c.n), 0);
    const rest = total - known;
    const seen = new Map<number, Set<number>>(unknown.map((i) => [i, new Set<number>()]));
    const values = new Array<number>(cells.length).fill(0);
    const walk = (j: number, left: number): void => {
      if (j === unknown.length) {
        if (left !== 0) return;
        for (const i of unknown) seen.get(i)!.add(values[i]!);
        return;
      }
      const i = unknown[j]!;
      const few = g.cells[i]!.few;
      for (let v = few ? 1 : k; v <= (few ? Math.min(k - 1, left) : left); v++) {
        values[i] = v;
        walk(j + 1, left - v);
      }
    };
    walk(0, rest);
    // The true row must be among those the reader considers (the oracle is consistent).
    for (const i of unknown) if (!seen.get(i)!.has(cells[i]!.n)) throw new Error(`oracle misses the true value in ${JSON.stringify(cells)}`);
    return unknown.some((i) => g.cells[i]!.few && seen.get(i)!.size < 2);
  }

  it('leaves no suppressed count derivable by subtraction (brute force over every small row)', () => {
    let rows = 0;
    let suppressed = 0;
    for (const k of [3, 4, 5]) {
      for (let len = 1; len <= 4; len++) {
        const max = len <= 3 ? 11 : 8;
        const total = (max + 1) ** len;
        for (let code = 0; code < total; code++) {
          let c = code;
          const vals: number[] = [];
          for (let j = 0; j < len; j++) {
            vals.push(c % (max + 1));
            c = Math.floor(c / (max + 1));
          }
          // Every pattern of implicit cells for short rows; the last cell implicit for long ones.
          const patterns = len <= 2 ? [0, 1, 2, 3].filter((m) => m < 2 ** len) : [0, 1 << (len - 1)];
          for (const mask of patterns) {
            const cells = vals.map((v, j) => ({ n: v, implicit: Boolean(mask & (1 << j)) }));
            rows++;
            if (cells.some((x) => x.n >= 1 && x.n < k)) suppressed++;
            if (derivable(cells, k)) throw new Error(`derivable with k=${k}: ${JSON.stringify(cells)}`);
          }
        }
      }
    }
    expect(rows).toBeGreaterThan(50_000);
    expect(suppressed).toBeGreaterThan(20_000);
  });

  it('never prints a count from 1 to k−1 (brute force)', () => {
    let checked = 0;
    for (const k of [2, 3, 5, 7]) {
      for (let a = 0; a <= 12; a++) {
        for (let b = 0; b <= 12; b++) {
          for (let c = 0; c <= 12; c++) {
            for (const shown of [true, false]) {
              checked++;
              const g = suppressGroup([{ n: a }, { n: b }, { n: c }], k, shown);
              for (const x of g.cells) if (x.n !== null && x.n !== 0 && x.n < k) throw new Error(`printed ${x.n} with k=${k}: ${a}, ${b}, ${c}`);
            }
          }
        }
      }
    }
    expect(checked).toBe(4 * 13 ** 3 * 2);
  });
});

describe('consent and retention', () => {
  it('adds months, keeping the day or the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
    expect(addMonths('2024-03-10', 24)).toBe('2026-03-10');
    expect(addMonths('2024-03-10', 0)).toBe('2024-03-10');
  });

  it('expires the day after consentDate plus retainMonths', () => {
    expect(consentExpires('2024-03-10', 24)).toBe('2026-03-10');
    expect(consentExpired('2024-03-10', 24, '2026-03-10')).toBe(false);
    expect(consentExpired('2024-03-10', 24, '2026-03-11')).toBe(true);
    expect(consentExpired('2024-03-10', 24, '2025-12-31')).toBe(false);
  });
});
