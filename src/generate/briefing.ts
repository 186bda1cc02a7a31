/**
 * The councillor briefing (`costar generate briefing --ward <w>`): one ward's initiatives and
 * their stage, the community's assets by skill as counts, the needs still open, the councillor's
 * role as community connector and three concrete asks. It holds counts, never a person: no id,
 * name or contact reaches the template, whatever --include-personal says. Counts of people reach
 * it already suppressed (core/privacy.ts): 1 to privacy.minCount − 1 as "fewer than 5", and a
 * second count withheld where the first could be worked out from a total; no raw count of
 * people is in the template's data.
 */
import type { Config } from '../core/config.js';
import { plural } from '../core/format.js';
import { CostarError } from '../core/errors.js';
import { isAvailable } from '../core/eligibility.js';
import { matchDetail, type MatchDetail } from '../core/match.js';
import { byShownCount, cell, showCount, suppressGroup, wardCounts, type CountCell } from '../core/privacy.js';
import type { Initiative } from '../core/schema.js';
import { stepsDone } from '../core/star.js';
import { STEP_LABELS, STEPS } from '../core/vocab.js';
import type { Portfolio } from '../store/portfolio.js';
import { baseContext, checkName, skillName, type DocKind, type DocOptions } from './kinds.js';

export interface BriefingInitiative {
  id: string;
  title: string;
  serviceArea: string;
  status: string;
  /** The five steps, each done or not, in the journey's order. */
  steps: Array<{ step: string; label: string; done: boolean }>;
  stepsDone: number;
  /** The first step not yet done, or null when all five are. */
  nextStep: string | null;
  contributors: CountCell;
  /** Whether the initiative names the ward (false: only one of its needs does). */
  listed: boolean;
}

export interface BriefingAsset {
  skill: string;
  /** Survey returns from the ward that offer the skill. */
  offered: CountCell;
  /** Of those, the ones who agreed to be matched and are willing. */
  ready: CountCell;
  /** Returns from the ward that would like to learn or receive it. */
  wanted: CountCell;
}

export interface BriefingNeed {
  initiative: string;
  title: string;
  need: number;
  skill: string;
  missing: number;
  count: number;
  /** Checks the need asks for, e.g. "dbs"; null when none. */
  requires: string | null;
  /** True when the need is for this ward only; false when residents of any ward can help. */
  wardOnly: boolean;
}

export interface BriefingAsk {
  title: string;
  detail: string;
}

export interface BriefingContext extends Record<string, unknown> {
  ward: { id: string; label: string };
  figures: { initiatives: number; returns: CountCell; ready: CountCell; openSlots: number; swaps: CountCell };
  /** The smallest count of people shown as a number (privacy.minCount). */
  minCount: number;
  initiatives: BriefingInitiative[];
  assets: BriefingAsset[];
  /** Returns from the ward by kind of contributor; `hidden` when no safe breakdown exists. */
  returns: { individuals: CountCell; groups: CountCell; organisations: CountCell; unstated: CountCell | null; withoutConsent: CountCell; hidden: boolean };
  unfilled: BriefingNeed[];
  /** Needs of initiatives that name no ward: residents of every ward can help. */
  everyWard: BriefingNeed[];
  /** Roles recorded for this ward's councillors in initiatives' grow.councillors. */
  roles: Array<{ initiative: string; title: string; role: string }>;
  asks: BriefingAsk[];
}

const details = new WeakMap<Portfolio, MatchDetail>();

function detailOf(p: Portfolio): MatchDetail {
  let d = details.get(p);
  if (!d) {
    d = matchDetail(p.config, p.initiatives, p.people);
    details.set(p, d);
  }
  return d;
}

const STATUS_ORDER = ['idea', 'planned', 'pilot', 'running', 'scaled', 'stopped'];

