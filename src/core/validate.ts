/**
 * Validation of a whole portfolio: each record against its schema, then the rules that span
 * files (ids, references, scales). Pure: takes parsed values, returns diagnostics with paths.
 */
import { resolveConfig } from './config.js';
import { clipKey, didYouMean, formatPath, show, typeName, type Diagnostic, type PathSeg } from './diagnostics.js';
import { lineRules, priceBaseRules } from './lines.js';
import { consentExpired } from './privacy.js';
import { ratedScores, ratingRules } from './ratings.js';
import { diag, fromIssue, hidesValues } from './schema-issues.js';
import { DATE_PATTERN, SCHEMAS, type Initiative, type RecordKind } from './schema.js';
import { ID_PATTERN, isReservedName, slugify } from './vocab.js';

/** One file of the portfolio as the store hands it to core. */
export interface SourceRecord {
  /** Relative POSIX path, e.g. initiatives/dementia-walks.yaml */
  file: string;
  kind: RecordKind;
  /** File name without extension (records only). */
  stem?: string;
  /** The parsed value; undefined when the file could not be read or parsed. */
  value?: unknown;
}


function isObj(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arr(v: unknown): any[] {
  return Array.isArray(v) ? v : [];
}

/**
 * Codes of errors inside one record (its schema, its file name and id), as opposed to references
 * to other files. A record with one of them is not handed to commands as a typed record.
 */
export const RECORD_ERROR_CODES: ReadonlySet<string> = new Set([
  'not-a-mapping',
  'missing-field',
  'wrong-type',
  'not-whole-number',
  'bad-enum',
  'out-of-range',
  'bad-id',
  'bad-date',
  'bad-currency',
  'bad-scale',
  'bad-schema-version',
  'unknown-co',
  'unknown-grade',
  'bad-file-name',
  'reserved-id',
  'id-mismatch',
  'duplicate-id',
]);

/** Schema check of one record. */
export function validateRecord(rec: SourceRecord): Diagnostic[] {
  const schema = SCHEMAS[rec.kind];
  if (!isObj(rec.value)) {
    return [diag(rec.file, 'error', 'not-a-mapping', `the file must hold a mapping of fields (key: value lines), found ${typeName(rec.value)}`)];
  }
  const result = schema.safeParse(rec.value);
  const out: Diagnostic[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) out.push(...fromIssue(rec.file, rec.kind, rec.value, issue, schema));
  }
  // Dates must be real days, not just the right shape.
  walkDates(rec.value, [], (path, v) => {
    if (!isRealDate(v)) out.push(diag(rec.file, 'error', 'bad-date', `${formatPath(path)}${hidesValues(rec.kind) ? '' : ` ${show(v)}`} is not a real date`, path));
  });
  return out;
}

/** Calls fn for every `date`, `review` or `consentDate` field shaped like a date; `path` is a stack reused on the way. */
function walkDates(v: unknown, path: PathSeg[], fn: (path: PathSeg[], v: string) => void): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x === null || typeof x !== 'object') continue;
      path.push(i);
      walkDates(x, path, fn);
      path.pop();
    }
  } else if (isObj(v)) {
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      const x = v[k];
      if ((k === 'date' || k === 'review' || k === 'consentDate') && typeof x === 'string' && DATE_PATTERN.test(x)) fn([...path, k], x);
      else if (x !== null && typeof x === 'object') {
        path.push(k);
        walkDates(x, path, fn);
        path.pop();
      }
    }
  }
}

export function isRealDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  // The pattern holds the month to 01–12 and the day to 01–31: only the month's length is left.
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** The ISO 4217 codes this runtime knows (Intl). */
export const CURRENCIES: ReadonlySet<string> = new Set<string>(
  typeof (Intl as any).supportedValuesOf === 'function' ? (Intl as any).supportedValuesOf('currency') : [],
);

/**
 * Validates a whole portfolio: every record's schema, then the rules across files.
 * Records whose `value` is undefined (unreadable) are skipped: the store reports those.
 */
export interface PortfolioCheckOptions {
  /**
   * The as-of date (YYYY-MM-DD) of checks that depend on the day (future-dated readings and
   * reviews, consent older than privacy.retainMonths); only `costar validate` gives one, so every
   * other command's diagnostics stay the same whatever the date.
   */
  asOf?: string;
}

