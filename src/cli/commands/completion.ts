/** `costar completion bash|zsh|fish`: print a completion script; needs no portfolio. */
import { usageError } from '../../core/errors.js';
import { completionScript, SHELLS, type Shell } from '../completion.js';
import { buildProgram, COMMANDS, type CommandContext, type OptionSpec } from '../program.js';

export async function run({ io, args }: CommandContext): Promise<number> {
  const shell = String(args[0] ?? '');
  if (!(SHELLS as readonly string[]).includes(shell)) {
    throw usageError('unknown-shell', `unknown shell "${shell}"; costar completes ${SHELLS.join(', ')}`, 'usage: costar completion bash|zsh|fish');
  }
  // The global options as commander knows them, so the script cannot drift from the parser.
  const globals: OptionSpec[] = buildProgram().options.map((o) => ({ flags: o.flags, description: o.description }));
  io.out(completionScript(shell as Shell, COMMANDS, globals));
  return 0;
}
