/** Finding a portfolio on disk and reading every file of it, with positions for its problems. */
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { resolveConfig, type Config } from '../core/config.js';
import { sortDiagnostics, type Diagnostic, problemLine } from '../core/diagnostics.js';
import { CostarError, usageError } from '../core/errors.js';
import type { CaseStudy, Initiative, Manifest, Person, RecordKind } from '../core/schema.js';
import { RECORD_ERROR_CODES, validatePortfolio, type SourceRecord } from '../core/validate.js';
import { readRegular, readRegularAsync, type ReadOutcome } from './fsafe.js';
import { listFiles, MANIFEST, type Listing } from './listing.js';
import { recover } from './journal.js';
import { lock } from './lock.js';
import { decode, locate, MAX_FILE_BYTES, parseFast, parseFull, type Decoded, type FullParse } from './parse.js';
import type { Located } from './positions.js';

export { listFiles, MANIFEST, type Listing };

const BLANK = /^\s*$/;
/** The bytes of a file that could not be read. */
const NO_BYTES = Buffer.alloc(0);

/** Says something on stderr that is not data (a recovered commit, a stale lock taken over). */
export const noteToStderr = (m: string): void => {
  process.stderr.write(`note: ${m}\n`);
};

/**
 * Finds the portfolio folder: the explicit one, or the nearest at or above `cwd` with
 * costar.yaml. Returns its real path, after finishing any commit a killed command left half done.
 */
export function findPortfolio(cwd: string, explicit?: string, note: (m: string) => void = noteToStderr): string {
  const root = locatePortfolio(cwd, explicit);
  const real = realpathSync(root);
  recover(real, note);
  return real;
}

function locatePortfolio(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const dir = resolve(cwd, explicit);
    if (!hasManifest(dir)) {
      throw usageError(
        'no-portfolio',
        `${explicit} is not a costar portfolio: it has no ${MANIFEST}`,
        existsSync(dir) ? `Create one with: costar init ${explicit}` : `The folder ${explicit} does not exist.`,
      );
    }
    return dir;
  }
  let dir = resolve(cwd);
  for (;;) {
    if (hasManifest(dir)) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw usageError(
    'no-portfolio',
    `no costar portfolio found here or in any folder above (looked for ${MANIFEST})`,
    'Run the command inside a portfolio, pass -C <dir>, or create one with: costar init <dir>',
  );
}

/** costar.yaml present, as a file or a link (a link is checked when the file is read). */
function hasManifest(dir: string): boolean {
  try {
    lstatSync(join(dir, MANIFEST));
    return true;
  } catch {
    return false;
  }
}

export interface PortfolioFile {
  rel: string;
  abs: string;
  kind: RecordKind;
  /** File name without .yaml/.yml (records only). */
  stem?: string;
  bytes: Buffer;
  decoded?: Decoded;
  value?: unknown;
  /** Present once the file has been parsed with `yaml` (positions, comments). */
  full?: FullParse;
  /** Positions from the fast parse, when it read the file. */
  located?: Located;
  problems: Diagnostic[];
}

export interface Portfolio {
  root: string;
  files: PortfolioFile[];
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  config: Config;
  manifest: Manifest | undefined;
  initiatives: Initiative[];
  people: Person[];
  cases: CaseStudy[];
  /** Relative file of each record, by kind and id. */
  fileOf: (kind: RecordKind, id: string) => PortfolioFile | undefined;
  /** How many files were read many at once, the drive being slow (see ReadPlan); the rest were read one after another. */
  readAtOnce?: number;
}

/**
 * A record's absolute path. `root` is already resolved and `rel` is `<folder>/<name>` from a
 * listing, so joining needs no normalising (path.join costs thousands of files a few ms each).
 */
function absOf(root: string, rel: string): string {
  return rel.includes('/') && !rel.includes('..') && isAbsolute(root) ? `${root.endsWith(sep) ? root : root + sep}${sep === '/' ? rel : rel.split('/').join(sep)}` : join(root, rel);
}

/**
 * Reads one file into a PortfolioFile (decoded and fast-parsed where possible): only a regular
 * file, and one larger than costar reads is reported without being read. `bytes` are given when
 * the content is already in hand (a change being checked, a file from git).
 */
export function readPortfolioFile(root: string, rel: string, kind: RecordKind, stem?: string, bytes?: Buffer): PortfolioFile {
  const abs = absOf(root, rel);
  return fileFrom(rel, abs, kind, stem, bytes ? { bytes } : readRegular(abs, MAX_FILE_BYTES));
}

