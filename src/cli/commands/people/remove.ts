/** `costar people remove <id>`: erase a person everywhere (the right to erasure). */
import { CostarError, EXIT, usageError } from '../../../core/errors.js';
import { closestIds } from '../../../core/people.js';
import { findPortfolio, readPortfolio } from '../../../store/portfolio.js';
import { commit, type Change } from '../../../store/write.js';
import { loadPrompts } from '../../ask.js';
import type { CommandContext } from '../../program.js';
import { invalidFiles } from '../../records.js';
import { plural, say } from '../../render.js';
import { removeId } from './options.js';

export async function runRemove(ctx: CommandContext): Promise<number> {
  const { io, global, opts, args } = ctx;
  const id = removeId(args[0]);
  // Checked before the portfolio is opened for a change, so a refusal leaves no trace at all.
  if (!opts.yes && !io.canPrompt) {
    throw usageError('missing-value', `erasing ${id} cannot be undone: give --yes to confirm it; nothing was changed`, `costar people remove ${id} --yes`);
  }
  const p = await readPortfolio(findPortfolio(io.cwd, global.portfolio), { forChange: true });
  if (!p.fileOf('person', id)) {
    const near = closestIds(id, p.people.map((x) => x.id));
    throw usageError('unknown-person', `there is no people/${id}.yaml in this portfolio${near.length ? `; did you mean ${near.map((x) => `"${x}"`).join(' or ')}?` : ''}`);
  }
  // An initiative that does not parse or has errors of its own (contributors written as text…)
  // might still name the person: refuse rather than erase half.
  for (const f of invalidFiles(p, 'initiative')) {
    if (f.bytes.includes(id)) {
      const n = p.diagnostics.filter((d) => d.file === f.rel && d.severity === 'error');
      throw new CostarError(
        'cannot-erase',
        `${f.rel} has ${n.length === 1 ? 'an error' : `${n.length} errors`} and may name ${id}; nothing was erased:\n${n
          .slice(0, 5)
          .map((d) => `  ${d.file}:${d.line}:${d.column}  ${d.message}  [${d.code}]`)
          .join('\n')}`,
        { hint: 'Fix it first (costar validate), then run this again so the erasure is complete.' },
      );
    }
  }
  const changes: Change[] = [{ kind: 'person', id, remove: true }];
  const from: string[] = [];
  for (const ini of p.initiatives) {
    const at = (ini.people?.contributors ?? []).flatMap((c, i) => (c === id ? [i] : [])).reverse();
    if (!at.length) continue;
    changes.push({ kind: 'initiative', id: ini.id, edit: at.map((i) => ({ op: 'delete' as const, path: ['people', 'contributors', i] })) });
    from.push(ini.id);
  }
  if (!opts.yes) {
    const ask = await loadPrompts();
    const ok = await ask.confirm({
      message: `Erase ${id}${from.length ? ` and remove them from the contributors of ${plural(from.length, 'initiative')}` : ''}? This cannot be undone`,
      default: false,
    });
    if (!ok) {
      say(io, 'Nothing was changed.');
      return EXIT.ok;
    }
  }
  const res = commit(p, changes, { invalidExit: EXIT.failed });
  // Every file of the id is named: both spellings and any temporary copy a crash left.
  for (const rel of res.removed) say(io, `${io.ce.green('✔')} Erased ${rel}`);
  for (const i of from) say(io, `${io.ce.green('✔')} Removed ${id} from the contributors of ${i} (${p.fileOf('initiative', i)?.rel})`);
  say(
    io,
    `${io.ce.dim('note:')} copies made outside the portfolio files are not touched: documents generated with --include-personal, exports, backups and version-control history may still hold their details.`,
  );
  return EXIT.ok;
}
