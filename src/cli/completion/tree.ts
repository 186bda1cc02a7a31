/**
 * Shell completion scripts for bash, zsh and fish, generated from the command data (COMMANDS and
 * the global options). The scripts are static: they complete commands, flags and the fixed
 * vocabularies without running costar, so they work anywhere, with or without a portfolio.
 */
import { DEFAULT_CRITERIA } from '../../core/config.js';
import { AREA_TAGS, AVAILABILITY, BENEFIT_KINDS, CHALLENGE_STATUSES, CO_LEVELS, COS, COST_KINDS, INCENTIVE_KINDS, INDICATOR_KINDS, PERSON_KINDS, REVIEWERS, STAKEHOLDERS, STATUSES, WILLINGNESS } from '../../core/vocab.js';
import { DOC_KIND_NAMES } from '../../generate/kinds.js';
import type { CommandSpec, OptionSpec } from '../program.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a flag's value or an argument completes to. */
export type Values =
  | { kind: 'text' }
  | { kind: 'words'; words: readonly string[] }
  /** Comma-separated words: `users,staff`. */
  | { kind: 'list'; words: readonly string[] }
  /** `key=value`: first `key=`, then the values (none: free text after `=`). */
  | { kind: 'pairs'; keys: readonly string[]; values: readonly string[] }
  | { kind: 'file' }
  | { kind: 'dir' };

export interface Flag {
  names: string[];
  description: string;
  repeatable: boolean;
  /** The value's name (`format`), absent for a switch. */
  placeholder?: string;
  values?: Values;
}

export interface Arg {
  name: string;
  variadic: boolean;
  values: Values;
}

export interface Node {
  path: string[];
  summary: string;
  flags: Flag[];
  args: Arg[];
  subcommands: Node[];
}

const words = (w: readonly string[]): Values => ({ kind: 'words', words: w });
const TEXT: Values = { kind: 'text' };

const pairs = (keys: readonly string[], values: readonly string[] = []): Values => ({ kind: 'pairs', keys, values });
const GRADES = ['1', '2', '3', '4', '5', '6'];

/**
 * The fixed vocabularies behind options, keyed by command path and long flag. Options may also
 * declare `choices`, which win; many do not, because the command checks the value itself and
 * suggests the nearest. The completion test checks that every key still names an option.
 */
export const OPTION_VALUES: Record<string, Values> = {
  'map add --status': words(STATUSES),
  'map add --co': pairs(COS, CO_LEVELS),
  'map add --how': pairs(COS),
  'explore --co': words(COS),
  'explore --area': words(AREA_TAGS),
  'focus score --set': pairs(DEFAULT_CRITERIA.map((c) => c.id)),
  'focus respond --status': words(CHALLENGE_STATUSES.filter((s) => s !== 'open')),
  'focus add-cost --kind': words(COST_KINDS),
  'focus add-cost --confidence': words(GRADES),
  'focus add-benefit --kind': words(BENEFIT_KINDS),
  'focus add-benefit --confidence': words(GRADES),
  'people add --kind': words(PERSON_KINDS),
  'people add --willingness': words(WILLINGNESS),
  'people add --availability': words(AVAILABILITY),
  'market menu --for': words(STAKEHOLDERS),
  'market menu --kind': words(INCENTIVE_KINDS),
  'market add-incentive --for': words(STAKEHOLDERS),
  'market add-incentive --kind': words(INCENTIVE_KINDS),
  'grow add-indicator --kind': words(INDICATOR_KINDS),
  'grow review --by': { kind: 'list', words: REVIEWERS },
};

/** Values of positional arguments, keyed by command path and argument name. */
export const ARG_VALUES: Record<string, Values> = {
  'generate kind': words(DOC_KIND_NAMES),
  'completion shell': words(SHELLS),
  // `set` also takes the path of a record's file, so file names are the useful completion.
  'set record': { kind: 'file' },
};

const HELP: OptionSpec = { flags: '-h, --help', description: 'show help' };

function parseFlag(o: OptionSpec, key: string): Flag {
  const [names, rest] = [o.flags.replace(/[<[].*$/, ''), /[<[]([^>\]]+(?:\][^>]*)?)[>\]]/.exec(o.flags)?.[1]];
  const flag: Flag = { names: names.split(/[\s,|]+/).filter((n) => n.startsWith('-')), description: o.description, repeatable: Boolean(o.repeatable) };
  if (rest === undefined) return flag;
  const long = flag.names.find((n) => n.startsWith('--')) ?? flag.names[0]!;
  flag.placeholder = rest;
  flag.values = o.choices ? words(o.choices) : OPTION_VALUES[`${key} ${long}`] ?? (rest === 'dir' ? { kind: 'dir' } : rest === 'file' ? { kind: 'file' } : TEXT);
  return flag;
}

function parseArg(a: string, key: string): Arg {
  const name = a.replace(/^[<[]|[>\]]$/g, '').replace(/\.\.\.$/, '');
  const values = ARG_VALUES[`${key} ${name}`] ?? (name === 'dir' ? { kind: 'dir' } : name === 'file' ? { kind: 'file' } : TEXT);
  return { name, variadic: a.includes('...'), values };
}

function toNode(spec: CommandSpec, parent: string[]): Node {
  const path = [...parent, spec.name];
  const key = path.join(' ');
  return {
    path,
    summary: spec.summary,
    flags: [...(spec.options ?? []), HELP].map((o) => parseFlag(o, key)),
    args: (spec.args ?? []).map((a) => parseArg(a, key)),
    subcommands: (spec.subcommands ?? []).map((s) => toNode(s, path)),
  };
}

/** The command tree, with the global options on the root and commander's `help [command]`. */
export function commandTree(commands: readonly CommandSpec[], globals: readonly OptionSpec[]): Node {
  const subcommands = commands.map((c) => toNode(c, []));
  subcommands.push({ path: ['help'], summary: 'show help for a command', flags: [], args: [{ name: 'command', variadic: false, values: words(commands.map((c) => c.name)) }], subcommands: [] });
  return { path: [], summary: 'costar', flags: [...globals, HELP].map((o) => parseFlag(o, '')), args: [], subcommands };
}

/** The root's flags that also apply after a subcommand (all but --version). */
export const inherited = (tree: Node) => tree.flags.filter((f) => !f.names.includes('--version'));

export function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  node.subcommands.forEach((s) => walk(s, visit));
}

/** Single-quoted for POSIX shells. */
export const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
