/**
 * `costar people import <file.csv>`: read the file, turn its rows into records (core/
 * survey-import.ts), commit them all or nothing, report.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CostarError, EXIT, usageError } from '../../../core/errors.js';
import { knownSkills } from '../../../core/people.js';
import { importSurvey, type CsvRow } from '../../../core/survey-import.js';
import { readRegular } from '../../../store/fsafe.js';
import { findPortfolio, readPortfolio } from '../../../store/portfolio.js';
import { commit, type Change } from '../../../store/write.js';
import { plural } from '../../render.js';
import type { CommandContext } from '../../program.js';
import { asOfDate } from '../../as-of.js';
import { takenIds } from '../../records.js';
import { importFlags } from './options.js';
import { importReport, rowProblems } from './render.js';

/** The largest survey file costar imports (100,000 rows take about 6 MiB). */
const CSV_LIMIT = 64 * 1024 * 1024;

/** The rows of a CSV file (UTF-8, a regular file of sensible size), the header first. */
async function readCsv(abs: string, file: string): Promise<CsvRow[]> {
  // Only a regular file of sensible size: a pipe or a device would hang or exhaust memory.
  const got = readRegular(abs, CSV_LIMIT);
  if ('problem' in got) {
    throw new CostarError('unreadable-file', `${file} cannot be imported: it is ${got.problem === 'unreadable' ? `unreadable (${got.detail})` : got.detail}`, {
      hint: got.problem === 'too-large' ? `costar imports files up to ${CSV_LIMIT / 1048576} MiB; split the survey into parts.` : 'Give the path of a CSV file.',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(got.bytes);
  } catch {
    throw new CostarError('not-utf8', `${file} is not UTF-8 text`, { hint: 'Save it again as "CSV UTF-8" (Excel) or with UTF-8 encoding, then import it.' });
  }
  const { parse } = await import('csv-parse/sync');
  try {
    const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as Array<{ record: string[]; info: { records: number } }>;
    return records.map((r) => ({ row: r.info.records, cells: r.record }));
  } catch (e) {
    const err = e as Error & { records?: number };
    const row = err.records !== undefined ? err.records + 1 : undefined;
    throw new CostarError('csv-syntax', `${file}${row ? `, row ${row}` : ''}: the file is not valid CSV: ${err.message.split(':')[0]}`, {
      hint: 'A quote left open swallows the rest of the file; check the row named and the rows after it.',
    });
  }
}

export async function runImport(ctx: CommandContext): Promise<number> {
  const { io, global } = ctx;
  const flags = importFlags(ctx.args, ctx.opts);
  const { file } = flags;
  const abs = resolve(io.cwd, file);
  if (!existsSync(abs)) throw usageError('no-file', `${file} does not exist`, 'Give the path of a CSV file exported from the survey, e.g. costar people import returns.csv');
  if (statSync(abs).isDirectory()) throw usageError('no-file', `${file} is a folder, not a CSV file`);

  const p = await readPortfolio(findPortfolio(io.cwd, global.portfolio), { forChange: true });
  const rows = await readCsv(abs, file);
  const r = importSurvey(
    rows,
    { config: p.config, existing: takenIds(p, 'person'), people: new Map(p.people.map((x) => [x.id, x as Record<string, unknown>])), known: knownSkills(p) },
    { map: flags.map, newSkills: flags.newSkills, update: flags.update, file, consentDate: asOfDate(undefined, io.env) },
  );
  if (r.refusal) {
    const { code, message, hint, exit } = r.refusal;
    throw new CostarError(code, message, { hint, exitCode: exit });
  }
  if (r.problems.length) {
    rowProblems(io, file, r.problems);
    const badRows = new Set(r.problems.map((x) => x.row)).size;
    throw new CostarError('bad-rows', `nothing was imported: ${plural(badRows, 'row has', 'rows have')} problems (${plural(r.problems.length, 'problem')} above; the header is row 1)`, {
      hint: 'Correct the file and import it again; every row is checked before anything is written.',
    });
  }
  if (!flags.dryRun) {
    const changes: Change[] = r.records.flatMap((x): Change[] =>
      x.action === 'add' ? [{ kind: 'person', id: x.id, create: x.record }] : x.action === 'update' ? [{ kind: 'person', id: x.id, edit: x.sets }] : [],
    );
    if (changes.length) commit(p, changes, { invalidExit: EXIT.failed });
  }
  importReport(io, r, flags.dryRun);
  return EXIT.ok;
}
