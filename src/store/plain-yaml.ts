/**
 * A quick parser for the plain subset of YAML that portfolio files use: block mappings and
 * sequences, one-line flow collections, plain and one-line quoted scalars, comments.
 *
 * It answers only when it is sure. Anything outside the subset (block scalars, multi-line
 * scalars or flow collections, quoted keys, anchors, tags, unusual numbers, duplicate keys, odd
 * indentation) makes it return `undefined`, and the caller parses the file with a full YAML
 * parser instead. Where it does answer, the value is the one the YAML 1.2 core schema gives:
 * a differential test compares it with `yaml` and js-yaml on every fixture and on thousands of
 * mutated files. Plain scalars resolve narrowly: null and boolean words, decimal integers and
 * decimals without exponents, dates as text; any other scalar that starts like a number is left
 * to the full parser.
 */

class Bail {}
const BAIL = new Bail();
function bail(): never {
  throw BAIL;
}

/** Characters the subset never handles: control characters, odd line breaks, tabs, BOMs. */
const UNSUPPORTED = /[\x00-\x08\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff]|\r(?!\n)/;

const NL = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
const DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Keys the subset accepts: plain words (any other key is left to the full parser). */
const KEY_WORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__']);

/** Parses `text` when it is a block mapping in the plain subset; undefined when not sure. */
export function parsePlainYaml(text: string): Record<string, unknown> | undefined {
  if (UNSUPPORTED.test(text)) return undefined;
  try {
    return new Parser(text).document();
  } catch {
    // Stepping aside (or anything unexpected, such as nesting too deep to recurse into): the
    // full parser reads the file and reports its problems.
    return undefined;
  }
}

/** Is c a character of a plain key (letters, digits, `_`, `-`, `.`)? */
function keyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === 46;
}

function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === DASH || c === 43 || c === 46) {
    if (INT.test(s)) {
      if (s === '-0') bail();
      return Number(s);
    }
    if (DECIMAL.test(s)) return Number(s);
    // Dates stay text in the core schema, and no number, null or boolean has a space.
    if (DATE.test(s) || s.includes(' ')) return s;
    bail();
  }
  if (NULLS.has(s)) return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  return s;
}

class Parser {
  private readonly t: string;
  private readonly n: number;
  /** The current content line: where its content starts and its indentation (a column). */
  private at = 0;
  private indent = 0;
  /** End of the current line (index of its line break, or of the text's end), without a CR. */
  private end = 0;
  /** Start of the line after the current one. */
  private next = 0;
  private eof = false;
  /** Where the last quoted scalar or flow value ended. */
  private p = 0;

  constructor(text: string) {
    this.t = text;
    this.n = text.length;
  }

  document(): Record<string, unknown> {
    this.seek(0);
    if (this.eof) bail();
    // An optional document start marker on its own line.
    if (this.indent === 0 && this.t.startsWith('---', this.at)) {
      if (this.trimmedEnd(this.at + 3) !== this.at + 3) bail();
      this.seek(this.next);
    }
    if (this.eof || this.indent !== 0 || !this.isKeyLine()) bail();
    const value = this.mapping(0);
    if (!this.eof) bail();
    return value;
  }

  /** Moves to the first line at or after `from` holding content (not blank, not a comment). */
  private seek(from: number): void {
    const t = this.t;
    let i = from;
    while (i < this.n) {
      let j = i;
      while (j < this.n && t.charCodeAt(j) === SPACE) j++;
      let nl = t.indexOf('\n', j);
      if (nl === -1) nl = this.n;
      const c = t.charCodeAt(j);
      if (j >= this.n || c === NL || c === CR || c === HASH) {
        i = nl + 1;
        continue;
      }
      // A document marker or end marker in the middle is outside the subset.
      if (j === i && (t.startsWith('---', j) || t.startsWith('...', j)) && i !== 0) bail();
      this.at = j;
      this.indent = j - i;
      this.end = nl > 0 && t.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      this.next = nl + 1;
      this.eof = false;
      return;
    }
    this.eof = true;
    this.indent = -1;
  }

