/** Runs the real bin/costar.js on temporary copies of fixtures. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO, 'bin', 'costar.js');
export const FIXTURES = join(REPO, 'fixtures');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The width tests run at unless they set COLUMNS: wide, so that checks of what a message says see
 * it on one line; fitting output to 80 and 120 columns is tested in test/e2e/width.test.ts.
 */
export const TEST_COLUMNS = '1000';

/** Runs costar with NO_COLOR=1 CI=1 (no prompts, no colour) and COLUMNS=TEST_COLUMNS unless env overrides. */
export function costar(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', CI: '1', FORCE_COLOR: undefined, COLUMNS: TEST_COLUMNS, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO, env: env as NodeJS.ProcessEnv, input: opts.input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Copies fixtures/<name> to a fresh temporary folder and returns its path. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `costar-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function tempDir(prefix = 'costar-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under a folder with its bytes, for "nothing changed" checks. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out[relative(dir, abs)] = readFileSync(abs).toString('base64');
    }
  };
  walk(dir);
  return out;
}
