/**
 * The co-production charter (`costar generate charter`): parties, shared outcomes, the
 * commitments of each side, incentives, the risk register, the review date and a signature block.
 * The data is built directly with nulls for absent fields, so strict templates see every field and
 * a batch of thousands costs little more than rendering the template itself.
 */
import { BUILTIN_PAYERS, payerLabel, type Config } from '../core/config.js';
import { CostarError } from '../core/errors.js';
import { incentiveCosts, INCENTIVE_KIND_LABELS, RISK_LEVEL_LABELS, STAKEHOLDER_LABELS } from '../core/market.js';
import type { Initiative } from '../core/schema.js';
import type { IncentiveKind, RiskLevel, Stakeholder } from '../core/vocab.js';
import type { Portfolio } from '../store/portfolio.js';
import { baseContext, type DocKind, type DocOptions } from './kinds.js';

/** A risk owner as people read it: a payer id (council, nhs, …) becomes its label; other text stays as written. */
function ownerLabel(config: Pick<Config, 'payers'>, owner: string): string {
  return Object.hasOwn(config.payers, owner) || Object.hasOwn(BUILTIN_PAYERS, owner) ? payerLabel(config, owner) : owner;
}

export interface CharterContext extends Record<string, unknown> {
  initiative: { id: string; title: string; serviceArea: string; status: string; wards: string[]; summary: string | null };
  parties: string[];
  sharedOutcomes: string[];
  serviceCommitments: string[];
  communityCommitments: string[];
  incentives: Array<{ for: string; group: string; kind: string; kindLabel: string; what: string; cost: number | null }>;
  /** Sum of the costed incentives; null when none has a cost. */
  incentiveTotal: number | null;
  /** Incentives with no cost recorded. */
  uncosted: number;
  risks: Array<{ risk: string; likelihood: string | null; impact: string | null; mitigation: string | null; owner: string | null }>;
  review: string | null;
  /** One signature block per party; two generic ones when no party is named yet. */
  signatories: string[];
}

const index = new WeakMap<Portfolio, Map<string, Initiative>>();
const labels = new WeakMap<Config, { areas: Map<string, string>; wards: Map<string, string> }>();

function initiativeOf(p: Portfolio, id: string): Initiative {
  let m = index.get(p);
  if (!m) {
    m = new Map(p.initiatives.map((i) => [i.id, i]));
    index.set(p, m);
  }
  const i = m.get(id);
  if (!i) throw new CostarError('unknown-initiative', `there is no initiative "${id}"`);
  return i;
}

function labelsOf(config: Config) {
  let l = labels.get(config);
  if (!l) {
    l = { areas: new Map(config.serviceAreas.map((a) => [a.id, a.label])), wards: new Map(config.wards.map((w) => [w.id, w.label])) };
    labels.set(config, l);
  }
  return l;
}

/** The charter's template data for one initiative. */
export function charterContext(p: Portfolio, id: string, opts: DocOptions): CharterContext {
  const i = initiativeOf(p, id);
  const ch = i.market?.charter;
  if (!ch) throw new CostarError('missing-section', `${id} has no charter (market.charter)`);
  const { areas, wards } = labelsOf(p.config);
  const area = areas.get(i.serviceArea) ?? i.serviceArea;
  const wardLabels = (i.wards ?? []).map((w) => wards.get(w) ?? w);
  const subtitle = `${area} · ${i.status}${wardLabels.length ? ` · ${wardLabels.join(', ')}` : ''}`;
  const incentives = (i.market?.incentives ?? []).map((x) => ({
    for: x.for,
    group: STAKEHOLDER_LABELS[x.for as Stakeholder] ?? x.for,
    kind: x.kind,
    kindLabel: INCENTIVE_KIND_LABELS[x.kind as IncentiveKind] ?? x.kind,
    what: x.what,
    cost: typeof x.cost === 'number' ? x.cost : null,
  }));
  const costs = incentiveCosts(i.market?.incentives ?? []);
  const parties = ch.parties ?? [];
  // Fields set one by one: an object spread followed by more fields is many times slower in V8.
  const base = baseContext(p.config, `Co-production charter: ${i.title}`, subtitle, 'charter', opts);
  return {
    generator: base.generator,
    doc: base.doc,
    portfolio: base.portfolio,
    initiative: { id: i.id, title: i.title, serviceArea: area, status: i.status, wards: wardLabels, summary: i.summary ?? null },
    parties,
    sharedOutcomes: ch.sharedOutcomes ?? [],
    serviceCommitments: ch.serviceCommitments ?? [],
    communityCommitments: ch.communityCommitments ?? [],
    incentives,
    incentiveTotal: costs.uncosted === incentives.length ? null : costs.total,
    uncosted: costs.uncosted,
    risks: (ch.risks ?? []).map((r) => ({
      risk: r.risk,
      likelihood: r.likelihood ? RISK_LEVEL_LABELS[r.likelihood as RiskLevel] : null,
      impact: r.impact ? RISK_LEVEL_LABELS[r.impact as RiskLevel] : null,
      mitigation: r.mitigation ?? null,
      owner: r.owner ? ownerLabel(p.config, r.owner) : null,
    })),
    review: ch.review ?? null,
    signatories: parties.length ? parties : ['the service', 'the community'],
  };
}

export const kind: DocKind = {
  kind: 'charter',
  per: 'initiative',
  has: (i) => i.market?.charter !== undefined && i.market.charter !== null,
  missing: 'has no charter (market.charter)',
  context: charterContext,
};
