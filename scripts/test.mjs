// npm test: build, then the unit and end-to-end tests. The type check is `npm run typecheck`
// (tsc --noEmit, about half a minute of a core), which .ci/run runs beside it.
// Arguments go to vitest (npm test -- test/unit).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const tests = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(tests.status ?? 1);
