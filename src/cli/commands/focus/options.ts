/**
 * Typed options of the `costar focus` subcommands: flags to values, and the problems of a value
 * or a line to usage errors (exit 2) that name the flags. The rules themselves live in core
 * (values.ts for single values, lines.ts for cost and benefit lines).
 */
import type { Config } from '../../../core/config.js';
import { didYouMean } from '../../../core/diagnostics.js';
import { usageError, type CostarError } from '../../../core/errors.js';
import type { Built, BenefitInput, CostInput, LineProblem } from '../../../core/lines.js';
import { parseNumber, type Parsed } from '../../../core/values.js';

/** Text a flag must not leave blank: trimmed, or a usage error saying what to give. */
function flagText(flag: string, raw: unknown, say: string): string | undefined {
  if (raw === undefined) return undefined;
  const s = String(raw).trim();
  if (!s) throw usageError('bad-value', `${flag} is empty; ${say}`);
  return s;
}

export interface ScoreFlags {
  set?: string[];
  rater?: string;
}
export interface RankFlags {
  json?: boolean;
  withSensitivity?: boolean;
}
export interface ChallengeFlags {
  by?: string;
  text?: string;
}
export interface RespondFlags {
  text?: string;
  status: string;
}

/** `focus challenge`: --by and --text, each given or left for a prompt, never blank. */
export function challengeFlags(opts: Record<string, unknown>): ChallengeFlags {
  return {
    by: flagText('--by', opts.by, 'say who raises the challenge, e.g. --by "Finance partner"'),
    text: flagText('--text', opts.text, 'give the challenge'),
  };
}

/** `focus score --rater`: the rater's label, trimmed and never blank (undefined when not given). */
export function raterFlag(opts: Record<string, unknown>): string | undefined {
  return flagText('--rater', opts.rater, 'give a label for the rater, e.g. --rater "Finance partner"')?.replace(/\s+/g, ' ');
}

/** `focus respond`: --text (or a prompt) and --status (answered unless given). */
export function respondFlags(opts: Record<string, unknown>): RespondFlags {
  return { text: flagText('--text', opts.text, 'give the response'), status: typeof opts.status === 'string' ? opts.status : 'answered' };
}

/** A score on the configured scale, for flags and prompts alike. */
export function parseScore(config: Config, raw: string): Parsed<number> {
  const [min, max] = config.scale;
  return parseNumber(raw, `a whole number from ${min} to ${max}`, { integer: true });
}

/** Parses the --set values against the configured criteria and scale. */
export function parseScores(config: Config, raw: string[]): Array<[string, number]> {
  const ids = config.criteria.map((c) => c.id);
  const [min, max] = config.scale;
  const out: Array<[string, number]> = [];
  for (const r of raw) {
    const i = r.indexOf('=');
    if (i <= 0) throw usageError('bad-value', `--set ${JSON.stringify(r)} is not of the form <criterion>=<n>`, `For example: --set ${ids[0]}=4. Criteria: ${ids.join(', ')}`);
    const crit = r.slice(0, i).trim();
    const val = r.slice(i + 1).trim();
    if (!ids.includes(crit)) {
      const guess = didYouMean(crit, ids);
      throw usageError('unknown-criterion', `--set ${r}: "${crit}" is not a criterion of this portfolio${guess ? `; did you mean "${guess}"?` : ''}`, `Criteria: ${ids.join(', ')}`);
    }
    const n = parseScore(config, val);
    if (!n.ok) throw usageError('bad-value', `--set ${r}: ${n.message}`, `Criteria are scored on the scale ${min}–${max}.`);
    if (n.value < min || n.value > max) {
      throw usageError('score-out-of-scale', `--set ${r}: score ${JSON.stringify(val)} for "${crit}" is outside the scale ${min}–${max}`, `Give a whole number from ${min} to ${max}.`);
    }
    if (out.some(([c]) => c === crit)) throw usageError('bad-value', `--set gives "${crit}" twice`);
    out.push([crit, n.value]);
  }
  return out;
}

