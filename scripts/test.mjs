// npm test: build, then the type check and the test suite side by side (the type check takes a
// core for about fifteen seconds, which the suite's waits for terminals and processes leave free).
// Fails if either fails; arguments go to vitest (npm test -- test/unit).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const run = (cmd, args) =>
  new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit' });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
const [tsc, vitest] = await Promise.all([run(bin('tsc'), ['--noEmit', '-p', '.']), run(bin('vitest'), ['run', ...process.argv.slice(2)])]);
if (tsc !== 0) process.stderr.write('npm test: the type check failed (tsc --noEmit)\n');
process.exit(tsc || vitest);
