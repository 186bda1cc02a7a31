/**
 * `costar people`: People it. Survey entry (add, import), erasure (remove) and matching (match).
 * Personal data (name, contact) is written to the files but never printed unless the user asks
 * with --include-personal; messages name people by id only.
 */
import { orderRecord } from '../../core/key-order.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { plural } from '../render.js';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Config } from '../../core/config.js';
import { didYouMean, editDistance } from '../../core/diagnostics.js';
import { CostarError, EXIT, usageError } from '../../core/errors.js';
import { matchDetail, type MatchDetail } from '../../core/match.js';
import { PERSONAL_FIELDS, type Person } from '../../core/schema.js';
import { validateRecord } from '../../core/validate.js';
import { AVAILABILITY, PERSON_KINDS, recordIdProblem, WILLINGNESS } from '../../core/vocab.js';
import type { EditOp } from '../../store/edit.js';
import { readRegular } from '../../store/fsafe.js';
import { findPortfolio, loadPortfolio, loadValidPortfolio, type Portfolio } from '../../store/portfolio.js';
import { checkRecordId, invalidFiles, takenIds } from '../records.js';

/** The largest survey file costar imports (100,000 rows take about 6 MiB). */
const CSV_LIMIT = 64 * 1024 * 1024;
import { commit, type Change } from '../../store/write.js';
import { loadPrompts, type Prompts } from '../ask.js';
import { checkChoice } from '../check-values.js';
import { isPromptExit } from '../exit.js';
import type { Io } from '../io.js';
import type { CommandContext } from '../program.js';

/** The fields of a person record (SPEC 4) in the order files and tables show them. */
export const PERSON_FIELDS = ['id', 'kind', 'name', 'contact', 'ward', 'consent', 'willingness', 'under18', 'offers', 'wants', 'availability', 'checks'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
const LIST_FIELDS: readonly PersonField[] = ['offers', 'wants', 'availability', 'checks'];
const BOOL_FIELDS: readonly PersonField[] = ['consent', 'under18'];
const isPersonal = (f: string) => (PERSONAL_FIELDS as readonly string[]).includes(f);

const WILLINGNESS_LABELS: Record<string, string> = {
  already: 'already — does it now',
  more: 'more — would do more',
  maybe: 'maybe',
  no: 'no — does not want to take part',
};

// ---------------------------------------------------------------- shared helpers

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

/** Every skill the portfolio knows: offered or wanted by someone, or asked for by a need. */
export function knownSkills(p: Pick<Portfolio, 'people' | 'initiatives'>): string[] {
  const s = new Set<string>();
  for (const person of p.people) for (const x of [...(person.offers ?? []), ...(person.wants ?? [])]) if (typeof x === 'string') s.add(x);
  for (const i of p.initiatives) for (const n of i.people?.needs ?? []) if (typeof n?.skill === 'string') s.add(n.skill);
  return [...s].sort(cmp);
}

const slug = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');

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

/** A ward by id or label, case and spacing ignored ("St Mary's" -> st-marys). */
export function resolveWard(raw: string, config: Pick<Config, 'wards'>): string | undefined {
  const t = raw.trim();
  const exact = config.wards.find((w) => w.id === t);
  if (exact) return exact.id;
  const s = slug(t).replace(/[^a-z0-9-]/g, '');
  return config.wards.find((w) => w.id === s || slug(w.label).replace(/[^a-z0-9-]/g, '') === s)?.id;
}

function wardError(flagOrColumn: string, raw: string, config: Pick<Config, 'wards'>, echo = true): string {
  const ids = config.wards.map((w) => w.id);
  const guess = didYouMean(raw.trim(), [...ids, ...config.wards.map((w) => w.label)]);
  const id = guess === undefined ? undefined : (config.wards.find((w) => w.id === guess || w.label === guess)?.id ?? guess);
  return `${flagOrColumn}${echo ? ` ${JSON.stringify(raw)}` : ''} is not a ward of this portfolio${id ? `; did you mean "${id}"?` : '.'} ${ids.length ? `Wards: ${ids.join(', ')}` : 'costar.yaml lists no wards.'}`;
}

/** Yes/no in the forms surveys and spreadsheets use. */
export function parseBool(raw: string): boolean | undefined {
  const t = raw.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(t)) return true;
  if (['false', 'no', 'n', '0'].includes(t)) return false;
  return undefined;
}

/** List cells and flags: items separated by ; (or commas, or line breaks), trimmed, once each. */
export function splitList(raw: string | readonly string[] | undefined): string[] {
  if (raw === undefined) return [];
  const parts = (typeof raw === 'string' ? [raw] : raw).flatMap((x) => x.split(/[;,\r\n]+/));
  return [...new Set(parts.map((x) => x.trim()).filter(Boolean))];
}

/** A person's fields as SPEC 4 lists them, without undefined values or empty lists. */
const ordered = (rec: Record<string, unknown>): Record<string, unknown> => orderRecord('person', rec, { dropEmpty: true });