/** The briefing's data for one ward. */
export function briefingContext(p: Portfolio, wardId: string, opts: DocOptions): BriefingContext {
  const config: Config = p.config;
  const k = config.privacy.minCount;
  const ward = config.wards.find((w) => w.id === wardId);
  if (!ward) throw new CostarError('unknown-ward', `"${wardId}" is not a ward of this portfolio`);
  const d = detailOf(p);
  const areaLabel = new Map(config.serviceAreas.map((a) => [a.id, a.label]));
  const byId = new Map(p.initiatives.map((i) => [i.id, i]));

  // Initiatives in the ward: those that name it, and those with a need for it.
  const inWard = (i: Initiative) => (i.wards ?? []).includes(ward.id);
  const needsWard = (i: Initiative) => (i.people?.needs ?? []).some((n) => n?.ward === ward.id);
  const initiatives: BriefingInitiative[] = p.initiatives
    .filter((i) => inWard(i) || needsWard(i))
    .map((i) => {
      const done = stepsDone(config, i);
      const next = STEPS.find((s) => !done[s]) ?? null;
      return {
        id: i.id,
        title: i.title,
        serviceArea: areaLabel.get(i.serviceArea) ?? i.serviceArea,
        status: i.status,
        steps: STEPS.map((s) => ({ step: s, label: STEP_LABELS[s], done: done[s] })),
        stepsDone: STEPS.filter((s) => done[s]).length,
        nextStep: next === null ? null : STEP_LABELS[next],
        contributors: cell(showCount(new Set(i.people?.contributors ?? []).size, k), k),
        listed: inWard(i),
      };
    })
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));

  // Assets: survey returns from the ward, as counts per skill.
  const residents = p.people.filter((x) => x.ward === ward.id);
  // The ward's number of returns is its cell of the portfolio's people-by-ward group, as the
  // report prints it: a ward withheld there is withheld here too.
  const wardOrder = [...config.wards.map((w) => w.id), ...[...new Set(p.people.map((x) => x.ward).filter((w): w is string => !!w && !config.wards.some((c) => c.id === w)))].sort()];
  const wardGroup = wardCounts(p.people.map((x) => x.ward), wardOrder, k);
  const R = wardGroup.byWard.get(ward.id)!;
  const shownTotal = R.n !== null;
  // A withheld ward: any count of its people would tell the reader the ward has at least that
  // many (and two disjoint ones, their sum), which could undo the report's ward table. Each
  // reads 0 or "not shown", so all the reader learns is at least 1 (at least 2 for two).
  const capped = (c: CountCell): CountCell => (R.withheld && c.n !== 0 ? { text: 'not shown', n: null, withheld: true } : c);
  const raw = new Map<string, { offered: number; ready: number; wanted: number }>();
  const tally = (skill: string) => {
    let a = raw.get(skill);
    if (!a) raw.set(skill, (a = { offered: 0, ready: 0, wanted: 0 }));
    return a;
  };
  for (const r of residents) {
    for (const s of new Set(r.offers ?? [])) {
      const a = tally(s);
      a.offered++;
      if (isAvailable(r)) a.ready++;
    }
    for (const s of new Set(r.wants ?? [])) tally(s).wanted++;
  }
  const n = residents.length;
  // Each count of a skill is one part of the ward's returns (the rest, "does not offer", follows
  // by subtraction), and "ready" one part of those offering it.
  const part = (x: number, of: number, ofShown: boolean) => capped(cell(suppressGroup([{ n: x }, { n: of - x, implicit: true }], k, ofShown).cells[0]!, k));
  const assets: BriefingAsset[] = [...raw.entries()]
    .map(([skill, a]) => {
      const offered = part(a.offered, n, shownTotal);
      return { skill, offered, ready: part(a.ready, a.offered, offered.n !== null), wanted: part(a.wanted, n, shownTotal) };
    })
    .sort((a, b) => byShownCount(a.offered, b.offered) || byShownCount(a.wanted, b.wanted) || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
  const kinds = suppressGroup(
    [
      { n: residents.filter((r) => r.kind === 'individual').length },
      { n: residents.filter((r) => r.kind === 'group').length },
      { n: residents.filter((r) => r.kind === 'organisation').length },
      { n: residents.filter((r) => r.kind === undefined).length },
    ],
    k,
    shownTotal,
  );
  const readyN = residents.filter(isAvailable).length;
  const consentedN = residents.filter((r) => r.consent === true).length;
  // Ready, agreed but not willing now (not printed), without consent: one split of the returns.
  const consent = suppressGroup([{ n: readyN }, { n: consentedN - readyN, implicit: true }, { n: n - consentedN }], k, shownTotal);
  const returns = {
    individuals: cell(kinds.cells[0]!, k),
    groups: cell(kinds.cells[1]!, k),
    organisations: cell(kinds.cells[2]!, k),
    unstated: kinds.cells[3]!.n === 0 ? null : cell(kinds.cells[3]!, k),
    withoutConsent: capped(cell(consent.cells[2]!, k)),
    // Kinds add up to the ward's returns: not printed when those are withheld.
    hidden: kinds.hidden || R.withheld,
  };
  const ready = capped(cell(consent.cells[0]!, k));

  // Open needs: for this ward, or for any ward in an initiative that names it; and the needs of
  // initiatives that name no ward at all.
  const toNeed = (u: { initiative: string; need: number; skill: string; missing: number }): BriefingNeed => {
    const fill = d.needs.find((n) => n.initiative === u.initiative && n.need === u.need)!;
    return {
      initiative: u.initiative,
      title: byId.get(u.initiative)?.title ?? u.initiative,
      need: u.need,
      skill: u.skill,
      missing: u.missing,
      count: fill.count,
      requires: fill.requires.length ? fill.requires.map(checkName).join(', ') : null,
      wardOnly: fill.ward === ward.id,
    };
  };
  const unfilled: BriefingNeed[] = [];
  const everyWard: BriefingNeed[] = [];
  for (const u of d.unfilled) {
    const fill = d.needs.find((n) => n.initiative === u.initiative && n.need === u.need)!;
    const ini = byId.get(u.initiative);
    if (!ini) continue;
    if (fill.ward === ward.id || (fill.ward === null && inWard(ini))) unfilled.push(toNeed(u));
    else if (fill.ward === null && !(ini.wards ?? []).length) everyWard.push(toNeed(u));
  }
  const byMissing = (a: BriefingNeed, b: BriefingNeed) => b.missing - a.missing || (a.initiative < b.initiative ? -1 : a.initiative > b.initiative ? 1 : 0) || a.need - b.need;
  unfilled.sort(byMissing);
  everyWard.sort(byMissing);

  const roles = p.initiatives.flatMap((i) =>
    (i.grow?.councillors ?? []).filter((c) => c?.ward === ward.id).map((c) => ({ initiative: i.id, title: i.title, role: c.role ?? 'councillor involved' })),
  );

  // Skill swaps inside the ward (both people live there by the pairing rule).
  const wardOf = new Map(p.people.map((x) => [x.id, x.ward]));
  const swaps = d.pairs.filter((x) => wardOf.get(x.want) === ward.id);

  const asks = chooseAsks({ ward: ward.label, initiatives, unfilled, everyWard, swaps: swaps.map((s) => s.skill), assets, returns, residents: R, minCount: k });

  void opts; // briefings never show people, so --include-personal changes nothing
  // Fields set one by one: an object spread followed by more fields is many times slower in V8.
  const base = baseContext(config, `Councillor briefing: ${ward.label}`, `Co-production in ${ward.label} — ${config.organisation}`, 'briefing', opts);
  return {
    generator: base.generator,
    doc: base.doc,
    portfolio: base.portfolio,
    ward: { id: ward.id, label: ward.label },
    figures: {
      initiatives: initiatives.length,
      returns: R,
      ready,
      openSlots: unfilled.reduce((s, n) => s + n.missing, 0),
      swaps: cell(showCount(swaps.length, k), k),
    },
    minCount: k,
    initiatives,
    assets,
    returns,
    unfilled,
    everyWard,
    roles,
    asks,
  };
}

