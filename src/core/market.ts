/**
 * Market it, pure: which risks fit an initiative and why, parsing charter and incentive values
 * given as flags or typed at a prompt, what a charter still lacks and what to do next, and the
 * edits that add incentives and charter items in the canonical key order. No fs, no console.
 */
import type { CharterRisk, LibraryRisk, RiskContext, RiskTrigger } from '../data/risks.js';
import type { MenuIncentive } from '../data/incentives.js';
import { didYouMean } from './diagnostics.js';
import { orderAt } from './key-order.js';
import type { RecordEdit } from './map.js';
import type { Charter, Initiative, Person } from './schema.js';
import { parseAmount, parseChoice, parseDate, type Parsed } from './values.js';
import { INCENTIVE_KINDS, RISK_LEVELS, STAKEHOLDERS, type IncentiveKind, type RiskLevel, type Stakeholder } from './vocab.js';

export type { Parsed };

/** An incentive as written into `market.incentives` (SPEC 3), keys in file order. */
export interface IncentiveRecord {
  for: Stakeholder;
  kind: IncentiveKind;
  what: string;
  cost?: number;
}

/** Human labels for the stakeholder groups, in STAKEHOLDERS order. */
export const STAKEHOLDER_LABELS: Record<Stakeholder, string> = {
  'service-users': 'Service users',
  carers: 'Carers',
  volunteers: 'Volunteers',
  residents: 'Residents',
  'frontline-staff': 'Frontline staff',
  managers: 'Managers',
  commissioners: 'Commissioners',
  councillors: 'Councillors',
  partners: 'Partners',
};

