/**
 * What `costar init` decides, as pure rules: ids from labels, the case-library area tags that fit
 * a service area, and the financial year that contains a date.
 */
import { labelFromId } from './config.js';
import { fail, ok, type Parsed } from './values.js';
import { AREA_TAGS, ID_PATTERN, type AreaTag } from './vocab.js';

export interface IdLabel {
  id: string;
  label: string;
}

/** An id from a label: `Children's services` -> `childrens-services`, `Parks & green spaces` -> `parks-and-green-spaces`. */
export function idFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/**
 * One `--area`/`--ward` value or one answer: `id`, `id:label`, or a label (the id derived from it,
 * the label kept). `what` names where it came from in the message.
 */
export function parseIdOrLabel(raw: string, what: string): Parsed<IdLabel> {
  const text = raw.trim();
  if (!text) return fail(`${what} is empty; give an id or a label, e.g. adult-social-care or "Adult social care"`);
  const i = text.indexOf(':');
  if (i !== -1) {
    const id = text.slice(0, i).trim();
    const label = text.slice(i + 1).trim();
    if (ID_PATTERN.test(id)) return ok({ id, label: label || labelFromId(id) });
  }
  if (ID_PATTERN.test(text)) return ok({ id: text, label: labelFromId(text) });
  const id = idFromLabel(text);
  if (!ID_PATTERN.test(id)) return fail(`${what} ${JSON.stringify(raw)} gives no id; use letters or digits, e.g. adult-social-care or "Adult social care"`);
  return ok({ id, label: text });
}

/** A comma-separated answer; duplicates and empty lists refused. */
export function parseIdLabelList(raw: string, what: string, { min = 1 } = {}): Parsed<IdLabel[]> {
  const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length < min) return fail(`Give at least ${min === 1 ? 'one' : min} ${what}`);
  const list: IdLabel[] = [];
  for (const part of parts) {
    const r = parseIdOrLabel(part, what);
    if (!r.ok) return r;
    list.push(r.value);
  }
  const dup = duplicateId(list);
  return dup ? fail(`${what} ${dup} is given twice`) : ok(list);
}

/** The first id given more than once, if any. */
export function duplicateId(list: readonly IdLabel[]): string | undefined {
  const seen = new Set<string>();
  for (const x of list) {
    if (seen.has(x.id)) return x.id;
    seen.add(x.id);
  }
  return undefined;
}

/** Words of a service area's id or label -> case-library tags. Phrases are matched before words. */
const PHRASES: Array<[RegExp, AreaTag[]]> = [
  [/\badult social care\b|\badults? services\b|\badult care\b/, ['social-care', 'older-people', 'disability']],
  [/\bsocial care\b|\bsocial work\b|\bcare\b/, ['social-care']],
  [/\bchildren|\bchild\b|\bfamil(y|ies)\b|\bearly years\b/, ['children', 'young-people']],
  [/\byoung people\b|\byouth\b|\bteen/, ['young-people']],
  [/\bschools?\b|\beducation\b|\blearning\b|\bskills\b/, ['education']],
  [/\bhousing\b|\bhomes?\b|\bhomeless|\btenan/, ['housing']],
  [/\bparks?\b|\bgreen\b|\bopen spaces?\b|\benvironment|\bclimate\b|\bwaste\b|\brecycl|\bstreet scene\b|\bcountryside\b|\bnature\b/, ['environment']],
  [/\blibrar(y|ies)\b/, ['digital-inclusion', 'education']],
  [/\bcommunity safety\b|\bcrime\b|\bpolic(e|ing)\b|\banti ?social\b|\bsafer\b/, ['community-safety']],
  [/\bpublic health\b|\bwellbeing\b|\bprevention\b/, ['public-health', 'health']],
  [/\bmental health\b/, ['mental-health', 'health']],
  [/\bhealth\b|\bnhs\b/, ['health']],
  [/\bolder people\b|\bageing\b|\bold age\b|\belderly\b/, ['older-people']],
  [/\bdisabilit|\bsend\b/, ['disability']],
  [/\btransport\b|\bhighways?\b|\broads?\b|\btravel\b|\bbus(es)?\b/, ['transport']],
  [/\bemployment\b|\bjobs?\b|\beconom|\bregeneration\b/, ['employment']],
  [/\bdigital\b/, ['digital-inclusion']],
  [/\bdemocra|\bengagement\b|\bparticipation\b|\belections?\b|\bgovernance\b|\bcommunit(y|ies)\b/, ['democracy']],
  [/\bwhole council\b|\bcorporate\b|\bfinance\b|\bresources\b|\bpolicy\b|\bstrategy\b/, ['whole-council']],
];

/** The case-library area tags that fit a service area, from its id and label, in the vocabulary's order. */
export function tagsFor(area: IdLabel): AreaTag[] {
  const text = ` ${area.id.replace(/-/g, ' ')} | ${area.label.toLowerCase().replace(/['’]/g, '').replace(/&/g, ' and ').replace(/[^a-z0-9|]+/g, ' ')} `;
  const found = new Set<AreaTag>();
  for (const [re, tags] of PHRASES) if (re.test(text)) for (const t of tags) found.add(t);
  // "community safety" is about safety, not democracy
  if (found.has('community-safety') && !/\bdemocra|\bengagement\b|\bparticipation\b/.test(text)) found.delete('democracy');
  return AREA_TAGS.filter((t) => found.has(t));
}

/** The financial year (April to March) that contains a date: 1 March 2027 -> 2026, 1 April 2027 -> 2027. */
export function financialYearOf(date: Date): number {
  return date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** A start year: `2026` or `2026/27` (the second part must follow the first). */
export function parseStartYear(raw: string): Parsed<number> {
  const m = /^\s*(\d{4})(?:\s*[/-]\s*(\d{2}|\d{4}))?\s*$/.exec(raw);
  if (!m) return fail(`${JSON.stringify(raw)} is not a financial year; give 2026 or 2026/27`);
  const y = Number(m[1]);
  if (m[2] !== undefined) {
    const next = m[2].length === 2 ? (y + 1) % 100 : y + 1;
    if (Number(m[2]) !== next) return fail(`${JSON.stringify(raw)} is not a financial year; the second year follows the first, e.g. ${y}/${String((y + 1) % 100).padStart(2, '0')}`);
  }
  if (y < 1900 || y > 2100) return fail(`${JSON.stringify(raw)}: the start year is between 1900 and 2100`);
  return ok(y);
}
