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

/** Parses `text` with js-yaml (core schema) keeping node positions; throws as js-yaml does. */
export function parseLocated(text: string): Located {
  // Nodes in the order js-yaml opened them, as flat arrays (cheap to build for every file):
  // where each was opened, its parent, and its value once closed.
  const opens: number[] = [];
  const parents: number[] = [];
  const values: unknown[] = [];
  let current = -1;
  const value = jsyaml.load(text, {
    schema: jsyaml.CORE_SCHEMA,
    json: false,
    listener(event, state) {
      if (event === 'open') {
        opens.push(state.position);
        parents.push(current);
        values.push(undefined);
        current = opens.length - 1;
      } else {
        values[current] = state.result;
        current = parents[current]!;
      }
    },
  });
  /** The children of node n, in order (only asked for the few files with problems). */
  const kidsOf = (n: number) => {
    const out: number[] = [];
    for (let i = n + 1; i < parents.length; i++) if (parents[i] === n) out.push(i);
    return out;
  };
  const roots = kidsOf(-1);
  const root = roots.length === 1 ? roots[0] : undefined;
  let lineStarts: number[] | undefined;
  const lineCol = (offset: number) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  /**
   * Where the node's text starts: past spaces, line breaks and comments (js-yaml opens a node
   * before them), and for a scalar also past a flow indicator js-yaml had not yet consumed
   * (`[`, `{`, `,`), which no scalar can start with.
   */
  const start = (n: number) => {
    let i = opens[n]!;
    const scalar = values[n] === null || typeof values[n] !== 'object';
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
  return {
    value,
    place(path, at = 'value') {
      if (!path || path.length === 0) return { line: 1, column: 1 };
      if (root === undefined) return undefined;
      let node = root;
      let pos = start(node);
      for (let i = 0; i < path.length; i++) {
        const seg = path[i]!;
        const last = i === path.length - 1;
        // A collection on the line after its key is composed inside a wrapper node with the same value.
        let kids = kidsOf(node);
        while (kids.length === 1 && values[kids[0]!] === values[node] && typeof values[node] === 'object' && values[node] !== null) {
          node = kids[0]!;
          kids = kidsOf(node);
        }
        const v = values[node];
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
          const keys = Object.keys(v);
          // A mapping's children are key, value, key, value … in order; anything else is unsure.
          if (kids.length !== keys.length * 2) return undefined;
          let j = -1;
          for (let k = 0; k < keys.length; k++) {
            if (String(values[kids[2 * k]!]) !== keys[k]) return undefined;
            if (j === -1 && keys[k] === String(seg)) j = k;
          }
          if (j === -1) break;
          const key = kids[2 * j]!;
          if (last && at === 'key') {
            pos = start(key);
            break;
          }
          node = kids[2 * j + 1]!;
          if (values[node] === null || values[node] === undefined) return undefined;
          pos = start(node);
        } else if (Array.isArray(v)) {
          if (kids.length !== v.length) return undefined;
          const item = typeof seg === 'number' ? kids[seg] : undefined;
          if (item === undefined) break;
          if (values[item] === null || values[item] === undefined) return undefined;
          node = item;
          pos = start(item);
        } else break;
      }
      return lineCol(pos);
    },
  };
}