  /** The index after the last non-space character before the line's end (from `i`). */
  private trimmedEnd(i: number): number {
    let e = this.end;
    while (e > i && this.t.charCodeAt(e - 1) === SPACE) e--;
    return e;
  }

  /** Is the current position the start of `key:` followed by a space or the line's end? */
  private isKeyLine(): boolean {
    return this.keyEnd(this.at) !== -1;
  }

  /** The index of the `:` ending a plain key starting at i, or -1. */
  private keyEnd(i: number): number {
    const t = this.t;
    const c0 = t.charCodeAt(i);
    if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 95)) return -1;
    let j = i + 1;
    while (j < this.end && keyChar(t.charCodeAt(j))) j++;
    // YAML limits implicit keys to 1024 characters.
    if (t.charCodeAt(j) !== COLON || j - i > 1000) return -1;
    if (j + 1 < this.end && t.charCodeAt(j + 1) !== SPACE) return -1;
    return j;
  }

  private isDashLine(): boolean {
    return this.t.charCodeAt(this.at) === DASH && (this.at + 1 === this.end || this.t.charCodeAt(this.at + 1) === SPACE);
  }

  private mapping(ind: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const t = this.t;
    for (;;) {
      const colon = this.keyEnd(this.at);
      if (colon === -1) bail();
      const key = t.slice(this.at, colon);
      if (KEY_WORDS.has(key) || Object.prototype.hasOwnProperty.call(out, key)) bail();
      let i = colon + 1;
      while (i < this.end && t.charCodeAt(i) === SPACE) i++;
      if (i >= this.end || t.charCodeAt(i) === HASH) {
        // The value is on the following lines (or is null).
        this.seek(this.next);
        if (!this.eof && this.indent > ind) {
          out[key] = this.isDashLine() ? this.sequence(this.indent) : this.nestedMapping();
        } else if (!this.eof && this.indent === ind && this.isDashLine()) {
          out[key] = this.sequence(ind);
        } else out[key] = null;
      } else {
        out[key] = this.inline(i, ind);
        this.seek(this.next);
        if (!this.eof && this.indent > ind) bail();
      }
      if (this.eof || this.indent < ind) return out;
      if (this.indent > ind) bail();
    }
  }

  private nestedMapping(): Record<string, unknown> {
    if (!this.isKeyLine()) bail();
    return this.mapping(this.indent);
  }

  private sequence(ind: number): unknown[] {
    const out: unknown[] = [];
    const t = this.t;
    for (;;) {
      if (!this.isDashLine()) bail();
      let i = this.at + 1;
      while (i < this.end && t.charCodeAt(i) === SPACE) i++;
      if (i >= this.end || t.charCodeAt(i) === HASH) {
        this.seek(this.next);
        if (!this.eof && this.indent > ind) out.push(this.isDashLine() ? this.sequence(this.indent) : this.nestedMapping());
        else out.push(null);
      } else if (this.keyEnd(i) !== -1) {
        // A compact mapping: `- key: value` with its other keys in the same column.
        this.indent = i - (this.at - this.indent);
        this.at = i;
        out.push(this.mapping(this.indent));
      } else {
        out.push(this.inline(i, ind));
        this.seek(this.next);
        if (!this.eof && this.indent > ind) bail();
      }
      if (this.eof || this.indent < ind) return out;
      if (this.indent > ind) bail();
      if (!this.isDashLine()) return out;
    }
  }

  /**
   * A value that starts at i on the current line and ends on it, or a block scalar whose lines
   * follow (`ind` is the indentation of the collection holding it).
   */
  private inline(i: number, ind: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(i);
    let value: unknown;
    let j: number;
    if (c === 124 || c === 62) return this.blockScalar(i, ind);
    if (c === 34 || c === 39) value = c === 34 ? this.doubleQuoted(i) : this.singleQuoted(i);
    else if (c === 91 || c === 123) value = this.flow(i);
    else return this.blockPlain(i);
    j = this.p;
    // Only spaces and a comment may follow on the line.
    const k = j;
    while (j < this.end && t.charCodeAt(j) === SPACE) j++;
    if (j < this.end && (t.charCodeAt(j) !== HASH || j === k)) bail();
    return value;
  }

  /** A plain scalar in block context: to the line's end or a comment. */
  private blockPlain(i: number): unknown {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (startsBadly(c, t.charCodeAt(i + 1))) bail();
    let e = i + 1;
    while (e < this.end && !(t.charCodeAt(e) === HASH && t.charCodeAt(e - 1) === SPACE)) e++;
    while (e > i && t.charCodeAt(e - 1) === SPACE) e--;
    const s = t.slice(i, e);
    // `a: b: c` and a trailing colon are mappings (or errors) in YAML, not text.
    if (s.includes(': ') || s.charCodeAt(s.length - 1) === COLON) bail();
    return resolvePlain(s);
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar with clip or strip chomping and an indentation
   * found from its first line. Leading blank lines, more-indented lines in folded text, keep
   * chomping, indentation indicators and text ending without a line break are left to the full
   * parser. Sets `next` to the first line after the scalar.
   */
  private blockScalar(i: number, ind: number): string {
    const t = this.t;
    const literal = t.charCodeAt(i) === 124;
    let j = i + 1;
    const strip = t.charCodeAt(j) === DASH;
    if (strip) j++;
    const k = j;
    j = this.space(j);
    if (j < this.end && (t.charCodeAt(j) !== HASH || j === k)) bail();
    const lines: string[] = [];
    let indent = -1;
    let pos = this.next;
    while (pos < this.n) {
      let nl = t.indexOf('\n', pos);
      if (nl === -1) nl = this.n;
      const e = nl > pos && t.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      let s = pos;
      while (s < e && t.charCodeAt(s) === SPACE) s++;
      const lineIndent = s - pos;
      if (s === e) {
        if (indent === -1 || lineIndent > indent) bail();
        lines.push('');
      } else {
        if (indent === -1) {
          if (lineIndent <= ind) bail();
          indent = lineIndent;
        } else if (lineIndent < indent) break;
        if (lineIndent > indent && !literal) bail();
        if (nl === this.n) bail();
        lines.push(t.slice(pos + indent, e));
      }
      pos = nl + 1;
    }
    if (indent === -1) bail();
    this.next = pos;
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last--;
    let text: string;
    if (literal) text = lines.slice(0, last).join('\n');
    else {
      text = lines[0]!;
      let empties = 0;
      for (let x = 1; x < last; x++) {
        if (lines[x] === '') {
          empties++;
          continue;
        }
        text += empties ? '\n'.repeat(empties) : ' ';
        text += lines[x];
        empties = 0;
      }
    }
    return strip ? text : `${text}\n`;
  }

  private doubleQuoted(i: number): string {
    const t = this.t;
    let out = '';
    let from = i + 1;
    let j = from;
    for (;;) {
      if (j >= this.end) bail();
      const c = t.charCodeAt(j);
      if (c === 34) break;
      if (c === 92) {
        out += t.slice(from, j);
        const e = t[j + 1];
        if (e === '\\' || e === '"' || e === '/') out += e;
        else if (e === 'n') out += '\n';
        else if (e === 't') out += '\t';
        else if (e === 'r') out += '\r';
        else if (e === 'u') {
          const hex = t.slice(j + 2, j + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) bail();
          const code = parseInt(hex, 16);
          // Surrogates are left to the full parser.
          if (code >= 0xd800 && code <= 0xdfff) bail();
          out += String.fromCharCode(code);
          j += 4;
        } else bail();
        j += 2;
        from = j;
        continue;
      }
      j++;
    }
    out += t.slice(from, j);
    this.p = j + 1;
    return out;
  }

  private singleQuoted(i: number): string {
    const t = this.t;
    let out = '';
    let from = i + 1;
    for (;;) {
      const q = t.indexOf("'", from);
      if (q === -1 || q >= this.end) bail();
      if (t.charCodeAt(q + 1) === 39) {
        out += t.slice(from, q + 1);
        from = q + 2;
        continue;
      }
      out += t.slice(from, q);
      this.p = q + 1;
      return out;
    }
  }

  /** A flow sequence or mapping that closes on the same line. */
  private flow(i: number): unknown {
    const t = this.t;
    const isMap = t.charCodeAt(i) === 123;
    const close = isMap ? 125 : 93;
    const seq: unknown[] | undefined = isMap ? undefined : [];
    const map: Record<string, unknown> | undefined = isMap ? {} : undefined;
    let j = this.space(i + 1);
    if (t.charCodeAt(j) === close) {
      this.p = j + 1;
      return map ?? seq;
    }
    for (;;) {
      if (map) {
        const colon = this.flowKeyEnd(j);
        const key = t.slice(j, colon);
        if (KEY_WORDS.has(key) || Object.prototype.hasOwnProperty.call(map, key)) bail();
        map[key] = this.flowValue(this.space(colon + 1));
      } else seq!.push(this.flowValue(j));
      j = this.space(this.p);
      const c = t.charCodeAt(j);
      if (c === close) {
        this.p = j + 1;
        return map ?? seq;
      }
      if (c !== 44) bail();
      j = this.space(j + 1);
      // A trailing comma is left to the full parser.
      if (t.charCodeAt(j) === close) bail();
    }
  }

  /** In a flow mapping: a plain key followed by `: `. */
  private flowKeyEnd(i: number): number {
    const t = this.t;
    const c0 = t.charCodeAt(i);
    if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 95)) bail();
    let j = i + 1;
    while (j < this.end && keyChar(t.charCodeAt(j))) j++;
    if (t.charCodeAt(j) !== COLON || t.charCodeAt(j + 1) !== SPACE || j + 1 >= this.end || j - i > 1000) bail();
    return j;
  }

  /** A value inside a flow collection; `p` is set to just after it. */
  private flowValue(i: number): unknown {
    const t = this.t;
    if (i >= this.end) bail();
    const c = t.charCodeAt(i);
    if (c === 34) return this.doubleQuoted(i);
    if (c === 39) return this.singleQuoted(i);
    if (c === 91 || c === 123) return this.flow(i);
    if (c === 44 || c === 93 || c === 125 || startsBadly(c, t.charCodeAt(i + 1))) bail();
    let j = i;
    for (; j < this.end; j++) {
      const d = t.charCodeAt(j);
      if (d === 44 || d === 93 || d === 125) break;
      // Flow indicators cannot be inside a plain scalar in flow context.
      if (d === 91 || d === 123) bail();
      // A colon could make a pair, ` #` a comment: both left to the full parser.
      if (d === COLON) bail();
      if (d === HASH && t.charCodeAt(j - 1) === SPACE) bail();
    }
    if (j >= this.end) bail();
    let e = j;
    while (e > i && t.charCodeAt(e - 1) === SPACE) e--;
    this.p = j;
    return resolvePlain(t.slice(i, e));
  }

  private space(i: number): number {
    while (i < this.end && this.t.charCodeAt(i) === SPACE) i++;
    return i;
  }
}

/**
 * Plain scalars cannot start with an indicator; `-`, `?` and `:` may start one only before a
 * non-space, and of those the subset takes just negative numbers (`-5`, `-.5`).
 */
function startsBadly(c: number, next: number): boolean {
  switch (c) {
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case HASH:
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case 63: // ?
    case COLON:
      return true;
    case DASH:
      return !((next >= 48 && next <= 57) || next === 46);
    default:
      return false;
  }
}
