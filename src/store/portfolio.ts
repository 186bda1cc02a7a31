/** Finding a portfolio on disk and reading every file of it, with positions for its problems. */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { resolveConfig, type Config } from '../core/config.js';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { CostarError, usageError } from '../core/errors.js';
import type { CaseStudy, Initiative, Manifest, Person, RecordKind } from '../core/schema.js';
import { RECORD_ERROR_CODES, validatePortfolio, type SourceRecord } from '../core/validate.js';
import { readAhead, READ_AHEAD_MIN, type ReadResult } from './read-ahead.js';
import { canRunBeside } from './threads.js';
import { decode, locate, parseFast, parseFull, type Decoded, type FullParse } from './parse.js';

export const MANIFEST = 'costar.yaml';

const BLANK = /^\s*$/;
/** The bytes of a file that could not be read. */
const NO_BYTES = Buffer.alloc(0);

/** Finds the portfolio folder: the explicit one, or the nearest at or above `cwd` with costar.yaml. */
export function findPortfolio(cwd: string, explicit?: string): string {
  if (explicit !== undefined) {
    const dir = resolve(cwd, explicit);
    if (!existsSync(join(dir, MANIFEST))) {
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
    if (existsSync(join(dir, MANIFEST))) return dir;
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

/** The record files of a portfolio in a stable order. */
export function listFiles(root: string): Array<{ rel: string; kind: RecordKind; stem?: string }> {
  const out: Array<{ rel: string; kind: RecordKind; stem?: string }> = [{ rel: MANIFEST, kind: 'manifest' }];
  for (const [folder, kind] of FOLDERS) {
    const dir = join(root, folder);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    const names: string[] = [];
    for (const e of entries) {
      if (e.name.startsWith('.') || !/\.ya?ml$/.test(e.name)) continue;
      // The entry's type comes with the listing; links (and file systems that give no type) need a stat.
      if (e.isFile()) names.push(e.name);
      else if (!e.isDirectory()) {
        try {
          if (statSync(join(dir, e.name)).isFile()) names.push(e.name);
        } catch {
          // A broken link is not a record.
        }
      }
    }
    names.sort();
    for (const name of names) {
      const m = /^(.*)\.ya?ml$/.exec(name)!;
      out.push({ rel: `${folder}/${name}`, kind, stem: m[1] });
    }
  }
  return out;
}

/**
 * A record's absolute path. `root` is already resolved and `rel` is `<folder>/<name>` from a
 * listing, so joining needs no normalising (path.join costs thousands of files a few ms each).
 */
function absOf(root: string, rel: string): string {
  return rel.includes('/') && !rel.includes('..') && isAbsolute(root) ? `${root.endsWith(sep) ? root : root + sep}${sep === '/' ? rel : rel.split('/').join(sep)}` : join(root, rel);
}

/** Reads one file from disk into a PortfolioFile (decoded and fast-parsed where possible). */
export function readPortfolioFile(root: string, rel: string, kind: RecordKind, stem?: string, bytes?: ReadResult): PortfolioFile {
  const abs = absOf(root, rel);
  const file: PortfolioFile = { rel, abs, kind, stem, bytes: NO_BYTES, problems: [] };
  let read = bytes;
  if (read === undefined) {
    try {
      read = readFileSync(abs);
    } catch (e) {
      read = { error: (e as Error).message };
    }
  }
  if (!Buffer.isBuffer(read)) {
    file.problems.push({ file: rel, line: 1, column: 1, severity: 'error', code: 'not-utf8', message: `the file could not be read: ${read.error}` });
    return file;
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
    file.value = fast;
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
export function checkFiles(root: string, files: PortfolioFile[]): Portfolio {
  let records: SourceRecord[] = files.map((f) => ({ file: f.rel, kind: f.kind, stem: f.stem, value: f.value }));
  let found = validatePortfolio(records);
  const withProblems = new Set(found.map((d) => d.file));
  let reparsed = false;
  for (const f of files) {
    if (!withProblems.has(f.rel) || f.full || !f.decoded) continue;
    const before = f.value;
    ensureFull(f);
    if (!isDeepStrictEqual(before, f.value)) reparsed = true;
  }
  if (reparsed) {
    records = files.map((f) => ({ file: f.rel, kind: f.kind, stem: f.stem, value: f.value }));
    found = validatePortfolio(records);
  }
  const byRel = new Map(found.length ? files.map((f) => [f.rel, f]) : []);
  const located: Diagnostic[] = [];
  for (const f of files) if (f.problems.length) located.push(...f.problems);
  for (const d of found) {
    const f = byRel.get(d.file);
    const full = f ? ensureFull(f) : undefined;
    const pos = full?.doc ? locate(full.doc, full.lineCounter, d.path, d.at) : { line: 1, column: 1 };
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

/** Reads and validates a whole portfolio. */
export function loadPortfolio(root: string): Portfolio {
  const list = listFiles(root);
  // A large portfolio is read on a second thread while this one parses what has arrived.
  const next = list.length >= READ_AHEAD_MIN && canRunBeside() ? readAhead(list.map((f) => absOf(root, f.rel))) : undefined;
  const files = list.map((f) => readPortfolioFile(root, f.rel, f.kind, f.stem, next?.()));
  return checkFiles(root, files);
}

/**
 * Loads a portfolio for a command that computes from it: refuses (exit 1) when it has errors,
 * since results from a broken portfolio would be wrong without saying so.
 */
export function loadValidPortfolio(root: string): Portfolio {
  const p = loadPortfolio(root);
  if (p.errors > 0) {
    const first = p.diagnostics.filter((d) => d.severity === 'error').slice(0, 5);
    const lines = first.map((d) => `  ${d.file}:${d.line}:${d.column}  ${d.message}  [${d.code}]`).join('\n');
    throw new CostarError(
      'portfolio-invalid',
      `the portfolio has ${p.errors} error${p.errors === 1 ? '' : 's'}; fix ${p.errors === 1 ? 'it' : 'them'} first:\n${lines}${p.errors > 5 ? `\n  … and ${p.errors - 5} more` : ''}`,
      { hint: 'See every problem with: costar validate' },
    );
  }
  return p;
}
