/**
 * Where a value is in a file, from js-yaml's own parse: js-yaml calls a listener when it opens
 * and closes each node, with its position and its value, so one parse gives both the value and a
 * tree of node starts. Problems are placed from that tree exactly as `locate` (parse.ts) places
 * them from a `yaml` Document; where the tree cannot answer with certainty (a value that is
 * absent or null, a node js-yaml composed and then discarded), it says so and the caller asks
 * `yaml`. Only files with problems need this, and it costs about a sixth of a `yaml` parse.
 */
import jsyaml from 'js-yaml';
import type { PathSeg } from '../core/diagnostics.js';

export interface Located {
  value: unknown;
  /** 1-based line and column of `path` (its key or value), or undefined when unsure. */
  place(path: readonly PathSeg[] | undefined, at?: 'key' | 'value'): { line: number; column: number } | undefined;
}

// What a node turned out to be once closed (the third number kept for each node).
const ABSENT = 0; // null or nothing
const SCALAR = 1;
const COLLECTION = 2;
/** A collection on the line after its key: js-yaml composes it inside a wrapper node with the same value. */
const WRAPPER = 3;

/**
 * The nodes of every file read are kept as three numbers each (where the node opens, its parent,
 * what it is) in shared blocks of memory rather than in arrays of their own: a portfolio of
 * thousands of files is kept whole until its files have been checked against each other, and
 * the garbage collector copying three arrays a file took about a tenth of validate's time.
 */
const BLOCK = 1 << 18;
let block = new Int32Array(BLOCK);
let used = 0;

/** Parses `text` with js-yaml (core schema) keeping node positions; throws as js-yaml does. */
export function parseLocated(text: string): Located {
  let at = used; // this file's nodes are block[at …], three numbers each
  let n = 0;
  let current = -1;
  let lastClosed: unknown;
  const value = jsyaml.load(text, {
    schema: jsyaml.CORE_SCHEMA,
    json: false,
    listener(event, state) {
      if (event === 'open') {
        if (at + 3 * (n + 1) > block.length) {
          // Full: this file's nodes so far move to a new block (one at least twice their size).
          const next = new Int32Array(Math.max(BLOCK, 6 * (n + 1)));
          next.set(block.subarray(at, at + 3 * n));
          block = next;
          at = 0;
        }
        const i = at + 3 * n;
        block[i] = state.position;
        block[i + 1] = current;
        block[i + 2] = ABSENT;
        current = n++;
      } else {
        const r = state.result;
        block[at + 3 * current + 2] = r === null || r === undefined ? ABSENT : typeof r !== 'object' ? SCALAR : r === lastClosed ? WRAPPER : COLLECTION;
        lastClosed = r;
        current = block[at + 3 * current + 1]!;
      }
    },
  });
  const nodes = block.subarray(at, at + 3 * n);
  used = at + 3 * n;
  // Where each line starts, found once a file has a problem to place (a file may have thousands).
  let starts: number[] | undefined;
  const lineCol = (offset: number) => lineColIn((starts ??= lineStarts(text)), offset);
  return { value, place: (path, where) => placeIn(text, value, nodes, lineCol, path, where) };
}

/** Places `path` in a file from its nodes (see parseLocated), or undefined when unsure. */
type LineCol = (offset: number) => { line: number; column: number };

function placeIn(text: string, value: unknown, nodes: Int32Array, lineCol: LineCol, path: readonly PathSeg[] | undefined, at: 'key' | 'value' = 'value'): { line: number; column: number } | undefined {
  if (!path || path.length === 0) return { line: 1, column: 1 };
  const count = nodes.length / 3;
  const parentOf = (i: number) => nodes[3 * i + 1]!;
  const kindOf = (i: number) => nodes[3 * i + 2]!;
  /** The children of node n, in order (only asked for the few files with problems). */
  const kidsOf = (n: number) => {
    const out: number[] = [];
    for (let i = n + 1; i < count; i++) if (parentOf(i) === n) out.push(i);
    return out;
  };
  /**
   * Where the node's text starts: past spaces, line breaks and comments (js-yaml opens a node
   * before them), and for a scalar also past a flow indicator js-yaml had not yet consumed
   * (`[`, `{`, `,`), which no scalar can start with.
   */
  const start = (n: number) => {
    let i = nodes[3 * n]!;
    const scalar = kindOf(n) <= SCALAR;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || (scalar && (c === 0x5b || c === 0x7b || c === 0x2c))) i++;
      else if (c === 0x23) {
        const eol = text.indexOf('\n', i);
        if (eol === -1) return text.length;
        i = eol + 1;
      } else return i;
    }
  };
  /** True when the key node n is written as `key` in plain text, followed by its colon. */
  const isKey = (n: number, key: string) => {
    if (kindOf(n) !== SCALAR) return false;
    const s = start(n);
    if (!text.startsWith(key, s)) return false;
    const c = text.charCodeAt(s + key.length);
    return c === 0x3a || c === 0x20 || c === 0x09;
  };
  const roots = kidsOf(-1);
  if (roots.length !== 1) return undefined;
  let node = roots[0]!;
  let v = value;
  let pos = start(node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    let kids = kidsOf(node);
    while (kids.length === 1 && kindOf(node) === WRAPPER) {
      node = kids[0]!;
      kids = kidsOf(node);
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      // A mapping's children are key, value, key, value … in order; anything else is unsure.
      if (kids.length !== keys.length * 2) return undefined;
      let j = -1;
      for (let k = 0; k < keys.length; k++) {
        if (!isKey(kids[2 * k]!, keys[k]!)) return undefined;
        if (j === -1 && keys[k] === String(seg)) j = k;
      }
      if (j === -1) break;
      const key = kids[2 * j]!;
      if (last && at === 'key') {
        pos = start(key);
        break;
      }
      node = kids[2 * j + 1]!;
      v = (v as Record<string, unknown>)[keys[j]!];
      if (kindOf(node) === ABSENT) return undefined;
      pos = start(node);
    } else if (Array.isArray(v)) {
      if (kids.length !== v.length) return undefined;
      const item = typeof seg === 'number' ? kids[seg] : undefined;
      if (item === undefined) break;
      if (kindOf(item) === ABSENT) return undefined;
      node = item;
      v = v[seg as number];
      pos = start(item);
    } else break;
  }
  return lineCol(pos);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, by binary search of the line starts. */
function lineColIn(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}
