/**
 * The canonical key order of every record, derived once from the schemas in `schema.ts` (the
 * order their fields are declared in, which is the SPEC's order). Commands that build a record
 * or a part of one put it in this order before writing it, so there is no list of keys to keep
 * in step with the SPEC anywhere else.
 */
import type * as z from 'zod';
import { SCHEMAS, type RecordKind } from './schema.js';

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; keyType?: z.ZodType; valueType?: z.ZodType; entries?: Record<string, string>; options?: z.ZodType[]; in?: z.ZodType };

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema with optional, nullable and default wrappers taken off. */
function bare(s: z.ZodType): z.ZodType {
  let d = defOf(s);
  while ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly') && d.innerType) {
    s = d.innerType;
    d = defOf(s);
  }
  if (d.type === 'pipe' && d.in) return bare(d.in);
  return s;
}

/** The keys a schema declares, in order, or undefined when it is not an object with known keys. */
function keysOf(s: z.ZodType): string[] | undefined {
  const d = defOf(bare(s));
  if (d.type === 'object' && d.shape) return Object.keys(d.shape);
  if (d.type === 'record' && d.keyType) {
    const k = defOf(bare(d.keyType));
    if (k.type === 'enum' && k.entries) return Object.values(k.entries);
  }
  if (d.type === 'union' && d.options) {
    const obj = d.options.find((o) => keysOf(o));
    return obj ? keysOf(obj) : undefined;
  }
  return undefined;
}

/** The schema of the value under `key` (an object's field, a record's value, an array's item). */
function childOf(s: z.ZodType, key: string | number): z.ZodType | undefined {
  const d = defOf(bare(s));
  if (d.type === 'object' && d.shape) return d.shape[key as string];
  if (d.type === 'record') return d.valueType;
  if (d.type === 'array') return d.element;
  if (d.type === 'union' && d.options) {
    for (const o of d.options) {
      const c = childOf(o, key);
      if (c) return c;
    }
  }
  return undefined;
}

/** Options of ordering: empty lists are dropped when `dropEmpty` is set (people records do). */
export interface OrderOptions {
  dropEmpty?: boolean;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `value` with the keys of every object in it put in the schema's order, undefined values left
 * out. Keys the schema does not know keep their place after the known ones, in their own order.
 */
export function orderBySchema<T>(schema: z.ZodType | undefined, value: T, options: OrderOptions = {}): T {
  if (Array.isArray(value)) return value.map((v, i) => orderBySchema(schema && childOf(schema, i), v, options)) as T;
  if (!isPlain(value)) return value;
  const known = schema ? (keysOf(schema) ?? []) : [];
  const out: Record<string, unknown> = {};
  const put = (k: string) => {
    const v = value[k];
    if (v === undefined || (options.dropEmpty && Array.isArray(v) && v.length === 0)) return;
    out[k] = orderBySchema(schema && childOf(schema, k), v, options);
  };
  for (const k of known) if (Object.prototype.hasOwnProperty.call(value, k)) put(k);
  for (const k of Object.keys(value)) if (!known.includes(k)) put(k);
  return out as T;
}

/** A whole record of `kind` in the canonical order. */
export function orderRecord<T>(kind: RecordKind, rec: T, options: OrderOptions = {}): T {
  return orderBySchema(SCHEMAS[kind], rec, options);
}

/**
 * A part of a record in canonical order: `path` leads from the record to the part, e.g.
 * `['focus', 'businessCase', 'costs', 0]` for a cost line (a number stands for any list item).
 */
export function orderAt<T>(kind: RecordKind, path: ReadonlyArray<string | number>, value: T, options: OrderOptions = {}): T {
  let s: z.ZodType | undefined = SCHEMAS[kind];
  for (const k of path) s = s && childOf(s, k);
  return orderBySchema(s, value, options);
}

/** The declared keys of a record kind, or of a part of it, in canonical order. */
export function keyOrder(kind: RecordKind, path: ReadonlyArray<string | number> = []): string[] {
  let s: z.ZodType | undefined = SCHEMAS[kind];
  for (const k of path) s = s && childOf(s, k);
  return (s && keysOf(s)) ?? [];
}
