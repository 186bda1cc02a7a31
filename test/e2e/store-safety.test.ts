/**
 * Nothing lost, nothing outside: the store under full disks, races, kill -9, links, special
 * files and restricted modes. The commands that race or are killed are real bin/costar.js
 * processes; the others, and the checks after them, run in-process (costarIn).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, copyFixture, costar, snapshotTree, tempDir, type RunResult } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const WALKS = 'initiatives/dementia-walks.yaml';

/** Runs costar without waiting, for commands that must overlap. */
function costarAsync(args: string[], cwd: string, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 128 + 9 : -1), stdout, stderr }));
  });
}

/** Temporary files anywhere in the portfolio. */
function temps(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs, `${rel}${name}/`);
      else if (name.endsWith('.tmp')) out.push(rel + name);
    }
  };
  walk(dir, '');
  return out;
}

function csvRows(n: number): string {
  return 'kind,ward,consent,willingness,offers\n' + 'individual,abbey,yes,more,gardening\n'.repeat(n);
}

const peopleCount = (dir: string) => readdirSync(join(dir, 'people')).filter((n) => n.endsWith('.yaml')).length;

describe('a full disk', () => {
  const mount = tempDir('costar-tmpfs-');
  const mounted = process.platform === 'linux' && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=768k', 'tmpfs', mount]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mount]);
  });
  if (!mounted) console.warn('skipping the full-disk test: a small tmpfs could not be mounted here (it needs root)');

  it.runIf(mounted)('leaves every file byte for byte, says which file and why, and leaves no temporary file', async () => {
    const dir = join(mount, 'p');
    spawnSync('cp', ['-r', copyFixture('demo'), dir]);
    expect((await costarIn(['schema'], { cwd: dir })).code).toBe(0);
    const before = snapshotTree(dir);
    // Fill the disk but for one page: room for the lock, not for a record.
    const free = Number(spawnSync('df', ['-B1', '--output=avail', mount], { encoding: 'utf8' }).stdout.trim().split('\n').pop());
    writeFileSync(join(mount, 'fill'), Buffer.alloc(Math.max(0, free - 5000)));
    const set = await costarIn(['set', 'initiatives/dementia-walks', 'focus.scores.ease=5'], { cwd: dir });
    expect(set.code).toBe(1);
    expect(set.stderr).toContain(`could not write ${WALKS}: the disk is full`);
    expect(set.stderr).toContain('[write-failed]');
    const cost = await costarIn(['focus', 'add-cost', 'dementia-walks', '--item', 'Extra', '--kind', 'revenue', '--amount', '100'], { cwd: dir });
    expect(cost.code).toBe(1);
    const report = await costarIn(['generate', 'report', '--format', 'html'], { cwd: dir });
    expect(report.code).toBe(1);
    expect(report.stderr).toMatch(/report\.html: could not write report\.html: the disk is full/);
    expect(report.stderr).not.toContain('[internal]');
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    expect(snapshotTree(dir)).toEqual(before);
    expect(temps(dir)).toEqual([]);
    // With space again, the same command works once: no line was half added before.
    rmSync(join(mount, 'fill'));
    expect((await costarIn(['focus', 'add-cost', 'dementia-walks', '--item', 'Extra', '--kind', 'revenue', '--amount', '100'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, WALKS), 'utf8').match(/item: Extra/g)).toHaveLength(1);
  });
});

describe('two commands at once', () => {
  it('are serialised: neither change is lost, and new ids are never given twice', async () => {
    const dir = copyFixture('demo');
    for (let round = 1; round <= 6; round++) {
      const ease = (round % 5) + 1;
      const [a, b] = await Promise.all([
        costarAsync(['set', 'initiatives/dementia-walks', `focus.scores.ease=${ease}`], dir),
        costarAsync(['focus', 'add-cost', 'dementia-walks', '--item', `Round ${round}`, '--kind', 'revenue', '--amount', '100'], dir),
      ]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      const text = readFileSync(join(dir, WALKS), 'utf8');
      expect(text).toContain(`item: Round ${round}`);
      expect(text).toMatch(new RegExp(`ease: ${ease}\\b`));
    }
    const adds = await Promise.all(
      [1, 2, 3].map(() => costarAsync(['people', 'add', '--kind', 'individual', '--ward', 'abbey', '--consent', '--offer', 'gardening'], dir)),
    );
    for (const r of adds) expect(r.code, r.stderr).toBe(0);
    const ids = adds.map((r) => r.stdout.trim());
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(existsSync(join(dir, 'people', `${id}.yaml`))).toBe(true);
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  }, 120_000); // fifteen processes racing: slow on a busy machine, so a longer limit

  it('a lock held by a running command makes the second wait, then fail clearly; a dead one is taken over', async () => {
    const dir = copyFixture('demo');
    mkdirSync(join(dir, '.costar'), { recursive: true });
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, '.costar', 'lock'), JSON.stringify({ pid: sleeper.pid, host: hostname(), since: '2026-12-01T10:00:00Z' }));
      const before = readFileSync(join(dir, WALKS));
      const r = await costarIn(['set', 'initiatives/dementia-walks', 'focus.scores.ease=5'], { cwd: dir, env: { COSTAR_LOCK_WAIT_MS: '300' } });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`another costar command is changing this portfolio (process ${sleeper.pid}`);
      expect(r.stderr).toContain('[portfolio-locked]');
      expect(readFileSync(join(dir, WALKS)).equals(before)).toBe(true);
    } finally {
      sleeper.kill('SIGKILL');
      await new Promise((r) => sleeper.on('close', r));
    }
    // The holder is gone now: its lock is taken over, with a note.
    const again = await costarIn(['set', 'initiatives/dementia-walks', 'focus.scores.ease=5'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('took over the lock of a costar command that stopped without releasing it');
    expect(existsSync(join(dir, '.costar', 'lock'))).toBe(false);
  });
});

