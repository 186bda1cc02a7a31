/**
 * Argument parsing, in-process: the command table (COMMANDS) turned into commander commands, with
 * each action replaced by one that records what the command would receive.
 */
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS, type CommandSpec } from '../../src/cli/program.js';

interface Seen {
  name: string;
  args: unknown[];
  opts: Record<string, unknown>;
  globals: Record<string, unknown>;
}

function parse(argv: string[]): Seen | CommanderError {
  const program = buildProgram();
  let seen: Seen | undefined;
  const quiet = (c: Command, path: string[]) => {
    c.exitOverride();
    c.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    for (const sub of c.commands) {
      quiet(sub, [...path, sub.name()]);
      sub.action((...all: unknown[]) => {
        const cmd = all[all.length - 1] as Command;
        seen = { name: [...path, sub.name()].join(' '), args: all.slice(0, -2), opts: cmd.opts(), globals: cmd.optsWithGlobals() };
      });
    }
  };
  quiet(program, []);
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e;
    throw e;
  }
  return seen!;
}

describe('argument parsing', () => {
  it('gives validate its defaults, and the global options before or after the command', () => {
    expect(parse(['validate'])).toMatchObject({ name: 'validate', args: [undefined], opts: { format: 'stylish', failOn: 'error' } });
    const r = parse(['--no-color', 'validate', 'demo', '--format', 'junit', '--fail-on', 'warning', '-o', 'r.xml', '-C', 'x']) as Seen;
    expect(r).toMatchObject({ name: 'validate', args: ['demo'], opts: { format: 'junit', failOn: 'warning', output: 'r.xml' } });
    expect(r.globals).toMatchObject({ color: false, portfolio: 'x', input: true });
    expect((parse(['validate', '--no-input']) as Seen).globals).toMatchObject({ input: false });
  });

  it('refuses a value outside a choice list, an unknown option and an unknown command', () => {
    expect((parse(['validate', '--format', 'xml']) as CommanderError).code).toBe('commander.invalidArgument');
    expect((parse(['validate', '--formt', 'json']) as CommanderError).code).toBe('commander.unknownOption');
    expect((parse(['valdate']) as CommanderError).code).toBe('commander.unknownCommand');
  });

  it('collects repeatable options in order', () => {
    const r = parse(['init', 'dir', '--area', 'housing', '--area', 'adult-social-care:Adult social care']) as Seen;
    expect(r.opts.area).toEqual(['housing', 'adult-social-care:Adult social care']);
  });

  it('reaches subcommands with their own arguments', () => {
    expect(parse(['focus', 'score', 'dementia-walks', '--set', 'ease=4'])).toMatchObject({ name: 'focus score', args: ['dementia-walks'] });
    expect(parse(['generate', 'charter', 'a', 'b', '--format', 'html'])).toMatchObject({ name: 'generate', args: ['charter', ['a', 'b']], opts: { format: 'html' } });
  });

  it('declares every command that has a module and every option once', () => {
    const walk = (specs: CommandSpec[], path: string[] = []): string[] =>
      specs.flatMap((s) => {
        const flags = (s.options ?? []).map((o) => o.flags.split(/[ ,]+/).find((f) => f.startsWith('--'))!);
        expect(new Set(flags).size, `${[...path, s.name].join(' ')} declares an option twice`).toBe(flags.length);
        expect(Boolean(s.load) || Boolean(s.subcommands?.length), `${s.name} does nothing`).toBe(true);
        return [[...path, s.name].join(' '), ...walk(s.subcommands ?? [], [...path, s.name])];
      });
    const names = walk(COMMANDS);
    expect(names).toEqual(expect.arrayContaining(['validate', 'focus score', 'people import', 'grow check', 'generate']));
  });
});
