/**
 * The only module that imports the prompt library; commands import it lazily, so commands that
 * never prompt never load it. Questions are drawn on stderr, like everything else said to a person
 * (the stream policy of render.ts): stdout carries only data.
 */
import * as inquirer from '@inquirer/prompts';

type Context = Parameters<typeof inquirer.select>[1];

/** A prompt of the library, drawn on stderr unless the caller gives its own output. */
function onStderr<P extends (config: never, context?: Context) => unknown>(prompt: P): P {
  return ((config: never, context?: Context) => prompt(config, { output: process.stderr, ...context })) as P;
}

export const checkbox = onStderr(inquirer.checkbox);
export const confirm = onStderr(inquirer.confirm);
export const input = onStderr(inquirer.input);
export const number = onStderr(inquirer.number);
export const search = onStderr(inquirer.search);
export const select = onStderr(inquirer.select);
export const editor = onStderr(inquirer.editor);
