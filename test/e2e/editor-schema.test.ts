/**
 * The JSON Schemas agree with `costar validate` in a real editor's language server
 * (yaml-language-server over LSP, stdio) and in ajv: no error where costar reports none, and an
 * error on each broken file whose rule JSON Schema can express.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { YamlLanguageServer } from '../helpers/lsp.js';

const HEAD = '# yaml-language-server: $schema=../.costar/schema/initiative.schema.json\nid: ID\ntitle: T\nserviceArea: housing\nstatus: idea\n';
const bc = (benefit: string, costYears = '[0, 1]') =>
  `focus:\n  businessCase:\n    costs:\n      - { item: Staff, kind: revenue, amount: 1000, years: ${costYears} }\n    benefits:\n      - { item: Fewer visits, kind: fiscal, ${benefit}, years: [1] }\n`;

/** Broken initiatives: each breaks one rule that JSON Schema can express. */
const BROKEN: Record<string, string> = {
  'dup-years': bc('amount: 500', '[0, 0]'),
  'amount-cohort': bc('amount: 500, cohort: 10, unitValue: 50'),
  'no-value': bc('engagement: 0.5'),
  'feb-30': 'grow:\n  review: { date: 2027-02-30 }\n',
  'not-leap': 'grow:\n  review: { date: 2027-02-29 }\n',
  'bad-month': 'market:\n  charter: { review: 2027-13-01 }\n',
  'dup-indicators': 'grow:\n  indicators:\n    - { name: Walks, kind: outcome }\n    - { name: Walks, kind: outcome }\n',
};
/**
 * The schema says these items are unique, but yaml-language-server compares list items by
 * identity, so it sees no duplicate mappings; ajv does.
 */
const EDITOR_BLIND = new Set(['dup-indicators']);
/** Valid initiatives that exercise the same rules' edges. */
const GOOD: Record<string, string> = {
  'leap-day': 'grow:\n  review: { date: 2024-02-29 }\n',
  'by-cohort': bc('cohort: 10, unitValue: 50'),
  'amount-unit': bc('amount: 500'),
};
/** Broken manifests (one portfolio each). */
const MANIFESTS: Record<string, (text: string) => string> = {
  currency: (t) => t.replace(/currency: GBP/, 'currency: XYZ'),
  grade: (t) => t.replace(/(optimismBias:[^\n]*\n)/, '$1    7: [0.1, 0.1]\n'),
  deflators: (t) => t.replace(/(appraisal:\n)/, '$1  deflators: { 2025: 100, last: 90 }\n'),
  'dup-ward': (t) => t.replace(/- south\n/, '- north\n'),
};

let server: YamlLanguageServer;
let demo: string;
let fresh: string;
let broken: Record<string, string>;
const validateJson = async (dir: string) => JSON.parse((await costarIn(['validate', dir, '--format', 'json', '--fail-on', 'warning'])).stdout).diagnostics as Array<{ file: string; severity: string; code: string }>;

beforeAll(async () => {
  demo = copyFixture('demo');
  for (const [name, body] of Object.entries({ ...BROKEN, ...GOOD })) writeFileSync(join(demo, 'initiatives', `${name}.yaml`), HEAD.replace('ID', name) + body);
  fresh = join(tempDir(), 'fresh');
  expect((await costarIn(['init', fresh, '--name', 'Fresh, new portfolio', '--organisation', 'Town: council', '--area', 'housing:Homes, {and} more: all', '--ward', 'north', '--ward', 'south', '--ward', 'st-m:St M\'s, "the" [village]'])).code).toBe(0);
  // Every label round-trips: init writes with the YAML library, not by hand.
  const m = parse(readFileSync(join(fresh, 'costar.yaml'), 'utf8'));
  expect([m.name, m.organisation, m.serviceAreas[0].label, m.wards[2].label]).toEqual(['Fresh, new portfolio', 'Town: council', 'Homes, {and} more: all', 'St M\'s, "the" [village]']);
  expect((await costarIn(['schema', '-C', demo])).code).toBe(0);
  broken = {};
  for (const [name, edit] of Object.entries(MANIFESTS)) {
    const dir = join(tempDir(), name);
    cpSync(fresh, dir, { recursive: true });
    const text = readFileSync(join(fresh, 'costar.yaml'), 'utf8');
    expect(edit(text), name).not.toBe(text);
    writeFileSync(join(dir, 'costar.yaml'), edit(text));
    broken[name] = dir;
  }
  server = new YamlLanguageServer();
  await server.start(demo);
}, 120_000);
afterAll(async () => server?.stop());

describe('editor schemas agree with costar validate', () => {
  it('yaml-language-server and ajv: no error where validate reports none, an error on each broken file', async () => {
    const found = await validateJson(demo);
    const errorFiles = new Set(found.filter((d) => d.severity === 'error').map((d) => d.file));
    const anyFiles = new Set(found.map((d) => d.file));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const compile = (dir: string, n: string) => ajv.compile(JSON.parse(readFileSync(join(dir, '.costar', 'schema', `${n}.schema.json`), 'utf8')));
    const check = { '': compile(demo, 'manifest'), initiatives: compile(demo, 'initiative'), people: compile(demo, 'person') };

    const files = ['costar.yaml', ...['initiatives', 'people'].flatMap((d) => readdirSync(join(demo, d)).filter((f) => f.endsWith('.yaml')).map((f) => `${d}/${f}`))];
    for (const rel of files) {
      const lsp = await server.errors(join(demo, rel));
      const ajvOk = check[(rel.includes('/') ? rel.split('/')[0] : '') as keyof typeof check](parse(readFileSync(join(demo, rel), 'utf8')));
      const name = rel.replace(/^initiatives\/|\.yaml$/g, '');
      if (name in BROKEN) {
        expect(errorFiles.has(rel), `costar on ${rel}`).toBe(true);
        if (!EDITOR_BLIND.has(name)) expect(lsp.length, `editor on ${rel}`).toBeGreaterThan(0);
        expect(ajvOk, `ajv on ${rel}`).toBe(false);
      } else if (!anyFiles.has(rel)) {
        expect(lsp, `editor on ${rel}`).toEqual([]);
        expect(ajvOk, `ajv on ${rel}`).toBe(true);
      }
    }
    // The demo's own files (and the valid edge cases) show no error in the editor at all.
    for (const name of Object.keys(GOOD)) expect(anyFiles.has(`initiatives/${name}.yaml`), name).toBe(false);

    // A fresh portfolio: no problem for costar (even warnings), none in the editor.
    expect(await validateJson(fresh)).toEqual([]);
    expect(await server.errors(join(fresh, 'costar.yaml'))).toEqual([]);
    // Broken manifests: costar reports an error, and so does the editor.
    for (const [name, dir] of Object.entries(broken)) {
      const d = await validateJson(dir);
      expect(d.some((x) => x.file === 'costar.yaml' && x.severity === 'error'), `costar on ${name}`).toBe(true);
      expect((await server.errors(join(dir, 'costar.yaml'))).length, `editor on ${name}`).toBeGreaterThan(0);
      expect(check[''](parse(readFileSync(join(dir, 'costar.yaml'), 'utf8'))), `ajv on ${name}`).toBe(false);
    }
  }, 180_000);
});
