/**
 * The one output layer of the terminal: the table style, wrapping to the terminal's width, and
 * the stream policy. Data (tables, JSON, lists of files written) goes to stdout with `io.out`;
 * everything said to a person — sessions, progress, notes, `Next:` hints — goes to stderr with
 * the helpers here, so a pipe receives only data.
 */
import { stripVTControlCharacters } from 'node:util';
import type { Io } from './io.js';

export { plural } from '../core/format.js';

/**
 * The width to fit: the terminal's (stdout for data, stderr for messages), else the COLUMNS
 * variable, else 80 (output that is not a terminal: a pipe, a file).
 */
export function columns(io: { env?: NodeJS.ProcessEnv }, stream: NodeJS.WriteStream = process.stdout): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  const env = Number((io.env ?? process.env).COLUMNS);
  return Number.isInteger(env) && env >= 20 ? env : 80;
}

/** The width to fit for messages (stderr). */
export const columnsErr = (io: { env?: NodeJS.ProcessEnv }): number => columns(io, process.stderr);

// string-width and wrap-ansi build Unicode tables as they load (an Intl.Segmenter and an emoji
// pattern: about 50 ms, a sixth of validating a small portfolio), and most of what costar prints
// never needs them; they load on first use. (esbuild bundles each require as its module's start.)
let widthOf: ((text: string) => number) | undefined;
const stringWidth = (text: string): number => (widthOf ??= (require('string-width') as typeof import('string-width')).default)(text);
let wrapper: typeof import('wrap-ansi').default | undefined;
const wrapAnsi: typeof import('wrap-ansi').default = (text, columns, options) => (wrapper ??= (require('wrap-ansi') as typeof import('wrap-ansi')).default)(text, columns, options);

// A mark such as ✔ (U+2714) or ✖ is drawn as an emoji only when U+FE0F follows it; on its own a
// terminal shows it in one cell, where string-width counts two.
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const TEXT_MARK = /\p{Extended_Pictographic}(?!\uFE0F)/gu;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;

/**
 * Characters that always take one cell, whatever follows them (except U+FE0F, which is not
 * here): Latin-1 but the soft hyphen, dashes, quotes, bullets and ellipses, the euro, arrows,
 * minus and comparison signs, box drawing, blocks and shapes but the two drawn as emoji, and
 * ✓ ✔ ✖. Most of what costar prints is these and ASCII, measured without string-width, whose
 * emoji patterns take about 0.1 s to compile on first use.
 */
const ONE_CELL = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u203e\u20ac\u2190-\u2199\u2212\u2264\u2265\u2500-\u25fc\u2713\u2714\u2716]*$/;

/** How many terminal cells a text takes (colour codes take none, wide characters two, ✔ and ✖ one). */
export function visibleWidth(text: string): number {
  if (ONE_CELL.test(text)) return text.length;
  return measuredWidth(text);
}

/** visibleWidth by string-width, for any text (exported for tests of the one-cell shortcut). */
export function measuredWidth(text: string): number {
  const w = stringWidth(text);
  if (!PICTOGRAPH.test(text)) return w;
  let narrow = 0;
  for (const m of plain(text).matchAll(TEXT_MARK)) if (!EMOJI_PRESENTATION.test(m[0]) && stringWidth(m[0]) === 2) narrow += 1;
  return w - narrow;
}

/** Text without colour or other control sequences. */
export const plain = stripVTControlCharacters;

// ---------------------------------------------------------------- wrapping

const NBSP = '\u00a0';

/** Splits a word after each hyphen between letters or digits (co-|commissioning). */
const HYPHEN_BREAK = /(?<=[\p{L}\p{N}]-)(?=[\p{L}\p{N}])/u;

/** The parts a word may break into: after its inner hyphens, not in an address or path (a/b-c) or a command kept whole. */
function hyphenParts(word: string): string[] {
  return /[/\u00a0]/.test(word) ? [word] : word.split(HYPHEN_BREAK);
}

/**
 * A word wider than `room` broken after its inner hyphens, the parts packed greedily into pieces
 * that fit, so the wrapper puts each piece on a line of its own (co-|commissioning).
 */
function hyphenate(word: string, room: number): string {
  if (visibleWidth(word) <= room) return word;
  const pieces: string[] = [];
  for (const part of hyphenParts(word)) {
    const last = pieces.length - 1;
    if (last >= 0 && visibleWidth(pieces[last]! + part) <= room) pieces[last] += part;
    else pieces.push(part);
  }
  return pieces.join(' ');
}

export interface WrapOptions {
  /** Continuation lines start with this many spaces (and are that much narrower). */
  indent?: number;
  /** A word that must stay whole even when longer than the line (a command to copy): it gets a line of its own. */
  keep?: (word: string) => boolean;
  /** Whether a word wider than the line may break after a hyphen inside it before it is cut (table cells: yes; running text: no). */
  hyphens?: boolean;
}

