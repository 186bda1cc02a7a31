import { describe, it, expect } from 'vitest';
import { CASES, type LibraryCase } from '../../src/data/cases.js';
import { AREA_TAGS, CASE_MODES, CITIZEN_ROLES, COS, ID_PATTERN } from '../../src/core/vocab.js';

/** Sentences as a reader sees them: text up to a full stop, question or exclamation mark followed by a space or the end. */
const sentences = (text: string): string[] => text.match(/[^.!?]+[.!?]+(?=\s|$)/g) ?? [];

const STRING_FIELDS = ['id', 'title', 'place', 'country', 'summary', 'source'] as const;

describe('case library', () => {
  it('holds at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it('has unique ids that match ID_PATTERN', () => {
    const ids = CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
  });

  it('has unique titles and unique summaries', () => {
    const titles = CASES.map((c) => c.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
    const summaries = CASES.map((c) => c.summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });

  it('uses only vocabulary values for areas, Co\'s, roles and mode', () => {
    const areas = new Set<string>(AREA_TAGS);
    const cos = new Set<string>(COS);
    const roles = new Set<string>(CITIZEN_ROLES);
    const modes = new Set<string>(CASE_MODES);
    for (const c of CASES) {
      expect(c.areas.length, c.id).toBeGreaterThanOrEqual(1);
      expect(c.areas.length, c.id).toBeLessThanOrEqual(3);
      expect(c.cos.length, c.id).toBeGreaterThanOrEqual(1);
      expect(c.roles.length, c.id).toBeGreaterThanOrEqual(1);
      for (const a of c.areas) expect(areas.has(a), `${c.id}: area ${a}`).toBe(true);
      for (const co of c.cos) expect(cos.has(co), `${c.id}: co ${co}`).toBe(true);
      for (const r of c.roles) expect(roles.has(r), `${c.id}: role ${r}`).toBe(true);
      expect(modes.has(c.mode), c.id).toBe(true);
      expect(new Set(c.areas).size, `${c.id}: repeated area`).toBe(c.areas.length);
      expect(new Set(c.cos).size, `${c.id}: repeated co`).toBe(c.cos.length);
      expect(new Set(c.roles).size, `${c.id}: repeated role`).toBe(c.roles.length);
    }
  });

  it('has a summary of three to five sentences for every case', () => {
    for (const c of CASES) {
      const n = sentences(c.summary).length;
      expect(n, `${c.id} has ${n} sentences`).toBeGreaterThanOrEqual(3);
      expect(n, `${c.id} has ${n} sentences`).toBeLessThanOrEqual(5);
      // Nothing is left over after the last full stop.
      expect(c.summary.trim(), c.id).toMatch(/[.!?]$/);
    }
  });

  it('gives every case an http(s) source address', () => {
    for (const c of CASES) {
      const url = new URL(c.source);
      expect(['http:', 'https:'], c.id).toContain(url.protocol);
      expect(url.hostname.length, c.id).toBeGreaterThan(0);
    }
  });

  it('has no empty string in any field', () => {
    for (const c of CASES) {
      for (const f of STRING_FIELDS) {
        const v: string = c[f];
        expect(typeof v, `${c.id}.${f}`).toBe('string');
        expect(v.trim().length, `${c.id}.${f}`).toBeGreaterThan(0);
        expect(v, `${c.id}.${f} has stray whitespace`).toBe(v.trim());
      }
      if (c.results !== null) {
        expect(c.results.trim().length, `${c.id}.results`).toBeGreaterThan(0);
        expect(sentences(c.results).length, `${c.id}.results`).toBeGreaterThanOrEqual(1);
        expect(sentences(c.results).length, `${c.id}.results`).toBeLessThanOrEqual(2);
      }
      for (const list of [c.areas, c.cos, c.roles] as string[][]) {
        for (const v of list) expect(v.trim().length, c.id).toBeGreaterThan(0);
      }
    }
  });

  it('has a plausible start year or null', () => {
    for (const c of CASES) {
      if (c.year === null) continue;
      expect(Number.isInteger(c.year), c.id).toBe(true);
      expect(c.year, c.id).toBeGreaterThanOrEqual(1900);
      expect(c.year, c.id).toBeLessThanOrEqual(new Date().getFullYear());
    }
  });

  it('covers each of the Four Co\'s in at least 8 cases', () => {
    for (const co of COS) {
      const n = CASES.filter((c: LibraryCase) => c.cos.includes(co)).length;
      expect(n, `${co} appears in ${n} cases`).toBeGreaterThanOrEqual(8);
    }
  });

  it('uses nearly every area tag and mixes modes and countries', () => {
    const used = new Set(CASES.flatMap((c) => c.areas));
    const unused = AREA_TAGS.filter((t) => !used.has(t));
    expect(unused.length, `unused area tags: ${unused.join(', ')}`).toBeLessThanOrEqual(2);
    for (const mode of CASE_MODES) {
      expect(CASES.filter((c) => c.mode === mode).length, mode).toBeGreaterThanOrEqual(10);
    }
    const uk = CASES.filter((c) => c.country === 'United Kingdom').length;
    expect(uk).toBeGreaterThanOrEqual(10);
    expect(CASES.length - uk).toBeGreaterThanOrEqual(10);
  });

  it('writes in British rather than American spelling', () => {
    const american = /\b(organization|organizations|program|programs|neighbor|neighbors|neighborhood|neighborhoods|center|centers|behavior)\b/i;
    for (const c of CASES) {
      for (const text of [c.title, c.summary, c.results ?? '']) {
        expect(text, c.id).not.toMatch(american);
      }
    }
  });
});
