/**
 * Turning file bytes into values, and values' paths back into line and column.
 *
 * Two parsers, both well kept: `yaml` builds a Document that keeps positions and comments, which
 * is what a file needs to be edited and a syntax error to be reported; js-yaml is about six times
 * faster and reads every file that uses no feature where the two could disagree (anchors, tags,
 * merge keys, unusual numbers …, which go to `yaml`). js-yaml's node listener gives the positions
 * of values too (positions.ts), so a problem found in such a file is placed without a second,
 * slower parse.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, PathSeg } from '../core/diagnostics.js';
import { parseLocated, type Located } from './positions.js';

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_ALIASES = 100;

export interface Decoded {
  text: string;
  bom: boolean;
  eol: '\n' | '\r\n';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes bytes as UTF-8, or returns a file-level diagnostic. */
export function decode(file: string, bytes: Uint8Array): Decoded | Diagnostic {
  if (bytes.length > MAX_FILE_BYTES) {
    return fileDiag(file, 'file-too-large', `the file is ${(bytes.length / 1048576).toFixed(1)} MiB; costar reads files up to 1 MiB. Split it or remove what does not belong`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstBadUtf8(bytes);
    return {
      ...fileDiag(file, 'not-utf8', 'the file is not UTF-8 text; save it again with UTF-8 encoding (in Excel or Notepad: "Save as… UTF-8")'),
      line: at.line,
      column: at.column,
    };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  return { text, bom, eol: crlf !== -1 && crlf === lf - 1 ? '\r\n' : '\n' };
}

function firstBadUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return { line, column: col };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, column: col };
    }
    i += need;
    if (b === 0x0a) {
      line++;
      col = 1;
    } else col++;
  }
  return { line, column: col };
}

function fileDiag(file: string, code: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity: 'error', code, message };
}

/**
 * Forms where js-yaml and `yaml`'s core schema could read a file differently, or where js-yaml
 * accepts what `yaml` refuses; such files go to `yaml`. Found by differential testing against
 * `yaml` on mutated portfolio files (test/unit/fast-parse.test.ts).
 */
const SLOW_FORMS: RegExp[] = [
  /\t/, // tabs
  /(^|[\s,[{:-])(?:[&*][^\s,\]}]|!)/m, // anchors, aliases, tags
  /<</, // merge keys
  /^\s*\?(?: |\s*$)/m, // explicit keys
  /^%|^(?:---|\.\.\.)[ ]+\S/m, // directives, content on a document marker
  /\b0[boxBOX]|\d_|_\d|\d[eE][+-]?\d/, // numbers in other bases, underscores, exponents
  /^[^"\n]*(?:"[^"\n]*"[^"\n]*)*"[^"\n]*$/m, // double-quoted text over several lines (a line with an odd number of ")
  /(?:^|[\s{,])(?:null|Null|NULL|~)\s*:(?:\s|$)/m, // null keys
  /[[{,][ \t]*:|:[,[\]{}]|[^\s[{,][\]}][ \t]*:/, // odd keys and separators inside flow collections
  /[\]}][^\s,\]}]|[[{,][ \t]+#/, // text or a comment right after or inside a flow collection
];
const SLOW_PATH = new RegExp(SLOW_FORMS.map((r) => r.source).join('|'), 'm');

/**
 * True when a line opens more `[`/`{` than it closes (or the reverse): a flow collection over
 * several lines. Brackets inside quotes count too, which only ever sends a file to `yaml`.
 */
function flowSpansLines(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x0a) {
      if (depth !== 0) return true;
    }
  }
  return depth !== 0;
}

/**
 * Fast parse with positions: a value and where its parts are, or undefined when the file must go
 * through `yaml` (a feature where js-yaml and `yaml`'s core schema could read it differently,
 * or anything js-yaml refuses: `yaml` then reports it exactly).
 */
export function parseFast(text: string): Located | undefined {
  if (SLOW_PATH.test(text) || flowSpansLines(text)) return undefined;
  try {
    const r = parseLocated(text);
    return r.value === null || r.value === undefined ? undefined : r;
  } catch {
    return undefined;
  }
}

export interface FullParse {
  doc?: Document;
  lineCounter: LineCounter;
  value?: unknown;
  problems: Diagnostic[];
}

/** Full parse with `yaml`: value, Document with positions, and every syntax problem. */
export function parseFull(file: string, text: string): FullParse {
  const lineCounter = new LineCounter();
  const problems: Diagnostic[] = [];
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false, version: '1.2', schema: 'core' });
  for (const e of doc.errors) {
    const opened = openingOf(text, e.message);
    const pos = opened ?? lineCounter.linePos(e.pos[0]);
    let code = 'yaml-syntax';
    let message = `YAML syntax error: ${e.message.split('\n')[0]}`;
    if (e.code === 'DUPLICATE_KEY') {
      code = 'duplicate-key';
      message = 'this key appears twice in the same mapping; keep one of them';
    } else if (e.code === 'TAB_AS_INDENT' || (/tab/i.test(e.message) && /indent/i.test(e.message))) {
      code = 'tab-indent';
      message = 'a tab is used for indentation; YAML allows only spaces. Replace the tab with spaces';
    } else {
      message += '. Check quotes, colons and indentation on this line';
    }
    problems.push({ file, line: pos.line, column: pos.col, severity: 'error', code, message });
  }
  if (problems.length) return { doc, lineCounter, problems };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    problems.push(fileDiag(file, 'empty-file', 'the file is empty; add the record\'s fields or delete the file'));
    return { doc, lineCounter, problems };
  }
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return { doc, lineCounter, value, problems };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(msg)) {
      problems.push(fileDiag(file, 'too-many-aliases', `the file uses aliases that expand too far (more than ${MAX_ALIASES}); write the values out instead of using *aliases`));
    } else {
      problems.push(fileDiag(file, 'yaml-syntax', `YAML could not be read: ${msg}`));
    }
    return { doc, lineCounter, problems };
  }
}

