/** `costar completion bash|zsh|fish`: print a completion script; needs no portfolio. */
import { usageError } from '../../core/errors.js';
import { completionScript, SHELLS, type Shell } from '../completion/index.js';
import { buildProgram, COMMANDS, type CommandContext, type OptionSpec } from '../program.js';

export async function run({ io, args }: CommandContext): Promise<number> {
  const shell = args[0] as string | undefined;
  const usage = 'usage: costar completion bash|zsh|fish';
  if (!shell) throw usageError('missing-shell', `name the shell to complete: ${SHELLS.join(', ')}`, usage);
  if (!(SHELLS as readonly string[]).includes(shell)) throw usageError('unknown-shell', `unknown shell "${shell}"; costar completes ${SHELLS.join(', ')}`, usage);
  // The global options as commander knows them, so the script cannot drift from the parser.
  const globals: OptionSpec[] = buildProgram().options.map((o) => ({ flags: o.flags, description: o.description }));
  io.out(completionScript(shell as Shell, COMMANDS, globals));
  return 0;
}
