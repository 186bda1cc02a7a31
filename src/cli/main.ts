/** Entry point of the bundle: run the CLI and exit with its code. */
import { main } from './program.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`error  ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
