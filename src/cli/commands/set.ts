import { parse } from 'yaml';
import type { PathSeg } from '../../core/diagnostics.js';
import { usageError } from '../../core/errors.js';
import type { RecordKind } from '../../core/schema.js';
import { checkPath, expectedTypeAt } from '../../core/validate.js';
import { ID_PATTERN } from '../../core/vocab.js';
import type { EditOp } from '../../store/edit.js';
import { findPortfolio, loadPortfolio } from '../../store/portfolio.js';
import { commit } from '../../store/write.js';
import type { CommandContext } from '../program.js';

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
  return { kind: KINDS[m[1]!]!, id: m[2]! };
}

/** Splits `a.b.0.c` into segments; all-digit segments are list positions. */
export function parsePath(raw: string): PathSeg[] {
  return raw.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Parses `path=value` or `path+=value`; the value is YAML. */
export function parseAssignment(raw: string): EditOp {
  const m = /^([A-Za-z0-9_.-]+?)(\+?=)([\s\S]*)$/.exec(raw);
  if (!m) throw usageError('bad-assignment', `"${raw}" is not an assignment; write <path>=<value> or <path>+=<value>, e.g. focus.scores.ease=4`);
  const path = parsePath(m[1]!);
  if (path.some((s) => s === '')) throw usageError('bad-assignment', `"${m[1]}" is not a valid path`);
  let value: unknown;
  try {
    value = m[3] === '' ? '' : parse(m[3]!, { version: '1.2', schema: 'core' });
  } catch (e) {
    throw usageError('bad-value', `the value of ${m[1]} is not valid YAML: ${(e as Error).message.split('\n')[0]}`, 'Quote text that contains ": " or starts with a special character, e.g. title="Walks: north"');
  }
  return m[2] === '+=' ? { op: 'append', path, value } : { op: 'set', path, value };
}

/**
 * Text fields take the raw text when it does not read as text in YAML (`summary=Walks: weekly`),
 * and `list+=[a, b]` appends each item of a list to a list of single values.
 */
function coerce(kind: RecordKind, op: EditOp, raw: string): EditOp[] {
  if (op.op === 'delete') return [op];
  const rawValue = raw.slice(raw.indexOf('=') + 1);
  const target = op.op === 'append' ? [...op.path, 0] : op.path;
  const expected = expectedTypeAt(kind, target);
  if (op.op === 'append' && Array.isArray(op.value) && expected !== 'array') {
    return op.value.map((v) => ({ op: 'append' as const, path: op.path, value: expected === 'string' && typeof v !== 'string' ? String(v) : v }));
  }
  if (expected === 'string' && typeof op.value !== 'string') {
    return [{ ...op, value: op.value === null ? rawValue : typeof op.value === 'number' || typeof op.value === 'boolean' ? String(op.value) : rawValue }];
  }
  return [op];
}

export async function run({ io, global, args }: CommandContext): Promise<number> {
  const target = parseTarget(args[0]);
  const assignments: string[] = args[1];
  const ops: EditOp[] = [];
  const problems: string[] = [];
  for (const a of assignments) {
    try {
      const op = parseAssignment(a);
      const msg = checkPath(target.kind, op.path);
      if (msg) {
        problems.push(`${a}: ${msg}`);
        continue;
      }
      ops.push(...coerce(target.kind, op, a));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length) {
    throw usageError('bad-path', problems.length === 1 ? problems[0]! : `${problems.length} assignments are wrong:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  if (target.kind !== 'manifest' && !p.fileOf(target.kind, target.id!)) {
    const folder = args[0].split('/')[0];
    throw usageError('unknown-record', `there is no ${folder}/${target.id}.yaml in this portfolio`, 'See the ids with: costar map list');
  }
  const res = commit(p, [{ kind: target.kind as any, id: target.id, edit: ops }]);
  for (const f of res.written) io.err(`${io.ce.green('✔')} Updated ${f} (${ops.length} change${ops.length === 1 ? '' : 's'})\n`);
  return 0;
}
