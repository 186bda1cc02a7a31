/**
 * Market it, the questions: incentives from the menu or in your own words, then the charter's
 * lists, risks (suggested from the library) and review date. Prompts only: answers pass the
 * parsers of core/market.ts, and what they add is collected in a `Session` that index.ts writes
 * once. Everything here is said on stderr.
 */
import {
  emptyAdditions,
  hasIncentive,
  INCENTIVE_KIND_LABELS,
  parseCost,
  parseReview,
  riskContext,
  riskReasons,
  RISK_LEVEL_LABELS,
  sameIncentive,
  sameText,
  STAKEHOLDER_LABELS,
  withAdditions,
  type CharterAdditions,
  type CharterRiskInput,
  type IncentiveRecord,
} from '../../../core/market.js';
import { formatDate } from '../../../core/format.js';
import type { Initiative } from '../../../core/schema.js';
import { promptCheck } from '../../../core/values.js';
import { INCENTIVE_KINDS, RISK_LEVELS, STAKEHOLDERS, type IncentiveKind, type RiskLevel, type Stakeholder } from '../../../core/vocab.js';
import { COST_BAND_LABELS, INCENTIVE_MENU, type MenuIncentive } from '../../../data/incentives.js';
import { suggestRisks, toCharterRisk } from '../../../data/risks.js';
import type { Portfolio } from '../../../store/portfolio.js';
import type { Prompts } from '../../ask.js';
import { textWidth, wrap } from '../../cards.js';
import type { Io } from '../../io.js';
import { backable } from '../../prompt-guard.js';
import { say } from '../../render.js';
import { describeIncentive, marketState } from './render.js';

/** What a session adds, written once at its end. */
export interface Session {
  incentives: IncentiveRecord[];
  add: CharterAdditions;
}

export const newSession = (): Session => ({ incentives: [], add: emptyAdditions() });

const KIND_NOTES: Record<IncentiveKind, string> = {
  financial: 'Money, or costs paid',
  'non-financial': 'Recognition, learning, influence, time',
  deterrent: 'A consequence that discourages not taking part',
};

const notEmpty = (what: string) => (t: string) => (t.trim() ? true : what);

export async function askGroup(pr: Prompts, message: string, counts?: (g: Stakeholder) => number): Promise<Stakeholder> {
  return pr.select<Stakeholder>({
    message,
    choices: STAKEHOLDERS.map((g) => ({ value: g, name: counts ? `${STAKEHOLDER_LABELS[g]} (${counts(g)} on the menu)` : STAKEHOLDER_LABELS[g] })),
    pageSize: STAKEHOLDERS.length,
  });
}

export async function askKind(pr: Prompts): Promise<IncentiveKind> {
  return pr.select<IncentiveKind>({
    message: 'What kind of incentive?',
    choices: INCENTIVE_KINDS.map((k) => ({ value: k, name: INCENTIVE_KIND_LABELS[k], description: KIND_NOTES[k] })),
  });
}

export async function askWhat(pr: Prompts): Promise<string> {
  return (await pr.input({ message: 'The incentive, in a short phrase', validate: notEmpty('Say what the incentive is') })).trim();
}

/** A yearly cost, or nothing when left empty. */
export async function askCost(pr: Prompts, currency: string, band?: string): Promise<number | undefined> {
  const raw = await pr.input({
    message: `Yearly cost in ${currency}${band ? ` (menu guide: ${band})` : ''}; leave empty if not known`,
    validate: (s) => {
      if (!s.trim()) return true;
      const r = parseCost(s, currency);
      return r.ok ? true : r.message;
    },
  });
  const r = raw.trim() ? parseCost(raw, currency) : undefined;
  return r?.ok ? r.value : undefined;
}

/** Asks for items of one list until an empty answer; refuses repeats of what is there already. */
async function askList(pr: Prompts, message: string, existing: readonly string[], added: string[]): Promise<void> {
  for (;;) {
    const v = (
      await pr.input({
        message: `${message}${added.length ? ' (another, or empty to go on)' : ' (empty to go on)'}`,
        validate: (s) => ([...existing, ...added].some((x) => sameText(x, s)) ? 'That is already in the charter' : true),
      })
    ).trim();
    if (!v) return;
    added.push(v);
  }
}

