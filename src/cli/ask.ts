/** Flags first, prompts only for what flags left out, and only when a person is at a terminal. */
import { usageError } from '../core/errors.js';
import type { Io } from './io.js';

/** Fails with a usage error naming the flag when a value is missing and nobody can be asked. */
export function requireFlag(io: Io, flag: string, what: string): void {
  if (!io.canPrompt) {
    throw usageError('missing-value', `${what} is missing: give ${flag}`, io.env.CI ? 'Prompts are off because CI is set.' : 'Prompts appear only at a terminal without --no-input.');
  }
}

export type Prompts = typeof import('./prompts.js');

let prompts: Prompts | undefined;
export async function loadPrompts(): Promise<Prompts> {
  prompts ??= await import('./prompts.js');
  return prompts;
}
