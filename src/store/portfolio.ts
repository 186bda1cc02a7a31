/** Finding a portfolio on disk and reading every file of it, with positions for its problems. */
import { existsSync, lstatSync, readdirSync, realpathSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { resolveConfig, type Config } from '../core/config.js';
import { sortDiagnostics, type Diagnostic, problemLine } from '../core/diagnostics.js';
import { CostarError, usageError } from '../core/errors.js';
import type { CaseStudy, Initiative, Manifest, Person, RecordKind } from '../core/schema.js';
import { RECORD_ERROR_CODES, validatePortfolio, type SourceRecord } from '../core/validate.js';
import { isInside, readRegular, realIfExists, TMP_PATTERN } from './fsafe.js';
import { recover } from './journal.js';
import { lock } from './lock.js';
import { decode, locate, MAX_FILE_BYTES, parseFast, parseFull, type Decoded, type FullParse } from './parse.js';
import type { Located } from './positions.js';

export const MANIFEST = 'costar.yaml';

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
}

const FOLDERS: Array<[string, RecordKind]> = [
  ['initiatives', 'initiative'],
  ['people', 'person'],
  ['cases', 'case'],
];

export interface Listing {
  files: Array<{ rel: string; kind: RecordKind; stem?: string }>;
  /** Problems found while listing: folders that lead outside, temporary files left by a crash. */
  problems: Diagnostic[];
}

/**
 * The record files of a portfolio (`root` is a real path) in a stable order. A folder or record
 * that is a link leading outside the portfolio is reported, not listed.
 */
export function listFiles(root: string): Listing {
  const files: Listing['files'] = [{ rel: MANIFEST, kind: 'manifest' }];
  const problems: Diagnostic[] = [];
  const outside = (rel: string, what: string) =>
    problems.push({ file: rel, line: 1, column: 1, severity: 'error', code: 'outside-portfolio', message: `${what} is a link that leads outside the portfolio, so costar does not read it; replace it with a real ${what === 'this folder' ? 'folder' : 'file'} inside the portfolio` });
  const manifestReal = realIfExists(join(root, MANIFEST));
  if (manifestReal !== undefined && !isInside(root, manifestReal)) {
    outside(MANIFEST, 'this file');
    files.shift();
  }
  for (const name of strayNames(root, '')) problems.push(stray(name));
  for (const [folder, kind] of FOLDERS) {
    const dir = join(root, folder);
    let entries: Dirent[];
    try {
      if (lstatSync(dir).isSymbolicLink()) {
        const real = realIfExists(dir);
        if (real === undefined) continue;
        if (!isInside(root, real)) {
          outside(folder, 'this folder');
          continue;
        }
      }
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const names: string[] = [];
    for (const e of entries) {
      if (BAD_NAME.test(e.name)) {
        if (/\.ya?ml$/.test(e.name) || !e.isDirectory()) problems.push(badName(`${folder}/${e.name}`));
        continue;
      }
      if (e.name.startsWith('.')) {
        if (e.isFile() && TMP_PATTERN.test(e.name)) problems.push(stray(`${folder}/${e.name}`));
        continue;
      }
      if (!/\.ya?ml$/.test(e.name) || e.isDirectory()) continue;
      if (e.isSymbolicLink()) {
        const real = realIfExists(join(dir, e.name));
        if (real === undefined) continue; // A broken link is not a record.
        if (!isInside(root, real)) {
          outside(`${folder}/${e.name}`, 'this file');
          continue;
        }
      }
      // Anything else that is not a regular file (a pipe, a device) is reported when read.
      names.push(e.name);
    }
    names.sort();
    for (const name of names) {
      const m = /^(.*)\.ya?ml$/.exec(name)!;
      files.push({ rel: `${folder}/${name}`, kind, stem: m[1] });
    }
  }
  return { files, problems };
}

/** A line break or another control character in a file name: reported, never read. */
const BAD_NAME = /[\u0000-\u001f\u007f-\u009f]/;

function badName(rel: string): Diagnostic {
  return {
    file: rel,
    line: 1,
    column: 1,
    severity: 'error',
    code: 'bad-file-name',
    message: 'the file name holds a line break or another control character, so costar does not read it; rename the file to <id>.yaml',
  };
}

function strayNames(root: string, folder: string): string[] {
  try {
    return readdirSync(join(root, folder), { withFileTypes: true })
      .filter((e) => e.isFile() && TMP_PATTERN.test(e.name))
      .map((e) => (folder ? `${folder}/${e.name}` : e.name));
  } catch {
    return [];
  }
}

function stray(rel: string): Diagnostic {
  return {
    file: rel,
    line: 1,
    column: 1,
    severity: 'warning',
    code: 'stray-temp-file',
    message: 'a temporary file left by an interrupted costar command; the next costar command that changes the portfolio removes it (or delete it yourself)',
  };
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
  const file: PortfolioFile = { rel, abs, kind, stem, bytes: NO_BYTES, problems: [] };
  let read = bytes;
  if (read === undefined) {
    const r = readRegular(abs, MAX_FILE_BYTES);
    if ('problem' in r) {
      const [code, message] =
        r.problem === 'not-a-file'
          ? ['not-a-file', `this is ${r.detail}, not a file of YAML text; costar reads only regular files. Replace it with a regular file or remove it`]
          : r.problem === 'too-large'
            ? ['file-too-large', `the file is ${r.detail}; costar reads files up to 1 MiB. Split it or remove what does not belong`]
            : ['unreadable-file', `the file could not be read: ${r.detail}. Check its permissions`];
      file.problems.push({ file: rel, line: 1, column: 1, severity: 'error', code, message });
      return file;
    }
    read = r.bytes;
  }
  file.bytes = read;
  parseInto(file);
  return file;
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

/** Reads and validates a whole portfolio (`root` as given by findPortfolio). */
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
  const p = loadPortfolio(root, opts);
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