/** One line of text wrapped to `room` cells by wrap-ansi (colours closed and reopened at each break). */
function wrapOne(text: string, room: number, opts: WrapOptions): string[] {
  const r = Math.max(1, room);
  // (wrap-ansi measures ✔ as two cells; a line that fits by costar's measure is left alone.)
  if (visibleWidth(text) <= r) return [text];
  const words = text.split(' ');
  const prepared = (opts.hyphens ?? true) ? words.map((w) => hyphenate(w, r)).join(' ') : text;
  // A word to keep whole overflows on a line of its own (no hard cut for that line).
  const keepWhole = opts.keep !== undefined && words.some((w) => visibleWidth(w) > r && opts.keep!(plain(w)));
  return wrapAnsi(prepared, r, { hard: !keepWhole, trim: true, wordWrap: true }).split('\n');
}

/**
 * Wraps text to `width` cells with wrap-ansi, keeping colour: each line of the text breaks at
 * spaces and, for a word wider than the line, after a hyphen inside it (co-|design); a word
 * longer than the line is cut. A line's leading spaces stay; continuation lines start `indent`
 * spaces in.
 */
export function wrapLines(text: string, width: number, opts: WrapOptions = {}): string[] {
  const indent = Math.max(0, Math.min(opts.indent ?? 0, width - 10));
  const out: string[] = [];
  for (const src of text.split('\n')) {
    const lead = /^ */.exec(src)![0].length;
    const body = src.slice(lead).trimEnd();
    if (body === '') {
      out.push('');
      continue;
    }
    const first = wrapOne(body, width - lead, opts);
    out.push(' '.repeat(lead) + first[0]);
    if (first.length === 1) continue;
    const rest = indent === lead ? first.slice(1) : wrapOne(first.slice(1).join(' '), width - indent, opts);
    for (const line of rest) out.push(' '.repeat(indent) + line);
  }
  return out;
}

/** Wraps text to `width` cells, keeping colour; continuation lines indented by `indent`. */
export function wrap(text: string, width: number, indent = 0): string {
  return wrapLines(text, width, { indent }).join('\n');
}

// ---------------------------------------------------------------- text that fits

/** A command to copy, alone on its line: `costar …` after an indent and a `Next:`, `fix:` or `$` label, no prose after it. */
const COMMAND_LINE = /^ *(?:(?:Next|fix|Run):\s+|\$ )?(?:costar|git) \S[^—]*$/;
/** An address to copy, alone on its line (after an indent and a one-word label such as `Source:`). */
const URL_LINE = /^ *(?:[A-Z][a-z]+: +)?[a-z]+:\/\/\S+$/;

