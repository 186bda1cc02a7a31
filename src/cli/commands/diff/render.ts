/** costar diff's report formats: text (terminal), markdown (a pull-request comment), json, github. */
import { relative, resolve, sep } from 'node:path';
import type { DiffDetail } from '../../../core/diff.js';
import { formatRatio, plural, visible } from '../../../core/format.js';
import type { Repo } from '../../../store/git.js';
import type { Io } from '../../io.js';
import { makeTable, tableText } from '../../render.js';

export interface DiffReport {
  detail: DiffDetail;
  io: Io;
  root: string;
  repo: Repo;
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(n));
const money = (n: number | null | undefined) => (n === null || n === undefined ? '–' : Math.round(n).toLocaleString('en-GB'));
const arrow = (a: string, b: string) => `${a} → ${b}`;

/** The headline: one sentence of what changed. */
export function headline(d: DiffDetail): string {
  const { initiatives: i, coverage, ranking, businessCases } = d.diff;
  const parts = [
    i.added.length ? `${plural(i.added.length, 'initiative')} added` : '',
    i.removed.length ? `${plural(i.removed.length, 'initiative')} removed` : '',
    i.changed.length ? `${plural(i.changed.length, 'initiative')} changed` : '',
    coverage.length ? `${plural(coverage.length, 'star cell')} moved` : '',
    ranking.length ? `${plural(ranking.length, 'ranking place')} moved` : '',
    businessCases.length ? `${plural(businessCases.length, 'business case')} changed` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no change to the portfolio';
}

function notes(d: DiffDetail): string[] {
  const out: string[] = [];
  if (!d.baseExists) out.push(`The base ${d.diff.base} has no portfolio yet, so everything is added.`);
  else if (d.errors.before > 0) out.push(`The base ${d.diff.base} does not validate (${plural(d.errors.before, 'error')}); figures for it count only its valid records.`);
  if (d.errors.after > 0) out.push(`The change does not validate: ${plural(d.errors.after, 'error')} (see costar validate).`);
  return out;
}

/** The rows of each table, as plain cells (escaped by the caller). */
function tables(d: DiffDetail): Array<{ title: string; head: string[]; rows: string[][] }> {
  const { diff } = d;
  const out: Array<{ title: string; head: string[]; rows: string[][] }> = [];
  const ini = [
    ...diff.initiatives.added.map((id) => [id, 'added', '']),
    ...diff.initiatives.removed.map((id) => [id, 'removed', '']),
    ...diff.initiatives.changed.map((c) => [c.id, 'changed', c.fields.join(', ')]),
  ];
  if (ini.length) out.push({ title: 'Initiatives', head: ['Initiative', 'Change', 'Fields'], rows: ini });
  if (d.moves.length) {
    out.push({
      title: 'Status and Co levels',
      head: ['Initiative', 'Status', "Co's"],
      rows: d.moves.map((m) => [m.id, m.status ? arrow(m.status[0] ?? '–', m.status[1] ?? '–') : '', m.cos.map((c) => `${c.co}: ${arrow(c.before ?? '–', c.after ?? '–')}`).join('; ')]),
    });
  }
  if (diff.coverage.length) {
    out.push({
      title: 'Star coverage',
      head: ['Service area', 'Co', 'Existing', 'Potential'],
      rows: diff.coverage.map((c) => [c.serviceArea, c.co, arrow(num(c.before.existing), num(c.after.existing)), arrow(num(c.before.potential), num(c.after.potential))]),
    });
  }
  if (diff.ranking.length) out.push({ title: 'Ranking', head: ['Initiative', 'Rank'], rows: diff.ranking.map((r) => [r.id, arrow(num(r.before), num(r.after))]) });
  if (diff.businessCases.length) {
    out.push({
      title: 'Business cases',
      head: ['Initiative', 'NPV', 'BCR'],
      rows: diff.businessCases.map((b) => [b.id, arrow(money(b.before?.npv), money(b.after?.npv)), arrow(b.before ? formatRatio(b.before.bcr) : '–', b.after ? formatRatio(b.after.bcr) : '–')]),
    });
  }
  out.push({
    title: 'Needs and problems',
    head: ['', 'Before', 'After'],
    rows: [
      ['Unfilled places in needs', num(d.needs.before), num(d.needs.after)],
      ['Validation problems', num(diff.problems.before), num(diff.problems.after)],
    ],
  });
  return out;
}

async function text({ detail, io }: DiffReport): Promise<string> {
  const lines = [`costar diff ${visible(detail.diff.base)}…${detail.diff.head === null ? 'working tree' : visible(detail.diff.head)}: ${headline(detail)}`, ...notes(detail), ''];
  for (const t of tables(detail)) {
    const table = await makeTable(io, t.head);
    for (const r of t.rows) table.push(r.map((x) => visible(x)));
    lines.push(io.c.bold(t.title), tableText(io, table), '');
  }
  return lines.join('\n');
}

/** A markdown table cell: one line, pipes and markup made literal. */
function cell(s: string): string {
  return visible(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`<>[\]])/g, '\\$1');
}

async function markdown({ detail }: DiffReport): Promise<string> {
  const out = [`### costar: ${headline(detail)}`, '', `Compared with \`${visible(detail.diff.base).replace(/`/g, "'")}\`.`];
  for (const n of notes(detail)) out.push('', `> ${n}`);
  for (const t of tables(detail)) {
    out.push('', `#### ${t.title}`, '', `| ${t.head.map(cell).join(' | ')} |`, `|${t.head.map(() => ' --- ').join('|')}|`);
    for (const r of t.rows) out.push(`| ${r.map(cell).join(' | ')} |`);
  }
  return out.join('\n') + '\n';
}

async function json({ detail }: DiffReport): Promise<string> {
  return JSON.stringify(detail.diff, null, 2) + '\n';
}

const ghData = (s: string) => visible(s, { keepNewlines: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub workflow commands: a notice per initiative changed, at its file, and one summary notice. */
async function github({ detail, io, root }: DiffReport): Promise<string> {
  const base = io.env.GITHUB_WORKSPACE ? resolve(io.env.GITHUB_WORKSPACE) : io.cwd;
  const file = (id: string) => relative(base, resolve(root, 'initiatives', `${id}.yaml`)).split(sep).join('/');
  const out: string[] = [`::notice title=${ghProp('costar diff')}::${ghData(`${headline(detail)}; ${notes(detail).join(' ')}`.trim().replace(/;\s*$/, ''))}`];
  for (const id of detail.diff.initiatives.added) out.push(`::notice file=${ghProp(file(id))},title=${ghProp('initiative added')}::${ghData(id)}`);
  for (const c of detail.diff.initiatives.changed) out.push(`::notice file=${ghProp(file(c.id))},title=${ghProp('initiative changed')}::${ghData(c.fields.join(', '))}`);
  for (const id of detail.diff.initiatives.removed) out.push(`::notice title=${ghProp('initiative removed')}::${ghData(id)}`);
  return out.join('\n') + '\n';
}

export const DIFF_FORMATS: Record<string, (r: DiffReport) => Promise<string>> = { text, markdown, json, github };
