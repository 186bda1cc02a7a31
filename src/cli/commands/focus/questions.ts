/**
 * The questions of a focus session: scores one criterion at a time, a cost line, a benefit line
 * and the theory of change. Prompts only: every answer is checked by the parsers of core
 * (values.ts) that also check the flags, and lines are built by core/lines.ts.
 */
import { GRADE_NOTES } from '../../../core/case-figures.js';
import type { Config } from '../../../core/config.js';
import { buildBenefitLine, buildCostLine, parseLinePriceYear, type BenefitInput } from '../../../core/lines.js';
import type { BenefitLine, CostLine, Initiative } from '../../../core/schema.js';
import { parseAmount, parseShare, parseText, parseYears, promptCheck, type Parsed } from '../../../core/values.js';
import { formatYear } from '../../../core/format.js';
import { BENEFIT_KINDS, COST_KINDS } from '../../../core/vocab.js';
import type { EditOp } from '../../../store/edit.js';
import type { Prompts } from '../../ask.js';
import type { Io } from '../../io.js';
import { backable } from '../../prompt-guard.js';
import { say } from '../../render.js';
import { parseScore, refuseLine } from './options.js';
import { trimNum } from './plot.js';

/** A prompt check that refuses a blank answer. */
export const nonBlank = (what: string) => promptCheck((s) => parseText(s, what));

/** Prompts for scores one criterion at a time, showing its label and the scale. */
export async function promptScores(
  io: Io,
  P: Prompts,
  config: Config,
  ini: Initiative,
  which: string[],
  current: Record<string, number> = (ini.focus?.scores ?? {}) as Record<string, number>,
): Promise<Array<[string, number]>> {
  const [min, max] = config.scale;
  say(io, io.ce.dim(`Score from ${min} (low) to ${max} (high); on the ease criteria ${max} means easiest.`));
  const out: Array<[string, number]> = [];
  // Escape goes back to the criterion before, its answer kept as the default.
  for (let k = 0; k < which.length; ) {
    const id = which[k]!;
    const c = config.criteria.find((x) => x.id === id)!;
    const given = out[k]?.[1] ?? current[id];
    const ask = () =>
      P.input({
        message: `${c.label} ${io.c.dim(`[${c.id}, ${c.axis}, weight ${trimNum(c.weight)}]`)} ${min}–${max}`,
        default: given !== undefined ? String(given) : undefined,
        validate: (s) => {
          const n = parseScore(config, s);
          return n.ok && n.value >= min && n.value <= max ? true : `Give a whole number from ${min} to ${max}`;
        },
      });
    const r = k === 0 ? { back: false as const, value: await ask() } : await backable(ask);
    if (r.back) {
      k--;
      continue;
    }
    out[k] = [id, Number(r.value.trim())];
    k++;
  }
  return out;
}

/** Asks for an optional value: a blank answer leaves it out (undefined); otherwise the text as typed. */
async function askOptional<T>(P: Prompts, message: string, parse: (raw: string) => Parsed<T>, def?: string): Promise<string | undefined> {
  const raw = await P.input({ message, default: def, validate: (s) => (s.trim() === '' ? true : promptCheck(parse)(s)) });
  return raw.trim() === '' ? undefined : raw.trim();
}

/** The confidence grade of a line, or undefined to go by the business case's. */
async function askGrade(P: Prompts, ini: Initiative): Promise<number | undefined> {
  const caseGrade = ini.focus?.businessCase?.confidence;
  const notes = [1, 2, 3, 4, 5, 6].map((g) => GRADE_NOTES[g]!);
  const choice = await P.select<number | 0>({
    message: 'Confidence grade (sets the optimism bias)',
    choices: [
      { name: `as the business case (${caseGrade ?? '3, the default'})`, value: 0 },
      ...notes.map((n, i) => ({ name: `${i + 1}: ${n}`, value: i + 1 })),
    ],
  });
  return choice === 0 ? undefined : choice;
}

/** An example list of years for a prompt: indices, and financial years when the appraisal has a start year. */
const yearsExample = (config: Config, from: number) => {
  const ts = [from, from + 1, from + 2].filter((t) => t < config.years);
  return config.startYear === null ? ts.join(',') : `${ts.join(',')} or ${ts.map((t) => formatYear(config.startYear, t)).join(',')}`;
};

const yearsCheck = (config: Config) => (s: string) => parseYears(s, config.years, config.startYear);

export async function askCost(P: Prompts, config: Config, ini: Initiative): Promise<CostLine> {
  const item = await P.input({ message: 'Cost item', validate: nonBlank('the item') });
  const kind = await P.select({ message: 'Kind', choices: COST_KINDS.map((k) => ({ name: k, value: k })) });
  const amount = await P.input({ message: `Amount per year (${config.currency})`, validate: promptCheck((s) => parseAmount(s, 'an amount', config.currency)) });
  const years = await askOptional(P, `Years it applies (e.g. ${yearsExample(config, 0)}; blank for every year)`, yearsCheck(config));
  const payer = await P.input({ message: 'Who pays? (e.g. council; blank to leave out)' });
  const confidence = await askGrade(P, ini);
  const priceYear = await askOptional(P, "Price year of the amount (blank: the appraisal's price base)", (s) => parseLinePriceYear(config, s));
  const built = buildCostLine(config, { item, kind, amount, years, payer, confidence, priceYear });
  refuseLine(built, true);
  return built.line as CostLine;
}

