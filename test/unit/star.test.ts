import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import type { Initiative } from '../../src/core/schema.js';
import { band, BANDS, starSvg, xml } from '../../src/core/star-svg.js';
import { CELL_WORDS, cellKind, coShares, gapsOf, GAP_DEFINITION, ringSteps, starCoverage, unpractisedOf, stepShares, stepsDone, summariseCoverage, unscoredCriteria } from '../../src/core/star.js';

const config = resolveConfig({
  schema: 'costar/v1',
  name: 'Test <portfolio> & "friends"',
  organisation: 'Testshire',
  serviceAreas: [{ id: 'care' }, { id: 'housing' }],
  focus: {
    criteria: [
      { id: 'outcomes', axis: 'impact', weight: 2 },
      { id: 'ease', axis: 'ease', weight: 1 },
    ],
  },
});

const base = (id: string, serviceArea: string, status: Initiative['status'] = 'running'): Initiative => ({ id, title: id, serviceArea, status });

describe('stepsDone (SPEC 5)', () => {
  it('marks nothing done for a bare initiative', () => {
    expect(stepsDone(config, base('a', 'care'))).toEqual({ map: false, focus: false, people: false, market: false, grow: false });
  });

  it('counts a potential Co for map', () => {
    expect(stepsDone(config, { ...base('a', 'care'), cos: { 'co-design': { level: 'potential' } } }).map).toBe(true);
    expect(stepsDone(config, { ...base('a', 'care'), cos: {} }).map).toBe(false);
  });

  it('needs every configured criterion scored for focus', () => {
    expect(stepsDone(config, { ...base('a', 'care'), focus: { scores: { outcomes: 3 } } }).focus).toBe(false);
    expect(stepsDone(config, { ...base('a', 'care'), focus: { scores: { outcomes: 3, ease: 1 } } }).focus).toBe(true);
    expect(unscoredCriteria(config, { focus: { scores: { ease: 2 } } })).toEqual(['outcomes']);
  });

  it('needs a contributor for people; needs alone are not enough', () => {
    expect(stepsDone(config, { ...base('a', 'care'), people: { needs: [{ skill: 'x', count: 2 }] } }).people).toBe(false);
    expect(stepsDone(config, { ...base('a', 'care'), people: { contributors: [] } }).people).toBe(false);
    expect(stepsDone(config, { ...base('a', 'care'), people: { contributors: ['p-1'] } }).people).toBe(true);
  });

  it('needs an incentive and a charter with both kinds of commitment for market', () => {
    const incentive = [{ for: 'volunteers' as const, kind: 'non-financial' as const, what: 'Training' }];
    const charter = { serviceCommitments: ['Insure volunteers'], communityCommitments: ['Attend the briefing'] };
    const m = (market: Initiative['market']) => stepsDone(config, { ...base('a', 'care'), market }).market;
    expect(m({ incentives: incentive })).toBe(false);
    expect(m({ charter })).toBe(false);
    expect(m({ incentives: incentive, charter: { serviceCommitments: ['x'] } })).toBe(false);
    expect(m({ incentives: incentive, charter: { ...charter, communityCommitments: [] } })).toBe(false);
    expect(m({ incentives: incentive, charter })).toBe(true);
  });

  it('needs an outcome indicator with a target for grow', () => {
    const g = (indicators: NonNullable<Initiative['grow']>['indicators']) => stepsDone(config, { ...base('a', 'care'), grow: { indicators } }).grow;
    expect(g([{ name: 'Walks', kind: 'process', target: 40 }])).toBe(false);
    expect(g([{ name: 'Less isolation', kind: 'outcome' }])).toBe(false);
    expect(g([{ name: 'Less isolation', kind: 'outcome', target: 0 }])).toBe(true);
  });
});

