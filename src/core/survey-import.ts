/**
 * Survey returns from a spreadsheet, pure: parsed CSV rows (the header first) and a column map
 * in, the person records they make and every problem of every row out. All or nothing: the
 * command writes only when there is no problem. No fs, no console; the file is read and the
 * records are committed by `costar people import`.
 *
 * Problems name a row (the header is row 1) and a column, never a cell's value: a column shifted
 * by a stray comma would otherwise print someone's name or contact.
 */
import { didYouMean } from './diagnostics.js';
import type { ErrorCode } from './errors-data.js';
import { EXIT } from './exit-codes.js';
import { orderRecord } from './key-order.js';
import { canonicalSkill, headerField, isPersonalField, nearMissSkill, parsePersonChoice, parseWard, parseYesNo, PERSON_FIELDS, personIdAllocator, splitList, type PersonField } from './people.js';
import type { Config } from './config.js';
import { plural } from './format.js';
import { validateRecord } from './validate.js';
import { recordIdProblem } from './vocab.js';
import { parseDate } from './values.js';

/** One row of the file as csv-parse gives it: its cells and its number (the header is 1). */
export interface CsvRow {
  row: number;
  cells: readonly string[];
}

export interface RowProblem {
  row: number;
  column: string;
  reason: string;
}

/** What the portfolio already holds, as far as an import needs it. */
export interface ImportContext {
  config: Pick<Config, 'wards'>;
  /** Every person file's id, valid or not: a new return never takes one. */
  existing: ReadonlySet<string>;
  /** The person records that pass their own checks, by id (the ones an update may change). */
  people: ReadonlyMap<string, Record<string, unknown>>;
  /** Skills the portfolio knows (knownSkills). */
  known: readonly string[];
}

export interface ImportOptions {
  /** Column (lower case) -> field; null ignores the column. */
  map?: ReadonlyMap<string, PersonField | null>;
  /** Skills accepted although they look like a slip for a known one. */
  newSkills?: ReadonlySet<string>;
  /** Rows whose id exists update that person instead of being refused. */
  update?: boolean;
  /** The file's name, for refusals that name it. */
  file?: string;
  /**
   * consentDate for rows that give consent (yes) but no consentDate: the day of the import. A
   * person who already has a consentDate keeps it unless the row gives another.
   */
  consentDate?: string;
}

/** The record of one row, and what writing it does. */
export interface ImportedRecord {
  row: number;
  id: string;
  /** The whole record as it will be (canonical key order for a new one). */
  record: Record<string, unknown>;
  action: 'add' | 'update' | 'unchanged';
  /** For an update: the fields that change, with their new values. */
  sets: Array<{ op: 'set'; path: [PersonField]; value: unknown }>;
}

/** A problem that stops the import before any row is read (the file's shape, or the map). */
export interface ImportRefusal {
  code: ErrorCode;
  message: string;
  hint?: string;
  exit: typeof EXIT.usage | typeof EXIT.failed;
}

export interface SurveyImport {
  records: ImportedRecord[];
  /** Every problem, by row and then by column; empty when the import may be written. */
  problems: RowProblem[];
  /** Rows giving a skill new to the portfolio (the first row of each such skill), ascending. */
  newSkillRows: number[];
  newSkills: number;
  refusal?: ImportRefusal;
}

/** An e-mail address or a phone number (five digits in a row): never printed as a column name. */
const looksLikeContact = (cell: string) => /@|\d{5}/.test(cell);

interface Column {
  name: string;
  field: PersonField | null;
}

