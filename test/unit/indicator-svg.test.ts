import { describe, expect, it } from 'vitest';
import { chartNumber, chartValue, coord, indicatorChartSummary, indicatorChartSvg, type IndicatorChartInput } from '../../src/core/indicator-svg.js';

// The plot's inner box (src/core/indicator-svg.ts): x from 36 to 394, y from 60 (highest) to 180 (lowest).
const chart: IndicatorChartInput = {
  name: 'Walkers who feel less isolated',
  unit: '%',
  baseline: 40,
  target: 60,
  readings: [
    { date: '2026-01-01', value: 45 },
    { date: '2026-01-11', value: 50 },
    { date: '2026-01-21', value: 55 },
  ],
  idPrefix: 'chart-1',
};

const circles = (svg: string) => [...svg.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
const lines = (svg: string) => [...svg.matchAll(/<line x1="([-\d.]+)" y1="([-\d.]+)" x2="([-\d.]+)" y2="([-\d.]+)" stroke="([^"]+)"/g)].map((m) => ({ y: Number(m[2]), y2: Number(m[4]), x1: Number(m[1]), x2: Number(m[3]), colour: m[5] }));

describe('indicatorChartSvg', () => {
  const svg = indicatorChartSvg(chart);

  it('is an accessible picture: role, title and desc named by aria-labelledby, the drawing hidden', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="560" height="240" viewBox="0 0 560 240" role="img" aria-labelledby="chart-1-title chart-1-desc"')).toBe(true);
    expect(svg).toContain('<title id="chart-1-title">Walkers who feel less isolated over time</title>');
    expect(svg).toContain(
      '<desc id="chart-1-desc">Walkers who feel less isolated: 3 readings from 1 January 2026 to 21 January 2026, first 45%, latest 55%. Baseline 40%. Target 60%: not yet met, 5 percentage points to go.</desc>',
    );
    expect(svg).toContain('<g aria-hidden="true">');
    expect(svg).not.toMatch(/<style|<script|href=|<image/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('places each reading by its date across and its value up, joined by a line', () => {
    // 0, 10 and 20 days in: the first at the left edge, the last at the right, the middle halfway.
    expect(circles(svg)).toEqual([
      [36, 150],
      [215, 120],
      [394, 90],
    ]);
    expect(svg).toContain('<polyline points="36,150 215,120 394,90"');
    for (const v of ['45%', '50%', '55%']) expect(svg).toContain(`>${v}</text>`);
    expect(svg).toContain('>1 Jan 2026</text>');
    expect(svg).toContain('>21 Jan 2026</text>');
  });

  it('draws the baseline and the target as labelled reference lines across the plot', () => {
    const refs = lines(svg);
    expect(refs).toEqual([
      { x1: 20, x2: 410, y: 60, y2: 60, colour: '#00703c' },
      { x1: 20, x2: 410, y: 180, y2: 180, colour: '#505a5f' },
    ]);
    expect(svg).toContain('fill="#00703c">Target 60%</text>');
    expect(svg).toContain('fill="#505a5f">Baseline 40%</text>');
  });

  it('spaces readings by time, not by order', () => {
    const uneven = indicatorChartSvg({ ...chart, readings: [chart.readings[0]!, { date: '2026-01-03', value: 50 }, { date: '2026-01-21', value: 55 }] });
    expect(circles(uneven).map(([x]) => x)).toEqual([36, 71.8, 394]);
  });

  it('copes with one value throughout, no baseline or target, and readings all on one day', () => {
    const flat = indicatorChartSvg({ name: 'Sessions', unit: null, baseline: null, target: null, readings: [{ date: '2027-03-31', value: 7 }, { date: '2027-03-31', value: 7 }], idPrefix: 'c2' });
    expect(circles(flat)).toEqual([
      [36, 120],
      [394, 120],
    ]);
    expect(lines(flat)).toEqual([]);
    expect(flat).toContain('Sessions: 2 readings from 31 March 2027 to 31 March 2027, first 7, latest 7. No target is set.');
    expect(flat).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('escapes the indicator name and unit everywhere they appear', () => {
    const hostile = indicatorChartSvg({ ...chart, name: 'Pupils <b>"happy"</b> & \'safe\'', unit: 'm<sup>2</sup>', idPrefix: 'h' });
    expect(hostile).not.toContain('<b>');
    expect(hostile).not.toContain('<sup>');
    expect(hostile).toContain('<title id="h-title">Pupils &lt;b&gt;&quot;happy&quot;&lt;/b&gt; &amp; &apos;safe&apos; over time</title>');
    expect(hostile).toContain('>Target 60 m&lt;sup&gt;2&lt;/sup&gt;</text>');
    expect(hostile.match(/<text /g)!.length).toBe(hostile.match(/<\/text>/g)!.length);
  });

  it('is the same every time, with fixed number formatting', () => {
    expect(indicatorChartSvg(structuredClone(chart))).toBe(svg);
    const odd = indicatorChartSvg({ ...chart, readings: [{ date: '2026-01-01', value: 0.1 + 0.2 }, { date: '2026-02-01', value: 1234.5678 }], baseline: null, target: null });
    expect(odd).toContain('>0.3%</text>');
    expect(odd).toContain('>1,234.57%</text>');
    expect(odd).not.toMatch(/\d\.\d{3,}/);
  });

  it('refuses to draw nothing', () => {
    expect(() => indicatorChartSvg({ ...chart, readings: [] })).toThrow();
  });
});

describe('the text alternative and number formats', () => {
  it('says first and latest value against the target, met or how far to go', () => {
    expect(indicatorChartSummary({ ...chart, readings: [...chart.readings, { date: '2026-02-01', value: 61 }] })).toBe(
      'Walkers who feel less isolated: 4 readings from 1 January 2026 to 1 February 2026, first 45%, latest 61%. Baseline 40%. Target 60%: met.',
    );
    // A target below the baseline is met by going down.
    const down = { name: 'Vehicles over the limit', unit: '%', baseline: 34, target: 20, readings: [{ date: '2026-02-28', value: 33 }, { date: '2026-10-31', value: 39 }] };
    expect(indicatorChartSummary(down)).toBe('Vehicles over the limit: 2 readings from 28 February 2026 to 31 October 2026, first 33%, latest 39%. Baseline 34%. Target 20%: not yet met, 19 percentage points to go.');
    expect(indicatorChartSummary({ ...down, readings: [...down.readings, { date: '2026-12-01', value: 18 }] })).toMatch(/Target 20%: met\.$/);
    expect(indicatorChartSummary({ ...down, unit: 'walks', baseline: null })).toMatch(/first 33 walks, latest 39 walks\. Target 20 walks: not yet met, 19 walks to go\.$/);
  });

  it('numbers: at most two decimals, thousands grouped, never -0', () => {
    expect(chartNumber(1234567.891)).toBe('1,234,567.89');
    expect(chartNumber(-0.001)).toBe('0');
    expect(chartNumber(-1500)).toBe('-1,500');
    expect(chartNumber(12.5)).toBe('12.5');
    expect(chartValue(48, '%')).toBe('48%');
    expect(chartValue(3, 'walks')).toBe('3 walks');
    expect(coord(-0.001)).toBe('0');
    expect(coord(71.80000001)).toBe('71.8');
  });
});
