/**
 * `costar init`: a new portfolio from flags, asking at a terminal for what they left out
 * (session.ts journals the answers and handles Ctrl-C). The manifest is manifest.ts's.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { CostarError, usageError } from '../../../core/errors.js';
import { formatYear, plural } from '../../../core/format.js';
import { duplicateId, financialYearOf, parseIdLabelList, parseIdOrLabel, parseStartYear, tagsFor, type IdLabel } from '../../../core/init.js';
import { validatePortfolio } from '../../../core/validate.js';
import { parseText, promptCheck, unwrap, type Parsed } from '../../../core/values.js';
import { MANIFEST } from '../../../store/portfolio.js';
import { ensureSchemas, writeTextAtomic } from '../../../store/write.js';
import { loadPrompts, requireFlag } from '../../ask.js';
import type { Io } from '../../io.js';
import { steps } from '../../prompt-guard.js';
import type { CommandContext } from '../../program.js';
import { fitErr } from '../../render.js';
import { manifestText } from './manifest.js';
import { InitRoom, QUESTIONS, removeInitJournal, type Answers, type Question } from './session.js';

export { manifestText };

/** What the portfolio is made of. */
interface Settings {
  name: string;
  organisation: string;
  areas: IdLabel[];
  wards: IdLabel[];
  startYear: number;
}

const bad = (message: string) => usageError('bad-value', message);

/** How each answer is read (the same parsers check the prompt as it is typed). */
const readers: Record<Question, (raw: string) => Parsed<unknown>> = {
  organisation: (s) => parseText(s, 'the organisation'),
  name: (s) => parseText(s, 'a name'),
  areas: (s) => parseIdLabelList(s, 'service area'),
  wards: (s) => parseIdLabelList(s, 'ward', { min: 0 }),
  startYear: parseStartYear,
};

const read = <T>(q: Question, raw: string) => unwrap(readers[q](raw) as Parsed<T>, bad);

export async function run({ io, args, opts }: CommandContext): Promise<number> {
  const dir = resolve(io.cwd, args[0] ?? '.');
  if (existsSync(join(dir, MANIFEST))) {
    throw new CostarError('portfolio-exists', `${relative(io.cwd, join(dir, MANIFEST)) || MANIFEST} already exists; costar init never overwrites a portfolio`, {
      hint: 'Choose another folder, or change the existing one with costar set costar.yaml …',
    });
  }
  // What the flags give.
  const flags = {
    name: opts.name?.trim() || undefined,
    organisation: opts.organisation?.trim() || undefined,
    areas: (opts.area ?? []).map((a: string) => unwrap(parseIdOrLabel(a, '--area'), bad)) as IdLabel[],
    wards: (opts.ward ?? []).map((w: string) => unwrap(parseIdOrLabel(w, '--ward'), bad)) as IdLabel[],
    startYear: opts.startYear === undefined ? undefined : unwrap(parseStartYear(String(opts.startYear)), (m) => bad(`--start-year ${m}`)),
  };
  for (const [list, flag] of [[flags.areas, '--area'], [flags.wards, '--ward']] as const) {
    const dup = duplicateId(list);
    if (dup) throw usageError('duplicate-id', `${flag} ${dup} is given twice`);
  }
  if (flags.name === undefined) requireFlag(io, '--name', 'the portfolio name');
  if (flags.organisation === undefined) requireFlag(io, '--organisation', 'the organisation');
  if (!flags.areas.length) requireFlag(io, '--area', 'at least one service area');
  const thisYear = financialYearOf(new Date());
  // The flags, then the answers, then the defaults.
  const settle = (a: Answers): Settings | string => {
    const organisation = flags.organisation ?? (a.organisation !== undefined ? read<string>('organisation', a.organisation) : undefined);
    const areas = flags.areas.length ? flags.areas : a.areas !== undefined ? read<IdLabel[]>('areas', a.areas) : [];
    if (organisation === undefined || !areas.length) return organisation === undefined ? 'needs the organisation first' : 'needs a service area first';
    return {
      organisation,
      areas,
      name: flags.name ?? (a.name !== undefined ? read<string>('name', a.name) : `${organisation} co-production portfolio`),
      wards: flags.wards.length ? flags.wards : a.wards !== undefined ? read<IdLabel[]>('wards', a.wards) : [],
      startYear: flags.startYear ?? (a.startYear !== undefined ? read<number>('startYear', a.startYear) : thisYear),
    };
  };
  const ready = settle({});
  if (typeof ready !== 'string' && flags.name !== undefined) return create(io, dir, ready);

  const P = await loadPrompts();
  const room = new InitRoom(io, P, dir);
  const given: Record<Question, boolean> = { organisation: flags.organisation !== undefined, name: flags.name !== undefined, areas: flags.areas.length > 0, wards: flags.wards.length > 0, startYear: flags.startYear !== undefined };
  const recovered = await room.offerRecovery((q, raw) => !given[q] && readers[q](raw).ok);
  const a = room.answers;
  // Asks one question (or passes over one a flag answered); the answer is kept as typed.
  const ask = (q: Question, message: string, fallback?: () => string | undefined) => async () => {
    if (given[q]) return 'skip';
    a[q] = (await P.input({ message, default: a[q] ?? fallback?.(), validate: promptCheck(readers[q]) })).trim();
  };
  // Escape goes back to the question before, its answer kept as the default.
  // What still stops the portfolio being made (for Ctrl-C's Save), and making it.
  const missing = () => {
    const s = settle(a);
    return typeof s === 'string' ? s : undefined;
  };
  const make = () => {
    const s = settle(a);
    if (typeof s === 'string') throw usageError('missing-value', `the portfolio ${s}`);
    return create(io, dir, s);
  };
  return room.run({ cannotSave: missing, save: make }, async () => {
    await steps(
      [
        ask('organisation', 'Organisation (e.g. Eastshire Council)'),
        ask('name', 'Portfolio name', () => `${flags.organisation ?? a.organisation} co-production portfolio`),
        ask('areas', 'Service areas (comma-separated labels or ids, e.g. Adult social care, Housing)'),
        ask('wards', 'Wards or localities (comma-separated, e.g. North, South; empty for none)'),
        ask('startYear', 'First financial year of the appraisal (year 0)', () => String(thisYear)),
      ],
      recovered.map((q) => QUESTIONS.indexOf(q)),
    );
    return make();
  });
}