/** A PortfolioFile from what reading it gave: parsed, or the reason it could not be read. */
function fileFrom(rel: string, abs: string, kind: RecordKind, stem: string | undefined, read: ReadOutcome): PortfolioFile {
  const file: PortfolioFile = { rel, abs, kind, stem, bytes: NO_BYTES, problems: [] };
  if ('problem' in read) {
    const [code, message] =
      read.problem === 'not-a-file'
        ? ['not-a-file', `this is ${read.detail}, not a file of YAML text; costar reads only regular files. Replace it with a regular file or remove it`]
        : read.problem === 'too-large'
          ? ['file-too-large', `the file is ${read.detail}; costar reads files up to 1 MiB. Split it or remove what does not belong`]
          : ['unreadable-file', `the file could not be read: ${read.detail}. Check its permissions`];
    file.problems.push({ file: rel, line: 1, column: 1, severity: 'error', code, message });
    return file;
  }
  file.bytes = read.bytes;
  parseInto(file);
  return file;
}

/**
 * How the files of a portfolio are read. Reads from the page cache take tens of microseconds
 * and are quickest one after another; reads that wait on a disk (a cold cache, a network drive)
 * are quickest many at once. So files are read one after another and timed, in runs of `probe`;
 * when a run was slow (slowRun), the rest are read with fs.promises, `inFlight` at a time, each
 * parsed as it arrives (npm run bench, section "read").
 */
export interface ReadPlan {
  probe: number;
  slowMs: number;
  inFlight: number;
}

export const READ_PLAN: ReadPlan = { probe: 64, slowMs: 0.15, inFlight: 32 };

/**
 * Whether a run of reads (their times in ms) waited on a slow drive: its median read took more
 * than `slowMs`. A few reads the machine paused in the middle of (another process, a collection)
 * do not make a drive slow; a busy machine judged by the mean read the rest many at once, which
 * is slower from the cache (npm run bench, section "read").
 */
export function slowRun(waits: Float64Array, slowMs: number): boolean {
  const sorted = waits.slice().sort();
  return sorted[sorted.length >> 1]! > slowMs;
}

/** Reads the listed files in their order, one after another or many at once (see ReadPlan). */
export async function readListed(root: string, listed: Listing['files'], plan: ReadPlan = READ_PLAN): Promise<{ files: PortfolioFile[]; atOnce: number }> {
  const files: PortfolioFile[] = new Array(listed.length);
  const waits = new Float64Array(Math.max(1, plan.probe));
  let next = 0;
  for (; next < listed.length; next++) {
    // Judged on each run of `probe` files: the cache may hold the first files and not the rest.
    if (plan.probe === 0 || (next > 0 && next % plan.probe === 0 && slowRun(waits, plan.slowMs))) break;
    const { rel, kind, stem } = listed[next]!;
    const abs = absOf(root, rel);
    const t0 = performance.now();
    const read = readRegular(abs, MAX_FILE_BYTES);
    waits[next % plan.probe] = performance.now() - t0;
    files[next] = fileFrom(rel, abs, kind, stem, read);
  }
  const reader = async () => {
    while (next < listed.length) {
      const i = next++;
      const { rel, kind, stem } = listed[i]!;
      const abs = absOf(root, rel);
      files[i] = fileFrom(rel, abs, kind, stem, await readRegularAsync(abs, MAX_FILE_BYTES));
    }
  };
  const atOnce = listed.length - next;
  await Promise.all(Array.from({ length: Math.min(plan.inFlight, atOnce) }, reader));
  return { files, atOnce };
}

function parseInto(file: PortfolioFile, forceFull = false): void {
  const d = decode(file.rel, file.bytes);
  if ('code' in d) {
    file.problems.push(d);
    return;
  }
  file.decoded = d;
  // (A test, not trim(): trimming would copy every file's text.)
  if (BLANK.test(d.text)) {
    file.problems.push({ file: file.rel, line: 1, column: 1, severity: 'error', code: 'empty-file', message: "the file is empty; add the record's fields or delete the file" });
    return;
  }
  const fast = forceFull ? undefined : parseFast(d.text);
  if (fast !== undefined) {
    file.value = fast.value;
    file.located = fast;
    return;
  }
  ensureFull(file);
}

/** Parses the file with `yaml` (once) so problems can be located and the file edited. */
export function ensureFull(file: PortfolioFile): FullParse | undefined {
  if (file.full || !file.decoded) return file.full;
  const full = parseFull(file.rel, file.decoded.text);
  file.full = full;
  file.problems = full.problems;
  file.value = full.problems.length ? undefined : full.value;
  return full;
}

