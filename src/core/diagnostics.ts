/** Diagnostics: the one shape every problem in a portfolio takes, and the catalogue of codes. */

import { visible } from './format.js';

export type Severity = 'error' | 'warning';
export type PathSeg = string | number;

export interface Diagnostic {
  /** Path relative to the portfolio, POSIX separators. */
  file: string;
  /** 1-based; 1 for problems of a whole file. */
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
  /** Where in the record the problem is; the store turns it into line and column. */
  path?: PathSeg[];
  /** Point at the key of `path` rather than its value. */
  at?: 'key' | 'value';
}

/** A problem on one line, as every command lists them: `  file:line:col  message  [code]`. */
export function problemLine(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'message' | 'code'>): string {
  return `  ${visible(d.file)}:${d.line}:${d.column}  ${visible(d.message)}  [${d.code}]`;
}

export interface CodeInfo {
  severity: Severity;
  summary: string;
  example: string;
}

/** Every diagnostic code costar reports, with a documented example each. */
export const CODES: Record<string, CodeInfo> = {
  'not-utf8': { severity: 'error', summary: 'The file is not valid UTF-8 text.', example: 'A file saved as Windows-1252 with a £ sign.' },
  'empty-file': { severity: 'error', summary: 'The file is empty or holds only comments.', example: 'people/p-0001.yaml with no content.' },
  'file-too-large': { severity: 'error', summary: 'The file is larger than costar reads (1 MiB).', example: 'A 5 MB initiative file.' },
  'outside-portfolio': { severity: 'error', summary: 'A record, folder or template is a link that leads outside the portfolio; costar does not follow it.', example: 'initiatives -> /home/someone/other-portfolio/initiatives' },
  'not-a-file': { severity: 'error', summary: 'A record is not a regular file (a pipe, a device or a folder); costar does not read it.', example: 'initiatives/a.yaml made with mkfifo' },
  'unreadable-file': { severity: 'error', summary: 'A record could not be read (for example, permission denied).', example: 'people/p-0001.yaml with mode 000' },
  'stray-temp-file': { severity: 'warning', summary: 'A temporary file left by an interrupted costar command; the next command that writes removes it.', example: 'people/.p-0533.yaml.8cbede5b3w.tmp' },
  'yaml-syntax': { severity: 'error', summary: 'The file is not valid YAML.', example: 'title: "unclosed quote' },
  'tab-indent': { severity: 'error', summary: 'A tab is used for indentation; YAML allows only spaces.', example: '\\tstatus: running' },
  'duplicate-key': { severity: 'error', summary: 'The same key appears twice in one mapping.', example: 'status: idea … status: running' },
  'too-many-aliases': { severity: 'error', summary: 'The file uses so many aliases that it could expand without limit.', example: 'An "alias bomb" of nested *refs.' },
  'not-a-mapping': { severity: 'error', summary: 'The file does not hold a mapping of fields.', example: 'A file holding only a list.' },
  'bad-file-name': { severity: 'error', summary: 'A record file name is not a valid id, or holds a line break or another control character (such a file is not read).', example: 'initiatives/Dementia Walks.yaml' },
  'reserved-id': { severity: 'error', summary: 'A record file name is a name Windows reserves for a device (con, prn, aux, nul, com1–com9, lpt1–lpt9).', example: 'people/nul.yaml' },
  'id-mismatch': { severity: 'error', summary: "A record's id differs from its file name.", example: 'id: dementia-walk in dementia-walks.yaml' },
  'duplicate-id': { severity: 'error', summary: 'Two records, service areas, wards or criteria share an id.', example: 'initiatives/a.yaml and initiatives/a.yml' },
  'missing-field': { severity: 'error', summary: 'A required field is missing.', example: 'An initiative without status.' },
  'wrong-type': { severity: 'error', summary: 'A value has the wrong type.', example: 'wards: north (a list is expected)' },
  'bad-enum': { severity: 'error', summary: 'A value is not one of the allowed words.', example: 'status: runing' },
  'out-of-range': { severity: 'error', summary: 'A number lies outside its allowed range.', example: 'deadweight: 1.5' },
  'not-whole-number': { severity: 'error', summary: 'A whole number is expected.', example: 'count: 2.5' },
  'bad-id': { severity: 'error', summary: 'An id does not match ^[a-z0-9][a-z0-9-]{0,63}$.', example: 'id: Dementia_Walks' },
  'bad-date': { severity: 'error', summary: 'A date is not a real YYYY-MM-DD date.', example: 'review: 30/06/2027' },
  'bad-currency': { severity: 'error', summary: 'The currency is not an ISO 4217 code.', example: 'currency: pounds' },
  'bad-schema-version': { severity: 'error', summary: 'costar.yaml names a schema version this costar does not read.', example: 'schema: costar/v2' },
  'bad-scale': { severity: 'error', summary: 'The focus scale is not two whole numbers with min < max.', example: 'scale: [5, 1]' },
  'axis-without-criteria': { severity: 'error', summary: 'An impact-matrix axis has no criterion.', example: 'criteria with no axis: ease entry' },
  'unknown-service-area': { severity: 'error', summary: 'An initiative names a service area that costar.yaml does not list.', example: 'serviceArea: adult-care' },
  'unknown-ward': { severity: 'error', summary: 'A ward is not listed in costar.yaml.', example: 'wards: [nort]' },
  'unknown-person': { severity: 'error', summary: 'A contributor id has no people/<id>.yaml.', example: 'contributors: [p-9999]' },
  'unknown-criterion': { severity: 'error', summary: 'A score names a criterion that is not configured.', example: 'scores: { eas: 4 }' },
  'unknown-co': { severity: 'error', summary: 'A key of cos is not one of the Four Co\'s.', example: 'cos: { co-desing: … }' },
  'unknown-grade': { severity: 'error', summary: 'An optimism-bias key is not a confidence grade 1 to 6.', example: 'optimismBias: { 7: [0.5, 0.5] }' },
  'unknown-indicator': { severity: 'error', summary: 'A reading names an indicator the initiative does not define.', example: 'readings: [{ indicator: Walks hled, … }]' },
  'duplicate-indicator': { severity: 'error', summary: 'Two indicators of one initiative share a name.', example: 'two indicators named "Walks held"' },
  'score-out-of-scale': { severity: 'error', summary: 'A score lies outside focus.scale.', example: 'ease: 7 on a 1–5 scale' },
  'empty-rater': { severity: 'error', summary: 'A rating of focus.ratings has an empty rater label.', example: 'ratings: [{ rater: "", scores: { ease: 4 } }]' },
  'duplicate-rater': { severity: 'error', summary: 'Two ratings of one initiative have the same rater (ignoring case and spacing).', example: 'two ratings by "Finance partner"' },
  'year-out-of-range': { severity: 'error', summary: 'A year lies outside the appraisal period.', example: 'years: [5] with appraisal.years 5' },
  'duplicate-year': { severity: 'error', summary: 'A years list names the same year twice.', example: 'years: [1, 1]' },
  'amount-and-cohort': { severity: 'error', summary: 'A benefit gives both amount and cohort.', example: 'amount: 900 and cohort: 40' },
  'benefit-without-value': { severity: 'error', summary: 'A benefit gives neither amount nor cohort with unitValue.', example: 'a benefit with only an item and kind' },
  'missing-deflator': {
    severity: 'error',
    summary: 'A line in another price year cannot be re-based: appraisal.deflators has no index for its year or for appraisal.priceYear.',
    example: 'priceYear: 2019 on a line with appraisal.priceYear 2025 and deflators { 2025: 100 }',
  },
  'unknown-key': { severity: 'warning', summary: 'A key is not a field of the schema (often a typing slip).', example: 'wardd: north' },
  'contributor-without-consent': { severity: 'warning', summary: 'A recorded contributor has not consented to be matched and contacted.', example: 'contributors: [p-0007] where p-0007 has no consent: true' },
  'consent-expired': {
    severity: 'warning',
    summary: 'A person\'s consentDate is more than privacy.retainMonths before the day of the check (--as-of, else SOURCE_DATE_EPOCH, else today): renew the consent or erase the record (the message gives the command).',
    example: 'consentDate: 2023-01-10 with privacy.retainMonths 24, checked on 2026-12-02',
  },
  'contributor-unwilling': { severity: 'warning', summary: 'A recorded contributor says they are not willing.', example: 'willingness: no' },
  'need-ward-outside': { severity: 'warning', summary: "A need's ward is not one of the initiative's wards.", example: 'needs ward: east, wards: [north]' },
  'skill-not-offered': { severity: 'warning', summary: 'Nobody in people/ offers a skill that a need asks for.', example: 'skill: beekeeping' },
  'status-contradiction': { severity: 'warning', summary: 'The status contradicts the Co levels.', example: 'status: idea with an established Co' },
  'incomplete-scores': { severity: 'warning', summary: 'Some but not all criteria are scored.', example: 'scores: { ease: 4 } only' },
  'mixed-price-years': {
    severity: 'warning',
    summary: 'Lines of one business case are in different price years and appraisal.priceYear is not set, so they are added up un-rebased.',
    example: 'one benefit with priceYear: 2019 and another with priceYear: 2025',
  },
  'future-dated': { severity: 'warning', summary: 'A reading or review is dated after the as-of date of costar validate (--as-of, SOURCE_DATE_EPOCH or today).', example: 'readings: [{ indicator: Walks held, date: 2028-03-31, value: 40 }] checked on 2026-12-02' },
  'cashable-not-fiscal': { severity: 'warning', summary: 'cashable is set on a benefit that is not fiscal.', example: 'kind: social, cashable: true' },
};

