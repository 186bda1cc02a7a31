/**
 * The single executable, built by scripts/package.mjs and run from a folder with no node_modules
 * anywhere above it, so it can only use what is inside it. Run by `npm run test:package` (not part
 * of `npm test`). Only the Linux build runs here; the Windows one cannot be run, so with
 * COSTAR_TEST_WINDOWS=1 (as .ci/run sets) it is built and read back with resedit.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NtExecutable, NtExecutableResource } from 'resedit';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../bench/generate-portfolio.mjs';
import { FIXTURES, REPO } from '../helpers/cli.js';

const VERSION = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;
const withWindows = process.env.COSTAR_TEST_WINDOWS === '1';
let dir = '';

function sea(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', CI: '1' };
  delete env.NODE_OPTIONS; // a SEA honours NODE_OPTIONS; the test runner's must not leak in
  const r = spawnSync(join(dir, 'costar-linux-x64'), args, { cwd: dir, env, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function hasNodeModulesAbove(start: string): boolean {
  for (let d = start; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return true;
    if (dirname(d) === d) return false;
  }
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('single executable', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist', 'cli', 'main.cjs'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
    const env: NodeJS.ProcessEnv = { ...process.env, COSTAR_SKIP_WINDOWS: withWindows ? '0' : '1' };
    const r = spawnSync(process.execPath, ['scripts/package.mjs'], { cwd: REPO, env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^built dist\/costar-linux-x64 {2}\d+\.\d MiB/m);
    dir = mkdtempSync(join(tmpdir(), 'costar-sea-'));
    expect(hasNodeModulesAbove(dir)).toBe(false);
    copyFileSync(join(REPO, 'dist', 'costar-linux-x64'), join(dir, 'costar-linux-x64'));
    spawnSync('chmod', ['755', join(dir, 'costar-linux-x64')]);
    cpSync(join(FIXTURES, 'demo'), join(dir, 'demo'), { recursive: true });
  }, withWindows ? 180_000 : 90_000);

  it('prints its version with no experimental warning', () => {
    expect(sea(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('validates the demo portfolio', () => {
    const r = sea(['validate', 'demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 errors, \d+ warnings? in \d+ files? \(\d+ checked\)$/m);
    const json = sea(['validate', 'demo', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ errors: 0 });
  });

  it('carries the built-in data and templates inside it', () => {
    const cases = sea(['explore', '--json']);
    expect(cases.code, cases.stderr).toBe(0);
    expect(JSON.parse(cases.stdout).length).toBeGreaterThan(10);
    const r = sea(['templates', 'export', '-C', 'demo', '--out', 'tpl']);
    expect(r.code, r.stderr).toBe(0);
    const exported = readdirSync(join(dir, 'tpl')).sort();
    expect(exported).toEqual(readdirSync(join(REPO, 'templates')).filter((n) => n.endsWith('.hbs')).sort());
    for (const name of exported) expect(readFileSync(join(dir, 'tpl', name), 'utf8')).toBe(readFileSync(join(REPO, 'templates', name), 'utf8'));
  });

  it('reads and writes large batches', () => {
    generatePortfolio(join(dir, 'large'), 1200, 10, 'charter');
    const v = sea(['validate', 'large']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('no problems in 1211 files');
    const r = sea(['generate', 'charter', '--all', '-C', 'large', '--out', 'large-out']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1200);
    expect(readdirSync(join(dir, 'large-out'))).toHaveLength(1200);
    expect(readFileSync(join(dir, 'large-out', 'initiative-01200.charter.md'), 'utf8')).toContain('# Co-production charter: Initiative number 1200');
  });

  it('writes the finance workbook and Word documents from their own bundles (exceljs, docx inside the executable)', () => {
    const r = sea(['generate', 'business-case', 'dementia-walks', '--format', 'xlsx', '-C', 'demo', '--out', 'xlsx-out']);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(join(dir, 'xlsx-out', 'dementia-walks.business-case.xlsx'));
    expect(bytes.toString('latin1', 0, 2)).toBe('PK'); // a zip, as every .xlsx is
    expect(bytes.includes(Buffer.from('xl/workbook.xml'))).toBe(true);
    // And the Word documents, from theirs (docx and markdown-it inside the executable).
    const w = sea(['generate', 'report', '--format', 'docx', '--as-of', '2027-01-31', '-C', 'demo', '--out', 'docx-out']);
    expect(w.code, w.stderr).toBe(0);
    const docx = readFileSync(join(dir, 'docx-out', 'report.docx'));
    expect(docx.toString('latin1', 0, 2)).toBe('PK');
    expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
  });

  it('prints shell completion and keeps usage errors at exit 2', () => {
    const r = sea(['completion', 'bash']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('complete -F');
    const bad = sea(['validate', 'demo', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('stylish, json, github, junit');
  });

  it.runIf(withWindows)('builds an unsigned Windows executable holding the blob, with the fuse set', () => {
    const bytes = readFileSync(join(REPO, 'dist', 'costar-win-x64.exe'));
    const exe = NtExecutable.from(bytes, { ignoreCert: false });
    expect(exe.newHeader.optionalHeaderDataDirectory.get(4)).toEqual({ virtualAddress: 0, size: 0 }); // no certificate table
    const blob = NtExecutableResource.from(exe).entries.find((e) => e.type === 10 && e.id === 'NODE_SEA_BLOB');
    expect(blob?.bin.byteLength ?? 0).toBeGreaterThan(1024 * 1024);
    expect(bytes.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
  });
});
