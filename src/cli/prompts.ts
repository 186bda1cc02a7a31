/**
 * The only module that imports the prompt library; commands import it lazily, so commands that
 * never prompt never load it. Questions are drawn on stderr, like everything else said to a person
 * (the stream policy of render.ts): stdout carries only data. Every question goes back on Escape
 * and hands Ctrl-C to the session (prompt-guard.ts).
 */
import * as inquirer from '@inquirer/prompts';
import { guarded } from './prompt-guard.js';

type Context = Parameters<typeof inquirer.select>[1];

/** A prompt of the library, drawn on stderr unless the caller gives its own output. */
function onStderr<P extends (config: never, context?: Context) => unknown>(prompt: P): P {
  return ((config: never, context?: Context) => prompt(config, { output: process.stderr, ...context })) as P;
}

/** A prompt on stderr whose Escape and Ctrl-C are handled by prompt-guard.ts. */
function guard<P extends (config: never, context?: Context) => unknown>(prompt: P): P {
  return ((config: never, context?: Context) => guarded((ctx) => prompt(config, Object.assign(ctx, { output: process.stderr, ...context, signal: ctx.signal })) as Promise<unknown>)) as P;
}

export const checkbox = guard(inquirer.checkbox);
export const confirm = guard(inquirer.confirm);
export const input = guard(inquirer.input);
export const number = guard(inquirer.number);
export const search = guard(inquirer.search);
export const select = guard(inquirer.select);
export const editor = guard(inquirer.editor);
/** A question that Escape and Ctrl-C simply end: the session's own question about Ctrl-C. */
export const plainSelect = onStderr(inquirer.select);
export const plainConfirm = onStderr(inquirer.confirm);
