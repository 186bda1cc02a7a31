/** The JSON Schemas as files (src/core/json-schema.ts makes them), for editors and other validators. */
import { jsonSchemas } from '../core/json-schema.js';
import { CURRENCIES } from '../core/validate.js';

let cache: Record<string, string> | undefined;

/** File name -> JSON text of each schema. Unknown keys are allowed: costar only warns about them. */
export function schemaFiles(): Record<string, string> {
  if (cache) return cache;
  cache = Object.fromEntries(Object.entries(jsonSchemas([...CURRENCIES].sort())).map(([name, doc]) => [name, JSON.stringify(doc, null, 2) + '\n']));
  return cache;
}
