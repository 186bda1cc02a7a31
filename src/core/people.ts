/**
 * People it, pure: person ids and how new ones are handed out, skills as the portfolio spells
 * them, wards by id or label, and the parsers of the values a survey return holds (serving
 * flags, prompts and CSV cells alike). Messages never echo a personal value; CSV cells are not
 * echoed at all, since a shifted column may hold one.
 */
import type { Config } from './config.js';
import { didYouMean, editDistance } from './diagnostics.js';
import { keyOrder, orderRecord } from './key-order.js';
import { PERSONAL_FIELDS, type Initiative, type Person } from './schema.js';
import { fail, ok, type Parsed } from './values.js';
import { AVAILABILITY, PERSON_KINDS, WILLINGNESS } from './vocab.js';

export type PersonField = keyof Person & string;

/** The fields of a person record (SPEC 4) in the canonical order, derived from the schema. */
export const PERSON_FIELDS: readonly PersonField[] = keyOrder('person') as PersonField[];

/** Fields that hold a personal value (name, contact): never printed. */
export const isPersonalField = (f: string): boolean => (PERSONAL_FIELDS as readonly string[]).includes(f);

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lower case, spaces and underscores as hyphens: "Walk leading" -> "walk-leading". */
export const slug = (s: string): string => s.trim().toLowerCase().replace(/[\s_]+/g, '-');

// ---------------------------------------------------------------- ids

/**
 * The next free id of the form p-NNNN: one above the highest in `existing` (so an erased id is
 * not handed out again while higher ones exist), skipping any in `skip`.
 */
export function nextPersonId(existing: Iterable<string>, skip: ReadonlySet<string> = new Set()): string {
  return personIdAllocator(existing, skip)();
}

/**
 * Hands out the ids nextPersonId would give one after another (each taken before the next is
 * asked for), in constant time each: an import of n rows without ids allocates in O(n).
 */
export function personIdAllocator(existing: Iterable<string>, skip: ReadonlySet<string> = new Set()): () => string {
  let max = 0;
  const all = new Set(existing);
  for (const id of all) {
    const m = /^p-(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  let n = max;
  return () => {
    let id: string;
    do id = `p-${String(++n).padStart(4, '0')}`;
    while (all.has(id) || skip.has(id));
    return id;
  };
}

/** Ids at the smallest edit distance (at most 2) from a mistyped one: p-00322 -> p-0022, p-0032. */
export function closestIds(id: string, ids: readonly string[]): string[] {
  if (id.length > 66) return []; // no id is that long: nothing is near it
  let best = 3;
  let out: string[] = [];
  for (const x of ids) {
    const d = editDistance(id, x);
    if (d < best) {
      best = d;
      out = [x];
    } else if (d === best) out.push(x);
  }
  return out.sort(cmp).slice(0, 3);
}

// ---------------------------------------------------------------- skills

/** Every skill the portfolio knows: offered or wanted by someone, or asked for by a need. */
export function knownSkills(p: { people: readonly Person[]; initiatives: readonly Initiative[] }): string[] {
  const s = new Set<string>();
  for (const person of p.people) for (const x of [...(person.offers ?? []), ...(person.wants ?? [])]) if (typeof x === 'string') s.add(x);
  for (const i of p.initiatives) for (const n of i.people?.needs ?? []) if (typeof n?.skill === 'string') s.add(n.skill);
  return [...s].sort(cmp);
}

/** A typed skill as the portfolio spells it: "Walk leading" becomes a known "walk-leading". */
export function canonicalSkill(raw: string, known: readonly string[]): string {
  const t = raw.trim();
  if (known.includes(t)) return t;
  const s = slug(t);
  return known.find((k) => slug(k) === s) ?? t;
}

/** A known skill that an unknown one is probably a slip for ("gardning" -> "gardening"). */
export function nearMissSkill(skill: string, known: readonly string[]): string | undefined {
  if (known.includes(skill) || skill.length < 4) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    if (k.length < 4) continue;
    const d = editDistance(skill.toLowerCase(), k.toLowerCase());
    if (d < bestD || (d === bestD && best !== undefined && k < best)) {
      bestD = d;
      best = k;
    }
  }
  const limit = skill.length >= 8 ? 2 : 1;
  return best !== undefined && bestD <= limit ? best : undefined;
}

// ---------------------------------------------------------------- wards

/** A ward by id or label, case and spacing ignored ("St Mary's" -> st-marys). */
export function resolveWard(raw: string, config: Pick<Config, 'wards'>): string | undefined {
  const t = raw.trim();
  const exact = config.wards.find((w) => w.id === t);
  if (exact) return exact.id;
  const s = slug(t).replace(/[^a-z0-9-]/g, '');
  return config.wards.find((w) => w.id === s || slug(w.label).replace(/[^a-z0-9-]/g, '') === s)?.id;
}

/**
 * A ward given by id or label. `subject` names the value in a failure ("--ward", "the value");
 * the raw value follows it only when `echo` is set (a flag, not a CSV cell).
 */
export function parseWard(raw: string, config: Pick<Config, 'wards'>, subject: string, echo = true): Parsed<string> {
  const w = resolveWard(raw, config);
  if (w) return ok(w);
  const ids = config.wards.map((x) => x.id);
  const guess = didYouMean(raw.trim(), [...ids, ...config.wards.map((x) => x.label)]);
  const id = guess === undefined ? undefined : (config.wards.find((x) => x.id === guess || x.label === guess)?.id ?? guess);
  return fail(
    `${subject}${echo ? ` ${JSON.stringify(raw)}` : ''} is not a ward of this portfolio${id ? `; did you mean "${id}"?` : '.'} ${ids.length ? `Wards: ${ids.join(', ')}` : 'costar.yaml lists no wards.'}`,
    ids,
  );
}

// ---------------------------------------------------------------- other values

/** Yes/no in the forms surveys and spreadsheets use. */
export function parseYesNo(raw: string, subject = 'the value'): Parsed<boolean> {
  const t = raw.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(t)) return ok(true);
  if (['false', 'no', 'n', '0'].includes(t)) return ok(false);
  return fail(`${subject} is not yes or no (true/false, yes/no, y/n, 1/0 are read)`);
}

