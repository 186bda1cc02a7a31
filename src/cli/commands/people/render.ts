/**
 * What `costar people` shows: the match screen (stdout), its JSON, and the messages of an
 * import (stderr). People are named by id; names and contacts only with --include-personal.
 */
import type { MatchDetail } from '../../../core/match.js';
import type { RowProblem, SurveyImport } from '../../../core/survey-import.js';
import type { Portfolio } from '../../../store/portfolio.js';
import type { Io } from '../../io.js';
import { fit, makeTable, next, plural, say, tableText } from '../../render.js';

type Personal = Record<string, { name: string | null; contact: string | null }>;

/** Names and contacts of the people a result mentions (only with --include-personal). */
function personalOf(p: Portfolio, d: MatchDetail): Personal {
  const ids = new Set<string>([...d.assignments.map((a) => a.person), ...d.pairs.flatMap((x) => [x.offer, x.want])]);
  const out: Personal = {};
  for (const person of p.people) if (ids.has(person.id)) out[person.id] = { name: person.name ?? null, contact: person.contact ?? null };
  return out;
}

/** `people match --json`: the SPEC's shape, with `personal` only when asked for. */
export function matchJson(p: Portfolio, d: MatchDetail, personal: boolean): string {
  const out: Record<string, unknown> = { assignments: d.assignments, pairs: d.pairs, unfilled: d.unfilled };
  if (personal) out.personal = personalOf(p, d);
  return JSON.stringify(out, null, 2) + '\n';
}

/** The match screen: proposals, skill swaps and the slots still open. */
export async function renderMatch(io: Io, p: Portfolio, d: MatchDetail, personal: boolean): Promise<string> {
  const { c } = io;
  const out: string[] = [];
  const byId = new Map(p.people.map((x) => [x.id, x]));
  const who = (id: string) => {
    if (!personal) return id;
    const x = byId.get(id);
    const bits = [x?.name, x?.contact].filter(Boolean);
    return bits.length ? `${id} (${bits.join(', ')})` : id;
  };
  const slots = d.needs.reduce((s, n) => s + n.count, 0);
  const byContributors = d.needs.reduce((s, n) => s + n.contributors, 0);
  const open = d.needs.reduce((s, n) => s + n.missing, 0);
  out.push(c.bold(`${p.config.name} — people and needs`));
  if (!d.needs.length) {
    out.push('No initiative records needs yet (people.needs), so there is nothing to match.');
    out.push(c.dim("Add one with: costar set initiatives/<id> 'people.needs+={ skill: befriending, count: 2 }'"));
  } else {
    out.push(
      `${plural(slots, 'slot')} in ${plural(d.needs.length, 'need')}: ${byContributors} filled by recorded contributors, ${d.assignments.length} proposed below, ${open} still open` +
        c.dim('  (each proposal is the most slots possible, preferring people who already help or would do more)'),
    );
  }
  out.push('');
  out.push(c.bold(`Proposals (${d.assignments.length})`));
  if (d.assignments.length) {
    const t = await makeTable(io, ['Initiative', 'Need', 'Skill', 'Person'], ['left', 'right', 'left', 'left']);
    for (const a of d.assignments) t.push([a.initiative, String(a.need), a.skill, who(a.person)]);
    out.push(tableText(io, t));
  } else out.push(c.dim('None: every eligible person is already proposed or recorded.'));
  out.push('');
  out.push(c.bold(`Skill swaps (${d.pairs.length})`) + c.dim('  (same ward, both consenting; under-18s only with a DBS-checked adult)'));
  if (d.pairs.length) {
    const t = await makeTable(io, ['Skill', 'Teaches', 'Learns']);
    for (const x of d.pairs) t.push([x.skill, who(x.offer), who(x.want)]);
    out.push(tableText(io, t));
  } else out.push(c.dim('None: nobody who wants a skill has a consenting neighbour in the same ward who offers it.'));
  out.push('');
  out.push(c.bold(`Still open (${plural(open, 'slot')})`));
  if (d.unfilled.length) {
    const t = await makeTable(io, ['Initiative', 'Need', 'Skill', 'Ward', 'Requires', 'Missing'], ['left', 'right', 'left', 'left', 'left', 'right']);
    for (const u of d.unfilled) {
      const n = d.needs.find((x) => x.initiative === u.initiative && x.need === u.need)!;
      t.push([u.initiative, String(u.need), u.skill, n.ward ?? 'any', n.requires.join(', ') || '—', String(u.missing)]);
    }
    out.push(tableText(io, t));
  } else if (d.needs.length) out.push(c.dim('None: every need is filled.'));
  const stopped = p.initiatives.filter((i) => i.status === 'stopped' && (i.people?.needs ?? []).length).map((i) => i.id);
  if (stopped.length) out.push(c.dim(`Stopped initiatives get no proposals: ${stopped.join(', ')}.`));
  if (!personal && (d.assignments.length || d.pairs.length)) out.push(c.dim('People are shown by id; add --include-personal to show names and contacts.'));
  return fit(io, out.join('\n') + '\n');
}

/** Contributors recorded by `people match --write`, per initiative. */
export function proposalsWritten(io: Io, p: Portfolio, byInit: ReadonlyMap<string, string[]>): void {
  for (const [id, people] of byInit) say(io, `${io.ce.green('✔')} Updated ${p.fileOf('initiative', id)?.rel}: ${plural(people.length, 'contributor')} added (${people.join(', ')})`);
}

/** Every problem of an import, one line each: file, row, column, reason. */
export function rowProblems(io: Io, file: string, problems: readonly RowProblem[]): void {
  for (const x of problems) say(io, `${file}: row ${x.row}, column ${x.column}: ${x.reason}`);
}

/** What an import read and did (or would do, on a dry run), and what comes next. */
export function importReport(io: Io, r: SurveyImport, dryRun: boolean): void {
  const count = (a: string) => r.records.filter((x) => x.action === a).length;
  const unchanged = count('unchanged');
  const summary = `${plural(r.records.length, 'return')} read: ${count('add')} to add, ${count('update')} to update${unchanged ? `, ${unchanged} unchanged` : ''}`;
  if (r.newSkills) {
    // Named by row, not by value: a shifted column would otherwise print what it holds.
    const rows = r.newSkillRows;
    say(io, `${io.ce.dim('note:')} ${plural(r.newSkills, 'skill')} new to this portfolio, on ${rows.length === 1 ? 'row' : 'rows'} ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ' …' : ''}; check the spelling in the file (they are written as given)`);
  }
  if (dryRun) {
    say(io, `${summary}. Dry run: nothing was written.`);
    return;
  }
  say(io, `${io.ce.green('✔')} ${summary.replace('to add', 'added').replace('to update', 'updated')}.`);
  const noConsent = r.records.filter((x) => x.record.consent !== true).length;
  if (noConsent) say(io, `${io.ce.dim('note:')} ${plural(noConsent, 'return')} without consent ${noConsent === 1 ? 'is' : 'are'} never matched or paired.`);
  next(io, 'costar people match — who could fill which need');
}
