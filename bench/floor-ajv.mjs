// What a user could do instead of costar: read every file with `yaml` and check it with ajv
// against the JSON Schemas costar writes (`costar schema --out <dir>`).
//   node bench/floor-ajv.mjs <portfolio> <schema dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';

const [dir, schemas] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: false });
const check = {};
for (const [kind, file] of [['manifest', 'manifest'], ['initiatives', 'initiative'], ['people', 'person']]) {
  check[kind] = ajv.compile(JSON.parse(readFileSync(join(schemas, `${file}.schema.json`), 'utf8')));
}
let problems = 0;
const run = (validate, path) => {
  if (!validate(parse(readFileSync(path, 'utf8')))) problems += validate.errors.length;
};
run(check.manifest, join(dir, 'costar.yaml'));
for (const sub of ['initiatives', 'people']) {
  let names = [];
  try {
    names = readdirSync(join(dir, sub));
  } catch {}
  for (const name of names) if (/\.ya?ml$/.test(name)) run(check[sub], join(dir, sub, name));
}
process.stdout.write(`${problems}\n`);
