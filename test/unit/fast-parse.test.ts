// The fast path (js-yaml with its node listener) must give exactly what the YAML 1.2 core schema
// gives as `yaml` reads it, and place every path exactly where `yaml`'s Document places it —
// or step aside (undefined) and leave the file or the position to `yaml`.
import { isDeepStrictEqual } from 'node:util';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import type { PathSeg } from '../../src/core/diagnostics.js';
import { locate, parseFast } from '../../src/store/parse.js';
import { generatePortfolio } from '../../bench/generate-portfolio.mjs';
import { tempDir } from '../helpers/cli.js';

const root = join(__dirname, '..', '..');

/** What `yaml` reads, with its Document for positions, or undefined on any error. */
function reference(text: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, lineCounter });
  if (doc.errors.length) return undefined;
  return { value: doc.toJS() as unknown, doc, lineCounter };
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** Every path in a value (mappings and lists), to ask both parsers where each one is. */
function paths(v: unknown, at: PathSeg[] = [], out: PathSeg[][] = []): PathSeg[][] {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([...at, i]), paths(x, [...at, i], out)));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push([...at, k]), paths(x, [...at, k], out);
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

/** Compares values and every position; returns how many positions the fast path answered. */
function agree(text: string, label: string, fast = parseFast(text)): number {
  if (fast === undefined) return 0;
  const ref = reference(text);
  expect(ref, `yaml refuses what js-yaml read: ${label}`).toBeDefined();
  expect(fast.value, label).toStrictEqual(ref!.value);
  // Disagreements are collected and compared once: an expect per position costs more than the check.
  const differ: unknown[] = [];
  let answered = 0;
  const all = paths(ref!.value);
  for (const p of all) {
    for (const at of ['key', 'value'] as const) {
      const mine = fast.place(p, at);
      if (!mine) continue;
      answered++;
      const theirs = locate(ref!.doc, ref!.lineCounter, p, at);
      if (!isDeepStrictEqual(mine, theirs)) differ.push({ path: `${p.join('.')} (${at})`, mine, theirs });
    }
  }
  // A path that is not there is placed where `yaml` stops too.
  const missing = [...(all[0] ?? []), 'no-such-key'];
  const mine = fast.place(missing, 'value');
  if (mine) {
    const theirs = locate(ref!.doc, ref!.lineCounter, missing, 'value');
    if (!isDeepStrictEqual(mine, theirs)) differ.push({ path: 'missing', mine, theirs });
  }
  expect(differ, label).toEqual([]);
  return answered;
}

describe('the fast path', () => {
  const corpus = yamlFiles(join(root, 'fixtures'));
  const gen = tempDir();
  generatePortfolio(gen, 12, 12, 'all');
  corpus.push(...yamlFiles(gen));

  it('reads every shipped and generated file as yaml does, and places every value where yaml does', () => {
    expect(corpus.length).toBeGreaterThan(60);
    let read = 0;
    let placed = 0;
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      if (parseFast(text)) read++;
      placed += agree(text, file);
    }
    // The fast path really is used, and answers for positions: the comparison is not vacuous.
    expect(read / corpus.length).toBeGreaterThan(0.9);
    expect(placed).toBeGreaterThan(5000);
  });

  it('never disagrees with yaml on thousands of mutated files', () => {
    const seeds = corpus.filter((f) => f.includes(join('fixtures', 'demo')) || f.startsWith(gen)).map((f) => readFileSync(f, 'utf8'));
    const alphabet = [':', ': ', '-', '- ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', ' ', '  ', '\n', '\n  ', '|', '>', '|-', '\\', 'a', 'Z', '0', '7', '.', '~', 'null', 'true', '1.5', '-3', '2026-01-01', '\r\n', '\t', '&a', '*a', '!', '?', '%', '@', '0x1', '1e3', '__proto__'];
    const random = rng(20261201);
    let answered = 0;
    const total = 3000;
    for (let n = 0; n < total; n++) {
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
      const fast = parseFast(text);
      if (fast === undefined) continue;
      answered++;
      agree(text, JSON.stringify(text), fast);
    }
    expect(answered / total).toBeGreaterThan(0.3);
  }, 120_000); // CPU-bound: a few seconds on a quiet machine, far more on a busy one

  it('keeps every file’s positions while thousands more are read, and a file larger than the blocks they are kept in', () => {
    // Positions live in shared blocks of memory: files read later must not disturb earlier ones,
    // and a file with more nodes than a block holds is placed as exactly as a small one.
    const texts = corpus.map((f) => readFileSync(f, 'utf8').replace(/^\ufeff/, ''));
    // 20,000 items of five nodes each: more than one block holds, so the file moves to a new one
    // as it is read, and the files after it start in another.
    const big = `items:\n${Array.from({ length: 20_000 }, (_, i) => `  - { n: ${i}, s: x${i} }\n`).join('')}`;
    const kept = [...texts, big, ...texts].map((text) => ({ text, fast: parseFast(text) }));
    let placed = 0;
    for (const { text, fast } of [...kept.slice(0, texts.length), ...kept.slice(-texts.length)]) placed += agree(text, text.slice(0, 80), fast);
    expect(placed).toBeGreaterThan(10_000);
    // Item i is on line i + 2: `  - { n: <i>, s: x<i> }`.
    const fast = kept[texts.length]!.fast!;
    for (const i of [0, 15_000, 19_999]) {
      const w = String(i).length;
      expect(fast.place(['items', i, 'n'], 'key'), `item ${i}`).toEqual({ line: i + 2, column: 7 });
      expect(fast.place(['items', i, 'n'], 'value'), `item ${i}`).toEqual({ line: i + 2, column: 10 });
      expect(fast.place(['items', i, 's'], 'key'), `item ${i}`).toEqual({ line: i + 2, column: 12 + w });
      expect(fast.place(['items', i, 's'], 'value'), `item ${i}`).toEqual({ line: i + 2, column: 15 + w });
    }
  });

  it('steps aside for forms where the parsers could differ', () => {
    for (const text of ['a: 0b101\n', 'a: 0o17\n', 'a: 1_000\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a:\n\t- 1\n', '? a\n: 1\n', 'a: 1\na: 2\n', '<<: { a: 1 }\n']) {
      expect(parseFast(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
