// The `serve` figures of npm run bench (see run.mjs):
//  - render: a fresh process that reads the demo portfolio and renders the wall with the server's
//    own render function (in-process: no HTTP), against `costar star --json` on the same portfolio;
//  - latency: from a file write to the `change` event at /events, over 100 writes (p50, p95).
// Run on its own as `node bench/serve.mjs render <dir>`: prints the wall's render time in ms (JSON).
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const bundle = () => require(join(root, 'dist', 'cli', 'commands', 'serve.cjs'));

/** Reads the portfolio and renders the wall page, as the server does on its first request. */
export function renderOnce(dir) {
  const { loadPortfolio, wallPage, layout } = bundle();
  const t0 = process.hrtime.bigint();
  const p = loadPortfolio(dir);
  const html = layout(p, wallPage(p), 1);
  const cold = Number(process.hrtime.bigint() - t0) / 1e6;
  // The same render again, warm (what each later update costs).
  const t1 = process.hrtime.bigint();
  const p2 = loadPortfolio(dir);
  layout(p2, wallPage(p2), 2);
  const warm = Number(process.hrtime.bigint() - t1) / 1e6;
  return { cold, warm, bytes: html.length };
}

/** Write-to-event latency over `n` writes: starts the server in this process on a free port. */
export async function updateLatency(dir, n = 100) {
  const { startServer } = bundle();
  const s = await startServer({ root: dir, port: 0, note: () => {} });
  const waiters = [];
  let buf = '';
  const req = request(new URL('/events', s.local), (res) => {
    res.setEncoding('utf8');
    res.on('data', (c) => {
      buf += c;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (/^event: change$/m.test(block)) waiters.shift()?.(Number(/^data: (.*)$/m.exec(block)[1]));
      }
    });
  });
  req.end();
  const next = () => new Promise((r) => waiters.push(r));
  await next(); // the event sent on connecting
  const file = join(dir, 'initiatives', 'mens-shed.yaml');
  const original = readFileSync(file, 'utf8');
  const times = [];
  for (let k = 0; k < n; k++) {
    const got = next();
    const t0 = process.hrtime.bigint();
    writeFileSync(file, original.replace(/^title: .*$/m, `title: Men's shed, change ${k}`));
    await got;
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  writeFileSync(file, original);
  req.destroy();
  await s.close();
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'render') {
  process.stdout.write(`${JSON.stringify(renderOnce(process.argv[3]))}\n`);
}
