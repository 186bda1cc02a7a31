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
  type CharterList,
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
import { backable, BackSignal, stepIf, steps } from '../../prompt-guard.js';
import { plural } from '../../../core/format.js';
import { say } from '../../render.js';
import { describeIncentive, marketState } from './render.js';

/** What a session adds, written at its end or with "Save now" (plain data: it is journalled). */
export interface Session {
  incentives: IncentiveRecord[];
  add: CharterAdditions;
}

/** "Save now": how many changes wait, and saving them (true when saved; the session goes on from the file). */
export interface SaveNow {
  pending(): number;
  save(): boolean;
}

export const newSession = (): Session => ({ incentives: [], add: emptyAdditions() });

const KIND_NOTES: Record<IncentiveKind, string> = {
  financial: 'Money, or costs paid',
  'non-financial': 'Recognition, learning, influence, time',
  deterrent: 'A consequence that discourages not taking part',
};

const notEmpty = (what: string) => (t: string) => (t.trim() ? true : what);

export async function askGroup(pr: Prompts, message: string, counts?: (g: Stakeholder) => number, def?: Stakeholder): Promise<Stakeholder> {
  return pr.select<Stakeholder>({
    message,
    default: def,
    choices: STAKEHOLDERS.map((g) => ({ value: g, name: counts ? `${STAKEHOLDER_LABELS[g]} (${counts(g)} on the menu)` : STAKEHOLDER_LABELS[g] })),
    pageSize: STAKEHOLDERS.length,
  });
}

export async function askKind(pr: Prompts, def?: IncentiveKind): Promise<IncentiveKind> {
  return pr.select<IncentiveKind>({
    message: 'What kind of incentive?',
    default: def,
    choices: INCENTIVE_KINDS.map((k) => ({ value: k, name: INCENTIVE_KIND_LABELS[k], description: KIND_NOTES[k] })),
  });
}

export async function askWhat(pr: Prompts, def?: string): Promise<string> {
  return (await pr.input({ message: 'The incentive, in a short phrase', default: def || undefined, validate: notEmpty('Say what the incentive is') })).trim();
}

