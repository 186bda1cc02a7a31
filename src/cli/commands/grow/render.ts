/**
 * What `costar grow` shows: the readiness report of `grow check` (data, stdout) and the lines of
 * the session and of each change (messages, stderr). Plain functions of their inputs and a chalk
 * instance, so the caller picks the stream's colour.
 */
import type { ChalkInstance } from 'chalk';
import type { Config } from '../../../core/config.js';
import { formatDate, plural } from '../../../core/format.js';
import { indicatorProgress, initiativeFindings, isGrowing, latestReview, nextReviewDue, reviewsOf, type Finding, type GrowCheck, type IndicatorProgress } from '../../../core/grow.js';
import type { IndicatorInput, Reading, Review } from '../../../core/grow-input.js';
import type { Indicator, Initiative } from '../../../core/schema.js';
import type { Io } from '../../io.js';
import { fit, makeTable, tableText } from '../../render.js';

/** A value with its unit: `52%`, `14 walks`, `3`. */
export function withUnit(n: number, u: string | null | undefined): string {
  const v = String(n);
  return !u ? v : u === '%' ? `${v}%` : `${v} ${u}`;
}

// ---------------------------------------------------------------- grow check

/** The readiness report: the text for stdout, and the `Next:` hint for stderr. */
export async function renderCheck(io: Pick<Io, 'c' | 'env'>, config: Config, res: GrowCheck): Promise<{ text: string; next: string }> {
  const { c } = io;
  const out: string[] = [`${c.bold(`${config.name} — readiness to grow`)} ${c.dim(`as of ${res.asOf}`)}`];
  const n = res.initiatives.length;
  if (!n) {
    out.push('No initiative is running or scaled yet, so none is checked.');
    return { text: out.join('\n') + '\n', next: 'costar status   (what to do for each initiative)' };
  }
  const t = await makeTable(io, ['Initiative', 'Status', 'Ready', 'Gaps'], ['left', 'left', 'left', 'right']);
  for (const i of res.initiatives) t.push([i.id, i.status, i.ready ? c.green('✔ ready') : c.yellow('✖ not yet'), String(i.findings.length)]);
  out.push(tableText(io, t));
  const ready = res.initiatives.filter((i) => i.ready).length;
  out.push(`${ready} of ${n} running or scaled initiative${n === 1 ? ' is' : 's are'} ready to grow.`);
  for (const i of res.initiatives) {
    if (i.ready) continue;
    out.push('', `${c.bold(i.id)} ${c.dim(`(${i.status})`)} — ${plural(i.findings.length, 'gap')}`);
    for (const f of i.findings) out.push(...findingLines(c, f));
  }
  const first = res.initiatives.find((i) => !i.ready);
  return { text: fit(io, out.join('\n') + '\n'), next: first ? first.findings[0]!.fix : 'costar generate grow-plan --all   (a grow plan for each initiative)' };
}

function findingLines(c: ChalkInstance, f: Finding): string[] {
  return [`  ${c.yellow('✖')} ${f.message}  ${c.dim(`[${f.code}]`)}`, `    ${c.dim('fix:')} ${f.fix}`];
}

// ---------------------------------------------------------------- the unattended subcommands

/** How an indicator moves, in words. */
export function trendWords(p: IndicatorProgress): string {
  switch (p.trend) {
    case 'no readings':
      return 'no readings yet';
    case 'one reading':
      return 'one reading so far, nothing to compare with';
    default:
      return p.trend + (p.progress !== null ? ` (${Math.round(p.progress * 100)}% of the way from ${p.baseline !== null ? 'baseline' : 'first reading'} to target)` : '');
  }
}

