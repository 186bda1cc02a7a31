/**
 * commander wiring only. Every command is declared once as data (summary, arguments, options,
 * examples) and its module is imported only when it runs, so start-up stays fast.
 */
import { releaseAll } from '../store/lock.js';
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from '../core/errors.js';
import { DOCUMENTS } from './table/documents.js';
import { FOCUS } from './table/focus.js';
import { GROW } from './table/grow.js';
import { MAP } from './table/map.js';
import { MARKET } from './table/market.js';
import { PEOPLE } from './table/people.js';
import { SETUP } from './table/project.js';
import type { CommandSpec, RunFn } from './table/spec.js';
import { TOOLS } from './table/tools.js';
import { renderError } from './exit.js';
import { makeIo, type GlobalOptions } from './io.js';

import { VERSION } from './version.js';
export { VERSION };

export type { CommandContext, CommandSpec, OptionSpec, RunFn } from './table/spec.js';

/** The whole command surface, as data (src/cli/table/): help, parsing, completion and prompts all read it. */
export const COMMANDS: CommandSpec[] = [...SETUP, ...MAP, ...FOCUS, ...DOCUMENTS, ...PEOPLE, ...MARKET, ...GROW, ...TOOLS];

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function addCommand(parent: Command, spec: CommandSpec, path: string[]): void {
  const cmd = parent.command(spec.name).summary(spec.summary).description(spec.description ?? spec.summary);
  for (const a of spec.args ?? []) cmd.argument(a);
  for (const o of spec.options ?? []) {
    const opt = new Option(o.flags, o.description);
    if (o.choices) opt.choices(o.choices as string[]);
    if (o.repeatable) opt.argParser(collect);
    if (o.default !== undefined) opt.default(o.default);
    cmd.addOption(opt);
  }
  if (spec.examples?.length) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  const full = [...path, spec.name];
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, full);
  if (spec.load) {
    cmd.action(async (...all: any[]) => {
      const command = all[all.length - 1] as Command;
      const opts = command.opts();
      const g = command.optsWithGlobals() as Record<string, any>;
      const global: GlobalOptions = { portfolio: g.portfolio, input: g.input !== false, color: g.color !== false, verbose: Boolean(g.verbose) };
      const io = makeIo(global);
      const mod = await spec.load!();
      const run = mod[spec.export ?? 'run'] as RunFn;
      const code = await run({ io, global, args: all.slice(0, spec.args?.length ?? 0), opts, name: full.join(' ') });
      if (typeof code === 'number') process.exitCode = code;
    });
  }
}

export function buildProgram(): Command {
  const program = new Command('costar')
    .description("Put the Co-production Star into practice: map, focus, people, market and grow a portfolio of co-production.")
    .version(VERSION, '-V, --version', 'print the version')
    .option('-C, --portfolio <dir>', 'portfolio folder (default: the nearest with costar.yaml)')
    .option('--no-input', 'never prompt; a missing value is an error')
    .option('--no-color', 'plain text, no colour')
    .option('--verbose', 'show details of unexpected failures')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .enablePositionalOptions(false);
  program.addHelpText(
    'after',
    `\nThe journey: costar map → costar focus → costar people → costar market → costar grow\nNot sure what to do next? Run: costar status\n`,
  );
  for (const spec of COMMANDS) addCommand(program, spec, []);
  return program;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const noColor = argv.includes('--no-color') || (process.env.NO_COLOR ?? '') !== '';
  const errIo = makeIo({ input: true, color: !noColor, verbose: argv.includes('--verbose') });
  program.exitOverride();
  const style = (p: Command) => {
    p.configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`${errIo.ce.red('error')}  ${s.replace(/^error: /, '')}`),
    });
    p.commands.forEach((c) => {
      c.exitOverride();
      style(c);
    });
  };
  style(program);
  try {
    await program.parseAsync(argv, { from: 'node' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      if (e.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      return EXIT.usage;
    }
    return renderError(e, errIo);
  } finally {
    // A command that stopped with an error after taking the portfolio's lock leaves it here.
    releaseAll();
  }
}
