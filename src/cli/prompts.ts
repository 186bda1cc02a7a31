/**
 * The only module that imports the prompt library; commands import it lazily, so commands that
 * never prompt never load it.
 */
export { checkbox, confirm, input, number, search, select, editor } from '@inquirer/prompts';
