/**
 * Zod's issues in words for a person (what was expected, where, and how to fix it), and paths
 * walked through the record schemas (for `costar set` and typed values). Used by validate.ts.
 */
import type { z } from 'zod';
import { clipKey, didYouMean, formatPath, show, typeName, type Diagnostic, type PathSeg, type Severity } from './diagnostics.js';
import { PERSONAL_FIELDS, SCHEMAS, type RecordKind } from './schema.js';
import { COS, slugify } from './vocab.js';

type Issue = z.core.$ZodIssue;

export function diag(file: string, severity: Severity, code: string, message: string, path: PathSeg[] = [], at: 'key' | 'value' = 'value'): Diagnostic {
  return { file, line: 1, column: 1, severity, code, message, path, at };
}

export function get(value: unknown, path: readonly PathSeg[]): unknown {
  let v: any = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[seg as any];
  }
  return v;
}

/** Name and contact: not even a near miss is suggested from them. */
function isPersonal(kind: RecordKind, path: readonly PathSeg[]): boolean {
  return kind === 'person' && path.length >= 1 && (PERSONAL_FIELDS as readonly string[]).includes(String(path[0]));
}

/**
 * Diagnostics about people records name the field and what was expected, never the value: a
 * value typed into the wrong field (a name under ward) is personal data all the same.
 */
export function hidesValues(kind: RecordKind): boolean {
  return kind === 'person';
}

const WRAPPERS = ['optional', 'nullable', 'default', 'readonly', 'nonoptional'];

/** Skips optional/nullable/default wrappers to the schema inside. */
function unwrapSchema(s: any): any {
  while (s && WRAPPERS.includes(s._zod.def.type)) s = s._zod.def.innerType;
  return s;
}

/** Walks a zod schema to the part that describes `path`. */
function schemaAt(schema: z.ZodType, path: readonly PathSeg[]): any {
  let s: any = unwrapSchema(schema);
  for (const seg of path) {
    if (!s) return undefined;
    const def = s._zod.def;
    if (def.type === 'object') s = Object.hasOwn(def.shape, seg) ? def.shape[seg as string] : undefined;
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else if (def.type === 'tuple') s = def.items[seg as number];
    else if (def.type === 'union') {
      const shape = def.options.find((o: any) => o._zod.def.type === 'object')?._zod.def.shape;
      s = shape && Object.hasOwn(shape, seg) ? shape[seg as string] : undefined;
    }
    else return undefined;
    s = unwrapSchema(s);
  }
  return s;
}

const FIELD_WORDS: Record<string, string> = {
  status: 'status',
  kind: 'kind',
  level: 'level',
  axis: 'axis',
  willingness: 'willingness',
};