/** List cells and flags: items separated by ; (or commas, or line breaks), trimmed, once each. */
export function splitList(raw: string | readonly string[] | undefined): string[] {
  if (raw === undefined) return [];
  const parts = (typeof raw === 'string' ? [raw] : raw).flatMap((x) => x.split(/[;,\r\n]+/));
  return [...new Set(parts.map((x) => x.trim()).filter(Boolean))];
}

const CHOICES = {
  kind: { valid: PERSON_KINDS, what: 'a kind', list: 'Kinds' },
  willingness: { valid: WILLINGNESS, what: 'a willingness', list: 'Use' },
  availability: { valid: AVAILABILITY, what: 'a time of availability', list: 'Use' },
} as const;

/**
 * A kind, willingness or time of availability, case and spacing forgiven ("Weekday day"). The
 * message names the value only as `subject` and lists the valid values.
 */
export function parsePersonChoice<F extends keyof typeof CHOICES>(field: F, raw: string, subject = 'the value'): Parsed<(typeof CHOICES)[F]['valid'][number]> {
  const { valid, what, list } = CHOICES[field];
  const v = field === 'availability' ? slug(raw) : raw.trim().toLowerCase();
  if ((valid as readonly string[]).includes(v)) return ok(v as (typeof CHOICES)[F]['valid'][number]);
  const guess = didYouMean(v, valid);
  return fail(`${subject} is not ${what}${guess ? `; did you mean "${guess}"?` : '.'} ${list}: ${valid.join(', ')}`, valid);
}

/** Header text -> field: exact field names, case, spaces, hyphens and singulars forgiven. */
export function headerField(header: string): PersonField | undefined {
  const h = header.trim().toLowerCase().replace(/[\s_-]+/g, '');
  const alias: Record<string, PersonField> = { offer: 'offers', want: 'wants', check: 'checks', under18s: 'under18' };
  return PERSON_FIELDS.find((f) => f.toLowerCase() === h) ?? alias[h];
}

/**
 * A `--map <column>=<field>` pair: the column (lower case) and its field, null to ignore the
 * column (an empty field or -).
 */
export function parseColumnMap(raw: string): Parsed<[string, PersonField | null]> {
  const i = raw.lastIndexOf('=');
  if (i <= 0) return fail(`${JSON.stringify(raw)} is not of the form <column>=<field>`);
  const column = raw.slice(0, i).trim().toLowerCase();
  const field = raw.slice(i + 1).trim();
  if (field === '' || field === '-') return ok([column, null]);
  const f = headerField(field);
  if (f) return ok([column, f]);
  const guess = didYouMean(field, PERSON_FIELDS);
  return fail(`${JSON.stringify(raw)}: "${field}" is not a field of a person${guess ? `; did you mean "${guess}"?` : ''}`, PERSON_FIELDS);
}

// ---------------------------------------------------------------- describing

/** What a record holds, without any personal value: "individual · abbey · consent · offers cooking". */
export function describePerson(rec: Record<string, any>): string {
  const bits: string[] = [rec.kind ?? 'kind not given', rec.ward ?? 'no ward'];
  bits.push(rec.consent === true ? 'consent given' : 'no consent (never matched)');
  if (rec.willingness) bits.push(`willingness ${rec.willingness}`);
  if (rec.under18) bits.push('under 18');
  if (rec.offers?.length) bits.push(`offers ${rec.offers.join(', ')}`);
  if (rec.wants?.length) bits.push(`wants ${rec.wants.join(', ')}`);
  if (rec.availability?.length) bits.push(`available ${rec.availability.join(', ')}`);
  if (rec.checks?.length) bits.push(`checks ${rec.checks.join(', ')}`);
  const personal = PERSONAL_FIELDS.filter((f) => rec[f] !== undefined);
  if (personal.length) bits.push(`${personal.join(' and ')} recorded`);
  return bits.join(' · ');
}

// ---------------------------------------------------------------- subject access

/** One initiative that holds a person, and in what role. */
export interface HeldIn {
  id: string;
  title: string;
  as: 'contributor';
}

/** Everything the portfolio holds about one person: their whole record (personal data included). */
export interface SubjectAccess {
  person: Record<string, unknown>;
  initiatives: HeldIn[];
}

/**
 * The answer to a subject access request: the record as held (in the canonical key order) and
 * every initiative that lists the person in `people.contributors`, by id. Match proposals are
 * worked out when asked and never stored, so they hold nothing about the person.
 */
export function subjectAccess(person: Record<string, unknown>, initiatives: readonly Initiative[]): SubjectAccess {
  const id = person.id;
  const held = initiatives
    .filter((i) => (i.people?.contributors ?? []).includes(id as string))
    .map((i): HeldIn => ({ id: i.id, title: i.title, as: 'contributor' }))
    .sort((a, b) => cmp(a.id, b.id));
  return { person: orderRecord('person', person), initiatives: held };
}