/** Writes the new portfolio (the manifest last, so a portfolio exists only once it is whole) and says what it made. */
function create(io: Io, dir: string, s: Settings): number {
  const { name, organisation, areas, wards, startYear } = s;
  const text = manifestText(name, organisation, areas, wards, startYear);
  const problems = validatePortfolio([{ file: MANIFEST, kind: 'manifest', value: parse(text) }]).filter((d) => d.severity === 'error');
  if (problems.length) throw usageError('bad-value', problems[0]!.message);
  mkdirSync(dir, { recursive: true });
  for (const sub of ['initiatives', 'people', 'cases']) {
    mkdirSync(join(dir, sub), { recursive: true });
    if (!existsSync(join(dir, sub, '.gitkeep'))) writeFileSync(join(dir, sub, '.gitkeep'), '');
  }
  if (!existsSync(join(dir, '.gitignore'))) writeTextAtomic(join(dir, '.gitignore'), GITIGNORE);
  ensureSchemas(dir);
  writeTextAtomic(join(dir, MANIFEST), text);
  removeInitJournal(dir);
  const rel = relative(io.cwd, dir) || '.';
  io.err(fitErr(io, `${io.ce.green('✔')} Created a portfolio in ${rel} with ${plural(areas.length, 'service area')}${wards.length ? ` and ${plural(wards.length, 'ward')}` : ''}; year 0 is ${formatYear(startYear, 0)}\n`));
  const set = `costar set${rel === '.' ? '' : ` -C ${rel}`} costar.yaml`;
  for (const [i, a] of areas.entries()) {
    const tags = tagsFor(a);
    io.err(fitErr(io, `  ${a.id}: ${tags.length ? `tags ${tags.join(', ')}` : `no case-library tags fit; add some with ${set} serviceAreas.${i}.tags="[…]"`}\n`));
  }
  if (areas.some((a) => tagsFor(a).length)) io.err(fitErr(io, `  (change tags with ${set} serviceAreas.N.tags="[…]")\n`));
  io.err(fitErr(io, `Next: costar map${rel === '.' ? '' : ` -C ${rel}`}   (or unattended: costar map add --title … --area ${areas[0]!.id})\n`));
  return 0;
}

/** Generated documents, and costar's working files (the lock, a half-done commit, temporary files). */
const GITIGNORE = `# Generated documents: make them again with costar generate
out/
# costar's working files
.costar/lock
.costar/journal.json
.costar/session-*.json
.*.tmp
`;