interface AskInput {
  ward: string;
  initiatives: BriefingInitiative[];
  unfilled: BriefingNeed[];
  everyWard: BriefingNeed[];
  swaps: string[];
  assets: BriefingAsset[];
  returns: BriefingContext['returns'];
  residents: CountCell;
  minCount: number;
}

const NEXT_STEP_ASK: Record<string, string> = {
  [STEP_LABELS.map]: 'help describe which of the Four Co’s it practises, so it shows on the council’s co-production star',
  [STEP_LABELS.focus]: 'give a ward view when it is scored on the impact matrix, so local impact is counted',
  [STEP_LABELS.people]: 'point residents who could take part towards it, so its first contributors are recorded',
  [STEP_LABELS.market]: 'help agree its co-production charter and the incentives that will keep volunteers involved',
  [STEP_LABELS.grow]: 'take part in its 360-degree review, so councillors’ views shape how it grows',
};

/** Three concrete asks, chosen from what the ward's data shows, in order of usefulness. */
export function chooseAsks(x: AskInput): BriefingAsk[] {
  const asks: BriefingAsk[] = [];
  const top = x.unfilled[0];
  if (top) {
    asks.push({
      title: `Help find ${plural(top.missing, 'more person', 'more people')} for ${skillName(top.skill)} in “${top.title}”`,
      detail:
        `Mention it at ward surgeries, residents’ meetings and in your newsletter, and point people to the council’s asset survey.` +
        (top.requires ? ` The role needs ${top.requires}; the council arranges the checks.` : '') +
        (x.unfilled.length > 1 ? ` ${plural(x.unfilled.length - 1, 'other need is', 'other needs are')} open in the ward (see above).` : ''),
    });
  }
  if (x.swaps.length) {
    const counts = new Map<string, number>();
    for (const s of x.swaps) counts.set(s, (counts.get(s) ?? 0) + 1);
    const skill = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const shown = showCount(x.swaps.length, x.minCount);
    asks.push({
      title: `Host a skill-swap session in ${x.ward}`,
      detail: `${shown.n !== null ? plural(shown.n, 'possible skill swap') : `Fewer than ${x.minCount} possible skill swaps`} between neighbours who have both agreed to be contacted, ${shown.n !== null ? 'most often' : 'for example'} in ${skillName(skill)}. A ward venue and a welcome from you make the first meeting easy; the council makes the introductions.`,
    });
  }
  const early = x.initiatives.find((i) => i.listed && i.nextStep !== null && i.status !== 'stopped');
  if (early) {
    asks.push({
      title: `Champion “${early.title}” (${early.status}) at its next step, ${early.nextStep}`,
      detail: `Ask: ${NEXT_STEP_ASK[early.nextStep!] ?? 'support its next step'}.`,
    });
  }
  if (x.returns.withoutConsent.n !== 0) {
    const w = x.returns.withoutConsent;
    asks.push({
      title: `Explain co-production to residents who have not yet agreed to be contacted`,
      detail: `${w.n !== null ? `${plural(w.n, 'survey return')} from the ward ${w.n === 1 ? 'does' : 'do'}` : w.withheld ? 'Some survey returns from the ward do' : `Fewer than ${x.minCount} survey returns from the ward do`} not give consent to be matched. Explain at surgeries what taking part means, so anyone who wishes can say yes through the survey; the council never contacts them without it.`,
    });
  }
  // "Nobody offers it": only when the ward's count of ready people is a printed zero.
  const wantedOnly = x.assets.filter((a) => a.wanted.n !== 0 && a.ready.n === 0).sort((a, b) => byShownCount(a.wanted, b.wanted) || (a.skill < b.skill ? -1 : 1))[0];
  if (wantedOnly) {
    const w = wantedOnly.wanted;
    asks.push({
      title: `Find a neighbour who can teach ${skillName(wantedOnly.skill)}`,
      detail: `${w.n !== null ? plural(w.n, 'resident') : w.withheld ? 'Some residents' : `Fewer than ${x.minCount} residents`} of the ward would like to learn it and nobody in the ward is ready to teach it yet. Local groups and faith and community venues are good places to ask.`,
    });
  }
  const wide = x.everyWard[0];
  if (wide) {
    asks.push({
      title: `Tell residents about “${wide.title}”, which needs ${plural(wide.missing, 'more person', 'more people')} for ${skillName(wide.skill)}`,
      detail: 'It is open to residents of every ward, including yours.',
    });
  }
  asks.push({
    title: `Grow the asset survey in ${x.ward}`,
    detail: `${x.residents.n === 0 ? 'No returns from the ward yet.' : x.residents.n !== null ? `Only ${plural(x.residents.n, 'return')} so far.` : x.residents.withheld ? 'Every new return helps.' : `Only ${x.residents.text} returns so far.`} Hand out survey forms at surgeries and community events; every return shows what residents can offer and would like to learn.`,
  });
  asks.push({
    title: 'Hold a ward conversation on co-production',
    detail: 'Invite residents, local groups and the council’s service leads to agree one thing the ward could design or deliver together this year.',
  });
  return asks.slice(0, 3);
}

export const kind: DocKind = {
  kind: 'briefing',
  per: 'ward',
  context: (p: Portfolio, ward: string, opts: DocOptions) => briefingContext(p, ward, opts),
};
