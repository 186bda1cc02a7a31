/**
 * Writing a portfolio safely: atomic writes, refusing files changed since they were read, and
 * validating the portfolio as it would be before anything reaches the disk.
 */
import * as fs from 'node:fs';
import { existsSync, mkdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { CostarError, EXIT, type ExitCode } from '../core/errors.js';
import { KIND_FOLDERS, type RecordKind } from '../core/schema.js';
import { atomicWrite, tmpNameFor } from './atomic.js';
import { editText, renderDocument, type EditOp } from './edit.js';
import { checkFiles, ensureFull, readPortfolioFile, type Portfolio, type PortfolioFile } from './portfolio.js';
import { schemaFiles } from './schemas.js';

/** Writes a file atomically: a temporary `.<name>.<random>.tmp` beside it, then a rename. */
const madeDirs = new Set<string>();

export function writeTextAtomic(abs: string, content: string | Uint8Array, opts: { durable?: boolean } = {}): void {
  const dir = dirname(abs);
  if (!madeDirs.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  // Portfolio records are flushed to disk before the rename; generated documents can be made again.
  atomicWrite(fs, abs, tmpNameFor(abs), content, opts.durable !== false);
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
export function commit(p: Portfolio, changes: Change[], opts: { invalidExit?: ExitCode } = {}): CommitResult {
  const files = [...p.files];
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
      files.push(nf);
      touched.set(rel, { file: nf, text });
      continue;
    }
    if (!existing) throw new CostarError('unknown-record', `no ${KIND_FOLDERS[ch.kind]}/${id}.yaml in this portfolio`, { exitCode: EXIT.usage });
    if (ch.remove) {
      const idx = files.indexOf(touched.get(existing.rel)?.file ?? existing);
      if (idx >= 0) files.splice(idx, 1);
      touched.set(existing.rel, { file: existing, remove: true, original: existing });
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
    const idx = files.indexOf(base);
    files[idx] = nf;
    touched.set(f.rel, { file: nf, text, original: prev?.original ?? f });
  }

  const checked = checkFiles(p.root, files);
  const bad = checked.diagnostics.filter((d) => d.severity === 'error' && touched.has(d.file) && !touched.get(d.file)!.remove);
  // References into removed files show up in the files that refer to them.
  const newErrors = checked.diagnostics.filter(
    (d) => d.severity === 'error' && !touched.has(d.file) && !p.diagnostics.some((o) => o.file === d.file && o.code === d.code && o.message === d.message),
  );
  const refuse = [...bad, ...newErrors];
  if (refuse.length) {
    const lines = refuse.slice(0, 10).map((d) => `  ${d.file}:${d.line}:${d.column}  ${d.message}  [${d.code}]`);
    throw new CostarError('would-not-validate', `nothing was written: the change would leave ${refuse.length === 1 ? 'a problem' : `${refuse.length} problems`}:\n${lines.join('\n')}`, {
      exitCode: opts.invalidExit ?? EXIT.usage,
      hint: 'Correct the value and try again.',
    });
  }

  // Refuse to overwrite anything that changed on disk since it was read.
  for (const [rel, t] of touched) {
    const orig = t.original;
    const abs = join(p.root, rel);
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

  const written: string[] = [];
  const removed: string[] = [];
  for (const [rel, t] of touched) {
    const abs = join(p.root, rel);
    if (t.remove) {
      unlinkSync(abs);
      removed.push(rel);
    } else {
      writeTextAtomic(abs, t.file.bytes);
      written.push(rel);
    }
  }
  ensureSchemas(p.root);
  return { written, removed, diagnostics: checked.diagnostics };
}

function encode(text: string, bom: boolean): Buffer {
  return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
}

function virtualFile(root: string, rel: string, kind: RecordKind, stem: string | undefined, content: string | Buffer): PortfolioFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return readPortfolioFile(root, rel, kind, stem, bytes);
}

/** Writes the JSON Schemas into <root>/.costar/schema when they are missing. */
export function ensureSchemas(root: string): void {
  const dir = join(root, '.costar', 'schema');
  for (const [name, content] of Object.entries(schemaFiles())) {
    const abs = join(dir, name);
    if (!existsSync(abs)) writeTextAtomic(abs, content);
  }
}
