/**
 * `costar people export <id> [--json]`: subject access. Prints everything the portfolio holds
 * about one person: their whole record, personal data included (that is the point), and every
 * initiative that lists them as a contributor. The rule is subjectAccess in core/people.ts.
 */
import { CostarError, EXIT, usageError } from '../../../core/errors.js';
import { closestIds, subjectAccess, type SubjectAccess } from '../../../core/people.js';
import { findPortfolio, readPortfolio } from '../../../store/portfolio.js';
import type { Io } from '../../io.js';
import type { CommandContext } from '../../program.js';
import { invalidFiles } from '../../records.js';
import { fit, plural, say } from '../../render.js';
import { removeId } from './options.js';

export async function runExport(ctx: CommandContext): Promise<number> {
  const { io, global, opts, args } = ctx;
  const id = removeId(args[0]);
  const p = await readPortfolio(findPortfolio(io.cwd, global.portfolio));
  const file = p.fileOf('person', id);
  if (!file) {
    const near = closestIds(id, p.people.map((x) => x.id));
    throw usageError('unknown-person', `there is no people/${id}.yaml in this portfolio${near.length ? `; did you mean ${near.map((x) => `"${x}"`).join(' or ')}?` : ''}`);
  }
  const rec = file.value;
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
    throw new CostarError('record-invalid', `${file.rel} does not hold a record costar can read, so there is nothing to export but the file itself`, {
      hint: `Send the file ${file.rel} as it is, or fix it first (costar validate).`,
    });
  }
  const access = subjectAccess(rec as Record<string, unknown>, p.initiatives);
  io.out(opts.json ? JSON.stringify(access, null, 2) + '\n' : fit(io, exportText(io, id, file.rel, access)));
  // An initiative with errors is not in p.initiatives but may still name the person.
  for (const f of invalidFiles(p, 'initiative')) {
    if (f.bytes.includes(id)) say(io, `${io.ce.yellow('warning:')} ${f.rel} has errors and may also name ${id}; fix it (costar validate) and export again for a complete answer.`);
  }
  say(
    io,
    `${io.ce.yellow('note:')} this is personal data about ${id}. Send it only to the person themselves (after checking who they are), by a secure route, and keep no copy beyond your record of the request.`,
  );
  return EXIT.ok;
}

const shown = (v: unknown): string => (Array.isArray(v) ? v.map(String).join(', ') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** The readable export: the record field by field, then the initiatives that hold the person. */
function exportText(io: Io, id: string, rel: string, a: SubjectAccess): string {
  const { c } = io;
  const out: string[] = [c.bold(`Everything costar holds about ${id}`) + c.dim(`  (${rel})`), ''];
  out.push(c.bold('Record'));
  const keys = Object.keys(a.person);
  const w = Math.max(...keys.map((k) => k.length));
  for (const k of keys) out.push(`  ${k.padEnd(w)}  ${shown(a.person[k])}`);
  out.push('');
  out.push(c.bold(`Initiatives that list ${id} as a contributor (${a.initiatives.length})`));
  if (a.initiatives.length) {
    const iw = Math.max(...a.initiatives.map((i) => i.id.length));
    for (const i of a.initiatives) out.push(`  ${i.id.padEnd(iw)}  ${i.title}`);
  } else out.push('  None.');
  out.push('');
  out.push(`costar stores nothing else about ${id}: match proposals are worked out when asked (costar people match) and are not kept.`);
  out.push(c.dim(`${plural(keys.length, 'field')} in the record, ${plural(a.initiatives.length, 'initiative')}.`));
  return out.join('\n') + '\n';
}
