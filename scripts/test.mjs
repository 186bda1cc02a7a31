// npm test: build, then the unit and end-to-end tests. The type check is `npm run typecheck`
// (tsc --noEmit, about half a minute of a core), which .ci/run runs beside it.
// Arguments go to vitest (npm test -- test/unit).
// The build (esbuild, about six seconds of CPU) is left out when dist/ is newer than everything it
// is made from, as after `npm ci` (whose prepare step builds): the sources, the templates, the
// build script and the installed packages.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The latest modification time of a file, or of any file or folder under a folder. */
function latest(path) {
  if (!existsSync(path)) return Infinity;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const name of readdirSync(path)) t = Math.max(t, latest(join(path, name)));
  return t;
}

// The last file the build writes; it is moved into place with the rest when the build succeeds.
const built = join(root, 'dist', 'cli', 'externals.json');
const inputs = ['src', 'templates', 'scripts/build.mjs', 'package.json', 'package-lock.json', 'node_modules/.package-lock.json'];
if (existsSync(built) && Math.max(...inputs.map((p) => latest(join(root, p)))) < statSync(built).mtimeMs) {
  console.log('dist/ is newer than its sources: not building again');
} else {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const tests = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(tests.status ?? 1);
