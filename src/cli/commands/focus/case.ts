/**
 * `costar focus case`, `focus add-cost` and `focus add-benefit`: the business case and its lines.
 * Figures come from core/business-case.ts; lines are built and checked by core/lines.ts.
 */
import { businessCase, hasBusinessCase } from '../../../core/business-case.js';
import { buildBenefitLine, buildCostLine, describeLine, type Built } from '../../../core/lines.js';
import type { BenefitLine, CostLine, Initiative } from '../../../core/schema.js';
import { parseAmount, promptCheck } from '../../../core/values.js';
import { BENEFIT_KINDS, COST_KINDS } from '../../../core/vocab.js';
import { applyToValue, type EditOp } from '../../../store/edit.js';
import { findPortfolio, type Portfolio, readPortfolio, readValidPortfolio } from '../../../store/portfolio.js';
import { loadPrompts, requireFlag } from '../../ask.js';
import type { Io } from '../../io.js';
import type { CommandContext } from '../../program.js';
import { findInitiative } from '../../records.js';
import { next, plural, say } from '../../render.js';
import { benefitFlags, costFlags, missingFields, refuseLine } from './options.js';
import { renderCase, runningBcr } from './render.js';
import { nonBlank } from './questions.js';
import { saveEdits } from './save.js';

export async function runCase({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readValidPortfolio(root);
  const ini = findInitiative(p, args[0]);
  if (opts.json) {
    io.out(JSON.stringify(businessCase(p.config, ini), null, 2) + '\n');
    return 0;
  }
  if (!hasBusinessCase(ini)) {
    say(io, `${ini.id} has no business case yet: no cost or benefit lines.`);
    next(io, `costar focus add-cost ${ini.id} --item … --kind revenue --amount …   (or interactively: costar focus)`);
    return 0;
  }
  io.out(await renderCase(io, p.config, ini));
  const bc = businessCase(p.config, ini);
  const open = (ini.focus?.challenges ?? []).map((ch, i) => ({ n: i + 1, open: (ch.status ?? 'open') === 'open' })).filter((x) => x.open);
  if (open.length) say(io, `${plural(open.length, 'challenge')} from critical friends still open (${open.length === 1 ? 'number' : 'numbers'} ${open.map((x) => x.n).join(', ')}).`);
  if (bc.pvCosts === 0) next(io, `costar focus add-cost ${ini.id} --item … --kind revenue --amount …   (the ratios need costs)`);
  else if (open.length) next(io, `costar focus respond ${ini.id} ${open[0]!.n} --text … --status answered`);
  else next(io, `costar generate business-case ${ini.id}`);
  return 0;
}

/** Appends a line to the business case, says so and shows the running business case. */
function saveLine(io: Io, p: Portfolio, ini: Initiative, list: 'costs' | 'benefits', value: CostLine | BenefitLine): void {
  const op: EditOp = { op: 'append', path: ['focus', 'businessCase', list], value };
  saveEdits(io, p, ini.id, [op], `${list === 'costs' ? 'cost' : 'benefit'} line "${value.item}"`);
  const read = describeLine(p.config, value);
  if (read) say(io, `Read: ${read}`);
  say(io, `Running business case: ${runningBcr(p.config, applyToValue(ini, op) as Initiative)}`);
  next(io, `costar focus case ${ini.id}`);
}

export async function runAddCost({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readPortfolio(root, { forChange: true });
  const ini = findInitiative(p, args[0]);
  const input = costFlags(opts);
  let built: Built<CostLine> = buildCostLine(p.config, input);
  refuseLine(built);
  const missing = missingFields(built);
  if (missing.has('item')) requireFlag(io, '--item', 'what the cost is');
  if (missing.has('kind')) requireFlag(io, '--kind', `the kind of cost (${COST_KINDS.join(', ')})`);
  if (missing.has('amount')) requireFlag(io, '--amount', 'the amount per year');
  if (missing.size) {
    const P = await loadPrompts();
    input.item ??= (await P.input({ message: 'Cost item', validate: nonBlank('the item') })).trim();
    input.kind ??= await P.select({ message: 'Kind', choices: COST_KINDS.map((k) => ({ name: k, value: k })) });
    input.amount ??= await P.input({ message: `Amount per year (${p.config.currency})`, validate: promptCheck((s) => parseAmount(s, 'an amount', p.config.currency)) });
    built = buildCostLine(p.config, input);
  }
  refuseLine(built, true);
  saveLine(io, p, ini, 'costs', built.line as CostLine);
  return 0;
}

export async function runAddBenefit({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readPortfolio(root, { forChange: true });
  const ini = findInitiative(p, args[0]);
  const input = benefitFlags(opts);
  let built: Built<BenefitLine> = buildBenefitLine(p.config, input);
  refuseLine(built);
  const missing = missingFields(built);
  const noValue = missing.has('amount');
  if (missing.has('item')) requireFlag(io, '--item', 'what the benefit is');
  if (missing.has('kind')) requireFlag(io, '--kind', `the kind of benefit (${BENEFIT_KINDS.join(', ')})`);
  if (noValue) requireFlag(io, '--amount (or --cohort and --unit-value)', 'the value of the benefit');
  if (missing.size) {
    const P = await loadPrompts();
    input.item ??= (await P.input({ message: 'Benefit item', validate: nonBlank('the item') })).trim();
    input.kind ??= await P.select({ message: 'Kind', choices: BENEFIT_KINDS.map((k) => ({ name: k, value: k })) });
    // A kind chosen now may not take --cashable: refuse before asking for more.
    refuseLine(buildBenefitLine(p.config, input));
    if (noValue) input.amount = await P.input({ message: `Value per year (${p.config.currency})`, validate: promptCheck((s) => parseAmount(s, 'an amount', p.config.currency)) });
    built = buildBenefitLine(p.config, input);
  }
  refuseLine(built, true);
  saveLine(io, p, ini, 'benefits', built.line as BenefitLine);
  return 0;
}
