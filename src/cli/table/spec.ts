/** The shape of the command table (declared as data in this folder) and the options many commands share. */
import type { GlobalOptions, Io } from '../io.js';

export interface OptionSpec {
  flags: string;
  description: string;
  choices?: readonly string[];
  repeatable?: boolean;
  default?: unknown;
}

export interface CommandContext {
  io: Io;
  global: GlobalOptions;
  /** Positional arguments in declaration order (variadic ones as arrays). */
  args: any[];
  opts: Record<string, any>;
  /** Full command path, e.g. "focus score". */
  name: string;
}

export type RunFn = (ctx: CommandContext) => Promise<number | void>;

export interface CommandSpec {
  name: string;
  summary: string;
  description?: string;
  args?: string[];
  options?: OptionSpec[];
  examples?: string[];
  load?: () => Promise<Record<string, unknown>>;
  /** Export name of the run function in the module (default "run"). */
  export?: string;
  subcommands?: CommandSpec[];
}

export const json: OptionSpec = { flags: '--json', description: 'print JSON to stdout (stderr stays empty unless the command fails)' };
export const includePersonal: OptionSpec = { flags: '--include-personal', description: 'show names and contact details (personal data) too' };
