/**
 * The councillor briefing (`costar generate briefing --ward <w>`): one ward's initiatives and
 * their stage, the community's assets by skill as counts, the needs still open, the councillor's
 * role as community connector and three concrete asks. It holds counts, never a person: no id,
 * name or contact reaches the template, whatever --include-personal says.
 */
import type { Config } from '../core/config.js';
import { plural } from '../core/format.js';
import { CostarError } from '../core/errors.js';
import { isAvailable, matchDetail, type MatchDetail } from '../core/match.js';
import type { Initiative } from '../core/schema.js';
import { stepsDone } from '../core/star.js';
import { STEP_LABELS, STEPS, type Step } from '../core/vocab.js';
import type { Portfolio } from '../store/portfolio.js';
import { baseContext, type DocKind, type DocOptions } from './kinds.js';

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
  contributors: number;
  /** Whether the initiative names the ward (false: only one of its needs does). */
  listed: boolean;
}

export interface BriefingAsset {
  skill: string;
  /** Survey returns from the ward that offer the skill. */
  offered: number;
  /** Of those, the ones who agreed to be matched and are willing. */
  ready: number;
  /** Returns from the ward that would like to learn or receive it. */
  wanted: number;
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
  figures: { initiatives: number; returns: number; ready: number; openSlots: number; swaps: number };
  initiatives: BriefingInitiative[];
  assets: BriefingAsset[];
  /** Returns from the ward by kind of contributor. */
  returns: { individuals: number; groups: number; organisations: number; unstated: number; withoutConsent: number };
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
        contributors: new Set(i.people?.contributors ?? []).size,
        listed: inWard(i),
      };
    })
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));

  // Assets: survey returns from the ward, as counts per skill.
  const residents = p.people.filter((x) => x.ward === ward.id);
  const assetMap = new Map<string, BriefingAsset>();
  const asset = (skill: string) => {
    let a = assetMap.get(skill);
    if (!a) {
      a = { skill, offered: 0, ready: 0, wanted: 0 };
      assetMap.set(skill, a);
    }
    return a;
  };
  for (const r of residents) {
    for (const s of new Set(r.offers ?? [])) {
      const a = asset(s);
      a.offered++;
      if (isAvailable(r)) a.ready++;
    }
    for (const s of new Set(r.wants ?? [])) asset(s).wanted++;
  }
  const assets = [...assetMap.values()].sort((a, b) => b.offered - a.offered || b.wanted - a.wanted || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
  const returns = {
    individuals: residents.filter((r) => r.kind === 'individual').length,
    groups: residents.filter((r) => r.kind === 'group').length,
    organisations: residents.filter((r) => r.kind === 'organisation').length,
    unstated: residents.filter((r) => r.kind === undefined).length,
    withoutConsent: residents.filter((r) => r.consent !== true).length,
  };

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
      requires: fill.requires.length ? fill.requires.join(', ') : null,
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

  const asks = chooseAsks({ ward: ward.label, initiatives, unfilled, everyWard, swaps: swaps.map((s) => s.skill), assets, returns, residents: residents.length });

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
      returns: residents.length,
      ready: residents.filter(isAvailable).length,
      openSlots: unfilled.reduce((s, n) => s + n.missing, 0),
      swaps: swaps.length,
    },
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
  residents: number;
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
      title: `Help find ${plural(top.missing, 'more person', 'more people')} for ${top.skill} in “${top.title}”`,
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
    asks.push({
      title: `Host a skill-swap session in ${x.ward}`,
      detail: `${plural(x.swaps.length, 'possible skill swap')} between neighbours who have both agreed to be contacted, most often in ${skill}. A ward venue and a welcome from you make the first meeting easy; the council makes the introductions.`,
    });
  }
  const early = x.initiatives.find((i) => i.listed && i.nextStep !== null && i.status !== 'stopped');
  if (early) {
    asks.push({
      title: `Champion “${early.title}” (${early.status}) at its next step, ${early.nextStep}`,
      detail: `Ask: ${NEXT_STEP_ASK[early.nextStep!] ?? 'support its next step'}.`,
    });
  }
  if (x.returns.withoutConsent > 0) {
    asks.push({
      title: `Explain co-production to residents who have not yet agreed to be contacted`,
      detail: `${plural(x.returns.withoutConsent, 'survey return')} from the ward ${x.returns.withoutConsent === 1 ? 'does' : 'do'} not give consent to be matched. Explain at surgeries what taking part means, so anyone who wishes can say yes through the survey; the council never contacts them without it.`,
    });
  }
  const wantedOnly = x.assets.filter((a) => a.wanted > 0 && a.ready === 0).sort((a, b) => b.wanted - a.wanted || (a.skill < b.skill ? -1 : 1))[0];
  if (wantedOnly) {
    asks.push({
      title: `Find a neighbour who can teach ${wantedOnly.skill}`,
      detail: `${plural(wantedOnly.wanted, 'resident')} of the ward would like to learn it and nobody in the ward has offered it yet. Local groups and faith and community venues are good places to ask.`,
    });
  }
  const wide = x.everyWard[0];
  if (wide) {
    asks.push({
      title: `Tell residents about “${wide.title}”, which needs ${plural(wide.missing, 'more person', 'more people')} for ${wide.skill}`,
      detail: 'It is open to residents of every ward, including yours.',
    });
  }
  asks.push({
    title: `Grow the asset survey in ${x.ward}`,
    detail: `${x.residents ? `Only ${plural(x.residents, 'return')} so far.` : 'No returns from the ward yet.'} Hand out survey forms at surgeries and community events; every return shows what residents can offer and would like to learn.`,
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