// ------------------------------------------------------------------------------ cost and benefit lines

/** The flag of each field of a line. */
const FLAGS: Record<string, string> = {
  item: '--item',
  kind: '--kind',
  amount: '--amount',
  years: '--years',
  payer: '--payer',
  beneficiary: '--beneficiary',
  cohort: '--cohort',
  unitValue: '--unit-value',
  engagement: '--engagement',
  success: '--success',
  deadweight: '--deadweight',
  displacement: '--displacement',
  attribution: '--attribution',
  dropOff: '--drop-off',
  confidence: '--confidence',
  cashable: '--cashable',
  source: '--source',
  priceYear: '--price-year',
};

const str = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));

/** `focus add-cost`: the flags as raw input for core/lines.ts. */
export function costFlags(opts: Record<string, unknown>): CostInput {
  return {
    item: flagText('--item', opts.item, 'say what the cost is'),
    kind: str(opts.kind),
    amount: str(opts.amount),
    years: str(opts.years),
    payer: str(opts.payer),
    confidence: str(opts.confidence),
    priceYear: str(opts.priceYear),
  };
}

/** `focus add-benefit`: the flags as raw input for core/lines.ts. */
export function benefitFlags(opts: Record<string, unknown>): BenefitInput {
  const input: BenefitInput = { item: flagText('--item', opts.item, 'say what the benefit is'), kind: str(opts.kind), cashable: opts.cashable === true };
  for (const k of ['beneficiary', 'amount', 'cohort', 'unitValue', 'engagement', 'success', 'deadweight', 'displacement', 'attribution', 'dropOff', 'years', 'confidence', 'source', 'priceYear'] as const) {
    if (opts[k] !== undefined) (input as Record<string, unknown>)[k] = String(opts[k]);
  }
  return input;
}

/** A problem a prompt can still answer: a required field, or a benefit's value, not given at all. */
export function isMissing(p: LineProblem): boolean {
  return p.code === 'missing-field' || (p.code === 'benefit-without-value' && p.fields.length > 1);
}

/** The usage error for a problem of a line built from flags, in the words of the flags. */
export function lineError(p: LineProblem, kind: unknown): CostarError {
  const flag = (f: string) => FLAGS[f] ?? f;
  switch (p.code) {
    case 'amount-and-cohort':
      return usageError('amount-and-cohort', 'give --amount, or --cohort with --unit-value, not both', 'A benefit is a yearly amount, or a cohort of people times a value per person.');
    case 'benefit-without-value':
      if (p.fields[0] === 'cohort') return usageError('missing-value', '--unit-value needs --cohort: how many people it reaches a year');
      if (p.fields[0] === 'unitValue') return usageError('missing-value', '--cohort needs --unit-value: the value per person');
      return usageError('missing-value', 'the value of the benefit is missing: give --amount (or --cohort and --unit-value)');
    case 'cashable-not-fiscal':
      return usageError('bad-value', `--cashable applies to fiscal benefits only, not to a ${String(kind)} benefit`);
    case 'missing-field':
      return usageError('missing-value', `${flag(p.fields[0]!)} is missing`);
    case 'bad-value':
      if (p.fields.includes('engagement') && p.fields.includes('success')) return usageError('bad-value', '--engagement and --success apply to --cohort and --unit-value, not to --amount');
      return usageError('bad-value', `${p.fields.map(flag).join(', ')}: ${p.message}`);
    default:
      return usageError('bad-value', `${p.fields.map(flag).join(', ')}: ${p.message}`);
  }
}

/** Refuses a line for its first problem that no prompt can answer (every problem when `all`). */
export function refuseLine<T>(built: Built<T>, all = false): void {
  const p = built.problems.find((x) => all || !isMissing(x));
  if (p) throw lineError(p, (built.line as Record<string, unknown>).kind);
}

/** The fields still missing from a built line. */
export function missingFields<T>(built: Built<T>): Set<string> {
  return new Set(built.problems.filter(isMissing).flatMap((p) => p.fields));
}
