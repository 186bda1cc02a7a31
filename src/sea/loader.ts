/**
 * The main script of the single executable (scripts/package.mjs bundles it with esbuild). The
 * bundles of dist/cli/ travel as SEA assets; this runs them as CommonJS modules, so a command's
 * bundle is compiled only when that command runs and start-up stays that of bin/costar.js.
 *
 * In a single executable `require` loads only Node's built-in modules. A bundle's require of a
 * relative path (`requireBundle('./commands/map.cjs')`) is served from the assets instead; the
 * build turns every `import()` into a require (esbuild `supported: { 'dynamic-import': false }`),
 * so there is no other way for a bundle to load code.
 */
import { getAsset } from 'node:sea';
import { posix } from 'node:path';
import { compileFunction } from 'node:vm';

interface Loaded {
  exports: unknown;
  id: string;
  filename: string;
}

const loaded = new Map<string, Loaded>();
const isLocal = (spec: string) => spec.startsWith('./') || spec.startsWith('../');

function load(name: string): unknown {
  const cached = loaded.get(name);
  if (cached) return cached.exports;
  const mod: Loaded = { exports: {}, id: name, filename: name };
  loaded.set(name, mod);
  const dir = posix.dirname(name);
  const req = (spec: string): unknown => (isLocal(spec) ? load(posix.join(dir, spec)) : require(spec));
  const run = compileFunction(getAsset(name, 'utf8'), ['exports', 'require', 'module', '__filename', '__dirname'], { filename: name });
  run.call(mod.exports, mod.exports, req, mod, name, dir);
  return mod.exports;
}

(load('main.cjs') as { cli(): void }).cli();