/** A yearly cost, or nothing when left empty; `def` is an earlier answer. */
export async function askCost(pr: Prompts, currency: string, band?: string, def?: number): Promise<number | undefined> {
  const raw = await pr.input({
    message: `Yearly cost in ${currency}${band ? ` (menu guide: ${band})` : ''}; leave empty if not known`,
    default: def === undefined ? undefined : String(def),
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
export async function incentivesStep(io: Io, pr: Prompts, p: Portfolio, i: Initiative, s: Session, saveNow?: SaveNow): Promise<void> {
  const currency = p.config.currency;
  const held = (x: IncentiveRecord) => hasIncentive(i, x) || s.incentives.some((y) => sameIncentive(y, x));
  const added = (inc: IncentiveRecord) => {
    s.incentives.push(inc);
    say(io, `  ${io.ce.green('+')} ${describeIncentive(inc, currency)}`);
  };
  for (;;) {
    const waiting = saveNow?.pending() ?? 0;
    const action = await pr.select<'menu' | 'own' | 'done' | 'save'>({
      message: s.incentives.length ? 'Add another incentive?' : 'Add an incentive?',
      choices: [
        { value: 'menu', name: 'Pick one from the incentive menu', description: 'Built-in ideas for each stakeholder group, with an example and a cost guide' },
        { value: 'own', name: 'Write my own' },
        { value: 'done', name: s.incentives.length || (i.market?.incentives ?? []).length ? 'No more incentives' : 'Not now' },
        ...(waiting ? [{ value: 'save' as const, name: `Save now (${plural(waiting, 'change')}), then go on` }] : []),
      ],
      default: s.incentives.length ? 'done' : 'menu',
    });
    if (action === 'done') return;
    if (action === 'save') {
      saveNow?.save();
      continue;
    }
    // Escape goes back to the question before, its answer kept; at the first, to "Add an incentive?".
    await backable(async () => {
      if (action === 'own') {
        let group: Stakeholder | undefined;
        let kind: IncentiveKind | undefined;
        let what = '';
        let cost: number | undefined;
        await steps([
          async () => {
            group = await askGroup(pr, 'Who is it for?', undefined, group);
          },
          async () => {
            kind = await askKind(pr, kind);
          },
          async () => {
            what = await askWhat(pr, what);
          },
          async () => {
            cost = await askCost(pr, currency, undefined, cost);
          },
        ]);
        const inc: IncentiveRecord = { for: group!, kind: kind!, what, ...(cost !== undefined ? { cost } : {}) };
        if (held(inc)) say(io, `  ${io.ce.dim('already offered; left out')}`);
        else added(inc);
        return;
      }
      let group: Stakeholder | undefined;
      let picked: MenuIncentive | undefined;
      let cost: number | undefined;
      await steps([
        async () => {
          group = await askGroup(pr, 'Incentives for whom?', (g) => INCENTIVE_MENU.filter((x) => x.for === g).length, group);
        },
        async () => {
          picked = (await pickFromMenu(io, pr, group!, held, picked)) ?? undefined;
          // "Back: choose another group" does what Escape does.
          if (!picked) throw new BackSignal();
        },
        async () => {
          cost = await askCost(pr, currency, COST_BAND_LABELS[picked!.costBand], cost);
        },
      ]);
      added({ for: picked!.for, kind: picked!.kind, what: picked!.what, ...(cost !== undefined ? { cost } : {}) });
    });
  }
}

/** One incentive of a group's menu, or null for "Back: choose another group". */
async function pickFromMenu(io: Io, pr: Prompts, group: Stakeholder, held: (x: IncentiveRecord) => boolean, def?: MenuIncentive): Promise<MenuIncentive | null> {
  const width = textWidth();
  return pr.select<MenuIncentive | null>({
    message: `Incentives for ${STAKEHOLDER_LABELS[group].toLowerCase()}`,
    pageSize: 12,
    default: def,
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
}

/**
 * A risk in the person's own words, rated, with an optional mitigation and owner; undefined when
 * left empty. Escape goes back to the question before, its answer kept; at the risk itself, out.
 */
async function askOwnRisk(pr: Prompts, taken: readonly string[]): Promise<CharterRiskInput | undefined> {
  let text = '';
  const rated: Partial<Record<'likelihood' | 'impact', RiskLevel>> = {};
  let mitigation = '';
  let owner = '';
  const level = (key: 'likelihood' | 'impact', message: string) =>
    stepIf(
      () => text !== '',
      async () => {
        rated[key] = await pr.select<RiskLevel>({ message, choices: RISK_LEVELS.map((l) => ({ value: l, name: RISK_LEVEL_LABELS[l] })), default: rated[key] ?? 'medium' });
      },
    );
  await steps([
    async () => {
      text = (
        await pr.input({
          message: 'A risk in your own words (empty to go on)',
          default: text || undefined,
          validate: (t) => (taken.some((x) => sameText(x, t)) ? 'That risk is already in the register' : true),
        })
      ).trim();
    },
    level('likelihood', 'Likelihood'),
    level('impact', 'Impact'),
    stepIf(
      () => text !== '',
      async () => {
        mitigation = (await pr.input({ message: 'How will it be reduced? (empty to skip)', default: mitigation || undefined })).trim();
      },
    ),
    stepIf(
      () => text !== '',
      async () => {
        owner = (await pr.input({ message: 'Who owns it? (empty to skip)', default: owner || undefined })).trim();
      },
    ),
  ]);
  if (!text) return undefined;
  const risk: CharterRiskInput = { risk: text, likelihood: rated.likelihood!, impact: rated.impact! };
  if (mitigation) risk.mitigation = mitigation;
  if (owner) risk.owner = owner;
  return risk;
}

/**
 * The charter: parties, outcomes, both sides' commitments, risks and the review date. Each list
 * is one step: Escape goes back to the list or question before, and what was added stays (shown
 * when the list is asked again).
 */
export async function charterStep(io: Io, pr: Prompts, p: Portfolio, i: Initiative, s: Session): Promise<void> {
  const ch = i.market?.charter;
  const { ce } = io;
  const show = (label: string, items: readonly string[]) => {
    if (items.length) say(io, `${ce.bold(label)} so far: ${items.join('; ')}`);
  };
  const list = (key: CharterList, label: string, message: string) => async () => {
    show(label, [...(ch?.[key] ?? []), ...s.add[key]]);
    await askList(pr, message, ch?.[key] ?? [], s.add[key]);
  };
  say(io, `\n${ce.bold('The co-production charter')}: who takes part, what you share, what each side promises, and the risks.`);

  // Risks: suggestions from the library, chosen by what the initiative holds (with this session's incentives).
  const existingRisks = (ch?.risks ?? []).map((r) => r.risk);
  const ctx = riskContext(withAdditions(i, s.incentives, emptyAdditions()), p.people);
  const offered = suggestRisks(ctx, existingRisks);
  const fromLibrary = (r: CharterRiskInput) => offered.some((o) => sameText(o.risk, r.risk));
  let review = '';
  await steps([
    list('parties', 'Parties', `A party to the charter, e.g. ${p.config.organisation}`),
    list('sharedOutcomes', 'Shared outcomes', 'An outcome both sides want'),
    list('serviceCommitments', 'Service commitments', 'What the service commits to'),
    list('communityCommitments', 'Community commitments', 'What the community commits to'),
    async () => {
      show('Risks', existingRisks);
      // Nothing to suggest: passed over, going back too.
      if (!offered.length) return 'skip';
      const width = textWidth();
      const chosen = await pr.checkbox({
        message: 'Risks from the library that fit this initiative (space to pick, enter to go on; the reason shows below)',
        pageSize: 12,
        choices: offered.map((r) => ({
          value: r,
          name: r.risk,
          short: r.risk.length > 48 ? `${r.risk.slice(0, 47)}…` : r.risk,
          checked: s.add.risks.some((x) => sameText(x.risk, r.risk)),
          description: [
            ...wrap(`Suggested because ${riskReasons(r, ctx).join('; ')}. ${r.why}`, width),
            `Likelihood ${r.likelihood}, impact ${r.impact}; owner: ${r.owner}`,
            ...wrap(`Mitigation: ${r.mitigation}`, width),
          ].join('\n'),
        })),
      });
      // Asked again, the ticks replace the earlier ones; risks in the person's own words stay.
      s.add.risks = [...chosen.map(toCharterRisk), ...s.add.risks.filter((r) => !fromLibrary(r))];
    },
    async () => {
      const own = s.add.risks.filter((r) => !fromLibrary(r));
      if (own.length) show('Risks', [...existingRisks, ...s.add.risks.map((r) => r.risk)]);
      for (;;) {
        const risk = await askOwnRisk(pr, [...existingRisks, ...s.add.risks.map((r) => r.risk)]);
        if (!risk) break;
        s.add.risks.push(risk);
      }
    },
    async () => {
      review = (
        await pr.input({
          message: ch?.review ? `Review date (e.g. 30/06/2027; empty keeps ${formatDate(ch.review)})` : 'Review date (e.g. 30/06/2027; empty to leave unset)',
          default: review || undefined,
          validate: (t) => !t.trim() || promptCheck(parseReview)(t),
        })
      ).trim();
    },
  ]);
  const read = review ? parseReview(review) : undefined;
  if (read?.ok) s.add.review = read.value;
}
