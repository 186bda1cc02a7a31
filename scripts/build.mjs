// Builds costar with esbuild. Run by `npm ci` (prepare), `npm test` and `npm run bench`.
//  - dist/esm/: what bin/costar.js runs. Split into chunks so each command loads only its own
//    code: start-up stays close to a bare `node`.
//  - dist/costar.cjs: the same program as one CommonJS file, for the single executable.
// Templates are inlined (__COSTAR_TEMPLATES__), so neither needs files at run time.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const templates = {};
for (const name of readdirSync(join(root, 'templates')).sort()) {
  if (name.endsWith('.hbs')) templates[name] = readFileSync(join(root, 'templates', name), 'utf8');
}
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'package.json'), '{ "type": "commonjs" }\n');

const common = {
  entryPoints: [join(root, 'src/cli/main.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  define: { __COSTAR_VERSION__: JSON.stringify(pkg.version), __COSTAR_TEMPLATES__: JSON.stringify(templates) },
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
};

// Build beside the live folder, then swap it in, so a costar running meanwhile never sees half a build.
const tag = `${process.pid}-${Date.now()}`;
const staging = join(root, 'dist', `.esm-${tag}`);
await Promise.all([
  build({
    ...common,
    outdir: staging,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS packages call require(); give ES modules one.
    banner: { js: "import { createRequire as __costarRequire } from 'node:module'; const require = __costarRequire(import.meta.url);" },
  }),
  build({ ...common, outfile: join(root, 'dist', `.costar-${tag}.cjs`), format: 'cjs' }),
]);
writeFileSync(join(staging, 'package.json'), '{ "type": "module" }\n');
const live = join(root, 'dist', 'esm');
const old = join(root, 'dist', `.esm-old-${tag}`);
if (existsSync(live)) renameSync(live, old);
renameSync(staging, live);
renameSync(join(root, 'dist', `.costar-${tag}.cjs`), join(root, 'dist', 'costar.cjs'));
rmSync(old, { recursive: true, force: true });
