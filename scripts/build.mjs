// Builds costar with esbuild. Run by `npm ci` (prepare), `npm test` and `npm run bench`.
//  - dist/cli/: what bin/costar.js runs. main.cjs answers --version and --help and loads
//    program.cjs (commander and the command table) for anything else; each command is its own
//    bundle in dist/cli/commands/, required when it runs, so start-up stays close to a bare `node`.
//    The single executable (scripts/package.mjs) is made from the same files.
// Templates are inlined (__COSTAR_TEMPLATES__), so neither needs files at run time.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
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
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minifySyntax: true,
  legalComments: 'none',
  define: { __COSTAR_VERSION__: JSON.stringify(pkg.version), __COSTAR_TEMPLATES__: JSON.stringify(templates) },
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
  // Every import() becomes a require: the single executable's loader (src/sea/loader.ts) serves
  // requires, and a function it compiles cannot import().
  supported: { 'dynamic-import': false },
  metafile: true,
};

/**
 * Handlebars loads source-map only to write source maps of compiled templates, which costar never
 * asks for; without it Handlebars uses its own plain code builder. Leaving it out saves every
 * document command loading 53 KB.
 */
const noSourceMap = {
  name: 'no-source-map',
  setup(b) {
    b.onResolve({ filter: /^source-map$/ }, () => ({ path: 'source-map', namespace: 'costar-empty' }));
    b.onLoad({ filter: /.*/, namespace: 'costar-empty' }, () => ({ contents: '', loader: 'empty' }));
  },
};

/**
 * Bundles loaded at run time (src/cli/bundles.ts): each command, found as
 * src/cli/commands/<name>.ts or src/cli/commands/<name>/index.ts, becomes
 * dist/cli/commands/<name>.cjs; the finance workbook (exceljs is large) becomes dist/cli/xlsx.cjs, and
 * the Word documents (docx) dist/cli/docx.cjs.
 */
const commandsDir = join(root, 'src', 'cli', 'commands');
const commandEntries = {};
for (const e of readdirSync(commandsDir, { withFileTypes: true })) {
  if (e.isFile() && e.name.endsWith('.ts')) commandEntries[e.name.slice(0, -3)] = join(commandsDir, e.name);
  else if (e.isDirectory() && existsSync(join(commandsDir, e.name, 'index.ts'))) commandEntries[e.name] = join(commandsDir, e.name, 'index.ts');
}

// Build beside the live folder, then swap it in, so a costar running meanwhile never sees half a build.
const tag = `${process.pid}-${Date.now()}`;
const staging = join(root, 'dist', `.cli-${tag}`);
// A failed build leaves no half-made staging folder behind.
process.on('exit', () => rmSync(staging, { recursive: true, force: true }));
const [, programBuild, commandsBuild, xlsxBuild, docxBuild] = await Promise.all([
  build({ ...common, entryPoints: [join(root, 'src/cli/main.ts')], outfile: join(staging, 'main.cjs') }),
  // commander and the command table, loaded by main.cjs for every command but the version and the help.
  build({ ...common, entryPoints: [join(root, 'src/cli/program.ts')], outfile: join(staging, 'program.cjs') }),
  build({
    ...common,
    entryPoints: commandEntries,
    outdir: join(staging, 'commands'),
    outExtension: { '.js': '.cjs' },
    plugins: [noSourceMap],
  }),
  build({ ...common, entryPoints: [join(root, 'src/generate/xlsx.ts')], outfile: join(staging, 'xlsx.cjs') }),
  // Word documents (docx and markdown-it): loaded only for --format docx.
  build({ ...common, entryPoints: [join(root, 'src/generate/docx.ts')], outfile: join(staging, 'docx.cjs') }),
]);
// The top-level help, rendered once by commander itself and built into main.cjs, so that
// `costar --help` need not load commander (a test checks it matches `costar help`).
const help = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(staging, 'main.cjs'))}).cli()`, 'costar', 'help'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '80', NO_COLOR: '1' } });
if (help.status !== 0 || !help.stdout.includes('Usage: costar')) throw new Error(`could not render the help: ${help.stderr}`);
const mainBuild = await build({
  ...common,
  define: { ...common.define, __COSTAR_HELP__: JSON.stringify(help.stdout) },
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(staging, 'main.cjs'),
});
// What each bundle loads from outside itself, for scripts/package.mjs to check: a single
// executable can load only Node's built-in modules and the other bundles.
const outputs = {};
for (const b of [mainBuild, programBuild, commandsBuild, xlsxBuild, docxBuild]) {
  for (const [file, out] of Object.entries(b.metafile.outputs)) {
    outputs[file.slice(file.indexOf('/.cli-') + `/.cli-${tag}/`.length)] = [...new Set(out.imports.filter((i) => i.external).map((i) => i.path))].sort();
  }
}
writeFileSync(join(staging, 'externals.json'), `${JSON.stringify(outputs, null, 2)}\n`);
const live = join(root, 'dist', 'cli');
const old = join(root, 'dist', `.cli-old-${tag}`);
if (existsSync(live)) renameSync(live, old);
renameSync(staging, live);
rmSync(join(root, 'dist', 'costar.cjs'), { force: true });
rmSync(old, { recursive: true, force: true });
rmSync(join(root, 'dist', 'esm'), { recursive: true, force: true });
