import { describe, expect, it } from 'vitest';
import { filterCases, firstSentence, fromCaseStudy, mergeCases, searchWords, suggestCases, type ExploreCase } from '../../src/core/explore.js';
import type { CaseStudy } from '../../src/core/schema.js';

const lib = (id: string, over: Partial<ExploreCase> = {}): ExploreCase => ({
  id,
  title: `Case ${id}`,
  place: 'Leeds',
  country: 'United Kingdom',
  year: 2015,
  areas: ['social-care'],
  cos: ['co-design'],
  roles: ['carers'],
  mode: 'collective',
  summary: 'One. Two. Three.',
  results: null,
  source: 'https://example.org',
  ...over,
});

const LIB = [
  lib('b-housing', { areas: ['housing'], cos: ['co-assessment'], summary: 'Tenants inspect repairs in Salford. They report back.' }),
  lib('a-care', { areas: ['social-care', 'older-people'], cos: ['co-design', 'co-assessment'], year: 2010 }),
  lib('c-cafe', { title: 'Memory café', areas: ['older-people'], cos: ['co-delivery'], year: 2020 }),
  lib('d-recent', { areas: ['social-care'], cos: ['co-assessment'], year: 2022 }),
];

const LOCAL: CaseStudy[] = [
  { id: 'z-local', title: 'Our  street audit', areas: ['housing'], cos: ['co-assessment'], summary: 'Residents grade streets.' },
  { id: 'a-care', title: 'Our own version', areas: ['social-care'], cos: ['co-design'], summary: 'Local.' },
];

describe('mergeCases', () => {
  it('puts local cases first, lets them replace a library case of the same id, and fills absent fields with null', () => {
    const merged = mergeCases(LIB, LOCAL);
    expect(merged.map((c) => [c.case.id, c.local])).toEqual([
      ['a-care', true],
      ['z-local', true],
      ['b-housing', false],
      ['c-cafe', false],
      ['d-recent', false],
    ]);
    expect(fromCaseStudy(LOCAL[0]!)).toEqual({
      id: 'z-local',
      title: 'Our street audit',
      place: null,
      country: null,
      year: null,
      areas: ['housing'],
      cos: ['co-assessment'],
      roles: [],
      mode: null,
      summary: 'Residents grade streets.',
      results: null,
      source: null,
    });
  });
});

describe('filterCases', () => {
  const all = mergeCases(LIB, []);
  const ids = (list: { case: ExploreCase }[]) => list.map((c) => c.case.id);

  it('filters by Co, by area tags and by every search word, ignoring case and accents', () => {
    expect(ids(filterCases(all, { co: 'co-assessment' }))).toEqual(['a-care', 'b-housing', 'd-recent']);
    expect(ids(filterCases(all, { tags: ['older-people'] }))).toEqual(['a-care', 'c-cafe']);
    expect(ids(filterCases(all, { co: 'co-assessment', tags: ['housing'] }))).toEqual(['b-housing']);
    expect(ids(filterCases(all, { search: 'CAFE' }))).toEqual(['c-cafe']);
    expect(ids(filterCases(all, { search: 'tenants salford' }))).toEqual(['b-housing']);
    expect(ids(filterCases(all, { search: 'tenants leeds-nowhere' }))).toEqual([]);
    expect(searchWords(' "Memory"  café, ')).toEqual(['memory', 'cafe']);
  });
});

describe('suggestCases', () => {
  it('prefers local cases, then more matching tags, then the most recent', () => {
    const merged = mergeCases(LIB, [LOCAL[0]!]);
    const s = suggestCases(merged, 'co-assessment', ['social-care', 'older-people', 'housing']);
    expect(s.elsewhere).toBe(false);
    expect(s.cases.map((c) => c.case.id)).toEqual(['z-local', 'a-care', 'd-recent', 'b-housing']);
  });

  it('falls back to the Co in any area when no case fits the tags', () => {
    const s = suggestCases(mergeCases(LIB, []), 'co-delivery', ['transport']);
    expect(s.elsewhere).toBe(true);
    expect(s.cases.map((c) => c.case.id)).toEqual(['c-cafe']);
  });
});

describe('firstSentence', () => {
  it('stops at the first full stop that ends a sentence', () => {
    expect(firstSentence('Since 2013 about 2.5 million people took part. Then more.')).toBe('Since 2013 about 2.5 million people took part.');
    expect(firstSentence('No full stop')).toBe('No full stop');
  });
});