/** Whether a line may be wider than the terminal: a single command or address to copy, on a line of its own. */
export function isCopyLine(line: string): boolean {
  const p = plain(line).trimEnd();
  if (URL_LINE.test(p)) return true;
  if (!COMMAND_LINE.test(p)) return false;
  // No aside after the command: "   (or …)", " — …"; quoted arguments may hold anything.
  return !/ {2,}\S|\s\(/.test(p.replace(/^ */, '').replace(/'[^']*'|"[^"]*"/g, "''"));
}

/** Commands inside a line joined into one word (spaces → no-break spaces), so wrapping never splits one. */
function guardCommands(line: string): string {
  return line.replace(/\bcostar(?: (?![—(])[^\s]+)+/g, (span) => {
    const tokens = span.split(' ');
    let end = 1;
    while (end < tokens.length) {
      const t = tokens[end]!;
      if (t === 'or' || t === 'and' || t === 'then' || t === 'to') break;
      end += 1;
      if (/[,;:)]$/.test(t)) break;
    }
    return tokens.slice(0, end).join(NBSP) + (end < tokens.length ? ' ' + tokens.slice(end).join(' ') : '');
  });
}

/**
 * Text fitted to `width` cells: a longer line wraps, its continuation indented two more than the
 * line (or under its value, for `label   value` lines); commands stay whole, and a line that is a single command or address to copy stays as it is.
 */
export function fitText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (visibleWidth(line) <= width || isCopyLine(line)) return line;
      const text = plain(line);
      const lead = /^ */.exec(text)![0].length;
      // Columns of a line (a label, two or more spaces, its value) hang under the last column that starts in
      // the left half; an aside after two spaces, `  (…)`, is no column.
      let hang = lead + 2;
      for (const m of text.slice(lead).matchAll(/ {2,}(?!\()/g)) if (lead + m.index + m[0].length <= width / 2) hang = lead + m.index + m[0].length;
      const wrapped = wrapLines(guardCommands(line), width, { indent: hang, hyphens: false, keep: (w) => w.includes(NBSP) || /^[a-z]+:\/\//.test(w) });
      return wrapped.join('\n').replaceAll(NBSP, ' ');
    })
    .join('\n');
}

// ---------------------------------------------------------------- tables

export type Align = 'left' | 'center' | 'right';

export interface FitOptions {
  /** Columns whose data cells must not wrap (numbers, marks); their headings may. */
  nowrap?: readonly boolean[];
  /** Widest a column may be. */
  caps?: ReadonlyArray<number | null | undefined>;
  /** How many leading columns (the row labels) each part repeats when the table is split. */
  repeat?: number;
  /** Cells between columns. */
  gap?: number;
}

/** A table laid out: the columns of each part to draw (one part, or several when the table was split) and their widths. */
export type Fitted = Array<{ cols: number[]; widths: number[] }>;

const longestLine = (cell: string) => Math.max(0, ...cell.split('\n').map((l) => visibleWidth(l)));
const longestWord = (cell: string) => Math.max(0, ...cell.split(/[\n ]/).flatMap(hyphenParts).map((w) => visibleWidth(w)));

/**
 * Column widths for a table of `rows` (the headings first) within `width` cells. Columns keep
 * their natural width when the table fits. Otherwise, widest first: headings wrap (Co-|design),
 * then cells wrap at spaces and hyphens (not in `nowrap` columns); if the table still does not
 * fit, it is split into several tables of fewer columns, each repeating the first `repeat`
 * columns (the row labels); words are cut only when a single column cannot fit.
 */
export function fitColumns(rows: readonly (readonly string[])[], width: number, opts: FitOptions = {}): Fitted {
  const n = Math.max(0, ...rows.map((r) => r.length));
  const gap = opts.gap ?? 2;
  const repeat = Math.min(opts.repeat ?? 1, Math.max(0, n - 1));
  const cap = (i: number, w: number) => Math.max(1, Math.min(w, opts.caps?.[i] ?? Infinity));
  const cell = (r: readonly string[] | undefined, i: number) => r?.[i] ?? '';
  const head = rows[0];
  const natural: number[] = [];
  const headFloor: number[] = [];
  const wordFloor: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const dataNat = Math.max(0, ...rows.slice(1).map((r) => longestLine(cell(r, i))));
    const headWord = longestWord(cell(head, i));
    natural[i] = cap(i, Math.max(dataNat, longestLine(cell(head, i))));
    headFloor[i] = cap(i, Math.max(dataNat, headWord));
    wordFloor[i] = opts.nowrap?.[i] ? headFloor[i]! : cap(i, Math.max(headWord, ...rows.slice(1).map((r) => longestWord(cell(r, i)))));
  }
  const total = (ws: readonly number[]) => ws.reduce((a, w) => a + w, 0) + gap * Math.max(0, ws.length - 1);
  const fit = (cols: number[]) => {
    const widths = cols.map((i) => natural[i]!);
    // Narrows the widest column above its floor, one cell at a time, until the columns fit.
    const shrink = (floor: (k: number) => number) => {
      while (total(widths) > width) {
        let pick = -1;
        widths.forEach((w, k) => {
          if (w > floor(k) && (pick < 0 || w > widths[pick]!)) pick = k;
        });
        if (pick < 0) return;
        widths[pick]! -= 1;
      }
    };
    shrink((k) => headFloor[cols[k]!]!);
    shrink((k) => wordFloor[cols[k]!]!);
    shrink(() => 1);
    return { cols, widths };
  };
  const all = [...Array(n).keys()];
  if (total(wordFloor) <= width || n <= repeat + 1) return [fit(all)];
  // Split: as many columns in each part as fit at their floors, each part with the row labels.
  const labels = all.slice(0, repeat);
  const floorOf = (cols: number[]) => total(cols.map((i) => wordFloor[i]!));
  const parts: number[][] = [];
  let part: number[] = [];
  for (const i of all.slice(repeat)) {
    if (part.length && floorOf([...labels, ...part, i]) > width) {
      parts.push(part);
      part = [];
    }
    part.push(i);
  }
  if (part.length) parts.push(part);
  return parts.map((p) => fit([...labels, ...p]));
}

/** A row of cells drawn in the given widths: cells wrapped, padded to their alignment, two cells apart. */
function drawRow(cells: readonly string[], widths: readonly number[], aligns: readonly Align[], bottom = false): string[] {
  const wrapped = cells.map((c, k) => (c === '' ? [] : wrapLines(c, widths[k]!)));
  const height = Math.max(1, ...wrapped.map((w) => w.length));
  const lines: string[] = [];
  for (let r = 0; r < height; r += 1) {
    const parts = wrapped.map((w, k) => {
      const at = bottom ? r - (height - w.length) : r;
      const text = w[at] ?? '';
      const room = widths[k]! - visibleWidth(text);
      if (room <= 0) return text;
      const align = aligns[k] ?? 'left';
      if (align === 'right') return ' '.repeat(room) + text;
      if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(room - Math.floor(room / 2));
      return text + ' '.repeat(room);
    });
    lines.push(parts.join('  ').replace(/ +$/, ''));
  }
  return lines;
}

/** A table in costar's one style, laid out when it is drawn, to the width it was made for. */
export class Table {
  readonly rows: string[][] = [];
  constructor(
    private readonly io: Pick<Io, 'c'>,
    readonly head: string[],
    readonly aligns: Align[],
    readonly width: number,
    readonly fit: FitOptions,
  ) {}

  push(...rows: string[][]): number {
    this.rows.push(...rows);
    return this.rows.length;
  }

  /** The table as lines: for each part, the headings (bold, wrapped, bottom-aligned), a rule, the rows. */
  draw(rule = true): string[] {
    const { c } = this.io;
    // Row labels that are ids (no spaces) stay whole, to read and to copy: the table splits first;
    // but an id longer than a third of the width wraps (at its hyphens), or every part would repeat it.
    const ids = (i: number) =>
      i < (this.fit.repeat ?? 1) && this.rows.length > 0 && this.rows.every((r) => !plain(r[i] ?? '').includes(' ') && visibleWidth(r[i] ?? '') <= this.width / 3);
    const nowrap = this.head.map((_, i) => Boolean(this.fit.nowrap?.[i]) || ids(i));
    const parts = fitColumns([this.head, ...this.rows], this.width, { ...this.fit, nowrap });
    const out: string[] = [];
    for (const { cols, widths } of parts) {
      if (out.length) out.push('');
      const aligns = cols.map((i) => this.aligns[i] ?? 'left');
      const head = drawRow(cols.map((i) => plain(this.head[i] ?? '')), widths, aligns, true);
      const body = this.rows.flatMap((r) => drawRow(cols.map((i) => r[i] ?? ''), widths, aligns));
      const ruleWidth = Math.max(...[...head, ...body].map((l) => visibleWidth(l)));
      out.push(...head.map((l) => c.bold(l)), ...(rule ? [c.dim('─'.repeat(ruleWidth))] : []), ...body);
    }
    return out;
  }

  toString(): string {
    return this.draw(false).join('\n');
  }
}

/**
 * A table in costar's one style: no borders, two spaces between columns, bold headings (plain
 * when colour is off), fitted to the terminal's width (see fitColumns). `widths` caps columns (in
 * cells); cells that are left- or unaligned may wrap, right-aligned and centred ones (numbers,
 * marks) do not unless a single column cannot fit. `repeat`: the row-label columns repeated when
 * the table is split.
 */
export async function makeTable(io: Pick<Io, 'c'> & { env?: NodeJS.ProcessEnv }, head: string[], colAligns?: Align[], widths?: Array<number | null>, opts: { repeat?: number; width?: number } = {}): Promise<Table> {
  return table(io, head, colAligns, widths, opts);
}

/** makeTable, at once. */
export function table(io: Pick<Io, 'c'> & { env?: NodeJS.ProcessEnv }, head: string[], colAligns?: Align[], widths?: Array<number | null>, opts: { repeat?: number; width?: number } = {}): Table {
  const aligns = head.map((_, i) => colAligns?.[i] ?? 'left');
  return new Table(io, head, aligns, opts.width ?? columns(io), { caps: widths, nowrap: aligns.map((a) => a !== 'left'), repeat: opts.repeat ?? 1 });
}

/** A table as text: a rule under the headings, no trailing spaces; a split table as several, a blank line apart. */
export function tableText(_io: Pick<Io, 'c'>, table: Table): string {
  return table.draw().join('\n');
}

/** Data text (stdout) fitted to the terminal's width: see fitText. */
export const fit = (io: { env?: NodeJS.ProcessEnv }, text: string): string => fitText(text, columns(io));

/** Message text (stderr) fitted to the terminal's width: see fitText. */
export const fitErr = (io: { env?: NodeJS.ProcessEnv }, text: string): string => fitText(text, columnsErr(io));

/** A message to a person (stderr), fitted to the width of the terminal. */
export function say(io: Pick<Io, 'err'> & { env?: NodeJS.ProcessEnv }, text: string): void {
  const fitted = fitText(text.endsWith('\n') ? text.slice(0, -1) : text, columnsErr(io));
  io.err(`${fitted}\n`);
}

/** The `Next:` hint that ends a screen (stderr): what to do now. */
export function next(io: Pick<Io, 'err' | 'ce'> & { env?: NodeJS.ProcessEnv }, what: string): void {
  io.err(`${fitText(`${io.ce.dim('Next:')} ${what}`, columnsErr(io))}\n`);
}
