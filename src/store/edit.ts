/**
 * Surgical edits of YAML text. A change is spliced into the text at the positions the `yaml`
 * Document gives, so every byte outside the changed value stays as the user wrote it: comments,
 * blank lines, quoting, key order, line ends. The result is parsed again and compared with the
 * value the change should produce; a mismatch is refused rather than written.
 */
import { isDeepStrictEqual } from 'node:util';
import { Document, isCollection, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { PathSeg } from '../core/diagnostics.js';
import { CostarError, usageError } from '../core/errors.js';
import { formatPath } from '../core/diagnostics.js';
import { isPlainObject, renderBlockLines, renderFlow, renderKey, renderScalar } from './yaml-text.js';

export type EditOp =
  | { op: 'set'; path: PathSeg[]; value: unknown }
  | { op: 'append'; path: PathSeg[]; value: unknown }
  | { op: 'delete'; path: PathSeg[] };

// ---------------------------------------------------------------- applying edits to JS values

export function applyToValue(root: unknown, op: EditOp): unknown {
  const copy = structuredClone(root) as any;
  const path = op.path;
  if (op.op === 'delete') {
    const parent = getAt(copy, path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else if (isPlainObject(parent)) delete parent[last as string];
    return copy;
  }
  let node = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i]!;
    if (node[seg] === undefined || node[seg] === null) node[seg] = {};
    node = node[seg];
  }
  const last = path[path.length - 1]!;
  if (op.op === 'set') node[last] = structuredClone(op.value);
  else {
    if (!Array.isArray(node[last])) node[last] = [];
    node[last].push(structuredClone(op.value));
  }
  return copy;
}

function getAt(v: any, path: readonly PathSeg[]): any {
  for (const s of path) v = v?.[s];
  return v;
}

// ---------------------------------------------------------------- text splicing

interface Ctx {
  text: string;
  doc: Document;
  eol: string;
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function nextLineStart(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

function columnOf(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Inserts whole lines at `at` (a line start), adding a line break before them if the file lacks one. */
function insertLines(ctx: Ctx, at: number, lines: string[]): string {
  let prefix = '';
  if (at === ctx.text.length && ctx.text.length > 0 && !ctx.text.endsWith('\n')) prefix = ctx.eol;
  return splice(ctx.text, at, at, prefix + lines.join(ctx.eol) + ctx.eol);
}

function keyOf(p: Pair): string {
  return isScalar(p.key) ? String(p.key.value) : String(p.key);
}

function badPath(path: PathSeg[], why: string): CostarError {
  return usageError('bad-path', `cannot change ${formatPath(path)}: ${why}`, 'Paths are dotted field names, e.g. focus.scores.ease or cos.co-design.level; list items by number from 0.');
}

function nodeEnd(n: Node): number {
  return n.range?.[1] ?? 0;
}

/** End of a node's content (block collections end after their last line break). */
function contentEnd(n: Node): number {
  return n.range?.[1] ?? 0;
}

function setOp(ctx: Ctx, path: PathSeg[], value: unknown): string {
  const { doc } = ctx;
  let node: Node | null = doc.contents as Node | null;
  let parentPair: Pair | null = null;
  if (!node || (isScalar(node) && node.value === null)) {
    // An empty document: write the value as the whole file.
    const obj = applyToValue({}, { op: 'set', path, value }) as Record<string, unknown>;
    return renderBlockLines(obj, 0).join(ctx.eol) + ctx.eol;
  }
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyOf(p) === String(seg));
      if (!pair) {
        if (typeof seg === 'number') throw badPath(path, `${formatPath(path.slice(0, i))} is a mapping, not a list`);
        const rest = path.slice(i + 1);
        if (rest.some((s) => typeof s === 'number')) throw badPath(path, `${formatPath(path.slice(0, i + 1))} does not exist yet`);
        const newValue = rest.length ? applyToValue({}, { op: 'set', path: rest, value }) : value;
        return addPair(ctx, node, String(seg), newValue, parentPair);
      }
      if (last) return replaceValue(ctx, pair.value as Node | null, value, pair);
      parentPair = pair;
      const v = pair.value as Node | null;
      if (!v || (isScalar(v) && v.value === null)) {
        const rest = path.slice(i + 1);
        if (rest.some((s) => typeof s === 'number')) throw badPath(path, `${formatPath(path.slice(0, i + 1))} is empty`);
        return replaceValue(ctx, v, applyToValue({}, { op: 'set', path: rest, value }), pair);
      }
      node = v;
    } else if (isSeq(node)) {
      if (typeof seg !== 'number') throw badPath(path, `${formatPath(path.slice(0, i))} is a list; give an item number`);
      const item = node.items[seg] as Node | undefined;
      if (!item) throw badPath(path, `${formatPath(path.slice(0, i))} has ${node.items.length} items (numbered from 0)`);
      if (last) return replaceValue(ctx, item, value, null);
      node = item;
      parentPair = null;
    } else {
      throw badPath(path, `${formatPath(path.slice(0, i))} is not a mapping`);
    }
  }
  throw badPath(path, 'empty path');
}

