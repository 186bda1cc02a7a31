import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costar, copyFixture, snapshotTree, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

function broken(): string {
  const dir = copyFixture('demo');
  const f = join(dir, 'initiatives', 'dementia-walks.yaml');
  writeFileSync(f, readFileSync(f, 'utf8').replace('status: running', 'status: runing'));
  const p = join(dir, 'people', 'p-0001.yaml');
  writeFileSync(p, readFileSync(p, 'utf8').replace(/^ward:/m, 'wardd:'));
  return dir;
}

describe('costar validate', () => {
  it('passes the demo portfolio with exit 0', async () => {
    const r = (await costarIn(['validate', 'fixtures/demo']));
    expect(r.code).toBe(0);
    // mens-shed is partly scored; dementia-walks mixes 2025 and 2026 prices with no price base set.
    expect(r.stdout).toMatch(/0 errors, 2 warnings in 2 files \(\d+ checked\)/);
    expect(r.stdout).toMatch(/71:20 +warning +the business case's lines are in different price years \(2025, 2026\).*mixed-price-years/);
    expect(r.stderr).toBe('');
  });

  it('reports every problem in one run, stylish, with exit 1', async () => {
    const dir = broken();
    const before = snapshotTree(dir);
    const r = (await costarIn(['validate', dir]));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('initiatives/dementia-walks.yaml');
    expect(r.stdout).toMatch(/5:9 +error +status "runing" is not a valid status; did you mean "running"\?/);
    expect(r.stdout).toMatch(/people\/p-0001\.yaml\n.*warning +unknown field "wardd"; did you mean "ward"\?/);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('json format has the SPEC shape', async () => {
    const r = (await costarIn(['validate', broken(), '--format', 'json']));
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['diagnostics', 'errors', 'warnings']);
    expect(j.errors).toBe(1);
    const d = j.diagnostics.find((x: any) => x.code === 'bad-enum');
    expect(d).toEqual({ file: 'initiatives/dementia-walks.yaml', line: 5, column: 9, severity: 'error', code: 'bad-enum', message: expect.stringContaining('runing') });
    expect(r.stderr).toBe('');
  });

  it('github format uses paths relative to GITHUB_WORKSPACE', async () => {
    const dir = broken();
    const r = (await costarIn(['validate', dir, '--format', 'github'], { env: { GITHUB_WORKSPACE: join(dir, '..') } }));
    const name = dir.split('/').pop();
    expect(r.stdout).toContain(`::error file=${name}/initiatives/dementia-walks.yaml,line=5,col=9::status "runing"`);
    expect(r.stdout).toContain(`::warning file=${name}/people/p-0001.yaml,line=`);
    const r2 = (await costarIn(['validate', '.', '--format', 'github'], { cwd: dir }));
    expect(r2.stdout).toContain('::error file=initiatives/dementia-walks.yaml,line=5,col=9::');
  });

  it('junit format: one testcase per file, failures at or above --fail-on', async () => {
    const dir = broken();
    const r = (await costarIn(['validate', dir, '--format', 'junit']));
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    const cases = r.stdout.match(/<testcase /g)!.length;
    const files = Object.keys(snapshotTree(dir)).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('.')).length;
    expect(cases).toBe(files);
    expect(r.stdout.match(/<failure /g)!.length).toBe(1);
    const w = (await costarIn(['validate', dir, '--format', 'junit', '--fail-on', 'warning']));
    expect(w.stdout.match(/<failure /g)!.length).toBe(3); // one per failing file: the broken files' problems and mens-shed's scores (dementia-walks' mixed price years share its test case)
  });

  it('--fail-on warning fails on warnings; -o writes the report to a file', async () => {
    expect((await costarIn(['validate', 'fixtures/demo', '--fail-on', 'warning'])).code).toBe(1);
    const out = join(tempDir(), 'report.json');
    const r = (await costarIn(['validate', 'fixtures/demo', '--format', 'json', '-o', out]));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).warnings).toBe(2);
  });

  it('usage errors exit 2: unknown flag, bad format, no portfolio', async () => {
    const a = (await costarIn(['validate', '--nope']));
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/unknown option '--nope'/);
    const b = (await costarIn(['validate', '--format', 'xml']));
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/stylish, json, github, junit/);
    const c = (await costarIn(['validate'], { cwd: tempDir() }));
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/no costar portfolio found/);
  });

  it('never prints a stack trace without --verbose', async () => {
    const dir = broken();
    writeFileSync(join(dir, 'initiatives', 'x.yaml'), Buffer.from([0xff, 0xfe, 0x00]));
    const r = (await costarIn(['validate', dir]));
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toContain('not-utf8');
  });
});

describe('CLI frame', () => {
  it('--version and --help', async () => {
    const v = (await costarIn(['--version']));
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = (await costarIn(['--help']));
    expect(h.code).toBe(0);
    for (const c of ['init', 'validate', 'map', 'focus', 'people', 'market', 'grow', 'generate', 'status']) expect(h.stdout).toContain(c);
    const hv = (await costarIn(['validate', '--help']));
    expect(hv.stdout).toContain('Examples:');
  });
  it('the help built into the bundle is what commander prints', async () => {
    const fast = (await costarIn(['--help']));
    const slow = (await costarIn(['help']));
    expect(fast.code).toBe(0);
    expect(fast.stdout).toBe(slow.stdout);
    expect((await costarIn(['-h'])).stdout).toBe(slow.stdout);
  });

  it('an unknown command is a usage error', async () => {
    const r = (await costarIn(['valdate']));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/validate/);
  });
});
