/** `costar people add`: one survey return from flags, or survey entry at a terminal. */
import { EXIT, usageError } from '../../../core/errors.js';
import { orderRecord } from '../../../core/key-order.js';
import { describePerson, nextPersonId } from '../../../core/people.js';
import { findPortfolio, readPortfolio } from '../../../store/portfolio.js';
import { commit } from '../../../store/write.js';
import type { CommandContext } from '../../program.js';
import { asOfDate } from '../../as-of.js';
import { takenIds } from '../../records.js';
import { say } from '../../render.js';
import { givenFields, personFromFlags } from './options.js';
import { survey } from './session.js';

export async function runAdd(ctx: CommandContext): Promise<number> {
  const { io, global, opts } = ctx;
  const root = findPortfolio(io.cwd, global.portfolio);
  const given = givenFields(opts);
  if (!given.length && io.canPrompt) return survey(io, root);
  if (!given.length) {
    throw usageError(
      'missing-value',
      'nothing to add: give the return\'s fields as flags, e.g. --ward abbey --consent --willingness more --offer cooking',
      io.env.CI ? 'Prompts are off because CI is set; see: costar people add --help' : 'At a terminal, costar people add with no flags asks for each field.',
    );
  }
  const p = await readPortfolio(root, { forChange: true });
  const { rec, warnings } = personFromFlags(opts, p, asOfDate(undefined, io.env));
  for (const w of warnings) say(io, `${io.ce.yellow('warning')}  ${w.flag} "${w.skill}" is new to this portfolio; did you mean "${w.near}"? (kept as given)`);
  rec.id ??= nextPersonId(takenIds(p, 'person'));
  const id = rec.id as string;
  commit(p, [{ kind: 'person', id, create: orderRecord('person', rec, { dropEmpty: true }) }], { invalidExit: EXIT.usage });
  say(io, `${io.ce.green('✔')} Added people/${id}.yaml  ${io.ce.dim(describePerson(rec))}`);
  if (rec.consent !== true) say(io, `${io.ce.dim('note:')} without consent (--consent) ${id} is never matched or paired.`);
  io.out(`${id}\n`);
  return EXIT.ok;
}
