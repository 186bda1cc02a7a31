/** Renders every failure in one place and maps it to an exit code. */
import { EXIT, isCostarError } from '../core/errors.js';
import { causeOf, isSystemError } from '../store/fsafe.js';
import type { Io } from './io.js';
import { fitErr } from './render.js';
import { visible } from '../core/format.js';
import type { CostarError } from '../core/errors.js';

export function renderError(e: unknown, raw: Pick<Io, 'err' | 'ce' | 'verbose'> & { env?: NodeJS.ProcessEnv }): number {
  const { ce } = raw;
  // Messages fitted to the terminal's width; a stack trace (--verbose) is printed as it is.
  const io = { ...raw, err: (t: string) => raw.err(fitErr(raw, t)), stack: (t: string) => raw.err(t) };
  if (isCostarError(e)) {
    if (e.exitCode === EXIT.cancelled) {
      io.err(`${ce.yellow('Cancelled')}: nothing was changed.\n`);
      return e.exitCode;
    }
    io.err(errorText(ce, e));
    if (io.verbose && e.stack) io.stack(ce.dim(e.stack) + '\n');
    return e.exitCode;
  }
  if (isPromptExit(e)) {
    io.err(`${ce.yellow('Cancelled')}: nothing was changed.\n`);
    return EXIT.cancelled;
  }
  if (isSystemError(e)) {
    // The operating system refused (a full disk, a permission): say so plainly, with the file.
    const where = e.path ? ` ${e.path}` : '';
    io.err(`${ce.red('error')}  could not ${e.syscall ?? 'use'}${where}: ${causeOf(e)}  ${ce.dim(`[${e.code!.toLowerCase()}]`)}\n`);
    io.err(`${ce.dim('hint:')} ${e.code === 'ENOSPC' ? 'free some space on the disk' : 'check the path and its permissions'}, then run the command again.\n`);
    if (io.verbose && e.stack) io.stack(ce.dim(e.stack) + '\n');
    return EXIT.failed;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.err(`${ce.red('error')}  costar stopped unexpectedly: ${visible(err.message)}  ${ce.dim('[internal]')}\n`);
  if (io.verbose) io.stack(ce.dim(err.stack ?? '') + '\n');
  else io.err(`${ce.dim('hint:')} run again with --verbose for details, and please report it.\n`);
  return EXIT.failed;
}

export function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

/**
 * An error as every command prints it (stderr): `[file:line:col  ]error  [subject: ]message  [code]`,
 * then `hint: …`. The one place problems are rendered for the terminal (exit.ts, generate).
 */
export function errorText(ce: Io['ce'], e: Pick<CostarError, 'message' | 'code' | 'hint' | 'location'>, subject?: string): string {
  const loc = e.location ? `${visible(e.location.file)}${e.location.line ? `:${e.location.line}:${e.location.column ?? 1}` : ''}  ` : '';
  let text = `${loc}${ce.red('error')}  ${subject ? `${visible(subject)}: ` : ''}${visible(e.message, { keepNewlines: true })}  ${ce.dim(`[${e.code}]`)}\n`;
  if (e.hint) text += `${ce.dim('hint:')} ${visible(e.hint, { keepNewlines: true })}\n`;
  return text;
}