/** What a record holds, without any personal value: "individual · abbey · consent · offers cooking". */
function describe(rec: Record<string, any>): string {
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

async function makeTable(io: Io, head: string[], colAligns?: Array<'left' | 'center' | 'right'>) {
  const { default: Table } = await import('cli-table3');
  return new Table({
    head: head.map((h) => io.c.bold(h)),
    ...(colAligns ? { colAligns } : {}),
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    style: io.color ? { head: [], border: ['grey'] } : { head: [], border: [] },
  });
}

// ---------------------------------------------------------------- people add

/** Builds a person from flags; every value is checked as a typed answer would be (exit 2). */
function personFromFlags(opts: Record<string, any>, p: Portfolio, io: Io): Record<string, unknown> {
  const rec: Record<string, unknown> = {};
  if (opts.id !== undefined) {
    checkRecordId(String(opts.id), '--id');
    if (p.fileOf('person', opts.id)) throw usageError('id-exists', `--id ${opts.id}: people/${opts.id}.yaml already exists`, `Change it with: costar set people/${opts.id} <field>=<value>`);
    rec.id = opts.id;
  }
  if (opts.kind !== undefined) rec.kind = checkChoice(opts.kind, PERSON_KINDS, '--kind', 'a kind of contributor');
  if (opts.name !== undefined && String(opts.name).trim() !== '') rec.name = String(opts.name).trim();
  if (opts.contact !== undefined && String(opts.contact).trim() !== '') rec.contact = String(opts.contact).trim();
  if (opts.ward !== undefined) {
    const w = resolveWard(opts.ward, p.config);
    if (!w) throw usageError('unknown-ward', wardError('--ward', opts.ward, p.config));
    rec.ward = w;
  }
  if (opts.consent !== undefined) rec.consent = Boolean(opts.consent);
  if (opts.willingness !== undefined) rec.willingness = checkChoice(opts.willingness, WILLINGNESS, '--willingness', 'a willingness');
  if (opts.under18) rec.under18 = true;
  const known = knownSkills(p);
  for (const [flag, field] of [
    ['--offer', 'offers'],
    ['--want', 'wants'],
  ] as const) {
    const list = splitList(opts[field === 'offers' ? 'offer' : 'want']).map((s) => canonicalSkill(s, known));
    for (const s of list) {
      const near = nearMissSkill(s, known);
      if (near) io.err(`${io.ce.yellow('warning')}  ${flag} "${s}" is new to this portfolio; did you mean "${near}"? (kept as given)\n`);
    }
    if (list.length) rec[field] = list;
  }
  const avail = splitList(opts.availability).map((a) => checkChoice(a, AVAILABILITY, '--availability', 'a time of availability'));
  if (avail.length) rec.availability = avail;
  const checks = splitList(opts.check);
  if (checks.length) rec.checks = checks;
  return rec;
}

const FIELD_FLAGS = ['id', 'kind', 'name', 'contact', 'ward', 'consent', 'willingness', 'under18', 'offer', 'want', 'availability', 'check'];

export async function runAdd(ctx: CommandContext): Promise<number> {
  const { io, global, opts } = ctx;
  const root = findPortfolio(io.cwd, global.portfolio);
  const given = FIELD_FLAGS.filter((f) => opts[f] !== undefined);
  if (!given.length && io.canPrompt) return survey(io, root);
  if (!given.length) {
    throw usageError(
      'missing-value',
      'nothing to add: give the return\'s fields as flags, e.g. --ward abbey --consent --willingness more --offer cooking',
      io.env.CI ? 'Prompts are off because CI is set; see: costar people add --help' : 'At a terminal, costar people add with no flags asks for each field.',
    );
  }
  const p = loadPortfolio(root, { forChange: true });
  const rec = personFromFlags(opts, p, io);
  rec.id ??= nextPersonId(takenIds(p, 'person'));
  const id = rec.id as string;
  commit(p, [{ kind: 'person', id, create: ordered(rec) }], { invalidExit: EXIT.usage });
  io.err(`${io.ce.green('✔')} Added people/${id}.yaml  ${io.ce.dim(describe(rec))}\n`);
  if (rec.consent !== true) io.err(`${io.ce.dim('note:')} without consent (--consent) ${id} is never matched or paired.\n`);
  io.out(`${id}\n`);
  return EXIT.ok;
}

/** Interactive survey entry: one return after another, each saved only once confirmed. */
async function survey(io: Io, root: string): Promise<number> {
  const ask = await loadPrompts();
  let saved = 0;
  io.err(`${io.c.bold('Survey entry')} ${io.c.dim('· type in one return after another; Ctrl-C stops (the return being typed is discarded)')}\n`);
  try {
    for (;;) {
      const p = loadPortfolio(root);
      const rec = await askReturn(ask, io, p, saved + 1);
      const id = rec.id as string;
      io.err(`\n  ${io.c.bold(id)}  ${describe(rec)}\n`);
      if (await ask.confirm({ message: 'Save this return?', default: true })) {
        commit(p, [{ kind: 'person', id, create: ordered(rec) }], { invalidExit: EXIT.usage });
        saved++;
        io.err(`${io.ce.green('✔')} Wrote people/${id}.yaml\n`);
      } else io.err(`${io.ce.yellow('Discarded')} ${id}; nothing was written for it.\n`);
      if (!(await ask.confirm({ message: 'Type in another return?', default: true }))) break;
    }
  } catch (e) {
    if (!isPromptExit(e)) throw e;
    io.err(
      saved
        ? `${io.ce.yellow('Cancelled')}: the return being typed was discarded; the ${plural(saved, 'return')} saved before ${saved === 1 ? 'is' : 'are'} kept.\n`
        : `${io.ce.yellow('Cancelled')}: nothing was changed.\n`,
    );
    return EXIT.cancelled;
  }
  io.err(`${plural(saved, 'return')} saved. Next: costar people match — who could fill which need\n`);
  return EXIT.ok;
}

async function askReturn(ask: Prompts, io: Io, p: Portfolio, n: number): Promise<Record<string, unknown>> {
  const id = nextPersonId(takenIds(p, 'person'));
  io.err(`\n${io.c.bold(`Return ${n}`)} ${io.c.dim(`(will be ${id})`)}\n`);
  const rec: Record<string, unknown> = { id };
  rec.kind = await ask.select({ message: 'Kind', choices: PERSON_KINDS.map((k) => ({ name: k, value: k })), default: 'individual' });
  const name = (await ask.input({ message: 'Name (personal data; leave blank if not given)' })).trim();
  if (name) rec.name = name;
  const contact = (await ask.input({ message: 'Contact, e.g. email or phone (personal data; blank if none)' })).trim();
  if (contact) rec.contact = contact;
  if (p.config.wards.length) {
    const none = '\u0000none';
    const choices = [...p.config.wards.map((w) => ({ name: slug(w.label) === w.id ? w.label : `${w.label} (${w.id})`, value: w.id })), { name: 'not given', value: none }];
    const ward =
      choices.length > 12
        ? await ask.search({
            message: 'Ward (type to search)',
            source: (term: string | undefined) => choices.filter((c) => !term || c.name.toLowerCase().includes(term.toLowerCase())),
          })
        : await ask.select({ message: 'Ward', choices, pageSize: 12 });
    if (ward !== none) rec.ward = ward;
  }
  rec.consent = await ask.confirm({ message: 'Agreed to be matched and contacted?', default: false });
  const will = await ask.select({
    message: 'Willingness',
    choices: [...WILLINGNESS.map((w) => ({ name: WILLINGNESS_LABELS[w]!, value: w })), { name: 'not stated', value: '' }],
    default: 'maybe',
  });
  if (will) rec.willingness = will;
  if (await ask.confirm({ message: 'Under 18?', default: false })) rec.under18 = true;
  const known = knownSkills(p);
  const hint = known.length ? ` e.g. ${known.slice(0, 4).join(', ')}` : '';
  for (const [field, message] of [
    ['offers', `Skills or assets offered (separate with commas;${hint})`],
    ['wants', 'Would like to learn or receive (separate with commas)'],
  ] as const) {
    const list: string[] = [];
    for (const raw of splitList(await ask.input({ message }))) {
      let s = canonicalSkill(raw, known);
      const near = nearMissSkill(s, known);
      if (near) {
        s = await ask.select({ message: `"${s}" is new here. Did you mean "${near}"?`, choices: [{ name: `Yes, ${near}`, value: near }, { name: `No, keep "${s}"`, value: s }] });
      }
      if (!list.includes(s)) list.push(s);
    }
    if (list.length) rec[field] = list;
  }
  const avail = await ask.checkbox({ message: 'Available (space to pick)', choices: AVAILABILITY.map((a) => ({ name: a, value: a })) });
  if (avail.length) rec.availability = avail;
  const checks = splitList(await ask.input({ message: 'Safeguarding checks held, e.g. dbs (blank if none)' }));
  if (checks.length) rec.checks = checks;
  return rec;
}

/** `costar people`: the interactive menu of People it. */
export async function run(ctx: CommandContext): Promise<number> {
  const { io, global } = ctx;
  if (!io.canPrompt) {
    throw usageError('not-interactive', 'costar people is interactive and needs a terminal', 'Unattended: costar people add | import <file.csv> | remove <id> | match [--json] [--write]');
  }
  const root = findPortfolio(io.cwd, global.portfolio);
  const ask = await loadPrompts();
  for (;;) {
    const p = loadPortfolio(root);
    const d = matchDetail(p.config, p.initiatives, p.people);
    const open = d.unfilled.reduce((s, u) => s + u.missing, 0);
    io.err(`\n${io.c.bold(p.config.name)} · ${plural(p.people.length, 'person', 'people')} surveyed · ${plural(open, 'slot')} of needs open · ${plural(d.assignments.length, 'proposal')}\n`);
    let choice: string;
    try {
      choice = await ask.select({
        message: 'What now?',
        choices: [
          { name: 'Type in survey returns', value: 'survey' },
          { name: 'Show proposals, skill swaps and open needs', value: 'match' },
          ...(d.assignments.length ? [{ name: `Record the ${plural(d.assignments.length, 'proposal')} as contributors`, value: 'write' }] : []),
          { name: 'Done', value: 'done' },
        ],
      });
    } catch (e) {
      if (isPromptExit(e)) {
        io.err(`${io.ce.yellow('Cancelled')}: nothing was changed.\n`);
        return EXIT.cancelled;
      }
      throw e;
    }
    if (choice === 'done') break;
    if (choice === 'survey') {
      const code = await survey(io, root);
      if (code !== EXIT.ok) return code;
    } else if (choice === 'match') {
      io.out(await renderMatch(io, p, d, false));
    } else if (choice === 'write') {
      writeProposals(io, p, d, false);
    }
  }
  io.err('Next: costar market — incentives and a charter for the people you found\n');
  return EXIT.ok;
}

// ---------------------------------------------------------------- people import

interface RowProblem {
  row: number;
  column: string;
  reason: string;
}

/** An e-mail address or a phone number (five digits in a row): never printed as a column name. */
const looksLikeContact = (cell: string) => /@|\d{5}/.test(cell);

/** Header text -> field: exact field names, case, spaces, hyphens and singulars forgiven. */
function headerField(header: string): PersonField | undefined {
  const h = header.trim().toLowerCase().replace(/[\s_-]+/g, '');
  const alias: Record<string, PersonField> = { offer: 'offers', want: 'wants', check: 'checks', under18s: 'under18' };
  return (PERSON_FIELDS as readonly string[]).find((f) => f.toLowerCase() === h) as PersonField | undefined ?? alias[h];
}

export async function runImport(ctx: CommandContext): Promise<number> {
  const { io, global, opts, args } = ctx;
  const file = String(args[0]);
  const abs = resolve(io.cwd, file);
  if (!existsSync(abs)) throw usageError('no-file', `${file} does not exist`, 'Give the path of a CSV file exported from the survey, e.g. costar people import returns.csv');
  if (statSync(abs).isDirectory()) throw usageError('no-file', `${file} is a folder, not a CSV file`);

  // --map <column>=<field>; an empty field (or -) ignores the column.
  const mapping = new Map<string, PersonField | null>();
  for (const raw of (opts.map ?? []) as string[]) {
    const i = raw.lastIndexOf('=');
    if (i <= 0) throw usageError('bad-value', `--map ${JSON.stringify(raw)} is not of the form <column>=<field>`, 'For example: --map "Home ward=ward" --map Timestamp=   (an empty field ignores the column)');
    const column = raw.slice(0, i).trim();
    const field = raw.slice(i + 1).trim();
    if (field === '' || field === '-') {
      mapping.set(column.toLowerCase(), null);
      continue;
    }
    const f = headerField(field);
    if (!f) {
      const guess = didYouMean(field, PERSON_FIELDS);
      throw usageError('bad-value', `--map ${JSON.stringify(raw)}: "${field}" is not a field of a person${guess ? `; did you mean "${guess}"?` : ''}`, `Fields: ${PERSON_FIELDS.join(', ')}`);
    }
    mapping.set(column.toLowerCase(), f);
  }
  const newSkills = new Set(splitList(opts.newSkill));

  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  // Only a regular file of sensible size: a pipe or a device would hang or exhaust memory.
  const got = readRegular(abs, CSV_LIMIT);
  if ('problem' in got) {
    throw new CostarError('unreadable-file', `${file} cannot be imported: it is ${got.problem === 'unreadable' ? `unreadable (${got.detail})` : got.detail}`, {
      hint: got.problem === 'too-large' ? `costar imports files up to ${CSV_LIMIT / 1048576} MiB; split the survey into parts.` : 'Give the path of a CSV file.',
    });
  }
  const bytes = got.bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CostarError('not-utf8', `${file} is not UTF-8 text`, { hint: 'Save it again as "CSV UTF-8" (Excel) or with UTF-8 encoding, then import it.' });
  }
  const { parse } = await import('csv-parse/sync');
  let records: Array<{ record: string[]; info: { records: number } }>;
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as any;
  } catch (e) {
    const err = e as Error & { code?: string; records?: number; lines?: number };
    const row = err.records !== undefined ? err.records + 1 : undefined;
    throw new CostarError('csv-syntax', `${file}${row ? `, row ${row}` : ''}: the file is not valid CSV: ${err.message.split(':')[0]}`, {
      hint: 'A quote left open swallows the rest of the file; check the row named and the rows after it.',
    });
  }
  if (!records.length) throw new CostarError('csv-empty', `${file} is empty: it needs a header row naming the fields`, { hint: `Fields: ${PERSON_FIELDS.join(', ')}` });

  const problems: RowProblem[] = [];
  const header = records[0]!.record;
  // A first row that names no field and holds an e-mail address or a phone number is a return,
  // not a header: say so without printing it.
  if (!mapping.size && !header.some((h) => headerField(h)) && header.some(looksLikeContact)) {
    throw new CostarError('csv-no-header', `${file}: row 1 is not a header row (none of its ${plural(header.length, 'cell')} names a field, and it holds contact details); nothing was imported`, {
      hint: `Add a header row naming the fields, e.g. ${PERSON_FIELDS.slice(1, 6).join(',')}. Fields: ${PERSON_FIELDS.join(', ')}`,
    });
  }
  const columns: Array<{ name: string; field: PersonField | null }> = [];
  const seenField = new Map<PersonField, string>();
  header.forEach((h, c) => {
    // A header that looks like an e-mail address or a phone number is a return, not a name
    // (a file without a header row): the column is named by its number instead.
    const name = h.trim() === '' || looksLikeContact(h) ? `#${c + 1}` : h.trim();
    let field: PersonField | null | undefined = mapping.has(name.toLowerCase()) ? mapping.get(name.toLowerCase()) : headerField(name);
    if (field === undefined) {
      if (h.trim() === '' && records.slice(1).every((r) => (r.record[c] ?? '').trim() === '')) field = null;
      else {
        const guess = didYouMean(name, PERSON_FIELDS);
        problems.push({ row: 1, column: name, reason: `"${name}" is not a field of a person${guess ? `; did you mean "${guess}"?` : '.'} Rename the column, or pass --map "${name}=<field>" (--map "${name}=" ignores it). Fields: ${PERSON_FIELDS.join(', ')}` });
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
  for (const col of mapping.keys()) {
    if (!columns.some((c) => c.name.toLowerCase() === col)) {
      const guess = didYouMean(col, columns.map((c) => c.name));
      throw usageError('bad-value', `--map names a column "${col}" that the header does not have${guess ? `; did you mean "${guess}"?` : ''}`, `Columns: ${columns.map((c) => c.name).join(', ')}`);
    }
  }

  const known = knownSkills(p);
  /** Skills new to the portfolio, with the first row that gives each. */
  const fileSkills = new Map<string, number>();
  // Every person file's id, valid or not, so a new return never takes one.
  const existing = takenIds(p, 'person');
  const byId = new Map(p.people.map((x) => [x.id, x as Record<string, unknown>]));
  interface Row {
    row: number;
    id?: string;
    values: Partial<Record<PersonField, unknown>>;
  }
  const rows: Row[] = [];
  for (const { record, info } of records.slice(1)) {
    const row = info.records;
    if (record.every((cell) => cell.trim() === '')) continue; // a blank spreadsheet row
    if (record.length > header.length && record.slice(header.length).some((c) => c.trim() !== '')) {
      problems.push({ row, column: `#${header.length + 1}`, reason: `the row has ${record.length} cells but the header names ${header.length} columns; quote cells that hold commas` });
    }
    const r: Row = { row, values: {} };
    columns.forEach((col, c) => {
      if (!col.field) return;
      const f = col.field;
      const cell = (record[c] ?? '').trim();
      if (cell === '') return;
      const bad = (reason: string) => problems.push({ row, column: col.name, reason });
      switch (f) {
        case 'id':
          {
            const problem = recordIdProblem(cell);
            if (problem) bad(`the value ${problem}`);
            else r.id = cell;
          }
          break;
        case 'name':
        case 'contact':
          r.values[f] = cell.replace(/\r\n?/g, '\n');
          break;
        case 'kind': {
          const v = cell.toLowerCase();
          if ((PERSON_KINDS as readonly string[]).includes(v)) r.values.kind = v;
          else {
            const guess = didYouMean(v, PERSON_KINDS);
            bad(`the value is not a kind${guess ? `; did you mean "${guess}"?` : '.'} Kinds: ${PERSON_KINDS.join(', ')}`);
          }
          break;
        }
        case 'willingness': {
          const v = cell.toLowerCase();
          if ((WILLINGNESS as readonly string[]).includes(v)) r.values.willingness = v;
          else {
            const guess = didYouMean(v, WILLINGNESS);
            bad(`the value is not a willingness${guess ? `; did you mean "${guess}"?` : '.'} Use: ${WILLINGNESS.join(', ')}`);
          }
          break;
        }
        case 'ward': {
          const w = resolveWard(cell, p.config);
          if (w) r.values.ward = w;
          else bad(wardError('the value', cell, p.config, false));
          break;
        }
        case 'consent':
        case 'under18': {
          const b = parseBool(cell);
          if (b === undefined) bad('the value is not yes or no (true/false, yes/no, y/n, 1/0 are read)');
          else r.values[f] = b;
          break;
        }
        case 'availability': {
          const out: string[] = [];
          for (const a of splitList(cell)) {
            const v = slug(a);
            if ((AVAILABILITY as readonly string[]).includes(v)) out.push(v);
            else {
              const guess = didYouMean(v, AVAILABILITY);
              bad(`an item is not a time of availability${guess ? `; did you mean "${guess}"?` : '.'} Use: ${AVAILABILITY.join(', ')}`);
            }
          }
          r.values.availability = [...new Set(out)];
          break;
        }
        case 'offers':
        case 'wants': {
          const out: string[] = [];
          for (const raw of splitList(cell)) {
            const s = canonicalSkill(raw, known);
            const near = newSkills.has(s) ? undefined : nearMissSkill(s, known);
            if (near) bad(`a skill is used nowhere else in this portfolio; did you mean "${near}"? (if it is a new skill, pass it with --new-skill)`);
            else {
              out.push(s);
              if (!known.includes(s) && !fileSkills.has(s)) fileSkills.set(s, row);
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
    rows.push(r);
  }

  // Ids: duplicates in the file, clashes with people already surveyed, then fresh ids.
  const firstRow = new Map<string, number>();
  const idColumn = columns.find((c) => c.field === 'id')?.name ?? 'id';
  for (const r of rows) {
    if (!r.id) continue;
    const before = firstRow.get(r.id);
    if (before !== undefined) problems.push({ row: r.row, column: idColumn, reason: `id ${r.id} is also on row ${before}; give each return its own id` });
    else firstRow.set(r.id, r.row);
    if (existing.has(r.id) && !opts.update && before === undefined) {
      problems.push({ row: r.row, column: idColumn, reason: `id ${r.id} already exists (people/${r.id}.yaml); pass --update to update existing people, or remove the id to add a new person` });
    } else if (existing.has(r.id) && !byId.has(r.id) && before === undefined) {
      problems.push({ row: r.row, column: idColumn, reason: `people/${r.id}.yaml has errors of its own, so it cannot be updated; fix it first (costar validate)` });
    }
  }
  const freshId = personIdAllocator(existing, new Set(firstRow.keys()));
  // Rows with problems so far; checkRecord below adds only to the row it checks.
  const badRows = new Set(problems.map((x) => x.row));
  const changes: Change[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const finals: Array<Record<string, unknown>> = [];
  for (const r of rows) {
    const isUpdate = r.id !== undefined && existing.has(r.id);
    let id = r.id;
    id ??= freshId();
    const rowBad = badRows.has(r.row);
    if (!isUpdate) {
      const rec = ordered({ ...r.values, id });
      finals.push(rec);
      if (!rowBad) checkRecord(rec, r, columns, problems);
      changes.push({ kind: 'person', id, create: rec });
      added++;
      continue;
    }
    const current = byId.get(id) ?? {};
    const next: Record<string, unknown> = { ...current };
    const ops: EditOp[] = [];
    for (const f of PERSON_FIELDS) {
      const v = r.values[f];
      // An empty cell leaves the field as it is: blanks in an export never erase data.
      if (f === 'id' || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      if (!isDeepStrictEqual(current[f], v)) {
        ops.push({ op: 'set', path: [f], value: v });
        next[f] = v;
      }
    }
    finals.push(next);
    if (!rowBad) checkRecord(next, r, columns, problems);
    if (ops.length) {
      changes.push({ kind: 'person', id, edit: ops });
      updated++;
    } else unchanged++;
  }

  if (problems.length) {
    problems.sort((a, b) => a.row - b.row || columns.findIndex((c) => c.name === a.column) - columns.findIndex((c) => c.name === b.column));
    const badRows = new Set(problems.map((x) => x.row)).size;
    for (const x of problems) io.err(`${file}: row ${x.row}, column ${x.column}: ${x.reason}\n`);
    throw new CostarError('bad-rows', `nothing was imported: ${plural(badRows, 'row has', 'rows have')} problems (${plural(problems.length, 'problem')} above; the header is row 1)`, {
      hint: 'Correct the file and import it again; every row is checked before anything is written.',
    });
  }
  const summary = `${plural(rows.length, 'return')} read: ${added} to add, ${updated} to update${unchanged ? `, ${unchanged} unchanged` : ''}`;
  if (fileSkills.size) {
    // Named by row, not by value: a shifted column would otherwise print what it holds.
    const rowsOf = [...new Set(fileSkills.values())].sort((a, b) => a - b);
    io.err(`${io.ce.dim('note:')} ${plural(fileSkills.size, 'skill')} new to this portfolio, on ${rowsOf.length === 1 ? 'row' : 'rows'} ${rowsOf.slice(0, 10).join(', ')}${rowsOf.length > 10 ? ' …' : ''}; check the spelling in the file (they are written as given)\n`);
  }
  if (opts.dryRun) {
    io.err(`${summary}. Dry run: nothing was written.\n`);
    return EXIT.ok;
  }
  if (changes.length) commit(p, changes, { invalidExit: EXIT.failed });
  io.err(`${io.ce.green('✔')} ${summary.replace('to add', 'added').replace('to update', 'updated')}.\n`);
  const noConsent = finals.filter((x) => x.consent !== true).length;
  if (noConsent) io.err(`${io.ce.dim('note:')} ${plural(noConsent, 'return')} without consent ${noConsent === 1 ? 'is' : 'are'} never matched or paired.\n`);
  io.err('Next: costar people match — who could fill which need\n');
  return EXIT.ok;
}

/** The schema's own checks on a row's record, reported against the row's columns. */
function checkRecord(rec: Record<string, unknown>, r: { row: number }, columns: Array<{ name: string; field: PersonField | null }>, problems: RowProblem[]): void {
  const id = String(rec.id);
  for (const d of validateRecord({ file: `people/${id}.yaml`, kind: 'person', stem: id, value: rec })) {
    if (d.severity !== 'error') continue;
    const field = typeof d.path?.[0] === 'string' ? d.path[0] : 'id';
    const column = columns.find((c) => c.field === field)?.name ?? field;
    problems.push({ row: r.row, column, reason: isPersonal(field) ? `the value is not valid (${d.code})` : d.message });
  }
}

// ---------------------------------------------------------------- people remove

/** Ids at the smallest edit distance (at most 2) from a mistyped one: p-00322 -> p-0022, p-0032. */
function closestIds(id: string, ids: readonly string[]): string[] {
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

export async function runRemove(ctx: CommandContext): Promise<number> {
  const { io, global, opts, args } = ctx;
  const id = String(args[0]).replace(/^people\//, '').replace(/\.ya?ml$/, '');
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadPortfolio(root, { forChange: true });
  const file = p.fileOf('person', id);
  if (!file) {
    const near = closestIds(id, p.people.map((x) => x.id));
    throw usageError('unknown-person', `there is no people/${id}.yaml in this portfolio${near.length ? `; did you mean ${near.map((x) => `"${x}"`).join(' or ')}?` : ''}`);
  }
  // An initiative that does not parse or has errors of its own (contributors written as text…)
  // might still name the person: refuse rather than erase half.
  for (const f of invalidFiles(p, 'initiative')) {
    if (f.bytes.includes(id)) {
      const n = p.diagnostics.filter((d) => d.file === f.rel && d.severity === 'error');
      throw new CostarError(
        'cannot-erase',
        `${f.rel} has ${n.length === 1 ? 'an error' : `${n.length} errors`} and may name ${id}; nothing was erased:\n${n
          .slice(0, 5)
          .map((d) => `  ${d.file}:${d.line}:${d.column}  ${d.message}  [${d.code}]`)
          .join('\n')}`,
        { hint: 'Fix it first (costar validate), then run this again so the erasure is complete.' },
      );
    }
  }
  const changes: Change[] = [{ kind: 'person', id, remove: true }];
  const from: string[] = [];
  for (const ini of p.initiatives) {
    const list = ini.people?.contributors ?? [];
    const at = list.flatMap((c, i) => (c === id ? [i] : [])).reverse();
    if (!at.length) continue;
    changes.push({ kind: 'initiative', id: ini.id, edit: at.map((i) => ({ op: 'delete' as const, path: ['people', 'contributors', i] })) });
    from.push(ini.id);
  }
  if (!opts.yes && io.canPrompt) {
    const ask = await loadPrompts();
    const ok = await ask.confirm({
      message: `Erase ${id}${from.length ? ` and remove them from the contributors of ${plural(from.length, 'initiative')}` : ''}? This cannot be undone`,
      default: false,
    });
    if (!ok) {
      io.err('Nothing was changed.\n');
      return EXIT.ok;
    }
  }
  const res = commit(p, changes, { invalidExit: EXIT.failed });
  // Every file of the id is named: both spellings and any temporary copy a crash left.
  for (const rel of res.removed) io.err(`${io.ce.green('✔')} Erased ${rel}\n`);
  for (const i of from) io.err(`${io.ce.green('✔')} Removed ${id} from the contributors of ${i} (${p.fileOf('initiative', i)?.rel})\n`);
  io.err(
    `${io.ce.dim('note:')} copies made outside the portfolio files are not touched: documents generated with --include-personal, exports, backups and version-control history may still hold their details.\n`,
  );
  return EXIT.ok;
}

// ---------------------------------------------------------------- people match

export async function runMatch(ctx: CommandContext): Promise<number> {
  const { io, global, opts } = ctx;
  const root = findPortfolio(io.cwd, global.portfolio);
  const p = loadValidPortfolio(root, { forChange: Boolean(ctx.opts.write) });
  const d = matchDetail(p.config, p.initiatives, p.people);
  const personal = Boolean(opts.includePersonal);
  if (opts.json) {
    const out: Record<string, unknown> = { assignments: d.assignments, pairs: d.pairs, unfilled: d.unfilled };
    if (personal) out.personal = personalOf(p, d);
    io.out(JSON.stringify(out, null, 2) + '\n');
  } else {
    io.out(await renderMatch(io, p, d, personal));
  }
  if (opts.write) writeProposals(io, p, d, Boolean(opts.json));
  else if (!opts.json && d.assignments.length) io.err(`Next: record the proposals as contributors with: costar people match --write\n`);
  return EXIT.ok;
}

/** Names and contacts of the people a result mentions (only with --include-personal). */
function personalOf(p: Portfolio, d: MatchDetail): Record<string, { name: string | null; contact: string | null }> {
  const ids = new Set<string>([...d.assignments.map((a) => a.person), ...d.pairs.flatMap((x) => [x.offer, x.want])]);
  const out: Record<string, { name: string | null; contact: string | null }> = {};
  for (const person of p.people) if (ids.has(person.id)) out[person.id] = { name: person.name ?? null, contact: person.contact ?? null };
  return out;
}

/** Appends every proposal to its initiative's contributors, in one commit. */
function writeProposals(io: Io, p: Portfolio, d: MatchDetail, quiet: boolean): void {
  if (!d.assignments.length) {
    if (!quiet) io.err('Nothing new to record: no proposals.\n');
    return;
  }
  const byInit = new Map<string, string[]>();
  for (const a of d.assignments) {
    const list = byInit.get(a.initiative) ?? [];
    if (!list.includes(a.person)) list.push(a.person);
    byInit.set(a.initiative, list);
  }
  const changes: Change[] = [...byInit].map(([id, people]) => ({ kind: 'initiative', id, edit: people.map((x) => ({ op: 'append' as const, path: ['people', 'contributors'], value: x })) }));
  commit(p, changes, { invalidExit: EXIT.failed });
  if (!quiet) {
    for (const [id, people] of byInit) io.err(`${io.ce.green('✔')} Updated ${p.fileOf('initiative', id)?.rel}: ${plural(people.length, 'contributor')} added (${people.join(', ')})\n`);
  }
}

async function renderMatch(io: Io, p: Portfolio, d: MatchDetail, personal: boolean): Promise<string> {
  const { c } = io;
  const out: string[] = [];
  const byId = new Map(p.people.map((x) => [x.id, x]));
  const who = (id: string) => {
    if (!personal) return id;
    const x = byId.get(id);
    const bits = [x?.name, x?.contact].filter(Boolean);
    return bits.length ? `${id} (${bits.join(', ')})` : id;
  };
  const slots = d.needs.reduce((s, n) => s + n.count, 0);
  const byContributors = d.needs.reduce((s, n) => s + n.contributors, 0);
  const open = d.needs.reduce((s, n) => s + n.missing, 0);
  out.push(c.bold(`${p.config.name} — people and needs`));
  if (!d.needs.length) {
    out.push('No initiative records needs yet (people.needs), so there is nothing to match.');
    out.push(c.dim("Add one with: costar set initiatives/<id> 'people.needs+={ skill: befriending, count: 2 }'"));
  } else {
    out.push(
      `${plural(slots, 'slot')} in ${plural(d.needs.length, 'need')}: ${byContributors} filled by recorded contributors, ${d.assignments.length} proposed below, ${open} still open` +
        c.dim('  (each proposal is the most slots possible, preferring people who already help or would do more)'),
    );
  }
  out.push('');
  out.push(c.bold(`Proposals (${d.assignments.length})`));
  if (d.assignments.length) {
    const t = await makeTable(io, ['Initiative', 'Need', 'Skill', 'Person'], ['left', 'right', 'left', 'left']);
    for (const a of d.assignments) t.push([a.initiative, String(a.need), a.skill, who(a.person)]);
    out.push(t.toString());
  } else out.push(c.dim('None: every eligible person is already proposed or recorded.'));
  out.push('');
  out.push(c.bold(`Skill swaps (${d.pairs.length})`) + c.dim('  (same ward, both consenting; under-18s only with a DBS-checked adult)'));
  if (d.pairs.length) {
    const t = await makeTable(io, ['Skill', 'Teaches', 'Learns']);
    for (const x of d.pairs) t.push([x.skill, who(x.offer), who(x.want)]);
    out.push(t.toString());
  } else out.push(c.dim('None: nobody who wants a skill has a consenting neighbour in the same ward who offers it.'));
  out.push('');
  out.push(c.bold(`Still open (${plural(open, 'slot')})`));
  if (d.unfilled.length) {
    const t = await makeTable(io, ['Initiative', 'Need', 'Skill', 'Ward', 'Requires', 'Missing'], ['left', 'right', 'left', 'left', 'left', 'right']);
    for (const u of d.unfilled) {
      const n = d.needs.find((x) => x.initiative === u.initiative && x.need === u.need)!;
      t.push([u.initiative, String(u.need), u.skill, n.ward ?? 'any', n.requires.join(', ') || '—', String(u.missing)]);
    }
    out.push(t.toString());
  } else if (d.needs.length) out.push(c.dim('None: every need is filled.'));
  const stopped = p.initiatives.filter((i) => i.status === 'stopped' && (i.people?.needs ?? []).length).map((i) => i.id);
  if (stopped.length) out.push(c.dim(`Stopped initiatives get no proposals: ${stopped.join(', ')}.`));
  if (!personal && (d.assignments.length || d.pairs.length)) out.push(c.dim('People are shown by id; add --include-personal to show names and contacts.'));
  return out.join('\n') + '\n';
}