describe('starCoverage', () => {
  const initiatives: Initiative[] = [
    { ...base('b-walks', 'care'), cos: { 'co-design': { level: 'established' }, 'co-delivery': { level: 'emerging' }, 'co-assessment': { level: 'potential' } } },
    { ...base('a-panel', 'care', 'idea'), cos: { 'co-assessment': { level: 'potential' }, 'co-design': { level: 'potential' } } },
    { ...base('c-old', 'care', 'stopped'), cos: { 'co-commissioning': { level: 'established' } }, people: { contributors: ['p-1'] } },
    { ...base('d-repairs', 'housing', 'pilot'), cos: { 'co-design': { level: 'emerging' } } },
  ];

  it('counts existing and potential per cell, leaving stopped initiatives out of the cells', () => {
    const { coverage } = starCoverage(config, initiatives);
    expect(coverage).toEqual([
      { serviceArea: 'care', co: 'co-commissioning', existing: 0, potential: 0 },
      { serviceArea: 'care', co: 'co-design', existing: 1, potential: 1 },
      { serviceArea: 'care', co: 'co-delivery', existing: 1, potential: 0 },
      { serviceArea: 'care', co: 'co-assessment', existing: 0, potential: 2 },
      { serviceArea: 'housing', co: 'co-commissioning', existing: 0, potential: 0 },
      { serviceArea: 'housing', co: 'co-design', existing: 1, potential: 0 },
      { serviceArea: 'housing', co: 'co-delivery', existing: 0, potential: 0 },
      { serviceArea: 'housing', co: 'co-assessment', existing: 0, potential: 0 },
    ]);
  });

  it('keeps a step row for every initiative, stopped ones too, in id order', () => {
    const { steps } = starCoverage(config, initiatives);
    expect(steps.map((s) => s.initiative)).toEqual(['a-panel', 'b-walks', 'c-old', 'd-repairs']);
    expect(steps.find((s) => s.initiative === 'c-old')).toEqual({ initiative: 'c-old', map: true, focus: false, people: true, market: false, grow: false });
  });

  it('leaves stopped initiatives out of the ring and its totals (the rows stay in star --json)', () => {
    const { steps } = starCoverage(config, initiatives);
    const ring = ringSteps(steps, initiatives);
    expect(ring.map((s) => s.initiative)).toEqual(['a-panel', 'b-walks', 'd-repairs']);
    expect(stepShares(ring).find((s) => s.step === 'people')).toEqual({ step: 'people', done: 0, of: 3, share: 0 });
  });

  it('filters cells and rows to one service area', () => {
    const r = starCoverage(config, initiatives, 'housing');
    expect(r.coverage.map((c) => c.serviceArea)).toEqual(['housing', 'housing', 'housing', 'housing']);
    expect(r.steps.map((s) => s.initiative)).toEqual(['d-repairs']);
  });

  it('summarises cells, Co shares, step shares and gaps', () => {
    const { coverage, steps } = starCoverage(config, initiatives);
    expect(summariseCoverage(coverage)).toEqual({ cells: 8, existing: 3, potentialOnly: 1, gaps: 4, share: 3 / 8 });
    expect(coShares(coverage).find((c) => c.co === 'co-design')).toEqual({ co: 'co-design', areas: 2, potentialAreas: 0, of: 2, share: 1 });
    expect(coShares(coverage).find((c) => c.co === 'co-assessment')).toEqual({ co: 'co-assessment', areas: 0, potentialAreas: 1, of: 2, share: 0 });
    expect(stepShares(steps).find((s) => s.step === 'people')).toEqual({ step: 'people', done: 1, of: 4, share: 0.25 });
    expect(unpractisedOf(coverage, 'care').map((c) => c.co)).toEqual(['co-commissioning', 'co-assessment']);
    const care = coverage.filter((c) => c.serviceArea === 'care');
    // A gap has neither existing nor potential initiatives; a potential-only cell is not a gap.
    expect(gapsOf(coverage, 'care')).toEqual(care.filter((c) => c.existing === 0 && c.potential === 0));
    expect(gapsOf(coverage, 'care').length + care.filter((c) => cellKind(c) === 'potential-only').length).toBe(2);
  });

  it('defines the words of a cell once: practised, potential only, gap', () => {
    const k = (existing: number, potential: number) => cellKind({ existing, potential });
    expect([k(0, 0), k(0, 1), k(1, 0), k(2, 3)]).toEqual(['gap', 'potential-only', 'practised', 'practised']);
    expect(CELL_WORDS).toEqual({ practised: 'practised', 'potential-only': 'potential only', gap: 'gap' });
    expect(GAP_DEFINITION).toBe('A gap is a cell with no existing and no potential initiative; a cell with only potential is "potential only".');
    const cov = [
      { serviceArea: 'a', co: 'co-design', existing: 0, potential: 0 },
      { serviceArea: 'a', co: 'co-delivery', existing: 0, potential: 2 },
      { serviceArea: 'a', co: 'co-assessment', existing: 1, potential: 1 },
    ] as Parameters<typeof summariseCoverage>[0];
    expect(summariseCoverage(cov)).toMatchObject({ cells: 3, existing: 1, potentialOnly: 1, gaps: 1 });
  });

  it('handles an empty portfolio', () => {
    const r = starCoverage(config, []);
    expect(r.steps).toEqual([]);
    expect(r.coverage.every((c) => c.existing === 0 && c.potential === 0)).toBe(true);
    expect(stepShares(r.steps).every((s) => s.share === 0 && s.of === 0)).toBe(true);
  });
});

describe('starSvg', () => {
  const { coverage, steps } = starCoverage(config, [{ ...base('a', 'care'), cos: { 'co-design': { level: 'established' } } }]);
  const sum = summariseCoverage(coverage);
  const svg = starSvg({
    name: config.name,
    organisation: 'Test & <Co>',
    scope: 'All 2 service areas',
    initiatives: steps.length,
    cos: coShares(coverage),
    steps: stepShares(steps),
    cells: { existing: sum.existing, of: sum.cells },
  });

  it('escapes user text and never lets it open a tag', () => {
    expect(svg).toContain('Test &lt;portfolio&gt; &amp; &quot;friends&quot;');
    expect(svg).not.toContain('<portfolio>');
    expect(svg).not.toContain('<Co>');
    expect(xml('a\u0001b<')).toBe('ab&lt;');
  });

  it('has a title, a description and an accessible role', () => {
    expect(svg).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="star-title star-desc"/);
    expect(svg).toMatch(/<title id="star-title">[^<]+<\/title>/);
    const desc = /<desc id="star-desc">([^<]+)<\/desc>/.exec(svg)![1]!;
    expect(desc).toContain('Co-design: practised in 1 of 2 service areas (50%)');
    expect(desc).toContain('Map it: done by 1 of 1 initiative (100%)');
  });

  it('draws four points, five segments and a legend with every band, using no outside resources', () => {
    expect(svg.match(/<path d="M380 /g)?.length).toBe(4);
    expect(svg.match(/A342 342 0 0 1/g)?.length).toBe(5);
    for (const b of BANDS) expect(svg).toContain(xml(b.label));
    expect(svg).not.toMatch(/href|@import|url\(/);
  });

  it('shades by band', () => {
    expect(band(0)).toBe(BANDS[0]);
    expect(band(0.25)).toBe(BANDS[1]);
    expect(band(0.26)).toBe(BANDS[2]);
    expect(band(0.75)).toBe(BANDS[3]);
    expect(band(1)).toBe(BANDS[4]);
  });
});
