/**
 * `costar focus plan --budget <n> [--payer <id>] [--json]`: the NPV-maximising set of initiatives
 * within a budget (SPEC 9). Options -> store -> core/plan.ts -> render.
 */
import { payerLabel } from '../../core/config.js';
import { didYouMean } from '../../core/diagnostics.js';
import { usageError } from '../../core/errors.js';
import { formatMoney, formatRatio } from '../../core/format.js';
import { budgetPlan, parseBudget, planCandidates, planJson, planPayers, type BudgetPlanDetail, type PlanCandidate } from '../../core/plan.js';
import { findPortfolio, readValidPortfolio } from '../../store/portfolio.js';
import type { Io } from '../io.js';
import { fit, fitErr, table, tableText } from '../render.js';
import type { CommandContext } from '../program.js';

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readValidPortfolio(root);
  let budget: number | undefined;
  if (opts.budget !== undefined) {
    const b = parseBudget(opts.budget, p.config.currency);
    if (!b.ok) throw usageError('bad-value', `--budget: ${b.message}`);
    budget = b.value;
  }
  const candidates = planCandidates(p.config, p.initiatives);
  const payers = planPayers(candidates);
  const payer: string | null = opts.payer ?? null;
  if (payer !== null && !payers.includes(payer)) {
    const guess = didYouMean(payer, payers);
    throw usageError(
      'unknown-payer',
      `--payer: no cost line of a plannable initiative is paid by "${payer}"${guess ? `; did you mean "${guess}"?` : ''}`,
      payers.length ? `Payers: ${payers.join(', ')}` : 'No business case names a payer yet (costar focus add-cost … --payer <id>).',
    );
  }
  // No prompt: the plan is a one-line question, and the prompt library would double this
  // command's bundle (its start-up is measured against validate's).
  if (budget === undefined) throw usageError('missing-value', 'the budget is missing: give --budget <amount>', `e.g. costar focus plan --budget 250000${payers.length ? ` --payer ${payers[0]}` : ''}`);
  const plan = budgetPlan(candidates, budget, payer);
  if (opts.json) {
    io.out(JSON.stringify(planJson(plan), null, 2) + '\n');
    return 0;
  }
  io.out(fit(io, renderPlan(io, plan, p.config.currency, (id) => payerLabel(p.config, id))));
  if (!plan.optimal) io.err(fitErr(io, 'note: the search stopped at its limit, so this plan is the best found, not proven optimal.\n'));
  return 0;
}

/** The plan for people: what is funded and what is not, the totals, the last in and the reallocation. */
export function renderPlan(io: Io, plan: BudgetPlanDetail, currency: string, label: (id: string) => string): string {
  const { c } = io;
  const money = (n: number) => formatMoney(n, currency);
  const who = plan.payer === null ? 'all payers' : `${label(plan.payer)} (${plan.payer})`;
  const out: string[] = [];
  out.push(c.bold(`Budget plan: ${money(plan.budget)} of present-value costs paid by ${who}`));
  if (!plan.candidates.length) {
    out.push('No initiative that is not stopped has a business case yet.');
    return out.join('\n') + '\n';
  }
  out.push(
    `${plan.funded.length} of ${plan.candidates.length} initiatives funded: cost ${money(plan.totalCost)}, total NPV ${money(plan.totalNpv)}` +
      c.dim(plan.optimal ? '  (the optimum: an exact 0/1 knapsack)' : '  (best found: the search stopped at its limit, not proven optimal)'),
  );
  const head = ['Initiative', 'Status', `Cost to ${plan.payer ?? 'all'}`, 'NPV', 'BCR', 'Funded'];
  const rows = [...plan.candidates.filter((x) => x.funded), ...plan.candidates.filter((x) => !x.funded)].map((x: PlanCandidate) => [
    x.id,
    x.status,
    money(x.cost),
    money(x.npv),
    formatRatio(x.bcr),
    x.funded ? 'yes' : 'no',
  ]);
  const t = table(io, head, ['left', 'left', 'right', 'right', 'right', 'left']);
  for (const r of rows) t.push(r[5] === 'no' ? r.map((x) => c.dim(x)) : r);
  out.push('', tableText(io, t), '');
  if (plan.lastIn) out.push(`Last in: ${plan.lastIn.id}, BCR ${formatRatio(plan.lastIn.bcr)}: the lowest return the budget still buys.`);
  const r = plan.reallocation;
  if (r.from.length) {
    out.push(
      `Reallocation: moving ${money(r.releasedCost)} from ${r.from.map((x) => `${x.id} (BCR ${formatRatio(x.bcr)})`).join(', ')}, lowest BCR first (NPV ${money(r.releasedNpv)}), ` +
        `to ${r.to.length ? `${r.to.map((x) => x.id).join(', ')} (${money(r.addedCost)}, NPV ${money(r.addedNpv)})` : 'the plan'} gains ${money(r.gain)} of NPV.`,
    );
  } else out.push('Reallocation: every running or scaled initiative is in the plan, so no money moves from them.');
  out.push(c.dim('Costs and NPVs are present values over the appraisal period; candidates are the initiatives that are not stopped and have a business case.'));
  return out.join('\n') + '\n';
}
