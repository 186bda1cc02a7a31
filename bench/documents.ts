// Helper for `npm run bench` (bundled by bench/run.mjs with esbuild):
//   dump  <portfolio> <kind> <contexts.json>   write the data each document's template receives
//   floor <contexts.json> <kind> <out dir>     the floor: compile the template once, render it in
//                                              a bare loop and write the files
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../src/generate/engine.js';
import { loadKind, type DocKindName } from '../src/generate/kinds.js';
import { loadValidPortfolio } from '../src/store/portfolio.js';

const [mode, a, kindName, b] = process.argv.slice(2) as [string, string, DocKindName, string];

if (mode === 'dump') {
  const p = loadValidPortfolio(a);
  const kind = await loadKind(kindName);
  const docs = p.initiatives
    .filter((i) => !kind.has || kind.has(i))
    .map((i) => ({ name: `${i.id}.${kindName}.md`, ctx: kind.context(p, i.id, { format: 'md', includePersonal: false, asOf: '2027-01-31' }) }));
  writeFileSync(b, JSON.stringify({ currency: p.config.currency, startYear: p.config.startYear, docs }));
} else if (mode === 'floor') {
  const data = JSON.parse(readFileSync(a, 'utf8')) as { currency: string; startYear: number | null; docs: Array<{ name: string; ctx: Record<string, unknown> }> };
  const engine = createEngine({ currency: data.currency, startYear: data.startYear });
  mkdirSync(b, { recursive: true });
  const t0 = performance.now();
  for (const d of data.docs) writeFileSync(join(b, d.name), engine.render(kindName, 'md', d.ctx));
  process.stderr.write(`timing: loop ${Math.round(performance.now() - t0)} ms\n`);
}
