/**
 * Values written as YAML text in costar's style: scalars plain where that reads the same, lists
 * and small mappings in flow style, whole new records through the YAML library. Used by the
 * surgical edits (edit.ts) and by new files (write.ts).
 */
import { Document, isMap, isSeq, stringify } from 'yaml';

const PLAIN_SAFE = /^[A-Za-z0-9À-ɏ'(][^\n:#]*$/;

/** A scalar as it would be written inline. */
export function renderScalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  if (s.includes('\n')) return JSON.stringify(s);
  const out = stringify(s, { lineWidth: 0 }).trimEnd();
  if (out.includes('\n')) return JSON.stringify(s);
  return out;
}

/** A value in flow style: { a: 1, b: [x, y] } */
export function renderFlow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(renderFlowItem).join(', ')}]`;
  if (isPlainObject(v)) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    if (!entries.length) return '{}';
    return `{ ${entries.map(([k, x]) => `${renderKey(k)}: ${renderFlowItem(x)}`).join(', ')} }`;
  }
  return renderScalar(v);
}

function renderFlowItem(v: unknown): string {
  if (Array.isArray(v) || isPlainObject(v)) return renderFlow(v);
  const s = renderScalar(v);
  // Inside flow collections, , [ ] { } are indicators: quote strings that hold them.
  if (typeof v === 'string' && /[,[\]{}]/.test(s) && !s.startsWith('"') && !s.startsWith("'")) return JSON.stringify(v);
  return s;
}

export function renderKey(k: string): string {
  return PLAIN_SAFE.test(k) && !/\s$/.test(k) ? k : JSON.stringify(k);
}

/**
 * A value as block lines (without trailing newline), each line indented by `indent` spaces.
 * Lists of scalars are written in flow style, lists of mappings as block lists of flow maps:
 * the style of the SPEC's examples.
 */
export function renderBlockLines(v: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (isPlainObject(v)) {
    const lines: string[] = [];
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      if (isPlainObject(x) && Object.keys(x).length) {
        lines.push(`${pad}${renderKey(k)}:`);
        lines.push(...renderBlockLines(x, indent + 2));
      } else if (Array.isArray(x) && x.some((i) => isPlainObject(i) || Array.isArray(i))) {
        lines.push(`${pad}${renderKey(k)}:`);
        lines.push(...renderBlockLines(x, indent + 2));
      } else lines.push(`${pad}${renderKey(k)}: ${renderFlow(x)}`);
    }
    return lines;
  }
  if (Array.isArray(v)) {
    if (!v.length) return [`${pad}[]`];
    return v.map((item) => `${pad}- ${renderFlow(item)}`);
  }
  return [`${pad}${renderScalar(v)}`];
}

/** A whole new file's text for a record. */
export function renderDocument(value: Record<string, unknown>, header?: string): string {
  // Emitted by the YAML library, in the layout of renderBlockLines: lists of scalars in flow
  // style, lists of mappings as block lists of flow mappings.
  const doc = new Document(value);
  const style = (node: unknown): void => {
    if (isMap(node)) for (const pair of node.items) style(pair.value);
    else if (isSeq(node)) {
      if (node.items.every((i) => !isMap(i) && !isSeq(i))) node.flow = true;
      else for (const i of node.items) if (isMap(i) || isSeq(i)) i.flow = true;
    }
  };
  style(doc.contents);
  return (header ? `${header}\n` : '') + doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
