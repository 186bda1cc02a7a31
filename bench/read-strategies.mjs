// The evidence for how costar reads a portfolio (npm run bench, section "read"): every record
// file of <dir> read and parsed with js-yaml, either with synchronous reads one after another
// (what the store does: store/fsafe.ts readRegular) or with fs.promises and a concurrency limit,
// parsing each file as it arrives.
//   node bench/read-strategies.mjs sync <dir>
//   node bench/read-strategies.mjs promises <dir> [limit]
import { closeSync, fstatSync, openSync, promises, readdirSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const [mode, dir, limitArg] = process.argv.slice(2);
const files = [join(dir, 'costar.yaml')];
for (const folder of ['initiatives', 'people']) for (const name of readdirSync(join(dir, folder)).sort()) files.push(join(dir, folder, name));

function readOne(path) {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

let parsed = 0;
const parse = (buf) => {
  if (yaml.load(buf.toString('utf8')) !== undefined) parsed++;
};
if (mode === 'sync') {
  for (const f of files) parse(readOne(f));
} else {
  const limit = Number(limitArg ?? 64);
  let next = 0;
  const worker = async () => {
    while (next < files.length) parse(await promises.readFile(files[next++]));
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
if (parsed !== files.length) throw new Error(`parsed ${parsed} of ${files.length} files`);
