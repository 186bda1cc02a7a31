// A portfolio on a slow drive (a network drive): the real bin/costar.js reads the first files one
// after another, finds the reads slow and reads the rest many at once with fs.promises — and
// what it reports and writes is exactly what it reports and writes from a local folder. The drive
// is bench/slow-drive.py (FUSE), waiting 1 ms on every open, stat and read.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../bench/generate-portfolio.mjs';
import { costar, REPO, tempDir } from '../helpers/cli.js';

const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const canMount = existsSync('/dev/fuse') && spawnSync(PYTHON, ['-c', 'import fusepy'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!canMount)('a portfolio on a slow drive', () => {
  const local = tempDir('costar-local-');
  const mnt = tempDir('costar-slow-');
  let drive: ChildProcess | undefined;

  beforeAll(async () => {
    // One portfolio in the middle of its journey (warnings and an error to place), one ready for charters.
    generatePortfolio(join(local, 'mid'), 100, 20, 'all', { midJourney: true });
    generatePortfolio(join(local, 'charters'), 100, 20, 'charter');
    drive = spawn(PYTHON, [join(REPO, 'bench', 'slow-drive.py'), local, mnt], { env: { ...process.env, DELAY: '0.001' }, stdio: 'ignore' });
    for (let i = 0; i < 100 && !existsSync(join(mnt, 'mid', 'costar.yaml')); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(join(mnt, 'mid', 'costar.yaml')), 'the slow drive is mounted').toBe(true);
  });

  afterAll(() => {
    drive?.kill();
    spawnSync('umount', [mnt]);
  });

  it('reads the rest many at once and reports and writes what a local folder gives', () => {
    const slow = costar(['validate', join(mnt, 'mid'), '--format', 'json']);
    const fast = costar(['validate', join(local, 'mid'), '--format', 'json']);
    expect(slow.code, slow.stderr).toBe(1);
    expect(slow.stdout).toBe(fast.stdout);
    const found = JSON.parse(slow.stdout) as { errors: number; warnings: number };
    expect(found.errors).toBeGreaterThan(0);
    expect(found.warnings).toBeGreaterThan(30);

    const outSlow = tempDir('costar-out-');
    const outLocal = tempDir('costar-out-');
    const g = costar(['generate', 'charter', '--all', '--as-of', '2027-01-31', '-C', join(mnt, 'charters'), '--out', outSlow, '--verbose']);
    expect(g.code, g.stderr).toBe(0);
    // 121 files: the first 64 read one after another, then the drive found slow.
    expect(g.stderr).toMatch(/read and checked 121 files in \d+ ms \(57 of them many at once, the drive being slow\)/);
    const l = costar(['generate', 'charter', '--all', '--as-of', '2027-01-31', '-C', join(local, 'charters'), '--out', outLocal]);
    expect(l.code, l.stderr).toBe(0);
    const names = readdirSync(outLocal).sort();
    expect(names.length).toBe(100);
    expect(readdirSync(outSlow).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(outSlow, n), 'utf8'), n).toBe(readFileSync(join(outLocal, n), 'utf8'));
  }, 120_000);
});