describe('kill -9 in the middle of a commit', () => {
  const rows = 200; // more than the 150 files written before the kill

  it('after the journal: the next command finishes the change (all imported, once)', async () => {
    const dir = copyFixture('demo');
    const before = peopleCount(dir);
    writeFileSync(join(dir, 'rows.csv'), csvRows(rows));
    const killed = costar(['people', 'import', 'rows.csv'], { cwd: dir, env: { COSTAR_TEST_KILL: 'renames:150' } });
    expect(killed.code).toBe(-1); // killed by a signal
    expect(existsSync(join(dir, '.costar', 'journal.json'))).toBe(true);
    const v = await costarIn(['validate'], { cwd: dir });
    expect(v.stderr).toContain('finished a change that an interrupted costar command left half done');
    expect(v.code, v.stdout).toBe(0);
    expect(peopleCount(dir)).toBe(before + rows);
    expect(temps(dir)).toEqual([]);
    expect(existsSync(join(dir, '.costar', 'journal.json'))).toBe(false);
  });

  it('before the journal: nothing changed; the temporary files are reported, then removed by the next write', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    writeFileSync(join(dir, 'rows.csv'), csvRows(rows));
    const killed = costar(['people', 'import', 'rows.csv'], { cwd: dir, env: { COSTAR_TEST_KILL: 'temps:150' } });
    expect(killed.code).toBe(-1);
    const v = await costarIn(['validate', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(v.stdout);
    expect(report.errors).toBe(0);
    expect(report.diagnostics.filter((d: { code: string }) => d.code === 'stray-temp-file')).toHaveLength(150);
    // Stray files hold personal data: the next write removes them.
    expect((await costarIn(['set', 'initiatives/dementia-walks', 'focus.scores.ease=5'], { cwd: dir })).code).toBe(0);
    expect(temps(dir)).toEqual([]);
    const after = snapshotTree(dir);
    for (const rel of Object.keys(before)) if (rel !== WALKS && !rel.startsWith('.costar')) expect(after[rel], rel).toBe(before[rel]);
    expect(peopleCount(dir)).toBe(Object.keys(before).filter((r) => r.startsWith('people/')).length);
  });

  it('at a random moment: always all or nothing', async () => {
    const dir = copyFixture('demo');
    const before = peopleCount(dir);
    writeFileSync(join(dir, 'rows.csv'), csvRows(1500));
    for (const ms of [60, 180, 320, 500]) {
      const child = spawn(process.execPath, [BIN, 'people', 'import', 'rows.csv'], { cwd: dir, env: { ...process.env, CI: '1', NO_COLOR: '1' }, stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, ms));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
      const now = peopleCount(dir);
      expect([before, before + 1500]).toContain(now);
      if (now !== before) break;
    }
  });
});

describe('links and special files', () => {
  it('refuses records, folders and templates that lead outside, special files and oversized manifests', async () => {
    const dir = copyFixture('demo');
    const outside = tempDir('costar-outside-');
    writeFileSync(join(outside, 'secret.hbs'), 'SECRET {{portfolio.name}}');
    writeFileSync(join(outside, 'x.yaml'), 'id: x\n');
    symlinkSync(join(outside, 'x.yaml'), join(dir, 'initiatives', 'x.yaml'));
    spawnSync('mkfifo', [join(dir, 'initiatives', 'pipe.yaml')]);
    const v = await costarIn(['validate', '--format', 'json'], { cwd: dir });
    const codes = JSON.parse(v.stdout).diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`);
    expect(codes).toContain('initiatives/x.yaml outside-portfolio');
    expect(codes).toContain('initiatives/pipe.yaml not-a-file');
    rmSync(join(dir, 'initiatives', 'x.yaml'));
    rmSync(join(dir, 'initiatives', 'pipe.yaml'));

    // A template that is a link to a file elsewhere is refused by name; nothing is written.
    mkdirSync(join(dir, 'templates'));
    symlinkSync(join(outside, 'secret.hbs'), join(dir, 'templates', 'charter.md.hbs'));
    const g = await costarIn(['generate', 'charter', 'dementia-walks'], { cwd: dir });
    expect(g.code).toBe(1);
    expect(g.stderr).toContain('templates/charter.md.hbs leads outside the portfolio');
    expect(g.stdout + g.stderr).not.toContain('SECRET');
    rmSync(join(dir, 'templates'), { recursive: true });

    // out/ as a link to elsewhere: refused, nothing written there.
    symlinkSync(outside, join(dir, 'out'));
    const o = await costarIn(['generate', 'charter', 'dementia-walks'], { cwd: dir });
    expect(o.code).toBe(1);
    expect(o.stderr).toContain('out/ leads outside the portfolio');
    expect(readdirSync(outside).sort()).toEqual(['secret.hbs', 'x.yaml']);
    rmSync(join(dir, 'out'));

    // .costar/ as a link: the lock and journal would live outside; refused.
    symlinkSync(outside, join(dir, '.costar'));
    const before = readFileSync(join(dir, WALKS));
    const s = await costarIn(['set', 'initiatives/dementia-walks', 'focus.scores.ease=5'], { cwd: dir });
    expect(s.code).toBe(1);
    expect(s.stderr).toContain('.costar/ leads outside the portfolio');
    expect(readFileSync(join(dir, WALKS)).equals(before)).toBe(true);
    rmSync(join(dir, '.costar'));

    // The manifest as a link to a device: an error at once, without reading it.
    const m = copyFixture('demo');
    rmSync(join(m, 'costar.yaml'));
    symlinkSync('/dev/zero', join(m, 'costar.yaml'));
    const mv = await costarIn(['validate'], { cwd: m });
    expect(mv.code).toBe(1);
    expect(mv.stdout).toContain('outside-portfolio');
  });

  it('never writes a report or a picture over a file of the portfolio', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const v = await costarIn(['validate', '-o', WALKS], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('[output-is-portfolio-file]');
    const s = await costarIn(['star', '--svg', 'costar.yaml'], { cwd: dir });
    expect(s.code).toBe(1);
    const g = await costarIn(['generate', 'charter', 'dementia-walks', '--out', 'initiatives'], { cwd: dir });
    expect(g.code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('an --out that is a file is a clear error, not an internal one', async () => {
    const dir = copyFixture('demo');
    writeFileSync(join(dir, 'afile'), 'x');
    const r = await costarIn(['generate', 'charter', 'dementia-walks', '--out', 'afile'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a file of that name is in the way');
    expect(r.stderr).not.toContain('[internal]');
  });
});

describe('modes and erasure', () => {
  it('keeps a private file private and leaves a read-only file alone', async () => {
    const dir = copyFixture('demo');
    chmodSync(join(dir, 'people', 'p-0003.yaml'), 0o600);
    expect((await costarIn(['set', 'people/p-0003', 'ward=riverside'], { cwd: dir })).code).toBe(0);
    expect(statSync(join(dir, 'people', 'p-0003.yaml')).mode & 0o777).toBe(0o600);
    chmodSync(join(dir, WALKS), 0o444);
    const before = readFileSync(join(dir, WALKS));
    const r = await costarIn(['set', 'initiatives/dementia-walks', 'focus.scores.ease=5'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${WALKS} is read-only`);
    expect(readFileSync(join(dir, WALKS)).equals(before)).toBe(true);
    // New people records are readable by their owner only.
    const add = await costarIn(['people', 'add', '--kind', 'individual', '--ward', 'abbey', '--consent', '--offer', 'gardening'], { cwd: dir });
    expect(statSync(join(dir, 'people', `${add.stdout.trim()}.yaml`)).mode & 0o777).toBe(0o600);
  });

  it('erases every file of the id, both spellings and crash leftovers, and names each', async () => {
    const dir = copyFixture('demo');
    const yaml = readFileSync(join(dir, 'people', 'p-0002.yaml'), 'utf8');
    writeFileSync(join(dir, 'people', 'p-0002.yml'), yaml);
    writeFileSync(join(dir, 'people', '.p-0002.yaml.abc123def.tmp'), yaml);
    const r = await costarIn(['people', 'remove', 'p-0002', '--yes'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    for (const rel of ['people/p-0002.yaml', 'people/p-0002.yml', 'people/.p-0002.yaml.abc123def.tmp']) {
      expect(r.stderr).toContain(`Erased ${rel}`);
      expect(existsSync(join(dir, rel))).toBe(false);
    }
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  });
});
