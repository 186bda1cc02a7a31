/**
 * Writing a portfolio safely: the portfolio as it would be is validated before anything reaches
 * the disk; files changed on disk since they were read are refused; every command's changes are
 * one commit across files (journal.ts), under the portfolio lock (lock.ts).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { problemLine } from '../core/diagnostics.js';
import { dirname, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { CostarError, EXIT, type ExitCode } from '../core/errors.js';
import { KIND_FOLDERS, type RecordKind } from '../core/schema.js';
import { editText, type EditOp } from './edit.js';
import { renderDocument } from './yaml-text.js';
import { assertInside, atomicWrite, isInside, realIfExists, TMP_PATTERN } from './fsafe.js';
import { lock } from './lock.js';
import { commitFiles, strayTemps, type FileOp } from './journal.js';
import { checkFiles, ensureFull, readPortfolioFile, type Portfolio, type PortfolioFile } from './portfolio.js';
import { schemaFiles } from './schemas.js';

/**
 * Writes one file that is not a portfolio record (a report, a picture, a schema) atomically.
 * Generated files can be made again, so they are not flushed to disk unless `durable`.
 */
export function writeTextAtomic(abs: string, content: string | Uint8Array, opts: { durable?: boolean; shown?: string; derived?: boolean } = {}): void {
  mkdirFor(abs);
  atomicWrite(abs, content, { durable: opts.durable === true, shown: opts.shown, derived: opts.derived });
}

const madeDirs = new Set<string>();
function mkdirFor(abs: string): void {
  const dir = dirname(abs);
  if (madeDirs.has(dir)) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CostarError('write-failed', `could not create the folder ${dir}: ${(e as NodeJS.ErrnoException).code === 'EEXIST' || (e as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'a file of that name is in the way' : (e as Error).message}`, {
      hint: 'Choose another folder, or move the file out of the way.',
    });
  }
  madeDirs.add(dir);
}

/**
 * Refuses an output path (a report, a document, a picture) that is a file of the portfolio
 * itself — a record, the manifest, a template, costar's own state — or that reaches such a file
 * through a link.
 */
export function assertNotPortfolioFile(root: string, abs: string, shown: string): void {
  const realRoot = realIfExists(root) ?? root;
  const realDir = realIfExists(dirname(abs));
  const real = realIfExists(abs) ?? (realDir ? join(realDir, abs.slice(dirname(abs).length + 1)) : abs);
  if (!isInside(realRoot, real)) return;
  const rel = relative(realRoot, real).split(sep).join('/');
  if (rel === 'costar.yaml' || /^(initiatives|people|cases|templates|\.costar)\//.test(rel)) {
    throw new CostarError('output-is-portfolio-file', `${shown} is a file of the portfolio (${rel}); costar will not write a report or document over it`, {
      hint: 'Write it somewhere else, e.g. into out/.',
    });
  }
}

export const SCHEMA_HEADER: Record<Exclude<RecordKind, 'manifest'>, string | undefined> = {
  initiative: '# yaml-language-server: $schema=../.costar/schema/initiative.schema.json',
  person: '# yaml-language-server: $schema=../.costar/schema/person.schema.json',
  case: undefined,
};
export const MANIFEST_HEADER = '# yaml-language-server: $schema=./.costar/schema/manifest.schema.json';

export interface Change {
  kind: Exclude<RecordKind, 'manifest'> | 'manifest';
  id?: string;
  /** Edit an existing file... */
  edit?: EditOp[];
  /** ...or create a new record with this value... */
  create?: Record<string, unknown>;
  /** ...or delete the record's file. */
  remove?: boolean;
}

export interface CommitResult {
  written: string[];
  removed: string[];
  diagnostics: Diagnostic[];
}

/**
 * Applies changes to a portfolio: edits text surgically, validates the portfolio as it would be,
 * refuses if a changed file would have an error or any file changed on disk since it was read,
 * then writes every file atomically. Nothing is written unless everything can be.
 */
