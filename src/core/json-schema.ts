/**
 * JSON Schemas (draft 2020-12) for editors and other validators, generated from the zod schemas
 * and then given every rule of `costar validate` that JSON Schema can express, so that an editor
 * shows an error where costar reports one and none where it reports none:
 * - keys YAML writes as numbers (optimism-bias grades, deflator years) are accepted as numbers;
 * - years listed once (uniqueItems), service areas, wards and indicators not repeated;
 * - a benefit has an amount or a cohort with a unit value, never both amount and cohort;
 * - dates are real calendar dates (a pattern that knows month lengths and leap years), format date;
 * - currencies are ISO 4217 codes (an enum of the codes costar knows).
 * Unknown keys are allowed: costar only warns about them.
 */
import * as z from 'zod';
import { DATE_PATTERN, initiativeSchema, manifestSchema, personSchema } from './schema.js';

type Json = Record<string, any>;

/** YYYY-MM-DD that exists in the calendar: months' lengths and 29 February in leap years only. */
export const REAL_DATE_PATTERN =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';

/** Year keys of appraisal.deflators: 1900 to 2100. */
const YEAR_KEY = '^(?:19\\d\\d|20\\d\\d|2100)$';

const SCHEMAS = {
  'manifest.schema.json': ['costar portfolio manifest (costar.yaml)', manifestSchema],
  'initiative.schema.json': ['costar initiative (initiatives/<id>.yaml)', initiativeSchema],
  'person.schema.json': ['costar person, group or organisation (people/<id>.yaml)', personSchema],
} as const;

export type SchemaName = keyof typeof SCHEMAS;

/** File name -> JSON Schema of each record kind. `currencies` are the ISO 4217 codes accepted. */
export function jsonSchemas(currencies: readonly string[]): Record<SchemaName, Json> {
  const out = {} as Record<SchemaName, Json>;
  for (const [name, [title, schema]] of Object.entries(SCHEMAS) as Array<[SchemaName, readonly [string, z.ZodType]]>) {
    const js = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
    const { $schema: _drop, ...rest } = js;
    void _drop;
    const doc: Json = { $schema: 'https://json-schema.org/draft/2020-12/schema', title, ...rest };
    walk(doc);
    if (name === 'manifest.schema.json') manifestRules(doc, currencies);
    if (name === 'initiative.schema.json') initiativeRules(doc);
    out[name] = doc;
  }
  return out;
}

/** Rules every schema shares: unknown keys allowed, keys of any YAML type, real dates. */
function walk(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(walk);
  if (!node || typeof node !== 'object') return;
  const s = node as Json;
  if (s.additionalProperties === false && s.properties) delete s.additionalProperties;
  // A record's keys: YAML writes `1:` as a number, so the keys are listed, not typed as strings.
  if (s.propertyNames && typeof s.propertyNames === 'object') {
    const names = s.propertyNames as Json;
    if (Array.isArray(names.enum)) {
      const value = s.additionalProperties ?? {};
      // (A pattern, not `properties`: editors look a number key up in `properties` and miss it.)
      s.patternProperties = { [`^(?:${names.enum.map((k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`]: value };
      s.additionalProperties = false;
    }
    delete s.propertyNames;
  }
  if (s.type === 'string' && s.pattern === DATE_PATTERN.source) {
    s.pattern = REAL_DATE_PATTERN;
    s.format = 'date';
    // (A message editors show instead of the pattern: yaml-language-server and VS Code read it.)
    s.patternErrorMessage = 'not a real date: write YYYY-MM-DD, e.g. 2027-03-31';
  }
  for (const v of Object.values(s)) walk(v);
}

const at = (doc: Json, ...path: string[]): Json => path.reduce((n, k) => n[k], doc);

function manifestRules(doc: Json, currencies: readonly string[]): void {
  const appraisal = at(doc, 'properties', 'appraisal', 'properties');
  if (currencies.length) {
    delete appraisal.currency.pattern;
    appraisal.currency.enum = [...currencies];
  }
  const deflators = appraisal.deflators;
  deflators.patternProperties = { [YEAR_KEY]: deflators.additionalProperties };
  deflators.additionalProperties = false;
  doc.properties.serviceAreas.uniqueItems = true;
  doc.properties.wards.uniqueItems = true;
}

function initiativeRules(doc: Json): void {
  const bc = at(doc, 'properties', 'focus', 'properties', 'businessCase', 'properties');
  for (const list of [bc.costs, bc.benefits]) list.items.properties.years.uniqueItems = true;
  const benefit = bc.benefits.items;
  // amount, or cohort with unitValue; never amount together with cohort.
  benefit.anyOf = [{ required: ['amount'] }, { required: ['cohort', 'unitValue'] }];
  benefit.not = { required: ['amount', 'cohort'] };
  at(doc, 'properties', 'grow', 'properties').indicators.uniqueItems = true;
}
