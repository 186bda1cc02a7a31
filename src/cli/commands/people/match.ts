/** `costar people match`: who could fill which need, and skill swaps; --write records the proposals. */
import { EXIT } from '../../../core/errors.js';
import { matchDetail, type MatchDetail } from '../../../core/match.js';
import { findPortfolio, type Portfolio, readValidPortfolio } from '../../../store/portfolio.js';
import { commit, type Change } from '../../../store/write.js';
import type { Io } from '../../io.js';
import type { CommandContext } from '../../program.js';
import { next, say } from '../../render.js';
import { matchJson, proposalsWritten, renderMatch } from './render.js';

export async function runMatch(ctx: CommandContext): Promise<number> {
  const { io, global, opts } = ctx;
  const p = await readValidPortfolio(findPortfolio(io.cwd, global.portfolio), { forChange: Boolean(opts.write) });
  const d = matchDetail(p.config, p.initiatives, p.people);
  const personal = Boolean(opts.includePersonal);
  io.out(opts.json ? matchJson(p, d, personal) : await renderMatch(io, p, d, personal));
  if (opts.write) writeProposals(io, p, d, Boolean(opts.json));
  else if (!opts.json && d.assignments.length) next(io, 'record the proposals as contributors with: costar people match --write');
  return EXIT.ok;
}

/** Appends every proposal to its initiative's contributors, in one commit. */
export function writeProposals(io: Io, p: Portfolio, d: MatchDetail, quiet: boolean): void {
  if (!d.assignments.length) {
    if (!quiet) say(io, 'Nothing new to record: no proposals.');
    return;
  }
  const byInit = new Map<string, string[]>();
  for (const a of d.assignments) {
    const list = byInit.get(a.initiative) ?? [];
    if (!list.includes(a.person)) list.push(a.person);
    byInit.set(a.initiative, list);
  }
  const changes: Change[] = [...byInit].map(([id, people]) => ({ kind: 'initiative', id, edit: people.map((x) => ({ op: 'append' as const, path: ['people', 'contributors'], value: x })) }));
  commit(p, changes, { invalidExit: EXIT.failed });
  if (!quiet) proposalsWritten(io, p, byInit);
}