/** Replaces a value node (or a missing/null value of `pair`) with `value`. */
function replaceValue(ctx: Ctx, node: Node | null, value: unknown, pair: Pair | null): string {
  const { text } = ctx;
  const isColl = Array.isArray(value) || isPlainObject(value);
  if (node && isCollection(node) && !(node as any).flow && isColl && nonEmpty(value)) {
    // Block collection replaced by a block collection: same indentation.
    const start = lineStart(text, node.range![0]);
    const indent = columnOf(text, node.range![0]);
    const end = nextLineStart(text, nodeEnd(node));
    const lines = renderBlockLines(value, indent);
    return splice(text, start, end, lines.join(ctx.eol) + ctx.eol);
  }
  if (node && !(isScalar(node) && node.value === null && pair && !node.range) && node.range && !(isCollection(node) && !(node as any).flow)) {
    // Inline value (scalar or flow collection) replaced inline.
    if (isColl && nonEmpty(value) && pair && !(node as any).flow && isBlockContext(ctx, pair)) {
      return replaceAfterKey(ctx, pair, value);
    }
    const rendered = isColl ? renderFlow(value) : renderScalar(value);
    if (isScalar(node) && node.value === null && node.range[0] === node.range[1] && pair) return replaceAfterKey(ctx, pair, value);
    // Block scalars (| and >) end after their line break: keep it.
    let end = node.range[1];
    while (end > node.range[0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return splice(text, node.range[0], end, rendered);
  }
  if (pair) return replaceAfterKey(ctx, pair, value);
  throw new CostarError('edit-failed', 'costar could not find where to write this value');
}

function nonEmpty(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : isPlainObject(v) ? Object.keys(v).length > 0 : true;
}

function isBlockContext(ctx: Ctx, pair: Pair): boolean {
  const k = pair.key as Node;
  // A key at the start of its line (after indentation or "- ") is in a block mapping.
  const ls = lineStart(ctx.text, k.range![0]);
  return /^\s*(-\s+)*$/.test(ctx.text.slice(ls, k.range![0]));
}

/** Rewrites everything after `key:` up to the end of the pair's value. */
function replaceAfterKey(ctx: Ctx, pair: Pair, value: unknown): string {
  const { text } = ctx;
  const k = pair.key as Node;
  const keyEnd = k.range![1];
  const colon = text.indexOf(':', keyEnd);
  const v = pair.value as Node | null;
  const valueEnd = v?.range ? (isCollection(v) && !(v as any).flow ? nextLineStart(text, v.range[1]) : v.range[1]) : colon + 1;
  const isColl = Array.isArray(value) || isPlainObject(value);
  if (isColl && nonEmpty(value) && isBlockContext(ctx, pair)) {
    const ls = lineStart(text, k.range![0]);
    const keyIndent = text.slice(ls, k.range![0]).length;
    const childIndent = keyIndent + 2;
    const lines = renderBlockLines(value, childIndent);
    const blockEnd = v?.range && isCollection(v) && !(v as any).flow ? valueEnd : nextLineStart(text, valueEnd);
    // Keep a comment that sat on the key's line.
    const rest = text.slice(valueEnd, blockEnd);
    const comment = /^[ \t]*#[^\n]*/.exec(rest)?.[0] ?? '';
    return splice(text, colon + 1, blockEnd, `${comment}${ctx.eol}${lines.join(ctx.eol)}${ctx.eol}`);
  }
  let end = valueEnd;
  while (end > colon + 1 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return splice(text, colon + 1, end, ` ${isColl ? renderFlow(value) : renderScalar(value)}`);
}

/** Adds `key: value` as the last pair of a mapping. */
function addPair(ctx: Ctx, map: Node, key: string, value: unknown, parentPair: Pair | null): string {
  const { text } = ctx;
  if (!isMap(map)) throw new CostarError('edit-failed', 'not a mapping');
  if ((map as any).flow || map.items.length === 0) {
    const current = (map as any).toJSON();
    const merged = { ...current, [key]: value };
    if (map.range && (map as any).flow) {
      if (parentPair && isBlockContext(ctx, parentPair) && (Array.isArray(value) || isPlainObject(value)) && renderFlow(merged).length > 100) {
        return replaceAfterKey(ctx, parentPair, merged);
      }
      return splice(text, map.range[0], map.range[1], renderFlow(merged));
    }
    if (parentPair) return replaceAfterKey(ctx, parentPair, merged);
  }
  const first = map.items[0]!.key as Node;
  const indent = columnOf(text, first.range![0]);
  const lastPair = map.items[map.items.length - 1]!;
  const lastNode = (lastPair.value as Node | null) ?? (lastPair.key as Node);
  const at = nextLineStart(text, contentEnd(lastNode));
  // Follow the siblings' style: flow values beside flow values.
  const siblingFlow = isCollection(lastPair.value) && (lastPair.value as any).flow;
  const lines =
    siblingFlow && (isPlainObject(value) || Array.isArray(value))
      ? [`${' '.repeat(indent)}${renderKey(key)}: ${renderFlow(value)}`]
      : renderBlockLines({ [key]: value }, indent);
  return insertLines(ctx, at, lines);
}

function appendOp(ctx: Ctx, path: PathSeg[], value: unknown): string {
  const { text, doc } = ctx;
  const node = doc.getIn(path, true) as Node | undefined;
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
    return setOp(ctx, path, [value]);
  }
  if (!isSeq(node)) throw badPath(path, 'it is not a list, so nothing can be appended (use = to set it)');
  if ((node as any).flow || node.items.length === 0) {
    const list = [...((node as any).toJSON() as unknown[]), value];
    if (list.some((x) => isPlainObject(x))) {
      const parentPath = path.slice(0, -1);
      const parent = parentPath.length ? (doc.getIn(parentPath, true) as Node) : (doc.contents as Node);
      const pair = isMap(parent) ? parent.items.find((p) => keyOf(p) === String(path[path.length - 1])) : undefined;
      if (pair && isBlockContext(ctx, pair)) return replaceAfterKey(ctx, pair, list);
    }
    return splice(text, node.range![0], node.range![1], renderFlow(list));
  }
  const lastItem = node.items[node.items.length - 1] as Node;
  const ls = lineStart(text, lastItem.range![0]);
  const prefix = text.slice(ls, lastItem.range![0]);
  let lines: string[];
  if (isPlainObject(value) && isMap(lastItem) && !(lastItem as any).flow) {
    const block = renderBlockLines(value, prefix.length);
    lines = [prefix + block[0]!.slice(prefix.length), ...block.slice(1)];
  } else {
    lines = [prefix + renderFlow(value)];
  }
  const at = nextLineStart(text, contentEnd(lastItem));
  return insertLines(ctx, at, lines);
}

function deleteOp(ctx: Ctx, path: PathSeg[]): string {
  const { text, doc } = ctx;
  const parentPath = path.slice(0, -1);
  const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as Node | undefined;
  const last = path[path.length - 1]!;
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last] as Node | undefined;
    if (!item) throw badPath(path, 'no such item');
    if ((parent as any).flow || parent.items.length === 1) {
      const list = ((parent as any).toJSON() as unknown[]).filter((_, i) => i !== last);
      if (!(parent as any).flow && list.length === 0) {
        const gp = parentPath.length > 1 ? doc.getIn(parentPath.slice(0, -1), true) : doc.contents;
        const pair = isMap(gp) ? gp.items.find((p) => keyOf(p) === String(parentPath[parentPath.length - 1])) : undefined;
        if (pair) return replaceAfterKey(ctx, pair, []);
      }
      return splice(text, parent.range![0], parent.range![1], renderFlow(list));
    }
    const start = lineStart(text, item.range![0]);
    const end = nextLineStart(text, contentEnd(item));
    return splice(text, start, end, '');
  }
  if (isMap(parent)) {
    const pair = parent.items.find((p) => keyOf(p) === String(last));
    if (!pair) return text;
    if ((parent as any).flow || parent.items.length === 1) {
      const obj = { ...(parent as any).toJSON() };
      delete obj[String(last)];
      if ((parent as any).flow) return splice(text, parent.range![0], parent.range![1], renderFlow(obj));
    }
    const k = pair.key as Node;
    const start = lineStart(text, k.range![0]);
    const v = pair.value as Node | null;
    const end = nextLineStart(text, v?.range ? contentEnd(v) : k.range![1]);
    return splice(text, start, end, '');
  }
  throw badPath(path, 'nothing to delete there');
}

/**
 * Applies edits to YAML text, returning the new text. Throws a CostarError when a path does not
 * fit the document, or when the result would not read back as the intended value.
 */
export function editText(text: string, current: unknown, ops: EditOp[], eol: '\n' | '\r\n' = '\n'): string {
  let expected = current;
  let out = text;
  for (const op of ops) {
    const doc = parseDocument(out, { keepSourceTokens: false });
    if (doc.errors.length) throw new CostarError('edit-failed', `the file does not parse: ${doc.errors[0]!.message}`);
    const ctx: Ctx = { text: out, doc, eol };
    out =
      op.op === 'set' ? setOp(ctx, op.path, op.value) : op.op === 'append' ? appendOp(ctx, op.path, op.value) : deleteOp(ctx, op.path);
    expected = applyToValue(expected ?? {}, op);
  }
  const check = parseDocument(out);
  const got = check.errors.length ? Symbol('unparseable') : check.toJS();
  if (!isDeepStrictEqual(got, expected)) {
    throw new CostarError('edit-failed', 'costar could not make this change without disturbing the rest of the file, so it wrote nothing', {
      hint: 'Make the change by hand in an editor, or report the file layout that caused this.',
    });
  }
  return out;
}

