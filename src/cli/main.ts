/**
 * Entry point of the bundle (bin/costar.js and the single executable call `cli()`). `--version`
 * and the top-level `--help` are answered before anything else loads; every other command loads
 * the program (commander and the command table, dist/cli/program.cjs), which loads only its
 * command.
 */
import { writeSync } from 'node:fs';
import { requireBundle } from './bundles.js';
import { VERSION } from './version.js';

/** The top-level help, rendered by commander at build time (scripts/build.mjs). */
declare const __COSTAR_HELP__: string | undefined;

/** The answer to `--version` or the top-level `--help`, which need nothing else loaded. */
function quickAnswer(argv: string[]): string | undefined {
  const args = argv.slice(2);
  if (args.length !== 1) return undefined;
  if (args[0] === '--version' || args[0] === '-V') return `${VERSION}\n`;
  if ((args[0] === '--help' || args[0] === '-h') && typeof __COSTAR_HELP__ === 'string' && __COSTAR_HELP__) return __COSTAR_HELP__;
  return undefined;
}

async function start(argv: string[]): Promise<number> {
  const quick = quickAnswer(argv);
  if (quick !== undefined) {
    process.stdout.write(quick);
    return 0;
  }
  // commander and the command table: a bundle of their own, loaded only here.
  const { main } = requireBundle<typeof import('./program.js')>('./program.cjs');
  return main(argv);
}

/** Runs costar with these arguments (argv as process.argv has it) and gives the exit code. */
export function run(argv: string[]): Promise<number> {
  return start(argv).catch((e: unknown) => {
    process.stderr.write(`error  ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  });
}

/** The command line: what bin/costar.js and the single executable's loader call. */
export function cli(): void {
  const quick = quickAnswer(process.argv);
  if (quick !== undefined) {
    writeStdout(quick);
    return;
  }
  // `costar map list | head` closes the pipe early: stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void run(process.argv).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Writes a short answer to stdout without process.stdout, whose first use loads Node's streams
 * (about 10 ms, a seventh of a start: npm run bench, section startup). A closed pipe ends
 * quietly, as for every command; a stdout that would block takes the rest the usual way.
 */
function writeStdout(text: string): void {
  // (A Windows console wants its text as UTF-16, which process.stdout gives it.)
  if (process.platform === 'win32') {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  try {
    while (off < bytes.length) off += writeSync(1, bytes, off);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') process.stdout.write(bytes.subarray(off));
    else if (code !== 'EPIPE') throw e;
  }
}
