/**
 * Entry point of the bundle (bin/costar.js and the single executable call `cli()`). `--version` and the top-level `--help` are answered before anything
 * else loads; every other command loads the program (commander and the command table), which
 * loads only its command.
 */
import { VERSION } from './version.js';

/** The top-level help, rendered by commander at build time (scripts/build.mjs). */
declare const __COSTAR_HELP__: string | undefined;

async function start(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h') && typeof __COSTAR_HELP__ === 'string' && __COSTAR_HELP__) {
    process.stdout.write(__COSTAR_HELP__);
    return 0;
  }
  const { main } = await import('./program.js');
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
  // `costar map list | head` closes the pipe early: stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void run(process.argv).then((code) => {
    process.exitCode = code;
  });
}
