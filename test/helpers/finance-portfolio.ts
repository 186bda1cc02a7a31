/**
 * Writes a small deterministic portfolio that exercises every rule of SPEC 6 and 9 a finance
 * officer would check: lines with and without years and drop-off, price years re-based with
 * deflators, a long appraisal past year 30, several payers, an initiative with no costs and a
 * stopped one. Used by the business case oracle, the budget plan and the workbook tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli.js';

export interface FinanceOptions {
  initiatives?: number;
  years?: number;
  seed?: number;
  priceYear?: number | null;
}

export function financePortfolio(opts: FinanceOptions = {}): string {
  const n = opts.initiatives ?? 8;
  const Y = opts.years ?? 40;
  const base = opts.priceYear === undefined ? 2025 : opts.priceYear;
  let seed = opts.seed ?? 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const dir = tempDir('costar-finance-');
  mkdirSync(join(dir, 'initiatives'));
  mkdirSync(join(dir, 'people'));
  const deflators = { 2019: 85.1, 2021: 88.4, 2023: 96.2, 2025: 100 };
  writeFileSync(
    join(dir, 'costar.yaml'),
    `schema: costar/v1
name: Finance test portfolio
organisation: Test Council
serviceAreas:
  - id: adult-social-care
appraisal:
  currency: GBP
  startYear: 2026
  discountRate: 0.035
  discountRateLong: 0.03
  years: ${Y}
${base === null ? '' : `  priceYear: ${base}\n  deflators: { ${Object.entries(deflators).map(([k, v]) => `${k}: ${v}`).join(', ')} }\n`}  optimismBias:
    5: [0.3, 0.2]
payers:
  council: Test Council
`,
  );
  const years = (from: number) => {
    const list: number[] = [];
    for (let t = from; t < Y; t++) if (rnd() < 0.7) list.push(t);
    return list.length ? list : [from];
  };
  const py = () => (base === null ? '' : rnd() < 0.5 ? `, priceYear: ${pick(Object.keys(deflators))}` : '');
  for (let i = 1; i <= n; i++) {
    const id = `ini-${String(i).padStart(3, '0')}`;
    const status = i === n ? 'stopped' : pick(['idea', 'planned', 'pilot', 'running', 'scaled']);
    const costs: string[] = [];
    // The second initiative has no costs at all.
    if (i !== 2) {
      const k = int(1, 3);
      for (let c = 0; c < k; c++) {
        const ys = rnd() < 0.4 ? '' : `, years: [${years(int(0, 2)).join(', ')}]`;
        costs.push(`      - { item: Cost ${c + 1}, kind: ${pick(['revenue', 'capital', 'in-kind'])}, amount: ${int(100, 20000)}${ys}, payer: ${pick(['council', 'nhs', 'police'])}${rnd() < 0.5 ? `, confidence: ${int(1, 6)}` : ''}${py()} }`);
      }
    }
    const benefits: string[] = [];
    const k = int(1, 3);
    for (let b = 0; b < k; b++) {
      const ys = rnd() < 0.5 ? '' : `, years: [${years(int(0, 3)).join(', ')}]`;
      const value = rnd() < 0.7 ? `amount: ${int(100, 15000)}` : `cohort: ${int(5, 80)}, unitValue: ${int(50, 900)}, engagement: 0.${int(3, 9)}, success: 0.${int(3, 9)}`;
      const kind = pick(['fiscal', 'economic', 'social']);
      benefits.push(
        `      - { item: Benefit ${b + 1}, kind: ${kind}${kind === 'fiscal' && rnd() < 0.5 ? ', cashable: true' : ''}, beneficiary: ${pick(['council', 'nhs', 'residents'])}, ${value}, deadweight: 0.${int(0, 4)}, displacement: 0.${int(0, 2)}, attribution: 0.${int(0, 3)}, dropOff: 0.${int(0, 3)}${ys}${rnd() < 0.5 ? `, confidence: ${int(1, 6)}` : ''}${py()} }`,
      );
    }
    writeFileSync(
      join(dir, 'initiatives', `${id}.yaml`),
      `id: ${id}
title: Initiative ${i}
serviceArea: adult-social-care
status: ${status}
focus:
  businessCase:
    confidence: ${int(1, 6)}
${costs.length ? `    costs:\n${costs.join('\n')}\n` : ''}    benefits:
${benefits.join('\n')}
`,
    );
  }
  return dir;
}