/** Validates files already read; locates every diagnostic. */
export function checkFiles(root: string, files: PortfolioFile[], listed: Diagnostic[] = [], asOf?: string): Portfolio {
  const records: SourceRecord[] = files.map((f) => ({ file: f.rel, kind: f.kind, stem: f.stem, value: f.value }));
  const found = validatePortfolio(records, asOf ? { asOf } : {});
  const byRel = new Map(found.length ? files.map((f) => [f.rel, f]) : []);
  const located: Diagnostic[] = [...listed];
  for (const f of files) if (f.problems.length) located.push(...f.problems);
  for (const d of found) {
    const f = byRel.get(d.file);
    // Placed from the fast parse's positions; `yaml` only where those cannot say for certain.
    let pos = f?.located?.place(d.path, d.at);
    if (!pos) {
      const full = f ? ensureFull(f) : undefined;
      pos = full?.doc ? locate(full.doc, full.lineCounter, d.path, d.at) : { line: 1, column: 1 };
    }
    located.push({ file: d.file, line: pos.line, column: pos.column, severity: d.severity, code: d.code, message: d.message });
  }
  const diagnostics = sortDiagnostics(located);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const manifestFile = files.find((f) => f.kind === 'manifest');
  const config = resolveConfig(manifestFile?.value as Manifest | undefined);
  // The typed lists hold only records whose own checks pass, so no wrong-typed value reaches a
  // command; a command that needs one of the others shows its diagnostics (cli/records.ts).
  const broken = new Set<string>();
  for (const d of found) if (d.severity === 'error' && RECORD_ERROR_CODES.has(d.code)) broken.add(d.file);
  const records2 = (kind: RecordKind) =>
    files
      .filter((f) => f.kind === kind && f.value && typeof f.value === 'object' && !Array.isArray(f.value) && !broken.has(f.rel) && !f.problems.some((d) => d.severity === 'error'))
      .map((f) => f.value as any);
  // The index of files by record is built when first asked for.
  let index: Map<string, PortfolioFile> | undefined;
  const fileOf = (kind: RecordKind, id: string) => {
    if (!index) {
      index = new Map();
      for (const f of files) if (f.stem) index.set(`${f.kind}:${f.stem}`, f);
    }
    return index.get(`${kind}:${id}`);
  };
  return {
    root,
    files,
    diagnostics,
    errors,
    warnings: diagnostics.length - errors,
    config,
    manifest: manifestFile?.value as Manifest | undefined,
    initiatives: sortById(records2('initiative')),
    people: sortById(records2('person')),
    cases: sortById(records2('case')),
    fileOf,
  };
}

function sortById<T extends { id?: unknown }>(list: T[]): T[] {
  return list.sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
}

export interface LoadOptions {
  /**
   * For a command that will change the portfolio: take the portfolio lock before reading, and
   * hold it to the end of the process, so no other command changes what this one read.
   */
  forChange?: boolean;
  /** The as-of date of the checks that depend on the day (`costar validate` only). */
  asOf?: string;
}

/**
 * Reads and validates a whole portfolio (`root` as given by findPortfolio), reading its files as
 * fast as the disk allows (ReadPlan): what a command does first.
 */
export async function readPortfolio(root: string, opts: LoadOptions = {}): Promise<Portfolio> {
  if (opts.forChange) lock(root, noteToStderr);
  const list = listFiles(root);
  const { files, atOnce } = await readListed(root, list.files);
  return { ...checkFiles(root, files, list.problems, opts.asOf), readAtOnce: atOnce };
}

/** readPortfolio, refusing (exit 1) a portfolio with errors (see loadValidPortfolio). */
export async function readValidPortfolio(root: string, opts: LoadOptions = {}): Promise<Portfolio> {
  return refuseInvalid(await readPortfolio(root, opts));
}

/**
 * Reads and validates a whole portfolio one file after another: for reading again what a
 * command has just read or written (a session after a save, the server after a change), which
 * the page cache holds.
 */
export function loadPortfolio(root: string, opts: LoadOptions = {}): Portfolio {
  if (opts.forChange) lock(root, noteToStderr);
  const list = listFiles(root);
  const files = list.files.map((f) => readPortfolioFile(root, f.rel, f.kind, f.stem));
  return checkFiles(root, files, list.problems, opts.asOf);
}

/**
 * Loads a portfolio for a command that computes from it: refuses (exit 1) when it has errors,
 * since results from a broken portfolio would be wrong without saying so.
 */
export function loadValidPortfolio(root: string, opts: LoadOptions = {}): Portfolio {
  return refuseInvalid(loadPortfolio(root, opts));
}

function refuseInvalid(p: Portfolio): Portfolio {
  if (p.errors > 0) {
    const first = p.diagnostics.filter((d) => d.severity === 'error').slice(0, 5);
    const lines = first.map(problemLine).join('\n');
    throw new CostarError(
      'portfolio-invalid',
      `the portfolio has ${p.errors} error${p.errors === 1 ? '' : 's'}; fix ${p.errors === 1 ? 'it' : 'them'} first:\n${lines}${p.errors > 5 ? `\n  … and ${p.errors - 5} more` : ''}`,
      { hint: 'See every problem with: costar validate' },
    );
  }
  return p;
}
