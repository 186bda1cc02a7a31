/**
 * Shell completion scripts for bash, zsh and fish, generated from the command data (COMMANDS and
 * the global options) through one command tree (tree.ts). The scripts are static: they complete
 * commands, flags and the fixed vocabularies without running costar, so they work anywhere,
 * with or without a portfolio.
 */
import type { CommandSpec, OptionSpec } from '../program.js';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { commandTree, type Shell } from './tree.js';
import { zshScript } from './zsh.js';

export { ARG_VALUES, commandTree, OPTION_VALUES, SHELLS, type Node, type Shell } from './tree.js';

export function completionScript(shell: Shell, commands: readonly CommandSpec[], globals: readonly OptionSpec[]): string {
  const tree = commandTree(commands, globals);
  return shell === 'bash' ? bashScript(tree) : shell === 'zsh' ? zshScript(tree) : fishScript(tree);
}