/** The columns of the header and the problems of the header row, or a refusal. */
function readHeader(rows: readonly CsvRow[], map: ReadonlyMap<string, PersonField | null>, file: string): { columns: Column[]; problems: RowProblem[] } | ImportRefusal {
  const header = rows[0]!.cells;
  const fields = PERSON_FIELDS.join(', ');
  // A first row that names no field and holds an e-mail address or a phone number is a return,
  // not a header: say so without printing it.
  if (!map.size && !header.some((h) => headerField(h)) && header.some(looksLikeContact)) {
    return {
      code: 'csv-no-header',
      message: `${file}: row 1 is not a header row (none of its ${plural(header.length, 'cell')} names a field, and it holds contact details); nothing was imported`,
      hint: `Add a header row naming the fields, e.g. ${PERSON_FIELDS.slice(1, 6).join(',')}. Fields: ${fields}`,
      exit: EXIT.failed,
    };
  }
  const problems: RowProblem[] = [];
  const columns: Column[] = [];
  const seenField = new Map<PersonField, string>();
  header.forEach((h, c) => {
    // A header that looks like an e-mail address or a phone number is a return, not a name
    // (a file without a header row): the column is named by its number instead.
    const name = h.trim() === '' || looksLikeContact(h) ? `#${c + 1}` : h.trim();
    let field = map.has(name.toLowerCase()) ? map.get(name.toLowerCase()) : headerField(name);
    if (field === undefined) {
      if (h.trim() === '' && rows.slice(1).every((r) => (r.cells[c] ?? '').trim() === '')) field = null;
      else {
        const guess = didYouMean(name, PERSON_FIELDS);
        problems.push({ row: 1, column: name, reason: `"${name}" is not a field of a person${guess ? `; did you mean "${guess}"?` : '.'} Rename the column, or pass --map "${name}=<field>" (--map "${name}=" ignores it). Fields: ${fields}` });
        field = null;
      }
    }
    if (field) {
      const other = seenField.get(field);
      if (other !== undefined) problems.push({ row: 1, column: name, reason: `both "${other}" and "${name}" are read as ${field}; keep one, or ignore one with --map "${name}="` });
      seenField.set(field, name);
    }
    columns.push({ name, field });
  });
  for (const col of map.keys()) {
    if (!columns.some((c) => c.name.toLowerCase() === col)) {
      const guess = didYouMean(col, columns.map((c) => c.name));
      return {
        code: 'bad-value',
        message: `--map names a column "${col}" that the header does not have${guess ? `; did you mean "${guess}"?` : ''}`,
        hint: `Columns: ${columns.map((c) => c.name).join(', ')}`,
        exit: EXIT.usage,
      };
    }
  }
  return { columns, problems };
}

interface Row {
  row: number;
  id?: string;
  values: Partial<Record<PersonField, unknown>>;
}

/**
 * The records and problems of a survey file. `rows` are the parsed CSV rows, the header first;
 * an empty list is refused (the file needs a header).
 */
export function importSurvey(rows: readonly CsvRow[], ctx: ImportContext, opts: ImportOptions = {}): SurveyImport {
  const none: SurveyImport = { records: [], problems: [], newSkillRows: [], newSkills: 0 };
  const file = opts.file ?? 'the file';
  if (!rows.length) return { ...none, refusal: { code: 'csv-empty', message: `${file} is empty: it needs a header row naming the fields`, hint: `Fields: ${PERSON_FIELDS.join(', ')}`, exit: EXIT.failed } };
  const head = readHeader(rows, opts.map ?? new Map(), file);
  if ('code' in head) return { ...none, refusal: head };
  const { columns, problems } = head;
  const width = rows[0]!.cells.length;
  const newSkills = opts.newSkills ?? new Set<string>();
  /** Skills new to the portfolio, with the first row that gives each. */
  const fileSkills = new Map<string, number>();

  const read: Row[] = [];
  for (const { cells, row } of rows.slice(1)) {
    if (cells.every((cell) => cell.trim() === '')) continue; // a blank spreadsheet row
    if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
      problems.push({ row, column: `#${width + 1}`, reason: `the row has ${cells.length} cells but the header names ${width} columns; quote cells that hold commas` });
    }
    const r: Row = { row, values: {} };
    columns.forEach((col, c) => {
      const f = col.field;
      const cell = (cells[c] ?? '').trim();
      if (!f || cell === '') return;
      const bad = (reason: string) => problems.push({ row, column: col.name, reason });
      const take = <T>(p: { ok: true; value: T } | { ok: false; message: string }, put: (v: T) => void) => (p.ok ? put(p.value) : bad(p.message));
      switch (f) {
        case 'id': {
          const problem = recordIdProblem(cell);
          if (problem) bad(`the value ${problem}`);
          else r.id = cell;
          break;
        }
        case 'name':
        case 'contact':
          r.values[f] = cell.replace(/\r\n?/g, '\n');
          break;
        case 'kind':
        case 'willingness':
          take(parsePersonChoice(f, cell), (v) => (r.values[f] = v));
          break;
        case 'ward':
          take(parseWard(cell, ctx.config, 'the value', false), (v) => (r.values.ward = v));
          break;
        case 'consent':
        case 'under18':
          take(parseYesNo(cell), (v) => (r.values[f] = v));
          break;
        case 'consentDate': {
          const d = parseDate(cell);
          // Like every cell of a return, the value is not echoed.
          if (d.ok) r.values.consentDate = d.value;
          else bad('the value is not a real date; write the day consent was given as 2027-06-30 or 30/06/2027 (day/month/year)');
          break;
        }
        case 'availability': {
          const out: string[] = [];
          for (const a of splitList(cell)) {
            const p = parsePersonChoice('availability', a, 'an item');
            if (p.ok) out.push(p.value);
            else bad(p.message);
          }
          r.values.availability = [...new Set(out)];
          break;
        }
        case 'offers':
        case 'wants': {
          const out: string[] = [];
          for (const raw of splitList(cell)) {
            const s = canonicalSkill(raw, ctx.known);
            const near = newSkills.has(s) ? undefined : nearMissSkill(s, ctx.known);
            if (near) bad(`a skill is used nowhere else in this portfolio; did you mean "${near}"? (if it is a new skill, pass it with --new-skill)`);
            else {
              out.push(s);
              if (!ctx.known.includes(s) && !fileSkills.has(s)) fileSkills.set(s, row);
            }
          }
          r.values[f] = [...new Set(out)];
          break;
        }
        case 'checks':
          r.values.checks = splitList(cell);
          break;
      }
    });
    read.push(r);
  }

  const records = toRecords(read, columns, ctx, Boolean(opts.update), problems, opts.consentDate);
  const order = (name: string) => columns.findIndex((c) => c.name === name);
  problems.sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
  return { records, problems, newSkillRows: [...new Set(fileSkills.values())].sort((a, b) => a - b), newSkills: fileSkills.size };
}

