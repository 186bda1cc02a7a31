// The quick subset parser must give exactly what the YAML 1.2 core schema gives (as `yaml`
// reads it) whenever it answers, and step aside (undefined) otherwise.
import jsyaml from 'js-yaml';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parsePlainYaml } from '../../src/store/plain-yaml.js';
import { generatePortfolio } from '../../bench/generate-portfolio.mjs';
import { tempDir } from '../helpers/cli.js';

const root = join(__dirname, '..', '..');

/** What `yaml` (the parser costar reports problems with) reads, or 'error'. */
function reference(text: string): unknown {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
  if (doc.errors.length) return 'error';
  return doc.toJS();
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the plain-subset YAML parser', () => {
  const corpus = yamlFiles(join(root, 'fixtures'));
  // Files shaped like the benchmark's: every section a document needs.
  const gen = tempDir();
  generatePortfolio(gen, 12, 12, 'all');
  corpus.push(...yamlFiles(gen));

  it('reads every shipped and generated file, exactly as yaml and js-yaml do', () => {
    expect(corpus.length).toBeGreaterThan(60);
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      const value = parsePlainYaml(text);
      const ref = reference(text);
      if (ref === 'error' || ref === null || typeof ref !== 'object' || Array.isArray(ref)) {
        expect(value, file).toBeUndefined();
        continue;
      }
      // The demo and generated files are all inside the subset: the quick path is really used.
      if (file.includes(join('fixtures', 'demo')) || file.startsWith(gen)) expect(value, file).toBeDefined();
      if (value !== undefined) {
        expect(value, file).toStrictEqual(ref);
        expect(value, file).toStrictEqual(jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }));
      }
    }
  });

  it('never disagrees with yaml on thousands of mutated files', () => {
    const seeds = corpus.filter((f) => f.includes(join('fixtures', 'demo')) || f.startsWith(gen)).map((f) => readFileSync(f, 'utf8'));
    const alphabet = [':', ': ', '-', '- ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', ' ', '  ', '\n', '\n  ', '|', '>', '|-', '\\', 'a', 'Z', '0', '7', '.', '~', 'null', 'true', '1.5', '-3', '2026-01-01', '\r\n', '\t', '&a', '*a', '!', '?', '%', '@', '0x1', '1e3', '__proto__'];
    const random = rng(20261126);
    let answered = 0;
    let total = 0;
    for (let n = 0; n < 6000; n++) {
      let text = seeds[Math.floor(random() * seeds.length)]!;
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (text.length + 1));
        const op = random();
        const piece = alphabet[Math.floor(random() * alphabet.length)]!;
        if (op < 0.4) text = text.slice(0, at) + piece + text.slice(at);
        else if (op < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
        else text = text.slice(0, at) + piece + text.slice(at + piece.length);
      }
      total++;
      const value = parsePlainYaml(text);
      if (value === undefined) continue;
      answered++;
      const ref = reference(text);
      expect(value, JSON.stringify(text)).toStrictEqual(ref);
    }
    // Most single edits leave a file in the subset, so the comparison above is not vacuous.
    expect(answered / total).toBeGreaterThan(0.3);
  });

  it('answers for the forms portfolio files use', () => {
    const cases: Array<[string, unknown]> = [
      ['a: 1\nb: -2\nc: 0.035\nd: 2026-01-01\ne: ~\nf: null\ng: true\nh: False\ni:\n', { a: 1, b: -2, c: 0.035, d: '2026-01-01', e: null, f: null, g: true, h: false, i: null }],
      ['a: 40 sessions a year\nb: http://example.org/x#y\nc: C# and F#  # languages\n', { a: '40 sessions a year', b: 'http://example.org/x#y', c: 'C# and F#' }],
      ['a: [1, x y, "q, r", \'it\'\'s\', []]\nb: { c: d, e: { f: [g] } }\n', { a: [1, 'x y', 'q, r', "it's", []], b: { c: 'd', e: { f: ['g'] } } }],
      ['list:\n- a\n- b: 1\n  c: 2\nafter: x\n', { list: ['a', { b: 1, c: 2 }], after: 'x' }],
      ['list:\n  -\n    k: v\n  - - 1\n', undefined],
      ['s: "tab\\there \\u00e9 \\"q\\""\n', { s: 'tab\there é "q"' }],
      ['lit: |\n  one\n    two\n\n  three\nfold: >-\n  a\n  b\n\n  c\nnext: 1\n', { lit: 'one\n  two\n\nthree\n', fold: 'a b\nc', next: 1 }],
      ['---\na: 1\r\nb:\r\n  - x\r\n', { a: 1, b: ['x'] }],
      ['# only a comment\na:\n  # inside\n  b: 1 # trailing\n', { a: { b: 1 } }],
    ];
    for (const [text, want] of cases) {
      expect(parsePlainYaml(text), text).toStrictEqual(want);
      if (want !== undefined) expect(reference(text), text).toStrictEqual(want);
    }
  });

  it('steps aside for everything outside the subset', () => {
    for (const text of [
      'a: b: c\n',
      'a: 0x1F\n',
      'a: 1_000\n',
      'a: 1e3\n',
      'a: +1\n',
      'a: -0\n',
      'a: 007\n',
      'a: .5\n',
      'a: 10:30\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a:\n\t- 1\n',
      '? a\n: 1\n',
      '"a": 1\n',
      'a: 1\na: 2\n',
      '__proto__: 1\n',
      'a: multi\n  line\n',
      'a: [1,\n  2]\n',
      'a: [1, 2,]\n',
      'a: |+\n  keep\n\n',
      'a: |2\n   x\n',
      'a: >\n  more\n    indented\n',
      'a: "x"#c\n',
      'a: 1\n---\nb: 2\n',
      '- top\n- level\n',
      'plain text\n',
      `${'k'.repeat(1100)}: 1\n`,
      'a: [x: y]\n',
      'a: "\\x41"\n',
    ]) {
      expect(parsePlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
