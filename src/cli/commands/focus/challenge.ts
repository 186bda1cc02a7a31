/** `costar focus challenge` and `costar focus respond`: the critical friends' challenges. */
import { usageError } from '../../../core/errors.js';
import { parseNumber } from '../../../core/values.js';
import type { EditOp } from '../../../store/edit.js';
import { findPortfolio, readPortfolio } from '../../../store/portfolio.js';
import { loadPrompts, requireFlag } from '../../ask.js';
import type { CommandContext } from '../../program.js';
import { findInitiative } from '../../records.js';
import { next, plural, say } from '../../render.js';
import { challengeFlags, respondFlags } from './options.js';
import { nonBlank } from './questions.js';
import { saveEdits } from './save.js';

export async function runChallenge({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readPortfolio(root, { forChange: true });
  const ini = findInitiative(p, args[0]);
  let { by, text } = challengeFlags(opts);
  if (by === undefined) requireFlag(io, '--by', 'who raises the challenge');
  if (text === undefined) requireFlag(io, '--text', 'the challenge');
  if (by === undefined || text === undefined) {
    const P = await loadPrompts();
    by ??= (await P.input({ message: 'Who raises it? (e.g. Finance partner)', validate: nonBlank('who raises it') })).trim();
    text ??= (await P.input({ message: 'The challenge', validate: nonBlank('the challenge') })).trim();
  }
  const n = (ini.focus?.challenges ?? []).length + 1;
  saveEdits(io, p, ini.id, [{ op: 'append', path: ['focus', 'challenges'], value: { by, challenge: text, status: 'open' } }], `challenge ${n} from ${by} (open)`);
  next(io, `costar focus respond ${ini.id} ${n} --text … --status answered`);
  return 0;
}

export async function runRespond({ io, global, args, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readPortfolio(root, { forChange: true });
  const ini = findInitiative(p, args[0]);
  const list = ini.focus?.challenges ?? [];
  if (!list.length) throw usageError('no-challenges', `${ini.id} has no challenges to respond to`, `Record one with: costar focus challenge ${ini.id} --by … --text …`);
  const n = parseNumber(String(args[1]), 'a challenge number', { integer: true, min: 1, max: list.length });
  if (!n.ok) throw usageError('bad-value', `<n>: ${n.message} (${ini.id} has ${plural(list.length, 'challenge')}, numbered from 1 in file order)`);
  const flags = respondFlags(opts);
  const i = n.value - 1;
  const ch = list[i]!;
  let text = flags.text;
  if (text === undefined) {
    requireFlag(io, '--text', 'the response');
    const P = await loadPrompts();
    say(io, `${ch.by}: ${ch.challenge}`);
    text = (await P.input({ message: 'Your response', default: ch.response, validate: nonBlank('the response') })).trim();
  }
  const status = flags.status;
  const ops: EditOp[] = [];
  // Keep the SPEC's order (by, challenge, response, status) when the response is new.
  if (ch.response === undefined && ch.status !== undefined) ops.push({ op: 'delete', path: ['focus', 'challenges', i, 'status'] });
  ops.push({ op: 'set', path: ['focus', 'challenges', i, 'response'], value: text }, { op: 'set', path: ['focus', 'challenges', i, 'status'], value: status });
  saveEdits(io, p, ini.id, ops, `challenge ${n.value} ${status}`);
  const open = list.filter((c, k) => k !== i && (c.status ?? 'open') === 'open').length + (status === 'open' ? 1 : 0);
  if (open) next(io, `${plural(open, 'challenge')} still open on ${ini.id}: costar focus case ${ini.id}`);
  else next(io, `costar generate business-case ${ini.id} — every challenge has a response`);
  return 0;
}
