// Bundles the CLI into dist/costar.cjs with esbuild. Run by `npm ci` (prepare) and `npm test`.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'package.json'), '{ "type": "commonjs" }\n');

const templates = {};
for (const name of readdirSync(join(root, 'templates')).sort()) {
  if (name.endsWith('.hbs')) templates[name] = readFileSync(join(root, 'templates', name), 'utf8');
}

await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: join(root, 'dist/costar.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifySyntax: true,
  legalComments: 'none',
  loader: { '.hbs': 'text' },
  define: { __COSTAR_VERSION__: JSON.stringify(pkg.version), __COSTAR_TEMPLATES__: JSON.stringify(templates) },
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'silent' },
});
