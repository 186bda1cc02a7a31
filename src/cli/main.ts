/**
 * Entry point of the bundle. `--version` is answered before anything else loads; every other
 * command loads the program (commander and the command table), which loads only its command.
 */
import { VERSION } from './version.js';

async function start(argv: string[]): Promise<number> {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const { main } = await import('./program.js');
  return main(argv);
}

// `costar map list | head` closes the pipe early: stop quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

start(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`error  ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
