/** The one error type costar throws for expected failures; rendered in one place (cli/exit.ts). */

import { EXIT, type ExitCode } from './exit-codes.js';
import type { ErrorCode } from './errors-data.js';

export { EXIT, type ExitCode, type ErrorCode };

export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export class CostarError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly exitCode: ExitCode;
  readonly location?: Location;

  constructor(code: ErrorCode, message: string, opts: { hint?: string; exitCode?: ExitCode; location?: Location } = {}) {
    super(message);
    this.name = 'CostarError';
    this.code = code;
    this.hint = opts.hint;
    this.exitCode = opts.exitCode ?? EXIT.failed;
    this.location = opts.location;
  }
}

/** A usage error: a bad flag, argument or missing value (exit 2). */
export function usageError(code: ErrorCode, message: string, hint?: string): CostarError {
  return new CostarError(code, message, { hint, exitCode: EXIT.usage });
}

/** The user pressed Ctrl-C at a prompt (exit 130). */
export function cancelled(): CostarError {
  return new CostarError('cancelled', 'Cancelled; nothing was changed.', { exitCode: EXIT.cancelled });
}

/**
 * True for a CostarError, also one thrown by another bundle of costar (each command is bundled
 * on its own, so classes are not shared across them).
 */
export function isCostarError(e: unknown): e is CostarError {
  return e instanceof Error && e.name === 'CostarError' && typeof (e as CostarError).code === 'string' && typeof (e as CostarError).exitCode === 'number';
}