export function isError(d: Diagnostic): boolean {
  return d.severity === 'error';
}

/** Orders diagnostics by file, line, column, then code: the order every format prints. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Longest key or word costar searches near misses for; longer ones are refused before any search. */
export const MAX_KEY_LENGTH = 200;

/** A key or word for a message, shortened so a stray paragraph does not flood the output. */
export function clipKey(key: string): string {
  return key.length > 60 ? `${key.slice(0, 40)}… (${key.length} characters)` : key;
}

/** Damerau-Levenshtein (optimal string alignment) distance. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate to a near miss, or undefined when nothing is close enough. */
export function didYouMean(found: string, candidates: readonly string[]): string | undefined {
  // A key or value this long is no slip for anything; the search would cost its length squared.
  if (found.length > MAX_KEY_LENGTH) return undefined;
  const f = found.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(f, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(found.length, best.length) / 3));
  if (bestD <= limit) return best;
  // "adult-care" for "adult-social-care": a shared prefix or containment counts too.
  if (best.length > 3 && (best.toLowerCase().includes(f) || f.includes(best.toLowerCase()))) return best;
  return undefined;
}

/** Quotes a value for a message, shortened so a stray paragraph does not flood the output. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') {
    const s = value.length > 40 ? value.slice(0, 37) + '…' : value;
    return JSON.stringify(s);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

export function typeName(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  return 'true/false';
}

/** A dotted path for messages: focus.businessCase.costs[0].amount */
export function formatPath(path: readonly PathSeg[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out || '(the file)';
}
