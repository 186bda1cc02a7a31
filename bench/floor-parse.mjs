// The floor for validate: read every file of a portfolio and run yaml's parseDocument on it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const dir = process.argv[2];
let n = 0;
const files = [join(dir, 'costar.yaml')];
for (const sub of ['initiatives', 'people', 'cases']) {
  let names = [];
  try {
    names = readdirSync(join(dir, sub));
  } catch {}
  for (const name of names) if (/\.ya?ml$/.test(name)) files.push(join(dir, sub, name));
}
for (const f of files) {
  const doc = parseDocument(readFileSync(f, 'utf8'));
  if (doc.errors.length === 0) n++;
}
process.stdout.write(`${n}\n`);
