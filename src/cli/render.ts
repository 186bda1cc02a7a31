/**
 * The one output layer of the terminal: the table style, wrapping to the terminal's width, and
 * the stream policy. Data (tables, JSON, lists of files written) goes to stdout with `io.out`;
 * everything said to a person — sessions, progress, notes, `Next:` hints — goes to stderr with
 * the helpers here, so a pipe receives only data.
 */
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { Io } from './io.js';

export { plural } from '../core/format.js';

/** The width to fit: the terminal's, else COLUMNS, else 80 (output that is not a terminal). */
export function columns(io: Pick<Io, 'env'>, stream: NodeJS.WriteStream = process.stdout): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  const env = Number(io.env.COLUMNS);
  return Number.isInteger(env) && env >= 20 ? env : 80;
}

/** How many terminal cells a text takes (colour codes take none, wide characters two). */
export function visibleWidth(text: string): number {
  return stringWidth(text);
}

/** Text without colour or other control sequences. */
export const plain = stripVTControlCharacters;

/** Wraps text to `width` cells, keeping colour; continuation lines indented by `indent`. */
export function wrap(text: string, width: number, indent = 0): string {
  const body = wrapAnsi(text, Math.max(10, width - indent), { hard: true, trim: true });
  return indent ? body.split('\n').join(`\n${' '.repeat(indent)}`) : body;
}

const PLAIN_CHARS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

export type Align = 'left' | 'center' | 'right';

/**
 * A table in costar's one style: no borders, two spaces between columns, bold headings (plain
 * when colour is off). `widths` caps columns (in cells); long cells then wrap inside them.
 */
export async function makeTable(io: Pick<Io, 'c'>, head: string[], colAligns?: Align[], widths?: Array<number | null>) {
  const { default: Table } = await import('cli-table3');
  return new Table({
    head: head.map((h) => io.c.bold(h)),
    ...(colAligns ? { colAligns } : {}),
    ...(widths ? { colWidths: widths, wordWrap: true, wrapOnWordBoundary: true } : {}),
    chars: PLAIN_CHARS,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
}

/**
 * A table as text: a rule under the headings, no trailing spaces. The rule is as wide as the
 * widest line, but never wider than the columns cli-table3 laid out: it measures marks such as
 * ✔ and ✖ as one cell (as terminals show them) where string-width counts two.
 */
export function tableText(io: Pick<Io, 'c'>, table: { toString(): string; options?: { colWidths?: Array<number | null> } }): string {
  const lines = table
    .toString()
    .split('\n')
    .map((l) => l.trimEnd());
  const cols = table.options?.colWidths ?? [];
  const laidOut = cols.length && cols.every((w) => typeof w === 'number') ? (cols as number[]).reduce((a, b) => a + b, 0) + 2 * (cols.length - 1) : Infinity;
  const width = Math.min(laidOut, Math.max(...lines.map((l) => visibleWidth(l))));
  lines.splice(1, 0, io.c.dim('─'.repeat(width)));
  return lines.join('\n');
}

/** A message to a person (stderr). */
export function say(io: Pick<Io, 'err'>, text: string): void {
  io.err(text.endsWith('\n') ? text : `${text}\n`);
}

/** The `Next:` hint that ends a screen (stderr): what to do now. */
export function next(io: Pick<Io, 'err' | 'ce'>, what: string): void {
  io.err(`${io.ce.dim('Next:')} ${what}\n`);
}