/** What each change does, in the words of `Updated …:` and of the session's summary. */
export const describeChange = {
  indicator: (v: IndicatorInput | Indicator) => `added ${v.kind} indicator ${JSON.stringify(v.name)}`,
  indicatorInSession: (v: IndicatorInput | Indicator) =>
    `add ${v.kind} indicator ${JSON.stringify(v.name)}${v.target !== undefined ? `, target ${withUnit(v.target, v.unit)}` : ''}${v.coDesigned ? ', co-designed' : ''}`,
  reading: (r: Reading, unit: string | undefined) => `reading ${withUnit(r.value, unit)} for ${JSON.stringify(r.indicator)} on ${formatDate(r.date)}`,
  review: (r: Review) => `360-degree review on ${formatDate(r.date)} by ${(r.by ?? []).join(', ')}`,
  competencies: (list: string[]) => `competencies: ${list.join(', ')}`,
  councillor: (ward: string, role: string | undefined) => `councillor ${role} for ${ward}`,
};

// ---------------------------------------------------------------- the session

/** The line above the session: the portfolio and how many initiatives are ready. */
export function sessionHeader(c: ChalkInstance, config: Config, check: GrowCheck): string {
  return `${c.bold(config.name)} · ${check.initiatives.length} running or scaled · ${check.initiatives.filter((i) => i.ready).length} ready to grow\n\n`;
}

/** An initiative in the session's picker: its status and, once growing, its gaps. */
export function initiativeChoiceName(c: ChalkInstance, config: Config, i: Initiative, asOf: string): string {
  const gaps = isGrowing(i) ? initiativeFindings(config, i, asOf).length : null;
  const tag = gaps === null ? i.status : gaps === 0 ? `${i.status} · ready to grow` : `${i.status} · ${plural(gaps, 'gap')}`;
  return `${i.id}  ${c.dim(`(${tag})`)}`;
}

/** An indicator in the reading picker: its kind and latest reading. */
export function indicatorChoiceName(initiative: Initiative, i: Indicator): string {
  const prog = indicatorProgress(initiative, i);
  return `${i.name}  (${i.kind}; latest ${prog.latest ? `${withUnit(prog.latest.value, i.unit)} on ${prog.latest.date}` : 'none'})`;
}

/** The initiative's grow section at a glance: indicators with trend, review, and its gaps. */
export function describeInitiative(c: ChalkInstance, config: Config, i: Initiative, asOf: string): string {
  const out: string[] = ['', `${c.bold(i.title)} ${c.dim(`(${i.id}, ${i.status})`)}`];
  const inds = i.grow?.indicators ?? [];
  if (!inds.length) out.push(c.dim('  No indicators yet.'));
  for (const ind of inds) {
    const pgr = indicatorProgress(i, ind, asOf);
    const latest = pgr.latest ? `latest ${withUnit(pgr.latest.value, ind.unit)} (${pgr.latest.date})` : 'no readings';
    const tgt = ind.target !== undefined ? `target ${withUnit(ind.target, ind.unit)}` : 'no target';
    out.push(`  ${ind.kind === 'outcome' ? '◆' : '◇'} ${ind.name}  ${c.dim(`${ind.kind} · ${tgt} · ${latest} · ${pgr.trend}${ind.coDesigned ? ' · co-designed' : ''}`)}`);
  }
  const r = latestReview(i, asOf);
  const count = reviewsOf(i).length;
  const earlier = r && count > 1 ? c.dim(` (${count} reviews recorded)`) : '';
  out.push(r ? `  Last review ${r.date} by ${(r.by ?? []).join(', ') || 'nobody named'}; next due by ${nextReviewDue(r.date)}${earlier}` : c.dim(count ? `  No review held by ${asOf} (${count} planned).` : '  No 360-degree review recorded.'));
  if (isGrowing(i)) {
    const f = initiativeFindings(config, i, asOf);
    out.push(f.length ? `  ${c.yellow(`${plural(f.length, 'gap')} before it is ready to grow:`)}` : `  ${c.green('✔ ready to grow')}`);
    for (const x of f) out.push(`    ${c.yellow('✖')} ${x.message}`);
  }
  return out.join('\n') + '\n\n';
}

/** The changes of a session, listed before they are saved. */
export function changesSummary(c: ChalkInstance, id: string, summary: readonly string[]): string {
  return `\n${c.bold(`Changes to initiatives/${id}`)}\n${summary.map((s) => `  • ${s}`).join('\n')}\n`;
}