/** Turns one zod issue into a diagnostic with a message for a person. */
export function fromIssue(file: string, kind: RecordKind, root: unknown, issue: Issue, schema: z.ZodType, prefix: PathSeg[] = []): Diagnostic[] {
  const path = [...prefix, ...(issue.path as PathSeg[])];
  const where = formatPath(path);
  const value = get(root, path);
  const personal = isPersonal(kind, path);
  const hide = hidesValues(kind);
  const found = hide ? typeName(value) : show(value);
  /** ", found …" after what was expected; the type only when values are hidden. */
  const foundPart = `, found ${found}`;
  const last = path[path.length - 1];
  if (value === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'invalid_union') {
    return [diag(file, 'error', 'missing-field', `${where} is required but missing; add "${String(last)}:"${path.length > 1 ? ` under ${formatPath(path.slice(0, -1))}` : ''}`, path.slice(0, -1), path.length > 1 ? 'key' : 'value')];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const parent = schemaAt(schema, path);
      const out: Diagnostic[] = [];
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        if (parent?._zod.def.type === 'record') {
          const allowed: string[] = parent._zod.def.keyType?._zod.def.entries ? Object.values(parent._zod.def.keyType._zod.def.entries) : [];
          const isCos = last === 'cos';
          const guess = didYouMean(key, allowed);
          const shown = clipKey(key);
          out.push(
            diag(
              file,
              'error',
              isCos ? 'unknown-co' : 'unknown-grade',
              isCos
                ? `"${shown}" is not one of the Four Co's${guess ? `; did you mean "${guess}"?` : '.'} Expected one of: ${COS.join(', ')}`
                : `optimism-bias grade "${shown}" is not a confidence grade; expected a whole number from 1 to 6`,
              keyPath,
              'key',
            ),
          );
          continue;
        }
        const known = parent?._zod.def.type === 'object' ? Object.keys(parent._zod.def.shape) : [];
        const guess = didYouMean(key, known);
        out.push(
          diag(
            file,
            'warning',
            'unknown-key',
            `unknown field "${clipKey(key)}"${path.length ? ` in ${where}` : ''}; ${guess ? `did you mean "${guess}"?` : `expected one of: ${known.join(', ')}`}`,
            keyPath,
            'key',
          ),
        );
      }
      return out;
    }
    case 'invalid_type': {
      if (value === undefined) {
        return [diag(file, 'error', 'missing-field', `${where} is required but missing; add "${String(last)}:" here`, path.slice(0, -1), path.length > 1 ? 'key' : 'value')];
      }
      if (issue.expected === 'int') {
        return [diag(file, 'error', 'not-whole-number', `${where} must be a whole number${foundPart}`, path)];
      }
      const expected = expectedWord(issue.expected);
      return [diag(file, 'error', 'wrong-type', `${where} must be ${expected}, found ${hide ? typeName(value) : `${typeName(value)}${typeof value === 'object' ? '' : ` ${found}`}`}`, path)];
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      if (path.length === 1 && path[0] === 'schema' && kind === 'manifest') {
        return [diag(file, 'error', 'bad-schema-version', `schema ${found} is not supported by this costar; expected "costar/v1"`, path)];
      }
      const guess = typeof value === 'string' && !personal ? didYouMean(value, allowed) : undefined;
      const word = FIELD_WORDS[String(last)] ?? where;
      return [
        diag(
          file,
          'error',
          'bad-enum',
          `${word}${hide ? '' : ` ${found}`} is not a valid ${String(typeof last === 'number' ? path[path.length - 2] : last)}${guess ? `; did you mean "${guess}"?` : '.'} Expected one of: ${allowed.join(', ')}`,
          path,
        ),
      ];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = small ? (issue as any).minimum : (issue as any).maximum;
      const inclusive = (issue as any).inclusive !== false;
      if (issue.origin === 'array') {
        if (Array.isArray(value) && value.length === 0 && path[path.length - 1] !== 'scale') {
          return [diag(file, 'error', 'out-of-range', `${where} must list at least ${bound}, found an empty list`, path)];
        }
        if (last === 'scale') return [diag(file, 'error', 'bad-scale', `focus.scale must be two whole numbers [min, max], found ${JSON.stringify(value)}`, path)];
        return [diag(file, 'error', 'out-of-range', `${where} must have ${small ? 'at least' : 'at most'} ${bound} items, found ${Array.isArray(value) ? value.length : found}`, path)];
      }
      const rel = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
      return [diag(file, 'error', 'out-of-range', `${where} must be ${rel} ${bound}${foundPart}${rangeHint(String(last))}`, path)];
    }
    case 'invalid_format': {
      const msg = (issue as any).message;
      if (msg === 'date') {
        return [diag(file, 'error', 'bad-date', `${where} must be a date written YYYY-MM-DD${foundPart}`, path)];
      }
      if (msg === 'currency') {
        return [diag(file, 'error', 'bad-currency', `${where} must be an ISO 4217 currency code such as GBP or EUR${foundPart}`, path)];
      }
      return [
        diag(
          file,
          'error',
          'bad-id',
          `${where}${hide ? '' : ` ${found}`} is not a valid id; use lower-case letters, digits and hyphens, starting with a letter or digit (at most 64)${typeof value === 'string' && !hide ? `, e.g. "${slugify(value)}"` : ''}`,
          path,
        ),
      ];
    }
    case 'invalid_union': {
      const branches = (issue as any).errors as Issue[][];
      const pick = typeof value === 'string' ? branches[0] : branches.find((b) => b.every((i) => i.path.length > 0)) ?? branches[branches.length - 1];
      if (typeof value !== 'string' && (value === null || typeof value !== 'object')) {
        return [diag(file, 'error', 'wrong-type', `${where} must be an id or a mapping with id and label, found ${typeName(value)}`, path)];
      }
      return (pick ?? []).flatMap((i) => fromIssue(file, kind, root, i, schema, path));
    }
    default:
      return [diag(file, 'error', 'wrong-type', `${where}: ${issue.message}`, path)];
  }
}

