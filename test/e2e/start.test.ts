/**
 * The real bin/costar.js answering `--version` and `--help` before anything else loads (they are
 * written to stdout directly, not through process.stdout), and every command stopping quietly
 * when the reader of its output has gone (`costar map list | head`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, costar, FIXTURES, REPO, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const ENV = { ...process.env, NO_COLOR: '1', CI: '1', COLUMNS: '1000' };

/** Runs costar with its stdout read by nobody: the reading end is closed before costar starts. */
function toClosedPipe(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

describe('costar --version and --help, in a process of their own', () => {
  it('print what the program prints, through a pipe and into a file', async () => {
    for (const [flags, full] of [
      [['--version', '-V'], await costarIn(['--version'])],
      [['--help', '-h'], await costarIn(['help'])],
    ] as const) {
      expect(full.code).toBe(0);
      for (const flag of flags) {
        const piped = costar([flag]);
        expect(piped, flag).toEqual({ code: 0, stdout: full.stdout, stderr: '' });
        const file = join(tempDir(), 'out.txt');
        const fd = openSync(file, 'w');
        const r = spawnSync(process.execPath, [BIN, flag], { env: ENV, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        closeSync(fd);
        expect(r.status, flag).toBe(0);
        expect(r.stderr).toBe('');
        expect(readFileSync(file, 'utf8')).toBe(full.stdout);
      }
    }
    expect((await costarIn(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('write all of their answer to a stdout that would block (a full, non-blocking pipe)', () => {
    // costar's first write fails with EAGAIN; the answer then goes the usual way, waiting until
    // the reader has made room (test/helpers/full-pipe.py).
    const script = join(REPO, 'test', 'helpers', 'full-pipe.py');
    for (const flag of ['--help', '--version']) {
      const r = spawnSync('python3', [script, process.execPath, BIN, flag], { env: ENV, encoding: 'utf8', maxBuffer: 1 << 24 });
      expect(r.status, r.stderr).toBe(0);
      const [head, data] = r.stdout.split('\0') as [string, string];
      const [filled, code] = head.split('\n')[0]!.split(' ').map(Number) as [number, number];
      expect(filled).toBeGreaterThan(0);
      expect(head.split('\n').slice(1).join('\n'), flag).toBe('');
      expect(code, flag).toBe(0);
      expect(data.slice(0, filled)).toBe('x'.repeat(filled));
      expect(data.slice(filled), flag).toBe(costar([flag]).stdout);
    }
  });

  it('stop quietly, exit 0, when nobody reads their output; so does a command', async () => {
    for (const args of [['--version'], ['--help']]) {
      const r = await toClosedPipe(args);
      expect(r, args.join(' ')).toEqual({ code: 0, signal: null, stderr: '' });
    }
    // A command's messages still reach stderr (its Next: hint), but no error does.
    const r = await toClosedPipe(['map', 'list', '-C', join(FIXTURES, 'demo')]);
    expect(r.code).toBe(0);
    expect(r.signal).toBeNull();
    expect(r.stderr).toMatch(/^Next: /);
    expect(r.stderr).not.toMatch(/EPIPE|error|\n\s+at /i);
  });
});