export function validatePortfolio(records: SourceRecord[], opts: PortfolioCheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const manifestRec = records.find((r) => r.kind === 'manifest');
  for (const rec of records) if (rec.value !== undefined) out.push(...validateRecord(rec));

  const manifest = isObj(manifestRec?.value) ? manifestRec!.value : undefined;
  const cfg = resolveConfig(manifest);
  if (manifestRec && manifest) out.push(...checkManifest(manifestRec.file, manifest));

  // Ids: file names, mismatches, duplicates within each kind.
  const seen = new Map<string, string>();
  for (const rec of records) {
    if (rec.kind === 'manifest' || rec.stem === undefined) continue;
    if (!ID_PATTERN.test(rec.stem)) {
      out.push(diag(rec.file, 'error', 'bad-file-name', `file name "${rec.stem}" is not a valid id; rename the file to lower-case letters, digits and hyphens, e.g. "${slugify(rec.stem)}.yaml"`));
      continue;
    }
    if (isReservedName(rec.stem)) {
      out.push(diag(rec.file, 'error', 'reserved-id', `file name "${rec.stem}" is a name Windows reserves for a device, so the record cannot exist there; rename the file and its id, e.g. "${rec.stem}-1.yaml"`));
      continue;
    }
    const key = `${rec.kind}:${rec.stem}`;
    const other = seen.get(key);
    if (other) {
      out.push(diag(rec.file, 'error', 'duplicate-id', `id "${rec.stem}" is also used by ${other}; keep one file per id (.yaml and .yml count as the same)`));
    } else seen.set(key, rec.file);
    if (isObj(rec.value) && typeof rec.value.id === 'string' && rec.value.id !== rec.stem && ID_PATTERN.test(rec.value.id)) {
      out.push(diag(rec.file, 'error', 'id-mismatch', `id "${rec.value.id}" differs from the file name "${rec.stem}"; make them the same`, ['id']));
    }
  }

  const people = new Map<string, Record<string, any>>();
  for (const rec of records) if (rec.kind === 'person' && isObj(rec.value) && rec.stem) people.set(rec.stem, rec.value);
  const offered = new Set<string>();
  for (const p of people.values()) for (const s of arr(p.offers)) if (typeof s === 'string') offered.add(s);

  const areaIds = cfg.serviceAreas.map((a) => a.id);
  const wardIds = cfg.wards.map((w) => w.id);
  const peopleIds = [...people.keys()];
  const wardCheck = (file: string, path: PathSeg[], w: unknown, hide = false) => {
    if (typeof w !== 'string' || !ID_PATTERN.test(w) || wardIds.includes(w)) return;
    const guess = didYouMean(w, wardIds);
    out.push(
      diag(
        file,
        'error',
        'unknown-ward',
        `${hide ? 'the ward' : `ward "${w}"`} is not listed in costar.yaml${guess ? `; did you mean "${guess}"?` : '.'} ${wardIds.length ? `Known wards: ${wardIds.join(', ')}` : 'costar.yaml lists no wards: add it under wards:'}`,
        path,
      ),
    );
  };

  for (const rec of records) {
    if (!isObj(rec.value)) continue;
    const v = rec.value;
    if (rec.kind === 'person') {
      wardCheck(rec.file, ['ward'], v.ward, hidesValues(rec.kind));
      const retain = cfg.privacy.retainMonths;
      if (opts.asOf && retain !== null && typeof v.consentDate === 'string' && isRealDate(v.consentDate) && consentExpired(v.consentDate, retain, opts.asOf)) {
        const id = rec.stem && ID_PATTERN.test(rec.stem) ? rec.stem : String(v.id);
        out.push(
          diag(
            rec.file,
            'warning',
            'consent-expired',
            `consent dated ${v.consentDate} is more than ${retain} month${retain === 1 ? '' : 's'} old on ${opts.asOf} (privacy.retainMonths); renew the consent or erase the record with: costar people remove ${id} --yes`,
            ['consentDate'],
          ),
        );
      }
      continue;
    }
    if (rec.kind !== 'initiative') continue;
    const f = rec.file;
    if (typeof v.serviceArea === 'string' && ID_PATTERN.test(v.serviceArea) && !areaIds.includes(v.serviceArea)) {
      const guess = didYouMean(v.serviceArea, areaIds);
      out.push(
        diag(f, 'error', 'unknown-service-area', `service area "${v.serviceArea}" is not listed in costar.yaml${guess ? `; did you mean "${guess}"?` : '.'} Known service areas: ${areaIds.join(', ')}`, ['serviceArea']),
      );
    }
    arr(v.wards).forEach((w, i) => wardCheck(f, ['wards', i], w));
    const wards = arr(v.wards).filter((w) => typeof w === 'string');

    if (v.status === 'idea' && isObj(v.cos)) {
      for (const [co, entry] of Object.entries(v.cos)) {
        if (isObj(entry) && entry.level === 'established') {
          out.push(diag(f, 'warning', 'status-contradiction', `status is "idea" but ${co} is "established"; change the status (e.g. running) or the level (potential)`, ['status']));
        }
      }
    }

    const focus = isObj(v.focus) ? v.focus : {};
    if (isObj(focus.scores)) {
      const ids = cfg.criteria.map((c) => c.id);
      const [min, max] = cfg.scale;
      for (const [k, s] of Object.entries(focus.scores)) {
        if (!ids.includes(k)) {
          const guess = didYouMean(k, ids);
          out.push(diag(f, 'error', 'unknown-criterion', `"${clipKey(k)}" is not a criterion of this portfolio${guess ? `; did you mean "${guess}"?` : '.'} Criteria: ${ids.join(', ')}`, ['focus', 'scores', k], 'key'));
        } else if (typeof s === 'number' && Number.isInteger(s) && (s < min || s > max)) {
          out.push(diag(f, 'error', 'score-out-of-scale', `score ${s} for "${k}" is outside the scale ${min}–${max}; give a whole number from ${min} to ${max}`, ['focus', 'scores', k]));
        }
      }
    }
    if (isObj(focus.scores) || (Array.isArray(focus.ratings) && focus.ratings.length)) {
      // Scored means agreed in focus.scores or rated by someone (the median of the ratings counts).
      const ids = cfg.criteria.map((c) => c.id);
      const agreed = isObj(focus.scores) ? focus.scores : {};
      const rated = ratedScores(cfg, v as Pick<Initiative, 'focus'>);
      const missing = ids.filter((c) => !(c in agreed) && rated[c] === undefined);
      const scored = ids.length - missing.length;
      if (scored > 0 && missing.length > 0) {
        out.push(diag(f, 'warning', 'incomplete-scores', `${scored} of ${ids.length} criteria are scored; also score ${missing.join(', ')} to place it on the impact matrix`, isObj(focus.scores) ? ['focus', 'scores'] : ['focus', 'ratings'], 'key'));
      }
    }

    // Group scoring (ratings.ts): each rater once, by a label, on known criteria within the scale.
    for (const p of ratingRules(cfg, focus.ratings)) out.push(diag(f, p.severity, p.code, p.message, p.path, p.at));

    const bc = isObj(focus.businessCase) ? focus.businessCase : {};
    // The rules of each cost and benefit line live in lines.ts, shared with the commands that add lines.
    for (const list of ['costs', 'benefits'] as const) {
      arr(bc[list]).forEach((l, i) => {
        if (!isObj(l)) return;
        for (const p of lineRules(list, l, cfg.years, ['focus', 'businessCase', list, i])) out.push(diag(f, p.severity, p.code, p.message, p.path, p.at));
      });
    }

    for (const p of priceBaseRules(cfg, bc)) out.push(diag(f, p.severity, p.code, p.message, p.path, p.at));

    const ppl = isObj(v.people) ? v.people : {};
    arr(ppl.needs).forEach((n, i) => {
      if (!isObj(n)) return;
      const p: PathSeg[] = ['people', 'needs', i];
      if (typeof n.ward === 'string') {
        wardCheck(f, [...p, 'ward'], n.ward);
        if (wards.length && wardIds.includes(n.ward) && !wards.includes(n.ward)) {
          out.push(diag(f, 'warning', 'need-ward-outside', `need ${i + 1} is for ward "${n.ward}", which is not among the initiative's wards (${wards.join(', ')}); add the ward or change the need`, [...p, 'ward']));
        }
      }
      if (typeof n.skill === 'string' && !offered.has(n.skill)) {
        const guess = didYouMean(n.skill, [...offered]);
        out.push(diag(f, 'warning', 'skill-not-offered', `nobody in people/ offers "${n.skill}"${guess ? `; did you mean "${guess}"?` : '.'} Survey for it or check the spelling`, [...p, 'skill']));
      }
    });
    arr(ppl.contributors).forEach((c, i) => {
      if (typeof c !== 'string' || !ID_PATTERN.test(c)) return;
      const p: PathSeg[] = ['people', 'contributors', i];
      const person = people.get(c);
      if (!person) {
        const guess = didYouMean(c, peopleIds);
        out.push(diag(f, 'error', 'unknown-person', `contributor "${c}" has no people/${c}.yaml${guess ? `; did you mean "${guess}"?` : '; add the person or remove the id'}`, p));
        return;
      }
      if (person.consent !== true) {
        out.push(diag(f, 'warning', 'contributor-without-consent', `contributor "${c}" has not consented to be matched and contacted (consent: true); ask them or remove them`, p));
      }
      if (person.willingness === 'no') {
        out.push(diag(f, 'warning', 'contributor-unwilling', `contributor "${c}" says they are not willing (willingness: no); remove them or update their record`, p));
      }
    });

    const grow = isObj(v.grow) ? v.grow : {};
    const names = new Set<string>();
    arr(grow.indicators).forEach((ind, i) => {
      if (!isObj(ind) || typeof ind.name !== 'string') return;
      if (names.has(ind.name)) {
        out.push(diag(f, 'error', 'duplicate-indicator', `indicator "${ind.name}" is defined twice; give each indicator its own name`, ['grow', 'indicators', i, 'name']));
      }
      names.add(ind.name);
    });
    arr(grow.readings).forEach((r, i) => {
      if (!isObj(r) || typeof r.indicator !== 'string' || names.has(r.indicator)) return;
      const guess = didYouMean(r.indicator, [...names]);
      out.push(
        diag(f, 'error', 'unknown-indicator', `reading for "${r.indicator}", which is not one of this initiative's indicators${guess ? `; did you mean "${guess}"?` : '; add the indicator or correct the name'}`, ['grow', 'readings', i, 'indicator']),
      );
    });
    arr(grow.councillors).forEach((c, i) => isObj(c) && wardCheck(f, ['grow', 'councillors', i, 'ward'], c.ward));
    // Readings and reviews dated after the as-of date: recorded on purpose as planned
    // (--allow-future), or a typing slip; grow check does not count them until that day.
    if (opts.asOf) {
      const asOf = opts.asOf;
      const future = (path: PathSeg[], what: string, date: unknown) => {
        if (typeof date !== 'string' || !isRealDate(date) || date <= asOf) return;
        out.push(diag(f, 'warning', 'future-dated', `${what} is dated ${date}, after ${asOf}: grow check does not count it until then; correct the date if it is a slip`, path));
      };
      arr(grow.readings).forEach((r, i) => isObj(r) && future(['grow', 'readings', i, 'date'], `the reading of "${String(r.indicator)}"`, r.date));
      if (isObj(grow.review)) future(['grow', 'review', 'date'], 'the review', grow.review.date);
      arr(grow.reviews).forEach((r, i) => isObj(r) && future(['grow', 'reviews', i, 'date'], `review ${i + 1}`, r.date));
    }
  }
  return out;
}

