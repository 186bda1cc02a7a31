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
import { backable, stepIf, steps } from '../../prompt-guard.js';
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

/** The confidence grade of a line, or undefined to go by the business case's; `def` is an earlier answer. */
async function askGrade(P: Prompts, ini: Initiative, def?: number): Promise<number | undefined> {
  const caseGrade = ini.focus?.businessCase?.confidence;
  const notes = [1, 2, 3, 4, 5, 6].map((g) => GRADE_NOTES[g]!);
  const choice = await P.select<number | 0>({
    message: 'Confidence grade (sets the optimism bias)',
    default: def ?? 0,
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

/** An earlier answer as a prompt's default: a blank one offers nothing. */
const again = (s: string | undefined) => (s ? s : undefined);

/** A cost line, question by question; Escape goes back to the question before, its answer kept as the default. */
export async function askCost(P: Prompts, config: Config, ini: Initiative): Promise<CostLine> {
  let item = '';
  let kind: (typeof COST_KINDS)[number] | undefined;
  let amount = '';
  let years: string | undefined;
  let payer = '';
  let confidence: number | undefined;
  let priceYear: string | undefined;
  await steps([
    async () => {
      item = await P.input({ message: 'Cost item', default: again(item), validate: nonBlank('the item') });
    },
    async () => {
      kind = await P.select({ message: 'Kind', default: kind, choices: COST_KINDS.map((k) => ({ name: k, value: k })) });
    },
    async () => {
      amount = await P.input({ message: `Amount per year (${config.currency})`, default: again(amount), validate: promptCheck((s) => parseAmount(s, 'an amount', config.currency)) });
    },
    async () => {
      years = await askOptional(P, `Years it applies (e.g. ${yearsExample(config, 0)}; blank for every year)`, yearsCheck(config), years);
    },
    async () => {
      payer = await P.input({ message: 'Who pays? (e.g. council; blank to leave out)', default: again(payer) });
    },
    async () => {
      confidence = await askGrade(P, ini, confidence);
    },
    async () => {
      priceYear = await askOptional(P, "Price year of the amount (blank: the appraisal's price base)", (s) => parseLinePriceYear(config, s), priceYear);
    },
  ]);
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

const BENEFIT_KIND_NAMES = { fiscal: 'fiscal: savings to public budgets', economic: 'economic: gains to the local economy', social: 'social: wellbeing and other social value' } as const;

/** A benefit line, question by question; Escape goes back to the question before, its answer kept as the default. */
export async function askBenefit(P: Prompts, config: Config, ini: Initiative): Promise<BenefitLine> {
  // The answers as given; questions that do not apply to the answers before them are passed over.
  const a: Record<string, string | undefined> = {};
  let kind: (typeof BENEFIT_KINDS)[number] | undefined;
  let cashable: boolean | undefined;
  let how: 'amount' | 'cohort' | undefined;
  let confidence: number | undefined;
  const text = (key: string, message: string, validate?: (s: string) => true | string) => async () => {
    a[key] = await P.input({ message, default: again(a[key]), validate });
  };
  const optional = (key: string, message: string, parse: (raw: string) => Parsed<unknown>) => async () => {
    a[key] = await askOptional(P, message, parse, a[key]);
  };
  const cohort = () => how === 'cohort';
  await steps([
    text('item', 'Benefit item', nonBlank('the item')),
    async () => {
      kind = await P.select({ message: 'Kind', default: kind, choices: BENEFIT_KINDS.map((k) => ({ name: BENEFIT_KIND_NAMES[k], value: k })) });
    },
    stepIf(
      () => kind === 'fiscal',
      async () => {
        cashable = await P.confirm({ message: 'Cashable (a saving that can be taken from a budget)?', default: cashable ?? false });
      },
    ),
    async () => {
      how = await P.select({
        message: 'How is it valued?',
        default: how,
        choices: [
          { name: 'a yearly amount', value: 'amount' as const },
          { name: 'people reached × a value per person', value: 'cohort' as const },
        ],
      });
    },
    stepIf(() => how === 'amount', text('amount', `Value per year (${config.currency})`, promptCheck((s) => parseAmount(s, 'an amount', config.currency)))),
    stepIf(cohort, text('cohort', 'People reached a year (cohort)', promptCheck((s) => parseAmount(s, 'a number of people')))),
    stepIf(cohort, text('unitValue', `Value per person (${config.currency})`, promptCheck((s) => parseAmount(s, 'a value', config.currency)))),
    stepIf(cohort, optional('engagement', 'Share who engage (0–1 or %, blank for 1)', (s) => parseShare(s, 'the share who engage'))),
    stepIf(cohort, optional('success', 'Share of those who succeed (0–1 or %, blank for 1)', (s) => parseShare(s, 'the share who succeed'))),
    ...ADJUSTMENTS.map(([key, msg]) => optional(key, `${msg} (0–1 or %, blank for 0)`, (s) => parseShare(s, key))),
    optional('years', `Years it applies (e.g. ${yearsExample(config, 1)}; blank for every year)`, yearsCheck(config)),
    text('beneficiary', 'Who benefits? (e.g. council, nhs, residents; blank to leave out)'),
    async () => {
      confidence = await askGrade(P, ini, confidence);
    },
    text('source', 'Source of the value (blank to leave out)'),
    optional('priceYear', 'Price year (blank to leave out)', (s) => parseLinePriceYear(config, s)),
  ]);
  const input: BenefitInput = { item: a.item!, kind };
  if (kind === 'fiscal') input.cashable = cashable;
  if (how === 'amount') input.amount = a.amount;
  else {
    input.cohort = a.cohort;
    input.unitValue = a.unitValue;
    input.engagement = unlessNeutral(a.engagement, 1);
    input.success = unlessNeutral(a.success, 1);
  }
  for (const [key] of ADJUSTMENTS) input[key] = unlessNeutral(a[key], 0);
  input.years = a.years;
  input.beneficiary = a.beneficiary;
  input.confidence = confidence;
  input.source = a.source;
  input.priceYear = a.priceYear;
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

/**
 * The theory of change, item by item: the edits to make and a note on each. Each list is one
 * step: Escape goes back to the list or question before, and what was added to a list stays
 * (shown when it is asked again).
 */
export async function askTheoryOfChange(io: Io, P: Prompts, ini: Initiative): Promise<Array<{ op: EditOp; note: string }>> {
  const toc = ini.focus?.theoryOfChange ?? {};
  type ListKey = 'inputs' | 'activities' | 'outputs' | 'outcomes' | 'assumptions';
  const added: Record<ListKey, string[]> = { inputs: [], activities: [], outputs: [], outcomes: [], assumptions: [] };
  let impact: string | undefined;
  say(io, io.ce.dim('Theory of change: inputs → activities → outputs → outcomes → impact, and the assumptions it rests on.\nAdd items one at a time; a blank answer moves on.'));
  const addList = (key: ListKey, label: string) => async () => {
    const have = [...(toc[key] ?? []), ...added[key]];
    if (have.length) say(io, `${io.ce.bold(label)}\n${have.map((h) => `  · ${h}`).join('\n')}`);
    for (;;) {
      const s = (await P.input({ message: `${label} — add one` })).trim();
      if (!s) break;
      added[key].push(s);
    }
  };
  await steps([
    ...TOC_LISTS.map(([key, label]) => addList(key, label)),
    async () => {
      impact = (await P.input({ message: 'Impact: the long-term change it contributes to', default: impact || toc.impact })).trim();
    },
    addList('assumptions', 'Assumptions: what must hold true'),
  ]);
  const edits: Array<{ op: EditOp; note: string }> = [];
  const append = (key: ListKey) => {
    for (const s of added[key]) edits.push({ op: { op: 'append', path: ['focus', 'theoryOfChange', key], value: s }, note: `${key}: ${s}` });
  };
  for (const [key] of TOC_LISTS) append(key);
  if (impact && impact !== toc.impact) edits.push({ op: { op: 'set', path: ['focus', 'theoryOfChange', 'impact'], value: impact }, note: `impact: ${impact}` });
  append('assumptions');
  return edits;
}
