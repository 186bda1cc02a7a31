/** Terminal facts in one place: streams, colour, whether a person can be prompted. */
import { Chalk, type ChalkInstance } from 'chalk';
import { terminalSafe } from '../core/format.js';

export interface GlobalOptions {
  portfolio?: string;
  input: boolean;
  color: boolean;
  verbose: boolean;
}

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutTTY: boolean;
  /** Colour for stdout / stderr. */
  color: boolean;
  colorErr: boolean;
  canPrompt: boolean;
  verbose: boolean;
  c: ChalkInstance;
  ce: ChalkInstance;
  out(text: string): void;
  err(text: string): void;
}

export function makeIo(g: GlobalOptions, env: NodeJS.ProcessEnv = process.env): Io {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const stdoutTTY = Boolean(process.stdout.isTTY);
  const color = g.color && !noColor && stdoutTTY && env.TERM !== 'dumb';
  const colorErr = g.color && !noColor && Boolean(process.stderr.isTTY) && env.TERM !== 'dumb';
  const canPrompt = Boolean(process.stdin.isTTY) && stdoutTTY && g.input && !isCI(env);
  return {
    cwd: process.cwd(),
    env,
    stdoutTTY,
    color,
    colorErr,
    canPrompt,
    verbose: g.verbose,
    c: new Chalk({ level: color ? 1 : 0 }),
    ce: new Chalk({ level: colorErr ? 1 : 0 }),
    // Everything written passes terminalSafe: user text (titles, labels, file names) cannot
    // reach a terminal raw; colour sequences stay only where costar colours.
    out: (t) => void process.stdout.write(terminalSafe(t, { keepColour: color })),
    err: (t) => void process.stderr.write(terminalSafe(t, { keepColour: colorErr })),
  };
}

export function isCI(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}