function checkManifest(file: string, m: Record<string, any>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dup = (list: unknown, path: PathSeg[], what: string) => {
    const seen = new Set<string>();
    arr(list).forEach((x, i) => {
      const id = typeof x === 'string' ? x : isObj(x) ? x.id : undefined;
      if (typeof id !== 'string') return;
      if (seen.has(id)) out.push(diag(file, 'error', 'duplicate-id', `${what} "${id}" is listed twice; give each its own id`, typeof x === 'string' ? [...path, i] : [...path, i, 'id']));
      seen.add(id);
    });
  };
  dup(m.serviceAreas, ['serviceAreas'], 'service area');
  dup(m.wards, ['wards'], 'ward');
  const appraisal = isObj(m.appraisal) ? m.appraisal : {};
  if (typeof appraisal.currency === 'string' && /^[A-Z]{3}$/.test(appraisal.currency) && CURRENCIES.size && !CURRENCIES.has(appraisal.currency)) {
    out.push(diag(file, 'error', 'bad-currency', `currency "${appraisal.currency}" is not an ISO 4217 code; use e.g. GBP or EUR`, ['appraisal', 'currency']));
  }
  if (isObj(appraisal.deflators)) {
    for (const k of Object.keys(appraisal.deflators)) {
      const y = Number(k);
      if (/^\d+$/.test(k) && y >= 1900 && y <= 2100) continue;
      out.push(diag(file, 'error', 'out-of-range', `appraisal.deflators key "${k}" is not a year from 1900 to 2100; write each index under its year, e.g. 2025: 100`, ['appraisal', 'deflators', k], 'key'));
    }
  }
  const focus = isObj(m.focus) ? m.focus : {};
  if (Array.isArray(focus.scale) && focus.scale.length === 2 && focus.scale.every((x: unknown) => Number.isInteger(x)) && focus.scale[0] >= focus.scale[1]) {
    out.push(diag(file, 'error', 'bad-scale', `focus.scale must be [min, max] with min below max, found [${focus.scale.join(', ')}]`, ['focus', 'scale']));
  }
  if (Array.isArray(focus.criteria) && focus.criteria.length) {
    dup(focus.criteria, ['focus', 'criteria'], 'criterion');
    for (const axis of ['impact', 'ease']) {
      if (!focus.criteria.some((c: any) => isObj(c) && c.axis === axis)) {
        out.push(diag(file, 'error', 'axis-without-criteria', `focus.criteria has no criterion on the ${axis} axis; each axis needs at least one`, ['focus', 'criteria'], 'key'));
      }
    }
  }
  return out;
}