function expectedWord(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of fields';
    default:
      return expected;
  }
}

function rangeHint(field: string): string {
  if (['discountRate', 'discountRateLong', 'deadweight', 'displacement', 'attribution', 'dropOff', 'engagement', 'success'].includes(field)) {
    return ' (a share: write 20 % as 0.2)';
  }
  if (field === 'minCount') return ' (a count of 1 would be shown as "fewer than 1" and hide nothing; 5 is usual)';
  return '';
}

/**
 * Checks that a dotted path names a field of a record kind (for `costar set`). Returns a message
 * for a person when it does not, or null when it does.
 */
export function checkPath(kind: RecordKind, path: readonly PathSeg[]): string | null {
  let s: any = unwrapSchema(SCHEMAS[kind]);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const here = formatPath(path.slice(0, i)) === '(the file)' ? 'the record' : formatPath(path.slice(0, i));
    if (!s) return null;
    const def = s._zod.def;
    if (def.type === 'object') {
      if (typeof seg !== 'string' || !Object.hasOwn(def.shape, seg)) {
        const known = Object.keys(def.shape);
        const guess = didYouMean(String(seg), known);
        return `"${seg}" is not a field of ${here}${guess ? `; did you mean "${guess}"?` : '.'} Fields: ${known.join(', ')}`;
      }
      s = def.shape[seg];
    } else if (def.type === 'array') {
      if (typeof seg !== 'number') return `${here} is a list; name an item by its number from 0, e.g. ${formatPath([...path.slice(0, i), 0])}`;
      s = def.element;
    } else if (def.type === 'record') {
      const allowed: string[] | undefined = def.keyType?._zod.def.entries ? Object.values(def.keyType._zod.def.entries) : undefined;
      if (allowed && !allowed.includes(String(seg))) {
        const guess = didYouMean(String(seg), allowed);
        return `"${seg}" is not allowed in ${here}${guess ? `; did you mean "${guess}"?` : '.'} Expected one of: ${allowed.join(', ')}`;
      }
      s = def.valueType;
    } else if (def.type === 'tuple') {
      if (typeof seg !== 'number' || seg >= def.items.length) return `${here} has ${def.items.length} items, numbered from 0`;
      s = def.items[seg];
    } else if (def.type === 'union') {
      const obj = def.options.find((o: any) => o._zod.def.type === 'object');
      if (!obj || typeof seg !== 'string' || !Object.hasOwn(obj._zod.def.shape, seg)) return `${here} has no field "${seg}"`;
      s = obj._zod.def.shape[seg];
    } else {
      return `${here} holds a single value, so it has no field "${seg}"`;
    }
    s = unwrapSchema(s);
  }
  return null;
}

/** The zod type name ('string', 'number', 'array', 'object', 'enum', …) the schema expects at a path. */
export function expectedTypeAt(kind: RecordKind, path: readonly PathSeg[]): string | undefined {
  return schemaAt(SCHEMAS[kind], path)?._zod.def.type;
}
