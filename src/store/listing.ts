/**
 * Which files make up a portfolio: the manifest and the record files of its folders, in a stable
 * order, with what listing them found wrong (links that lead outside, names with control
 * characters, temporary files left by a crash).
 */
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { RecordKind } from '../core/schema.js';
import { isInside, realIfExists, TMP_PATTERN } from './fsafe.js';

export const MANIFEST = 'costar.yaml';

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