const ADJUSTMENTS = [
  ['deadweight', 'Deadweight: share that would have happened anyway'],
  ['displacement', 'Displacement: share moved from elsewhere'],
  ['attribution', 'Attribution: share owed to others'],
  ['dropOff', 'Drop-off: yearly decay after the first year'],
] as const;

/** Leaves out a share that says nothing: engagement or success of 1, an adjustment of 0. */
const unlessNeutral = (raw: string | undefined, neutral: number) => {
  const r = raw === undefined ? undefined : parseShare(raw, 'a share');
  return raw === undefined || (r?.ok && r.value === neutral) ? undefined : raw;
};

export async function askBenefit(P: Prompts, config: Config, ini: Initiative): Promise<BenefitLine> {
  const input: BenefitInput = { item: await P.input({ message: 'Benefit item', validate: nonBlank('the item') }) };
  const kind = await P.select({
    message: 'Kind',
    choices: BENEFIT_KINDS.map((k) => ({
      name: { fiscal: 'fiscal: savings to public budgets', economic: 'economic: gains to the local economy', social: 'social: wellbeing and other social value' }[k],
      value: k,
    })),
  });
  input.kind = kind;
  if (kind === 'fiscal') input.cashable = await P.confirm({ message: 'Cashable (a saving that can be taken from a budget)?', default: false });
  const how = await P.select({
    message: 'How is it valued?',
    choices: [
      { name: 'a yearly amount', value: 'amount' },
      { name: 'people reached × a value per person', value: 'cohort' },
    ],
  });
  if (how === 'amount') input.amount = await P.input({ message: `Value per year (${config.currency})`, validate: promptCheck((s) => parseAmount(s, 'an amount', config.currency)) });
  else {
    input.cohort = await P.input({ message: 'People reached a year (cohort)', validate: promptCheck((s) => parseAmount(s, 'a number of people')) });
    input.unitValue = await P.input({ message: `Value per person (${config.currency})`, validate: promptCheck((s) => parseAmount(s, 'a value', config.currency)) });
    input.engagement = unlessNeutral(await askOptional(P, 'Share who engage (0–1 or %, blank for 1)', (s) => parseShare(s, 'the share who engage')), 1);
    input.success = unlessNeutral(await askOptional(P, 'Share of those who succeed (0–1 or %, blank for 1)', (s) => parseShare(s, 'the share who succeed')), 1);
  }
  for (const [key, msg] of ADJUSTMENTS) input[key] = unlessNeutral(await askOptional(P, `${msg} (0–1 or %, blank for 0)`, (s) => parseShare(s, key)), 0);
  input.years = await askOptional(P, `Years it applies (e.g. ${yearsExample(config, 1)}; blank for every year)`, yearsCheck(config));
  input.beneficiary = await P.input({ message: 'Who benefits? (e.g. council, nhs, residents; blank to leave out)' });
  input.confidence = await askGrade(P, ini);
  input.source = await P.input({ message: 'Source of the value (blank to leave out)' });
  input.priceYear = await askOptional(P, 'Price year (blank to leave out)', (s) => parseLinePriceYear(config, s));
  const built = buildBenefitLine(config, input);
  refuseLine(built, true);
  return built.line as BenefitLine;
}

const TOC_LISTS = [
  ['inputs', 'Inputs: what goes in'],
  ['activities', 'Activities: what is done'],
  ['outputs', 'Outputs: what is produced'],
  ['outcomes', 'Outcomes: the changes for people'],
] as const;

/** The theory of change, item by item: the edits to make and a note on each. */
export async function askTheoryOfChange(io: Io, P: Prompts, ini: Initiative): Promise<Array<{ op: EditOp; note: string }>> {
  const toc = ini.focus?.theoryOfChange ?? {};
  const edits: Array<{ op: EditOp; note: string }> = [];
  say(io, io.ce.dim('Theory of change: inputs → activities → outputs → outcomes → impact, and the assumptions it rests on.\nAdd items one at a time; a blank answer moves on.'));
  const addList = async (key: 'inputs' | 'activities' | 'outputs' | 'outcomes' | 'assumptions', label: string) => {
    const have = toc[key];
    if (have?.length) say(io, `${io.ce.bold(label)}\n${have.map((h) => `  · ${h}`).join('\n')}`);
    for (;;) {
      const s = (await P.input({ message: `${label} — add one` })).trim();
      if (!s) break;
      edits.push({ op: { op: 'append', path: ['focus', 'theoryOfChange', key], value: s }, note: `${key}: ${s}` });
    }
  };
  for (const [key, label] of TOC_LISTS) await addList(key, label);
  const impact = (await P.input({ message: 'Impact: the long-term change it contributes to', default: toc.impact })).trim();
  if (impact && impact !== toc.impact) edits.push({ op: { op: 'set', path: ['focus', 'theoryOfChange', 'impact'], value: impact }, note: `impact: ${impact}` });
  await addList('assumptions', 'Assumptions: what must hold true');
  return edits;
}
