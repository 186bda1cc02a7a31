import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { formatPath, type PathSeg } from '../../core/diagnostics.js';
import { usageError } from '../../core/errors.js';
import type { RecordKind } from '../../core/schema.js';
import { checkPath, expectedTypeAt } from '../../core/schema-issues.js';
import { ID_PATTERN } from '../../core/vocab.js';
import type { EditOp } from '../../store/edit.js';
import { findPortfolio, readPortfolio } from '../../store/portfolio.js';
import { commit } from '../../store/write.js';
import type { CommandContext } from '../program.js';
import { checkRecordId } from '../records.js';

const KINDS: Record<string, Exclude<RecordKind, 'manifest'>> = {
  initiatives: 'initiative',
  initiative: 'initiative',
  people: 'person',
  person: 'person',
  cases: 'case',
  case: 'case',
};

/** `initiatives/dementia-walks` (or a path to the file) -> kind and id. */
export function parseTarget(raw: string): { kind: RecordKind; id?: string } {
  const t = raw.replace(/\\/g, '/').replace(/^\.\//, '');
  if (t === 'costar.yaml' || t === 'manifest' || t === 'costar') return { kind: 'manifest' };
  const m = /^(initiatives?|people|person|cases?)\/([^/]+?)(?:\.ya?ml)?$/.exec(t);
  if (!m || !ID_PATTERN.test(m[2]!)) {
    throw usageError('bad-record', `"${raw}" does not name a record; write <kind>/<id>, e.g. initiatives/dementia-walks, people/p-0042 or costar.yaml`);
  }
  return { kind: KINDS[m[1]!]!, id: checkRecordId(m[2]!, `${m[1]}/`) };
}

/** Path segments that would reach an object's prototype instead of a field. */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
/** Longest path costar looks at; a longer one is refused before any search for a near miss. */
const MAX_PATH = 200;

/** Splits `a.b.0.c` into segments; all-digit segments are list positions. */
export function parsePath(raw: string): PathSeg[] {
  return raw.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export interface Assignment {
  path: PathSeg[];
  append: boolean;
  /** The text after `=` or `+=`, as typed. */
  raw: string;
}

const clip = (s: string) => (s.length > 80 ? s.slice(0, 77) + '…' : s);

/** Parses `path=value` or `path+=value`; the path is checked for shape, not yet against a schema. */
export function parseAssignment(raw: string): Assignment {
  const m = /^([A-Za-z0-9_.-]+?)(\+?=)([\s\S]*)$/.exec(raw);
  if (!m) throw usageError('bad-assignment', `"${clip(raw)}" is not an assignment; write <path>=<value> or <path>+=<value>, e.g. focus.scores.ease=4`);
  if (m[1]!.length > MAX_PATH) throw usageError('bad-path', `a path of ${m[1]!.length} characters is longer than any field's (at most ${MAX_PATH})`);
  const path = parsePath(m[1]!);
  if (path.some((s) => s === '')) throw usageError('bad-assignment', `"${m[1]}" is not a valid path`);
  const bad = path.find((s) => typeof s === 'string' && FORBIDDEN_SEGMENTS.has(s));
  if (bad !== undefined) throw usageError('bad-path', `"${String(bad)}" is not a field of any record; write the path of a field, e.g. focus.scores.ease`);
  return { path, append: m[2] === '+=', raw: m[3]! };
}

/**
 * The edits of an assignment to a record of `kind`. The value is YAML read against the schema:
 * where a field is text, a plain value is kept exactly as typed (`07700900123`, `2.10`, `0x1F`,
 * `yes`, `null`), so YAML typing applies only where a number, true/false, list or mapping is
 * wanted; quoted text ("…" or '…') is unquoted as YAML does. `list+=[a, b]` appends each item of
 * a list to a list of single values.
 */
export function assignmentOps(kind: RecordKind, a: Assignment): EditOp[] {
  const op = a.append ? ('append' as const) : ('set' as const);
  if (a.raw === '') return [{ op, path: a.path, value: '' }];
  const doc = parseDocument(a.raw, { version: '1.2', schema: 'core' });
  const item = a.append ? [...a.path, 0] : a.path;
  const root = doc.contents as Node | null;
  const expected = expectedTypeAt(kind, item);
  if (expected === 'string' && !(a.append && isSeq(root))) {
    const quoted = !doc.errors.length && isScalar(root) && (root.type === Scalar.QUOTE_DOUBLE || root.type === Scalar.QUOTE_SINGLE);
    return [{ op, path: a.path, value: quoted ? String(root.value) : a.raw }];
  }
  if (doc.errors.length) {
    throw usageError('bad-value', `the value of ${formatPath(a.path)} is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, 'Quote text that contains ": " or starts with a special character, e.g. title="Walks: north"');
  }
  if (a.append && isSeq(root) && expected !== 'array') {
    return root.items.map((n) => ({ op, path: a.path, value: typedValue(doc, n as Node, kind, item) }));
  }
  return [{ op, path: a.path, value: typedValue(doc, root, kind, item) }];
}

/** A YAML node as a value, keeping plain scalars as typed wherever the schema wants text. */
function typedValue(doc: Document, node: Node | null | undefined, kind: RecordKind, path: PathSeg[]): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    return node.type === Scalar.PLAIN && typeof node.source === 'string' && expectedTypeAt(kind, path) === 'string' ? node.source : node.value;
  }
  if (isSeq(node)) return node.items.map((n, i) => typedValue(doc, n as Node, kind, [...path, i]));
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.source ?? pair.key.value) : String((pair.key as Node | null)?.toJS(doc));
      if (FORBIDDEN_SEGMENTS.has(key) || key.length > MAX_PATH) throw usageError('bad-value', `the value has a key "${clip(key)}" that is no field of any record`);
      out[key] = typedValue(doc, pair.value as Node, kind, [...path, key]);
    }
    return out;
  }
  return (node as Node).toJS(doc);
}

export async function run({ io, global, args }: CommandContext): Promise<number> {
  const target = parseTarget(args[0]);
  const assignments: string[] = args[1];
  const ops: EditOp[] = [];
  const problems: string[] = [];
  for (const a of assignments) {
    try {
      const assignment = parseAssignment(a);
      const msg = checkPath(target.kind, assignment.path);
      if (msg) {
        problems.push(`${clip(a)}: ${msg}`);
        continue;
      }
      ops.push(...assignmentOps(target.kind, assignment));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length) {
    throw usageError('bad-path', problems.length === 1 ? problems[0]! : `${problems.length} assignments are wrong:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = await readPortfolio(root, { forChange: true });
  if (target.kind !== 'manifest' && !p.fileOf(target.kind, target.id!)) {
    const folder = args[0].split('/')[0];
    throw usageError('unknown-record', `there is no ${folder}/${target.id}.yaml in this portfolio`, 'See the ids with: costar map list');
  }
  const res = commit(p, [{ kind: target.kind as any, id: target.id, edit: ops }]);
  for (const f of res.written) io.err(`${io.ce.green('✔')} Updated ${f} (${ops.length} change${ops.length === 1 ? '' : 's'})\n`);
  return 0;
}
