/**
 * Runs costar in this test process: the built bundle (dist/cli/main.cjs, what bin/costar.js runs)
 * with its streams captured, in a working folder, with NO_COLOR=1 CI=1 and a wide COLUMNS (see TEST_COLUMNS) — what `costar()` of
 * cli.ts does, without starting a process. For the many small contract checks (a usage error
 * and nothing changed); anything about processes (signals, locks, terminals, stdin, exit on a
 * closed pipe) keeps using `costar()`. The test pool runs files in forked processes, so changing
 * the working folder here touches no other file's tests; calls must not overlap (await each).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO, TEST_COLUMNS, type RunResult } from './cli.js';

const require = createRequire(import.meta.url);
let bundle: { run(argv: string[]): Promise<number> } | undefined;

export async function costarIn(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
  bundle ??= require(join(REPO, 'dist', 'cli', 'main.cjs')) as { run(argv: string[]): Promise<number> };
  const env = { NO_COLOR: '1', CI: '1', COLUMNS: TEST_COLUMNS, ...opts.env };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const cwd = process.cwd();
  const out: string[] = [];
  const err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  const capture = (into: string[]) => ((chunk: string | Uint8Array) => (into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true)) as typeof process.stdout.write;
  Object.assign(process.env, env);
  process.chdir(opts.cwd ?? REPO);
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  // As for a spawned costar with pipes: no terminal anywhere (so widths and colour are those of a pipe).
  const tty = [process.stdin, process.stdout, process.stderr].map((s) => Object.getOwnPropertyDescriptor(s, 'isTTY'));
  for (const s of [process.stdin, process.stdout, process.stderr]) Object.defineProperty(s, 'isTTY', { value: false, configurable: true, writable: true });
  const exitCode = process.exitCode;
  try {
    const code = await bundle.run(['node', 'costar', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    [process.stdin, process.stdout, process.stderr].forEach((s, i) => {
      if (tty[i]) Object.defineProperty(s, 'isTTY', tty[i]!);
      else delete (s as { isTTY?: boolean }).isTTY;
    });
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = exitCode;
    process.chdir(cwd);
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
