/**
 * Market it, the flags: every value checked with the parsers of core/market.ts (the same ones the
 * prompts use) before a file is opened. A bad value is a usage error naming the flag (exit 2).
 */
import { usageError } from '../../../core/errors.js';
import {
  CHARTER_LISTS,
  emptyAdditions,
  parseCharterItem,
  parseCost,
  parseGroup,
  parseKind,
  parseMenuId,
  parseReview,
  parseRisk,
  parseWhat,
  type CharterAdditions,
  type CharterList,
} from '../../../core/market.js';
import type { IncentiveKind, Stakeholder } from '../../../core/vocab.js';
import { INCENTIVE_MENU } from '../../../data/incentives.js';
import { flagValue } from '../../check-values.js';

const optional = <T>(v: unknown, parse: (raw: string) => T): T | undefined => (v !== undefined ? parse(String(v)) : undefined);

/** `market menu --for --kind`. */
export function parseMenuOptions(opts: Record<string, unknown>): { group?: Stakeholder; kind?: IncentiveKind; json: boolean } {
  return {
    group: optional(opts.for, (s) => flagValue('--for', parseGroup(s))),
    kind: optional(opts.kind, (s) => flagValue('--kind', parseKind(s))),
    json: Boolean(opts.json),
  };
}

/** `market add-incentive`: what the flags give; the menu entry fills what they leave out. */
export interface IncentiveOptions {
  group?: Stakeholder;
  kind?: IncentiveKind;
  what?: string;
  cost?: number;
  /** Whether --cost was given (a menu entry has none, so without it the prompts ask). */
  costGiven: boolean;
  /** The flags still missing, for the prompts or the refusal. */
  missing: string[];
}

export function parseIncentiveOptions(opts: Record<string, unknown>, currency?: string): IncentiveOptions {
  const menu = optional(opts.fromMenu, (s) => flagValue('--from-menu', parseMenuId(s, INCENTIVE_MENU), 'See the ids with: costar market menu'));
  const group = optional(opts.for, (s) => flagValue('--for', parseGroup(s))) ?? menu?.for;
  const kind = optional(opts.kind, (s) => flagValue('--kind', parseKind(s))) ?? menu?.kind;
  const what = optional(opts.what, (s) => flagValue('--what', parseWhat(s))) ?? menu?.what;
  const cost = optional(opts.cost, (s) => flagValue('--cost', parseCost(s, currency)));
  const missing = [group === undefined ? '--for' : '', kind === undefined ? '--kind' : '', what === undefined ? '--what' : ''].filter(Boolean);
  return { group, kind, what, cost, costGiven: opts.cost !== undefined, missing };
}

/** The repeatable flag of each charter list, and its key in commander's options. */
export const CHARTER_FLAGS: Record<CharterList, { flag: string; opt: string }> = {
  parties: { flag: '--party', opt: 'party' },
  sharedOutcomes: { flag: '--outcome', opt: 'outcome' },
  serviceCommitments: { flag: '--service-commitment', opt: 'serviceCommitment' },
  communityCommitments: { flag: '--community-commitment', opt: 'communityCommitment' },
};

/** `market charter`: what the flags add to the charter (possibly nothing). */
export function parseCharterOptions(opts: Record<string, unknown>): CharterAdditions {
  const add = emptyAdditions();
  for (const list of CHARTER_LISTS) {
    const { flag, opt } = CHARTER_FLAGS[list];
    for (const raw of (opts[opt] as string[] | undefined) ?? []) add[list].push(flagValue(flag, parseCharterItem(String(raw), list)));
  }
  for (const raw of (opts.risk as string[] | undefined) ?? []) add.risks.push(flagValue('--risk', parseRisk(String(raw))));
  const review = optional(opts.review, (s) => flagValue('--review', parseReview(s), 'For example: --review 2027-06-30 or --review 30/06/2027'));
  if (review !== undefined) add.review = review;
  return add;
}

/** The refusal when `market charter` is given nothing to add and nobody can be asked. */
export function nothingToAdd(id: string): Error {
  return usageError(
    'missing-value',
    'nothing to add to the charter: give at least one of --party, --outcome, --service-commitment, --community-commitment, --risk or --review',
    `For example: costar market charter ${id} --party "Midshire Council" --service-commitment "Insure registered volunteers"`,
  );
}
