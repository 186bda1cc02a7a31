/**
 * The report's people and needs, in counts only (the small-number rule of core/privacy.ts): who
 * took part in the asset survey, by kind, ward, willingness and availability, and how far the
 * initiatives' needs are met.
 */
import { matchDetail } from '../core/match.js';
import { byShownCount, cell, showCount, suppressGroup, suppressPart, wardCounts } from '../core/privacy.js';
import type { Person } from '../core/schema.js';
import { AVAILABILITY, PERSON_KINDS, WILLINGNESS } from '../core/vocab.js';
import type { Portfolio } from '../store/portfolio.js';
import { skillName } from './kinds.js';

const KIND_LABELS: Record<string, string> = { individual: 'Individuals', group: 'Groups', organisation: 'Organisations' };
const WILLINGNESS_LABELS: Record<string, string> = {
  already: 'Already take part',
  more: 'Would do more',
  maybe: 'Maybe (or not asked)',
  no: 'Do not want to take part',
};
const AVAILABILITY_LABELS: Record<string, string> = { 'weekday-day': 'Weekday daytime', 'weekday-evening': 'Weekday evenings', weekends: 'Weekends' };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function countBy<T>(list: readonly T[], key: (x: T) => string | undefined, order: readonly string[]): Array<{ key: string; count: number }> {
  const m = new Map<string, number>();
  for (const x of list) {
    const k = key(x);
    if (k === undefined) continue;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return order.filter((k) => m.has(k)).map((k) => ({ key: k, count: m.get(k)! }));
}

/**
 * The survey in counts, suppressed (core/privacy.ts): every count of people is one cell of a
 * group whose total is the number surveyed — people by kind, by willingness, by ward; ready,
 * agreed but not willing, without consent; each availability, age band and skill with its
 * complement — so no count from 1 to minCount − 1 is printed or follows by subtraction.
 */
export function peopleCounts(p: Portfolio) {
  const people: Person[] = p.people;
  const k = p.config.privacy.minCount;
  const total = showCount(people.length, k);
  const shown = total.n !== null;
  const group = (rows: Array<{ label: string; n: number }>) => {
    const g = suppressGroup(rows.map((r) => ({ n: r.n })), k, shown);
    return { hidden: g.hidden, rows: rows.map((r, i) => ({ label: r.label, count: cell(g.cells[i]!, k) })) };
  };
  const part = (n: number) => cell(suppressPart(n, people.length, k, shown), k);
  const tally = (key: (x: Person) => string | undefined, order: readonly string[], labels: Record<string, string>) =>
    group(countBy(people, key, order).map((r) => ({ label: labels[r.key] ?? r.key, n: r.count })));

  const wardLabel = new Map(p.config.wards.map((w) => [w.id, w.label]));
  const wardOrder = [...p.config.wards.map((w) => w.id), ...[...new Set(people.map((x) => x.ward).filter((w): w is string => !!w))].filter((w) => !wardLabel.has(w)).sort(cmp)];
  const wards = wardCounts(people.map((x) => x.ward), wardOrder, k);
  const present = new Set(people.map((x) => x.ward ?? ''));
  const byWard = {
    hidden: wards.hidden,
    rows: [...wards.byWard.entries()].filter(([w]) => present.has(w)).map(([w, count]) => ({ label: w === '' ? 'No ward given' : (wardLabel.get(w) ?? w), count })),
  };
  const offers = new Map<string, number>();
  for (const x of people) for (const s of new Set(x.offers ?? [])) offers.set(s, (offers.get(s) ?? 0) + 1);
  const topOffers = [...offers.entries()]
    .map(([skill, n]) => ({ skill, count: part(n) }))
    .sort((a, b) => byShownCount(a.count, b.count) || cmp(a.skill, b.skill))
    .slice(0, 10);
  const available = people.filter((x) => x.consent === true && x.willingness !== 'no').length;
  const consented = people.filter((x) => x.consent === true).length;
  const consent = group([
    { label: 'available to match (consent and willing)', n: available },
    { label: 'agreed to be contacted, not willing now', n: consented - available },
    { label: 'without consent to be contacted (never matched)', n: people.length - consented },
  ]);
  return {
    total: cell(total, k),
    minCount: k,
    consent,
    under18: part(people.filter((x) => x.under18 === true).length),
    byKind: tally((x) => x.kind ?? 'individual', PERSON_KINDS, KIND_LABELS),
    byWillingness: tally((x) => x.willingness ?? 'maybe', WILLINGNESS, WILLINGNESS_LABELS),
    byAvailability: AVAILABILITY.map((a) => ({ label: AVAILABILITY_LABELS[a] ?? a, count: part(people.filter((x) => (x.availability ?? []).includes(a)).length) })),
    byWard,
    topOffers,
  };
}

export function needCounts(p: Portfolio) {
  const detail = matchDetail(p.config, p.initiatives, p.people);
  const titleOf = new Map(p.initiatives.map((i) => [i.id, i.title]));
  const byInitiative = new Map<string, { places: number; contributors: number; proposed: number; missing: number; short: Map<string, number> }>();
  for (const n of detail.needs) {
    const row = byInitiative.get(n.initiative) ?? { places: 0, contributors: 0, proposed: 0, missing: 0, short: new Map<string, number>() };
    row.places += n.count;
    row.contributors += n.contributors;
    row.proposed += n.proposed;
    row.missing += n.missing;
    if (n.missing > 0) row.short.set(n.skill, (row.short.get(n.skill) ?? 0) + n.missing);
    byInitiative.set(n.initiative, row);
  }
  const rows = [...byInitiative.entries()]
    .sort((a, b) => cmp(a[0], b[0]))
    // Places are the roles initiatives need. How many contributors or proposals fill them are
    // counts of people, and with the places and the places still missing they would follow by
    // subtraction: the report does not print them (`costar people match` shows them to the officer).
    .map(([id, r]) => ({
      id,
      title: titleOf.get(id) ?? id,
      places: r.places,
      missing: r.missing,
      shortOf: [...r.short.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).map(([skill, k]) => `${skillName(skill)} (${k})`),
    }));
  const sum = (k: 'places' | 'missing') => rows.reduce((s, r) => s + r[k], 0);
  const skills = new Map<string, number>();
  for (const n of detail.needs) if (n.missing > 0) skills.set(n.skill, (skills.get(n.skill) ?? 0) + n.missing);
  return {
    rows,
    totals: { places: sum('places'), missing: sum('missing') },
    mostWanted: [...skills.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).slice(0, 5).map(([skill, missing]) => ({ skill, missing })),
    swaps: cell(showCount(detail.pairs.length, p.config.privacy.minCount), p.config.privacy.minCount),
  };
}
