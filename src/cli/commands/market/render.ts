/** Market it, rendered: the incentive menu, an incentive in a line, where an initiative stands, what comes next. */
import { formatDate, formatMoney, plural } from '../../../core/format.js';
import {
  CHARTER_LIST_LABELS,
  CHARTER_LISTS,
  INCENTIVE_KIND_LABELS,
  MARKET_GAP_WORDS,
  marketGaps,
  marketNext,
  STAKEHOLDER_LABELS,
  type CharterAdditions,
  type IncentiveRecord,
} from '../../../core/market.js';
import type { Initiative } from '../../../core/schema.js';
import { STAKEHOLDERS, type IncentiveKind, type Stakeholder } from '../../../core/vocab.js';
import { COST_BAND_LABELS, type MenuIncentive } from '../../../data/incentives.js';
import { textWidth, wrap } from '../../cards.js';
import type { Io } from '../../io.js';
import { fit, makeTable, next, say, tableText } from '../../render.js';

/** A yearly cost: whole pounds, or pence when it has them. */
export const money = (n: number, currency: string) => formatMoney(n, currency, { exact: !Number.isInteger(n) });

/** An incentive in a line: group · kind · what (cost a year). */
export function describeIncentive(x: IncentiveRecord, currency: string): string {
  return `${STAKEHOLDER_LABELS[x.for]} · ${x.kind} · ${x.what}${x.cost !== undefined ? ` (${money(x.cost, currency)} a year)` : ''}`;
}

/** `market menu --json`: the SPEC 7 shape. */
export function menuJson(found: readonly MenuIncentive[]): string {
  return JSON.stringify(found.map(({ id, for: f, kind: k, what, example, costBand }) => ({ id, for: f, kind: k, what, example, costBand })), null, 2) + '\n';
}

/** `market menu`: a table per stakeholder group, in costar's one table style (stdout). */
export async function menuText(io: Io, found: readonly MenuIncentive[], group: Stakeholder | undefined, kind: IncentiveKind | undefined): Promise<string> {
  const { c } = io;
  const width = Math.max(44, textWidth(io));
  const kindW = 14;
  const bandW = 21;
  const whatW = width - kindW - bandW - 4;
  const groups = STAKEHOLDERS.filter((g) => found.some((x) => x.for === g));
  const filter = [group ? `for ${STAKEHOLDER_LABELS[group].toLowerCase()}` : '', kind ? `of kind ${kind}` : ''].filter(Boolean).join(', ');
  const out: string[] = [
    c.bold(`Incentive menu: ${plural(found.length, 'incentive')}${filter ? ` ${filter}` : ` for ${groups.length} stakeholder groups`}`),
    c.dim('Cost bands are per year, per initiative, and only a guide.'),
    '',
  ];
  for (const g of groups) {
    const t = await makeTable(io, ['Kind', 'Incentive', 'Cost band'], undefined, [kindW, whatW, bandW]);
    let lastKind = '';
    for (const x of found.filter((y) => y.for === g)) {
      // A blank row between incentives, as the style has no rules between rows.
      if (lastKind) t.push(['', '', '']);
      const cell = [c.bold(x.what), ...wrap(x.example, whatW - 2).map((l) => c.dim(l)), c.cyan(`id: ${x.id}`)];
      t.push([x.kind === lastKind ? '' : INCENTIVE_KIND_LABELS[x.kind], cell.join('\n'), COST_BAND_LABELS[x.costBand]]);
      lastKind = x.kind;
    }
    out.push(c.bold(STAKEHOLDER_LABELS[g]), tableText(io, t), '');
  }
  return fit(io, out.join('\n'));
}

/** Where Market it stands for an initiative, in a line. */
export function marketState(i: Initiative): string {
  const n = (i.market?.incentives ?? []).length;
  const ch = i.market?.charter;
  const charter = ch
    ? `charter: ${(ch.parties ?? []).length} parties, ${(ch.serviceCommitments ?? []).length} service and ${(ch.communityCommitments ?? []).length} community commitments, ${(ch.risks ?? []).length} risks${ch.review ? `, review ${ch.review}` : ''}`
    : 'no charter yet';
  return `${plural(n, 'incentive')} · ${charter}${marketGaps(i).length ? '' : ' · Market it complete'}`;
}

/** Where Market it stands for the initiative after a write, and what to do next (stderr). */
export function nextSteps(io: Io, i: Initiative): void {
  const { gaps, command } = marketNext(i);
  if (!gaps.length) say(io, `  Market it is complete for ${i.id}.`);
  else say(io, `  ${io.ce.dim('Market it still needs')} ${gaps.map((g) => MARKET_GAP_WORDS[g]).join(', ').replace(/, ([^,]*)$/, ' and $1')}.`);
  next(io, command);
}

/** What a charter write added, in a line: "added 2 parties, 1 risk; review date 30 June 2027". */
export function summariseAdditions(a: CharterAdditions): string {
  const parts: string[] = [];
  if (a.parties.length) parts.push(plural(a.parties.length, 'party', 'parties'));
  for (const list of ['sharedOutcomes', 'serviceCommitments', 'communityCommitments'] as const) if (a[list].length) parts.push(plural(a[list].length, CHARTER_LIST_LABELS[list]));
  if (a.risks.length) parts.push(plural(a.risks.length, 'risk'));
  const head = parts.length ? `added ${parts.join(', ')}` : '';
  const review = a.review !== undefined ? `review date ${formatDate(a.review)}` : '';
  return [head, review].filter(Boolean).join('; ');
}

/** The changes a session is about to write, one per line (stderr). */
export function pendingChanges(io: Io, rel: string, i: Initiative, incentives: readonly IncentiveRecord[], added: CharterAdditions, currency: string): void {
  say(io, `\n${io.ce.bold(`Changes to ${rel}`)}`);
  for (const x of incentives) say(io, `  + incentive  ${describeIncentive(x, currency)}`);
  for (const list of CHARTER_LISTS) for (const v of added[list]) say(io, `  + ${CHARTER_LIST_LABELS[list]}  ${v}`);
  for (const r of added.risks) say(io, `  + risk  ${r.risk}${r.likelihood || r.impact ? ` (likelihood ${r.likelihood ?? 'not rated'}, impact ${r.impact ?? 'not rated'})` : ''}`);
  if (added.review !== undefined) say(io, `  review date  ${i.market?.charter?.review ? `${i.market.charter.review} → ` : ''}${added.review}`);
}
