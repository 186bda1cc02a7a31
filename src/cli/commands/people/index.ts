/**
 * `costar people`: People it. Survey entry (add, import), erasure (remove) and matching (match).
 * Personal data (name, contact) is written to the files but never printed unless the user asks
 * with --include-personal; messages name people by id only.
 *
 * Wiring only: each subcommand lives in its own module (add, import, remove, match); prompts in
 * session.ts, flags in options.ts, what is shown in render.ts, the rules in core/people.ts and
 * core/survey-import.ts.
 */
import { usageError } from '../../../core/errors.js';
import type { CommandContext } from '../../program.js';
import { menu } from './session.js';

export { runAdd } from './add.js';
export { runImport } from './import.js';
export { runExport } from './export.js';
export { runMatch } from './match.js';
export { runRemove } from './remove.js';

/** `costar people`: the interactive menu of People it. */
export async function run(ctx: CommandContext): Promise<number> {
  if (!ctx.io.canPrompt) {
    throw usageError('not-interactive', 'costar people is interactive and needs a terminal', 'Unattended: costar people add | import <file.csv> | remove <id> --yes | export <id> [--json] | match [--json] [--write]');
  }
  return menu(ctx);
}