/**
 * The parser notices an unclosed quote or bracket where the file ends; a person needs the line
 * where it was opened.
 */
function openingOf(text: string, message: string): { line: number; col: number } | undefined {
  const lines = text.split('\n');
  if (/Missing closing (["'])?quote|Missing closing "?'?quote/i.test(message) || /closing (double|single)?-?quote/i.test(message)) {
    for (let i = 0; i < lines.length; i++) {
      const m = /(^|[:\-,[{]\s+)("(?:[^"\\]|\\.)*$|'(?:[^']|'')*$)/.exec(lines[i]!.replace(/\s+#.*$/, ''));
      if (m) return { line: i + 1, col: m.index + m[1]!.length + 1 };
    }
  }
  if (/end with a [\]}]/.test(message)) {
    let depth = 0;
    let openLine = -1;
    let openCol = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (q) => ' '.repeat(q.length)).replace(/\s#.*$/, '');
      for (let j = 0; j < line.length; j++) {
        const ch = line[j];
        if (ch === '[' || ch === '{') {
          if (depth === 0) {
            openLine = i;
            openCol = j;
          }
          depth++;
        } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
      }
    }
    if (depth > 0 && openLine >= 0) return { line: openLine + 1, col: openCol + 1 };
  }
  return undefined;
}

/** Where `path` is in the document: the key or the value, 1-based line and column. */
export function locate(doc: Document, lc: LineCounter, path: readonly PathSeg[] | undefined, at: 'key' | 'value' = 'value'): { line: number; column: number } {
  if (!path || path.length === 0) return { line: 1, column: 1 };
  let node: Node | null = doc.contents as Node | null;
  let pos = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (last && at === 'key') {
        pos = keyNode.range?.[0] ?? pos;
        break;
      }
      node = (pair.value as Node | null) ?? null;
      pos = node?.range?.[0] ?? keyNode.range?.[0] ?? pos;
      if (!node) break;
    } else if (isSeq(node)) {
      const item = node.items[seg as number] as Node | undefined;
      if (!item) break;
      node = item;
      pos = item.range?.[0] ?? pos;
    } else break;
  }
  const p = lc.linePos(pos);
  return { line: p.line, column: p.col };
}
