/** Map it, rendered: the list table, the service area's panel, a draft's card, what a save changed. */
import { areaLabel, cellState, coverageNews, cosText, type Draft } from '../../../core/map.js';
import type { Initiative } from '../../../core/schema.js';
import { CELL_WORDS, cellKind, starCoverage, type CoverageCell } from '../../../core/star.js';
import { COS, CO_LABELS, type CoLevel } from '../../../core/vocab.js';
import type { Config } from '../../../core/config.js';
import type { Diagnostic } from '../../../core/diagnostics.js';
import type { Portfolio } from '../../../store/portfolio.js';
import { textWidth, wrap } from '../../cards.js';
import type { Io } from '../../io.js';
import { fit, fitErr, makeTable, plural, say, tableText } from '../../render.js';

/** `map list --json`: one object per initiative, in the SPEC's shape. */
export function listJson(list: readonly Initiative[]): string {
  const rows = list.map((i) => ({
    id: i.id,
    title: i.title,
    serviceArea: i.serviceArea,
    status: i.status,
    wards: [...(i.wards ?? [])],
    cos: Object.fromEntries(COS.filter((co) => i.cos?.[co]).map((co) => [co, { ...i.cos![co]! }])),
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}

/** `map list`: the table, its key and the count (stdout). */
export async function listText(io: Io, config: Config, list: readonly Initiative[], area: string | undefined): Promise<string> {
  const { c } = io;
  const mark = (l: CoLevel | undefined) => (l === 'established' ? c.green('●') : l === 'emerging' ? c.green('◐') : l === 'potential' ? c.dim('○') : '');
  // The service area last: in a narrow terminal the table splits there, and the Four Co's stay together.
  const t = await makeTable(io, ['Initiative', 'Status', ...COS.map((co) => CO_LABELS[co]), 'Service area'], ['left', 'left', 'center', 'center', 'center', 'center', 'left']);
  for (const i of list) t.push([i.id, i.status, ...COS.map((co) => mark(i.cos?.[co]?.level)), i.serviceArea]);
  return fit(io, `${tableText(io, t)}\n${c.dim('● established  ◐ emerging  ○ potential')}\n${plural(list.length, 'initiative')}${area ? ` in ${areaLabel(config, area)}` : ''}\n`);
}

/** A service area's cells, one line per Co: existing and potential initiatives, or a gap. */
export function panel(io: Io, p: Portfolio, area: string): string {
  const { ce } = io;
  const cov = starCoverage(p.config, p.initiatives, area).coverage;
  const all = p.initiatives.filter((i) => i.serviceArea === area);
  const stopped = all.filter((i) => i.status === 'stopped').length;
  const lines = ['', ce.bold(`${areaLabel(p.config, area)} · ${plural(all.length, 'initiative')}${stopped ? ` (${stopped} stopped, left out)` : ''}`)];
  for (const cell of cov) {
    const name = CO_LABELS[cell.co].padEnd(18);
    const s = cellState(cell);
    let text: string;
    if (s.gap) text = ce.yellow(`·  ${CELL_WORDS.gap}`);
    else {
      const parts: string[] = [];
      if (s.existing) parts.push(ce.green(`${'●'.repeat(Math.min(s.existing, 5))} ${s.existing} existing`));
      if (s.potential) parts.push(`${'○'.repeat(Math.min(s.potential, 5))} ${s.potential} potential`);
      text = parts.join('   ') + (s.potentialOnly ? ce.yellow(`   (${CELL_WORDS['potential-only']})`) : '');
    }
    lines.push(`  ${name}${text}`);
  }
  return fitErr(io, lines.join('\n') + '\n\n');
}

/** A draft as a card, before it is saved or while it is changed. */
export function draftCard(io: Io, config: Config, d: Draft, heading: string): string {
  const { ce } = io;
  const facts = [areaLabel(config, d.serviceArea).toLowerCase(), d.status, cosText(d.cos), d.wards.length ? `wards ${d.wards.join(', ')}` : 'no wards'].join(' · ');
  const lines = ['', `  ${ce.bold(heading)}  ${ce.cyan(d.id)}`, `  ${d.title}`, ...wrap(facts, textWidth(io), '  ')];
  for (const co of COS) if (d.cos[co]?.how) lines.push(...wrap(`${CO_LABELS[co]}: ${d.cos[co]!.how}`, textWidth(io), '    '));
  if (d.summary) lines.push(...wrap(d.summary, textWidth(io), '  ').map((l) => ce.dim(l)));
  return fitErr(io, lines.join('\n') + '\n');
}

/** A service area as a choice: its label, how many initiatives, gaps and potential-only cells it has. */
export function areaChoiceName(p: Portfolio, area: { id: string; label: string }): string {
  const count = p.initiatives.filter((i) => i.serviceArea === area.id).length;
  const cells = starCoverage(p.config, p.initiatives, area.id).coverage.map(cellKind);
  const gaps = cells.filter((k) => k === 'gap').length;
  const potential = cells.filter((k) => k === 'potential-only').length;
  return `${area.label}  (${plural(count, 'initiative')}${gaps ? `, ${plural(gaps, CELL_WORDS.gap)}` : ''}${potential ? `, ${potential} ${CELL_WORDS['potential-only']}` : ''})`;
}

/** What a save did (stderr): the file, its warnings, and the gaps it closed or opened. */
export function saved(io: Io, verb: 'Wrote' | 'Updated', rel: string, warnings: readonly Diagnostic[], config: Config, before: readonly CoverageCell[], after: readonly CoverageCell[], areas: readonly string[]): void {
  const { ce } = io;
  say(io, `${ce.green('✔')} ${verb} ${rel}`);
  for (const w of warnings) say(io, `  ${ce.yellow('warning')}  ${w.message}  ${ce.dim(`[${w.code}]`)}`);
  for (const a of areas) for (const line of coverageNews(config, before, after, a)) say(io, `  ${line}`);
}

/** A refusal inside a session: shown, and the session goes on. */
export function refusal(io: Io, message: string, hint: string | undefined): void {
  say(io, `${io.ce.red('error')}  ${message}${hint ? `\n${io.ce.dim('hint:')} ${hint}` : ''}`);
}