/** Ids (duplicates in the file, clashes with people already surveyed, fresh ones), then records. */
function toRecords(rows: readonly Row[], columns: readonly Column[], ctx: ImportContext, update: boolean, problems: RowProblem[], consentDate?: string): ImportedRecord[] {
  const { existing, people } = ctx;
  const firstRow = new Map<string, number>();
  const idColumn = columns.find((c) => c.field === 'id')?.name ?? 'id';
  for (const r of rows) {
    if (!r.id) continue;
    const before = firstRow.get(r.id);
    if (before !== undefined) problems.push({ row: r.row, column: idColumn, reason: `id ${r.id} is also on row ${before}; give each return its own id` });
    else firstRow.set(r.id, r.row);
    if (existing.has(r.id) && !update && before === undefined) {
      problems.push({ row: r.row, column: idColumn, reason: `id ${r.id} already exists (people/${r.id}.yaml); pass --update to update existing people, or remove the id to add a new person` });
    } else if (existing.has(r.id) && !people.has(r.id) && before === undefined) {
      problems.push({ row: r.row, column: idColumn, reason: `people/${r.id}.yaml has errors of its own, so it cannot be updated; fix it first (costar validate)` });
    }
  }
  const freshId = personIdAllocator(existing, new Set(firstRow.keys()));
  // Rows with problems so far; checkRecord below adds only to the row it checks.
  const badRows = new Set(problems.map((x) => x.row));
  const out: ImportedRecord[] = [];
  for (const r of rows) {
    const id = r.id ?? freshId();
    const known = r.id !== undefined && existing.has(r.id) ? (people.get(r.id) ?? {}) : {};
    if (consentDate && r.values.consent === true && r.values.consentDate === undefined && known.consentDate === undefined) r.values.consentDate = consentDate;
    const check = (rec: Record<string, unknown>) => (badRows.has(r.row) ? undefined : checkRecord(rec, r.row, columns, problems));
    if (r.id === undefined || !existing.has(r.id)) {
      const record = orderRecord('person', { ...r.values, id } as Record<string, unknown>, { dropEmpty: true });
      check(record);
      out.push({ row: r.row, id, record, action: 'add', sets: [] });
      continue;
    }
    const current = people.get(id) ?? {};
    const record: Record<string, unknown> = { ...current };
    const sets: ImportedRecord['sets'] = [];
    for (const f of PERSON_FIELDS) {
      const v = r.values[f];
      // An empty cell leaves the field as it is: blanks in an export never erase data.
      if (f === 'id' || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      if (!sameValue(current[f], v)) {
        sets.push({ op: 'set', path: [f], value: v });
        record[f] = v;
      }
    }
    check(record);
    out.push({ row: r.row, id, record, action: sets.length ? 'update' : 'unchanged', sets });
  }
  return out;
}

/** Values of a person's fields (text, boolean, list of text) compared by content. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** The schema's own checks on a row's record, reported against the row's columns. */
function checkRecord(rec: Record<string, unknown>, row: number, columns: readonly Column[], problems: RowProblem[]): void {
  const id = String(rec.id);
  for (const d of validateRecord({ file: `people/${id}.yaml`, kind: 'person', stem: id, value: rec })) {
    if (d.severity !== 'error') continue;
    const field = typeof d.path?.[0] === 'string' ? d.path[0] : 'id';
    const column = columns.find((c) => c.field === field)?.name ?? field;
    problems.push({ row, column, reason: isPersonalField(field) ? `the value is not valid (${d.code})` : d.message });
  }
}
