// Helper for `npm run bench` (bundled by bench/run.mjs with esbuild):
//   dump  <portfolio> <kind> <contexts.json>   write the data each document's template receives
//   floor <contexts.json> <kind> <out dir>     the floor: compile the template once, render it in
//                                              a bare loop and write the files
//   floor-read <portfolio> <kind> <contexts.json> <out dir>
//                                              the same, after reading and parsing every file of the
//                                              portfolio with js-yaml (what any tool working from
//                                              these files must do before it can render)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
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
} else if (mode === 'floor' || mode === 'floor-read') {
  let [contexts, out] = [a, b];
  if (mode === 'floor-read') {
    const t0 = performance.now();
    const files = [join(a, 'costar.yaml')];
    for (const sub of ['initiatives', 'people', 'cases']) {
      if (!existsSync(join(a, sub))) continue;
      for (const name of readdirSync(join(a, sub))) if (/\.ya?ml$/.test(name)) files.push(join(a, sub, name));
    }
    let n = 0;
    for (const f of files) if (jsyaml.load(readFileSync(f, 'utf8'), { schema: jsyaml.CORE_SCHEMA })) n++;
    process.stderr.write(`timing: read ${n} files ${Math.round(performance.now() - t0)} ms\n`);
    [contexts, out] = [b, process.argv[6]!];
  }
  const data = JSON.parse(readFileSync(contexts, 'utf8')) as { currency: string; startYear: number | null; docs: Array<{ name: string; ctx: Record<string, unknown> }> };
  const engine = createEngine({ currency: data.currency, startYear: data.startYear });
  mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  for (const d of data.docs) writeFileSync(join(out, d.name), engine.render(kindName, 'md', d.ctx));
  process.stderr.write(`timing: loop ${Math.round(performance.now() - t0)} ms\n`);
}