export function commit(p: Portfolio, changes: Change[], opts: { invalidExit?: ExitCode; note?: (m: string) => void } = {}): CommitResult {
  const note = opts.note ?? ((m: string) => process.stderr.write(`note: ${m}\n`));
  let files = [...p.files];
  // Where each file is in `files`, so thousands of edits (import --update) stay linear.
  const at = new Map(files.map((f, i) => [f.rel, i]));
  const removedRels = new Set<string>();
  const positionOf = (f: PortfolioFile) => at.get(f.rel) ?? -1;
  const touched = new Map<string, { file: PortfolioFile; text?: string; remove?: boolean; original?: PortfolioFile }>();
  for (const ch of changes) {
    if (ch.kind === 'manifest') {
      const f = files.find((x) => x.kind === 'manifest')!;
      applyEdit(f, ch.edit ?? []);
      continue;
    }
    const id = ch.id!;
    const existing = p.fileOf(ch.kind, id);
    if (ch.create) {
      if (existing) throw new CostarError('id-exists', `${existing.rel} already exists`, { exitCode: EXIT.failed, hint: 'Choose another id, or change the record with costar set.' });
      const rel = `${KIND_FOLDERS[ch.kind]}/${id}.yaml`;
      const text = renderDocument(ch.create, SCHEMA_HEADER[ch.kind]);
      const nf = virtualFile(p.root, rel, ch.kind, id, text);
      at.set(rel, files.length);
      files.push(nf);
      touched.set(rel, { file: nf, text });
      continue;
    }
    if (!existing) throw new CostarError('unknown-record', `no ${KIND_FOLDERS[ch.kind]}/${id}.yaml in this portfolio`, { exitCode: EXIT.usage });
    if (ch.remove) {
      // Every file of the id goes (a .yaml and a .yml of the same id are both the record).
      for (const f of p.files.filter((x) => x.kind === ch.kind && x.stem === id)) {
        removedRels.add(f.rel);
        touched.set(f.rel, { file: f, remove: true, original: f });
      }
      continue;
    }
    applyEdit(touched.get(existing.rel)?.file ?? existing, ch.edit ?? []);
  }

  function applyEdit(f: PortfolioFile, ops: EditOp[]): void {
    const prev = touched.get(f.rel);
    const base = prev?.file ?? f;
    const full = ensureFull(base);
    if (!base.decoded || !full || full.problems.length) {
      throw new CostarError('cannot-edit', `${f.rel} cannot be changed while it does not parse`, { location: { file: f.rel }, hint: 'Fix it first; see: costar validate' });
    }
    const text = editText(base.decoded.text, full.value, ops, base.decoded.eol);
    const bytes = encode(text, base.decoded.bom);
    const nf = virtualFile(p.root, f.rel, f.kind, f.stem, bytes);
    files[positionOf(base)] = nf;
    touched.set(f.rel, { file: nf, text, original: prev?.original ?? f });
  }

  if (removedRels.size) files = files.filter((f) => !removedRels.has(f.rel));
  // A folder that leads outside the portfolio is refused before anything else is said about it.
  for (const rel of touched.keys()) assertInside(p.root, join(p.root, rel), rel);
  const checked = checkFiles(p.root, files);
  const before = new Set(p.diagnostics.map((o) => `${o.file}\0${o.code}\0${o.message}`));
  const bad = checked.diagnostics.filter((d) => d.severity === 'error' && touched.has(d.file) && !touched.get(d.file)!.remove);
  // References into removed files show up in the files that refer to them.
  const newErrors = checked.diagnostics.filter(
    (d) => d.severity === 'error' && !touched.has(d.file) && !before.has(`${d.file}\0${d.code}\0${d.message}`),
  );
  const refuse = [...bad, ...newErrors];
  if (refuse.length) {
    const lines = refuse.slice(0, 10).map(problemLine);
    throw new CostarError('would-not-validate', `nothing was written: the change would leave ${refuse.length === 1 ? 'a problem' : `${refuse.length} problems`}:\n${lines.join('\n')}`, {
      exitCode: opts.invalidExit ?? EXIT.usage,
      hint: 'Correct the value and try again.',
    });
  }

  // Under the lock from here to the end of the commit: nothing else changes the files meanwhile.
  const release = lock(p.root, note);
  try {
    // Refuse to overwrite anything that changed on disk since it was read.
    for (const [rel, t] of touched) {
      const orig = t.original;
      const abs = join(p.root, rel);
      assertInside(p.root, abs, rel);
      if (!orig) {
        if (existsSync(abs)) throw new CostarError('file-changed', `${rel} appeared on disk while costar was working; nothing was written`, { hint: 'Run the command again.' });
        continue;
      }
      let now: Buffer;
      try {
        now = readFileSync(abs);
      } catch {
        throw new CostarError('file-changed', `${rel} was removed while costar was working; nothing was written`, { hint: 'Run the command again.' });
      }
      if (!now.equals(orig.bytes)) {
        throw new CostarError('file-changed', `${rel} changed on disk since costar read it; nothing was written, so the other change is kept`, {
          hint: 'Run the command again to apply your change on top of it.',
        });
      }
    }

    const ops: FileOp[] = [];
    const written: string[] = [];
    const removed: string[] = [];
    for (const [rel, t] of touched) {
      if (t.remove) {
        ops.push({ rel, remove: true });
        removed.push(rel);
      } else {
        ops.push({ rel, content: t.file.bytes, mode: t.file.kind === 'person' ? 0o600 : undefined });
        written.push(rel);
      }
    }
    // Erasing a record removes every file of its id: the other spelling and crash leftovers too.
    for (const ch of changes) {
      if (!ch.remove || ch.kind === 'manifest') continue;
      const folder = KIND_FOLDERS[ch.kind];
      for (const ext of ['yaml', 'yml']) {
        const rel = `${folder}/${ch.id}.${ext}`;
        if (!touched.has(rel) && existsSync(join(p.root, rel))) {
          ops.push({ rel, remove: true });
          removed.push(rel);
        }
      }
      for (const s of strayTemps(p.root)) {
        const m = TMP_PATTERN.exec(s.slice(s.lastIndexOf('/') + 1));
        if (s.startsWith(`${folder}/`) && m && (m[1] === `${ch.id}.yaml` || m[1] === `${ch.id}.yml`)) {
          ops.push({ rel: s, remove: true });
          removed.push(s);
        }
      }
    }
    for (const [name, content] of Object.entries(schemaFiles())) {
      const rel = `.costar/schema/${name}`;
      if (!existsSync(join(p.root, rel))) ops.push({ rel, content: Buffer.from(content, 'utf8') });
    }
    commitFiles(p.root, ops, { note });
    return { written, removed, diagnostics: checked.diagnostics };
  } finally {
    release();
  }
}

function encode(text: string, bom: boolean): Buffer {
  return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
}

function virtualFile(root: string, rel: string, kind: RecordKind, stem: string | undefined, content: string | Buffer): PortfolioFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return readPortfolioFile(root, rel, kind, stem, bytes);
}

/** Writes the JSON Schemas into <root>/.costar/schema when they are missing (one commit). */
export function ensureSchemas(root: string): void {
  const ops: FileOp[] = [];
  for (const [name, content] of Object.entries(schemaFiles())) {
    const rel = `.costar/schema/${name}`;
    if (!existsSync(join(root, rel))) ops.push({ rel, content: Buffer.from(content, 'utf8') });
  }
  if (ops.length) commitFiles(root, ops);
}
