/** JSON Schemas (draft 2020-12) generated from the zod schemas, for editors and other validators. */
import * as z from 'zod';
import { initiativeSchema, manifestSchema, personSchema } from '../core/schema.js';

const TITLES = {
  'manifest.schema.json': ['costar portfolio manifest (costar.yaml)', manifestSchema],
  'initiative.schema.json': ['costar initiative (initiatives/<id>.yaml)', initiativeSchema],
  'person.schema.json': ['costar person, group or organisation (people/<id>.yaml)', personSchema],
} as const;

let cache: Record<string, string> | undefined;

/** File name -> JSON text of each schema. Unknown keys are allowed: costar only warns about them. */
export function schemaFiles(): Record<string, string> {
  if (cache) return cache;
  const out: Record<string, string> = {};
  for (const [name, [title, schema]] of Object.entries(TITLES)) {
    const js = z.toJSONSchema(schema as z.ZodType, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
      override: (ctx) => {
        const s = ctx.jsonSchema as Record<string, unknown>;
        if (s.additionalProperties === false) delete s.additionalProperties;
      },
    }) as Record<string, unknown>;
    const { $schema: _drop, ...rest } = js;
    void _drop;
    out[name] = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', title, ...rest }, null, 2) + '\n';
  }
  cache = out;
  return out;
}