export const INCENTIVE_KIND_LABELS: Record<IncentiveKind, string> = {
  financial: 'Financial',
  'non-financial': 'Non-financial',
  deterrent: 'Deterrent',
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/**
 * The facts about an initiative that decide which library risks to offer: needs asking for a DBS
 * check, people involved (contributors or needs), under-18 contributors, incentives for
 * volunteers, financial incentives, and the Co's it practises at any level.
 */
export function riskContext(i: Initiative, people: ReadonlyMap<string, Person> | readonly Person[]): RiskContext {
  const byId = Array.isArray(people) ? new Map((people as readonly Person[]).map((p) => [p.id, p])) : (people as ReadonlyMap<string, Person>);
  const needs = i.people?.needs ?? [];
  const contributors = i.people?.contributors ?? [];
  const incentives = i.market?.incentives ?? [];
  return {
    needsDbs: needs.some((n) => (n.requires ?? []).some((r) => r.trim().toLowerCase() === 'dbs')),
    hasPeople: contributors.length > 0 || needs.length > 0,
    under18: contributors.some((id) => byId.get(id)?.under18 === true),
    volunteers: incentives.some((x) => x.for === 'volunteers'),
    financialIncentives: incentives.some((x) => x.kind === 'financial'),
    cos: Object.keys(i.cos ?? {}).sort(),
  };
}

const TRIGGER_REASONS: Record<Exclude<RiskTrigger, 'always'>, string> = {
  'needs-dbs': 'a need asks for a DBS check',
  'has-people': 'people take part as contributors',
  under18: 'a contributor is under 18',
  volunteers: 'it offers incentives to volunteers',
  'financial-incentives': 'it offers financial incentives',
  'co-delivery': 'it practises co-delivery',
  'co-assessment': 'it practises co-assessment',
  'co-commissioning': 'it practises co-commissioning',
};

/** The facts of this initiative that made a library risk fit, in words; "every initiative" for the general ones. */
export function riskReasons(risk: LibraryRisk, ctx: RiskContext): string[] {
  const out: string[] = [];
  for (const t of risk.triggers) {
    if (t === 'always') continue;
    const holds =
      t === 'needs-dbs' ? ctx.needsDbs
      : t === 'has-people' ? ctx.hasPeople
      : t === 'under18' ? ctx.under18
      : t === 'volunteers' ? ctx.volunteers
      : t === 'financial-incentives' ? ctx.financialIncentives
      : ctx.cos.includes(t);
    if (holds) out.push(TRIGGER_REASONS[t]);
  }
  return out.length ? out : ['it applies to every initiative'];
}

/** Text compared ignoring case and runs of spaces: how duplicates are recognised. */
export function sameText(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

function normalise(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}


/** A yearly cost of 0 or more: 1800, 1,800, 1800.50 or, with the portfolio's `currency`, £1,800 (values.ts parseAmount). */
export function parseCost(raw: string, currency?: string): Parsed<number> {
  return parseAmount(raw, 'a yearly cost', currency);
}

/** A stakeholder group, with "did you mean" for a near miss. */
export function parseGroup(raw: string): Parsed<Stakeholder> {
  return parseChoice(raw, STAKEHOLDERS, 'a stakeholder group');
}

export function parseKind(raw: string): Parsed<IncentiveKind> {
  return parseChoice(raw, INCENTIVE_KINDS, 'a kind of incentive');
}

/** low, medium or high (any case). */
export function parseLevel(raw: string): Parsed<RiskLevel> {
  return parseChoice(raw.trim().toLowerCase(), RISK_LEVELS, 'low, medium or high', raw.trim());
}


/**
 * Parses a risk given as `risk|likelihood|impact|mitigation|owner`. The risk is required;
 * later fields may be left empty or left off; likelihood and impact are low, medium or high.
 */
export function parseRisk(raw: string): Parsed<CharterRisk | (Partial<CharterRisk> & { risk: string })> {
  const parts = raw.split('|').map((s) => s.trim());
  if (parts.length > 5) {
    return { ok: false, message: `${JSON.stringify(raw)} has ${parts.length} parts; expected at most 5: risk|likelihood|impact|mitigation|owner (no "|" inside the texts)` };
  }
  const [risk = '', likelihood = '', impact = '', mitigation = '', owner = ''] = parts;
  if (!risk) return { ok: false, message: `${JSON.stringify(raw)} does not start with the risk itself: risk|likelihood|impact|mitigation|owner` };
  const out: Partial<CharterRisk> & { risk: string } = { risk };
  if (likelihood) {
    const l = parseLevel(likelihood);
    if (!l.ok) return { ...l, message: `likelihood ${l.message}` };
    out.likelihood = l.value;
  }
  if (impact) {
    const l = parseLevel(impact);
    if (!l.ok) return { ...l, message: `impact ${l.message}` };
    out.impact = l.value;
  }
  if (mitigation) out.mitigation = mitigation;
  if (owner) out.owner = owner;
  return { ok: true, value: out };
}

export type CharterRiskInput = Partial<CharterRisk> & { risk: string };

/** What to add to a charter; every list may be empty. */
export interface CharterAdditions {
  parties: string[];
  sharedOutcomes: string[];
  serviceCommitments: string[];
  communityCommitments: string[];
  risks: CharterRiskInput[];
  /** A new review date (replaces the old one). */
  review?: string;
}

export const CHARTER_LISTS = ['parties', 'sharedOutcomes', 'serviceCommitments', 'communityCommitments'] as const;
export type CharterList = (typeof CHARTER_LISTS)[number];

export const CHARTER_LIST_LABELS: Record<CharterList | 'risks', string> = {
  parties: 'party',
  sharedOutcomes: 'shared outcome',
  serviceCommitments: 'service commitment',
  communityCommitments: 'community commitment',
  risks: 'risk',
};

export function emptyAdditions(): CharterAdditions {
  return { parties: [], sharedOutcomes: [], serviceCommitments: [], communityCommitments: [], risks: [] };
}

/**
 * Leaves out additions the charter already holds (or that repeat each other), compared ignoring
 * case and spacing; risks by their risk text. Returns what remains and what was left out.
 */
export function newCharterItems(existing: Charter | undefined, add: CharterAdditions): { added: CharterAdditions; repeated: string[] } {
  const added = emptyAdditions();
  const repeated: string[] = [];
  for (const list of CHARTER_LISTS) {
    const seen = (existing?.[list] ?? []).map(normalise);
    for (const item of add[list]) {
      const key = normalise(item);
      if (seen.includes(key)) repeated.push(`${CHARTER_LIST_LABELS[list]} "${item.trim()}"`);
      else {
        seen.push(key);
        added[list].push(item.trim());
      }
    }
  }
  const seenRisks = (existing?.risks ?? []).map((r) => normalise(r.risk));
  for (const r of add.risks) {
    const key = normalise(r.risk);
    if (seenRisks.includes(key)) repeated.push(`risk "${r.risk.trim()}"`);
    else {
      seenRisks.push(key);
      added.risks.push(r);
    }
  }
  if (add.review !== undefined && add.review !== existing?.review) added.review = add.review;
  return { added, repeated };
}

/** How many items the additions hold (a new review date counts as one). */
export function countAdditions(a: CharterAdditions): number {
  return CHARTER_LISTS.reduce((n, l) => n + a[l].length, 0) + a.risks.length + (a.review !== undefined ? 1 : 0);
}

/** Whether the initiative already holds this incentive (same group, kind and text). */
export function hasIncentive(i: Initiative, inc: IncentiveRecord): boolean {
  return (i.market?.incentives ?? []).some((x) => sameIncentive(x, inc));
}

/** Two incentives are the same when group and kind match and the text matches ignoring case and spacing. */
export function sameIncentive(a: IncentiveRecord, b: IncentiveRecord): boolean {
  return a.for === b.for && a.kind === b.kind && sameText(a.what, b.what);
}

/** What Market it still lacks for an initiative (SPEC 5): empty when the step is complete. */
export function marketGaps(i: Initiative): Array<'incentive' | 'service-commitment' | 'community-commitment'> {
  const gaps: Array<'incentive' | 'service-commitment' | 'community-commitment'> = [];
  const ch = i.market?.charter;
  if (!(i.market?.incentives ?? []).length) gaps.push('incentive');
  if (!(ch?.serviceCommitments ?? []).length) gaps.push('service-commitment');
  if (!(ch?.communityCommitments ?? []).length) gaps.push('community-commitment');
  return gaps;
}

/** The yearly cost of an initiative's costed incentives, and how many have no cost recorded. */
export function incentiveCosts(incentives: readonly { cost?: number }[]): { total: number; uncosted: number } {
  let total = 0;
  let uncosted = 0;
  for (const x of incentives) {
    if (typeof x.cost === 'number') total += x.cost;
    else uncosted++;
  }
  return { total, uncosted };
}

// ------------------------------------------------------------------------------- more parsers

/** An id of the incentive menu, with "did you mean" for a near miss. */
export function parseMenuId(raw: string, menu: readonly MenuIncentive[]): Parsed<MenuIncentive> {
  const found = menu.find((x) => x.id === raw);
  if (found) return { ok: true, value: found };
  const near = didYouMean(raw, menu.map((x) => x.id));
  return { ok: false, message: `${JSON.stringify(raw)} is not on the incentive menu${near ? `; did you mean "${near}"?` : ''}` };
}

/** The incentive itself, in a short phrase: any text but empty. */
export function parseWhat(raw: string): Parsed<string> {
  const t = raw.trim();
  return t ? { ok: true, value: t } : { ok: false, message: 'is empty: say what the incentive is' };
}

/** An item of a charter list (a party, an outcome, a commitment): any text but empty. */
export function parseCharterItem(raw: string, list: CharterList): Parsed<string> {
  const t = raw.trim();
  return t ? { ok: true, value: t } : { ok: false, message: `is empty: give the ${CHARTER_LIST_LABELS[list]} as text` };
}

/** A review date: a real date, given as 2027-06-30 or 30/06/2027, kept as YYYY-MM-DD. */
export function parseReview(raw: string): Parsed<string> {
  return parseDate(raw, 'the review date');
}

// ------------------------------------------------------------------------------- the writes

/** The edit that appends an incentive, in the canonical key order. */
export function incentiveOp(x: IncentiveRecord): RecordEdit {
  return { op: 'append', path: ['market', 'incentives'], value: orderAt('initiative', ['market', 'incentives', 0], { ...x }) };
}

/** The edits that add to a charter: items appended to its lists, risks in key order, a new review date. */
export function charterOps(add: CharterAdditions): RecordEdit[] {
  const ops: RecordEdit[] = [];
  for (const list of CHARTER_LISTS) for (const v of add[list]) ops.push({ op: 'append', path: ['market', 'charter', list], value: v });
  for (const r of add.risks) ops.push({ op: 'append', path: ['market', 'charter', 'risks'], value: orderAt('initiative', ['market', 'charter', 'risks', 0], { ...r }) });
  if (add.review !== undefined) ops.push({ op: 'set', path: ['market', 'charter', 'review'], value: add.review });
  return ops;
}

/** The initiative as it will be once the additions are written: for the step check and suggestions. */
export function withAdditions(i: Initiative, incentives: readonly IncentiveRecord[], add: CharterAdditions): Initiative {
  const ch = i.market?.charter ?? {};
  const charter = { ...ch, review: add.review ?? ch.review, risks: [...(ch.risks ?? []), ...add.risks] } as Charter;
  for (const list of CHARTER_LISTS) charter[list] = [...(ch[list] ?? []), ...add[list]];
  return { ...i, market: { ...i.market, incentives: [...(i.market?.incentives ?? []), ...incentives], charter } } as Initiative;
}

/** What a gap of Market it asks for, in words. */
export const MARKET_GAP_WORDS: Record<ReturnType<typeof marketGaps>[number], string> = {
  incentive: 'an incentive',
  'service-commitment': 'a commitment of the service',
  'community-commitment': 'a commitment of the community',
};

/** What to do next for Market it: the command, and the gaps it closes (none when the step is complete). */
export function marketNext(i: Initiative): { gaps: ReturnType<typeof marketGaps>; command: string } {
  const gaps = marketGaps(i);
  if (!gaps.length) return { gaps, command: `${i.market?.charter ? `costar generate charter ${i.id} --format html, then ` : ''}costar grow — indicators to show it works` };
  if (gaps.includes('incentive')) return { gaps, command: `costar market menu, then costar market add-incentive ${i.id} --from-menu <menu id>` };
  const flags = [gaps.includes('service-commitment') ? '--service-commitment "…"' : '', gaps.includes('community-commitment') ? '--community-commitment "…"' : ''].filter(Boolean).join(' ');
  return { gaps, command: `costar market charter ${i.id} ${flags}` };
}