/** Which initiative, searched by id or title. */
export async function chooseInitiative(io: Io, pr: Prompts, p: Portfolio): Promise<string> {
  return pr.search<string>({
    message: 'Which initiative?',
    pageSize: 10,
    source: (term) => {
      const t = (term ?? '').trim().toLowerCase();
      return p.initiatives
        .filter((i) => !t || i.id.includes(t) || i.title.toLowerCase().includes(t))
        .map((i) => ({ value: i.id, name: `${i.title}  ${io.ce.dim(`(${i.id})`)}`, description: marketState(i) }));
    },
  });
}

/** Incentives, from the menu or written out, until "no more". */
export async function incentivesStep(io: Io, pr: Prompts, p: Portfolio, i: Initiative, s: Session): Promise<void> {
  const currency = p.config.currency;
  const held = (x: IncentiveRecord) => hasIncentive(i, x) || s.incentives.some((y) => sameIncentive(y, x));
  const added = (inc: IncentiveRecord) => {
    s.incentives.push(inc);
    say(io, `  ${io.ce.green('+')} ${describeIncentive(inc, currency)}`);
  };
  for (;;) {
    const action = await pr.select<'menu' | 'own' | 'done'>({
      message: s.incentives.length ? 'Add another incentive?' : 'Add an incentive?',
      choices: [
        { value: 'menu', name: 'Pick one from the incentive menu', description: 'Built-in ideas for each stakeholder group, with an example and a cost guide' },
        { value: 'own', name: 'Write my own' },
        { value: 'done', name: s.incentives.length || (i.market?.incentives ?? []).length ? 'No more incentives' : 'Not now' },
      ],
      default: s.incentives.length ? 'done' : 'menu',
    });
    if (action === 'done') return;
    // Escape in the questions of one incentive comes back to "Add an incentive?".
    await backable(async () => {
      if (action === 'own') {
        const group = await askGroup(pr, 'Who is it for?');
        const kind = await askKind(pr);
        const what = await askWhat(pr);
        const cost = await askCost(pr, currency);
        const inc: IncentiveRecord = { for: group, kind, what, ...(cost !== undefined ? { cost } : {}) };
        if (held(inc)) say(io, `  ${io.ce.dim('already offered; left out')}`);
        else added(inc);
        return;
      }
      const group = await askGroup(pr, 'Incentives for whom?', (g) => INCENTIVE_MENU.filter((x) => x.for === g).length);
      const width = textWidth();
      const picked = await pr.select<MenuIncentive | null>({
        message: `Incentives for ${STAKEHOLDER_LABELS[group].toLowerCase()}`,
        pageSize: 12,
        choices: [
          ...INCENTIVE_MENU.filter((x) => x.for === group).map((x) => ({
            value: x,
            name: `${INCENTIVE_KIND_LABELS[x.kind]}: ${x.what}  ${io.ce.dim(`[${COST_BAND_LABELS[x.costBand]}]`)}`,
            description: [...wrap(`e.g. ${x.example}`, width), `Cost band: ${COST_BAND_LABELS[x.costBand]}`].join('\n'),
            ...(held({ for: x.for, kind: x.kind, what: x.what }) ? { disabled: '(already offered)' } : {}),
          })),
          { value: null, name: 'Back: choose another group' },
        ],
      });
      if (!picked) return;
      const cost = await askCost(pr, currency, COST_BAND_LABELS[picked.costBand]);
      added({ for: picked.for, kind: picked.kind, what: picked.what, ...(cost !== undefined ? { cost } : {}) });
    });
  }
}

/** A risk in the person's own words, rated, with an optional mitigation and owner; undefined when left empty. */
async function askOwnRisk(pr: Prompts, taken: readonly string[]): Promise<CharterRiskInput | undefined> {
  const text = (
    await pr.input({
      message: 'A risk in your own words (empty to go on)',
      validate: (t) => (taken.some((x) => sameText(x, t)) ? 'That risk is already in the register' : true),
    })
  ).trim();
  if (!text) return undefined;
  const level = (message: string) => pr.select<RiskLevel>({ message, choices: RISK_LEVELS.map((l) => ({ value: l, name: RISK_LEVEL_LABELS[l] })), default: 'medium' });
  const risk: CharterRiskInput = { risk: text, likelihood: await level('Likelihood'), impact: await level('Impact') };
  const mitigation = (await pr.input({ message: 'How will it be reduced? (empty to skip)' })).trim();
  const owner = (await pr.input({ message: 'Who owns it? (empty to skip)' })).trim();
  if (mitigation) risk.mitigation = mitigation;
  if (owner) risk.owner = owner;
  return risk;
}

/** The charter: parties, outcomes, both sides' commitments, risks and the review date. */
export async function charterStep(io: Io, pr: Prompts, p: Portfolio, i: Initiative, s: Session): Promise<void> {
  const ch = i.market?.charter;
  const { ce } = io;
  const show = (label: string, items: readonly string[]) => {
    if (items.length) say(io, `${ce.bold(label)} so far: ${items.join('; ')}`);
  };
  say(io, `\n${ce.bold('The co-production charter')}: who takes part, what you share, what each side promises, and the risks.`);
  show('Parties', ch?.parties ?? []);
  await askList(pr, `A party to the charter, e.g. ${p.config.organisation}`, ch?.parties ?? [], s.add.parties);
  show('Shared outcomes', ch?.sharedOutcomes ?? []);
  await askList(pr, 'An outcome both sides want', ch?.sharedOutcomes ?? [], s.add.sharedOutcomes);
  show('Service commitments', ch?.serviceCommitments ?? []);
  await askList(pr, 'What the service commits to', ch?.serviceCommitments ?? [], s.add.serviceCommitments);
  show('Community commitments', ch?.communityCommitments ?? []);
  await askList(pr, 'What the community commits to', ch?.communityCommitments ?? [], s.add.communityCommitments);

  // Risks: suggestions from the library, chosen by what the initiative holds (with this session's incentives).
  const existingRisks = (ch?.risks ?? []).map((r) => r.risk);
  show('Risks', existingRisks);
  const ctx = riskContext(withAdditions(i, s.incentives, emptyAdditions()), p.people);
  const offered = suggestRisks(ctx, existingRisks);
  if (offered.length) {
    const width = textWidth();
    const chosen = await pr.checkbox({
      message: 'Risks from the library that fit this initiative (space to pick, enter to go on; the reason shows below)',
      pageSize: 12,
      choices: offered.map((r) => ({
        value: r,
        name: r.risk,
        short: r.risk.length > 48 ? `${r.risk.slice(0, 47)}…` : r.risk,
        description: [
          ...wrap(`Suggested because ${riskReasons(r, ctx).join('; ')}. ${r.why}`, width),
          `Likelihood ${r.likelihood}, impact ${r.impact}; owner: ${r.owner}`,
          ...wrap(`Mitigation: ${r.mitigation}`, width),
        ].join('\n'),
      })),
    });
    for (const r of chosen) s.add.risks.push(toCharterRisk(r));
  }
  for (;;) {
    const risk = await askOwnRisk(pr, [...existingRisks, ...s.add.risks.map((r) => r.risk)]);
    if (!risk) break;
    s.add.risks.push(risk);
  }

  const review = (
    await pr.input({
      message: ch?.review ? `Review date (e.g. 30/06/2027; empty keeps ${formatDate(ch.review)})` : 'Review date (e.g. 30/06/2027; empty to leave unset)',
      validate: (t) => (!t.trim() || promptCheck(parseReview)(t)),
    })
  ).trim();
  const read = review ? parseReview(review) : undefined;
  if (read?.ok) s.add.review = read.value;
}
