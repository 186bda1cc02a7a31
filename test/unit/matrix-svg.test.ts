import { describe, expect, it } from 'vitest';
import { matrixSvg, type MatrixPoint } from '../../src/core/matrix-svg.js';

const points: MatrixPoint[] = [
  { id: 'walks', impact: 4.2, ease: 3.3, quadrant: 'quick-win', rank: 1 },
  { id: 'panel', impact: 3.78, ease: 4, quadrant: 'quick-win', rank: 2 },
  { id: 'scrutiny', impact: 3.78, ease: 4, quadrant: 'quick-win', rank: 3 },
  { id: 'school', impact: 2, ease: 2, quadrant: 'reconsider', rank: 4 },
];

describe('matrixSvg', () => {
  const svg = matrixSvg({ name: 'Test <portfolio> & co', scale: [1, 5], points, unscored: ['idea-one'] });

  it('is an accessible picture: role, title and a description that says everything', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="matrix-title matrix-desc"');
    expect(svg).toContain('<title id="matrix-title">Test &lt;portfolio&gt; &amp; co: impact matrix</title>');
    expect(svg).toContain(
      '<desc id="matrix-desc">Scatter plot of 4 scored initiatives: impact upwards and ease across, each on the scale 1 to 5, divided at 3 into four quadrants. Quick win: walks (1), panel (2), scrutiny (3). Major project: none. Fill-in: none. Reconsider: school (4). Not yet scored, so not plotted: idea-one.</desc>',
    );
  });

  it('names the quadrants and every point in text', () => {
    for (const q of ['Quick win', 'Major project', 'Fill-in', 'Reconsider']) expect(svg).toContain(`>${q}</text>`);
    for (const p of points) expect(svg).toContain(`>${p.id} · `);
    expect(svg).toContain('Not yet scored, so not plotted: idea-one');
    expect(svg).not.toMatch(/<style|<script|href=/);
  });

  it('never draws two markers on top of each other: a moved one gets a leader line', () => {
    const markers = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="12"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(markers).toHaveLength(4);
    for (let i = 0; i < markers.length; i++) {
      for (let j = i + 1; j < markers.length; j++) {
        const d = Math.hypot(markers[i]![0] - markers[j]![0], markers[i]![1] - markers[j]![1]);
        expect(d).toBeGreaterThanOrEqual(24);
      }
    }
    expect(svg.match(/r="2.5"/g)).toHaveLength(1);
  });

  it('is the same every time, and copes with no points', () => {
    expect(matrixSvg({ name: 'Test <portfolio> & co', scale: [1, 5], points, unscored: ['idea-one'] })).toBe(svg);
    const empty = matrixSvg({ name: 'Empty', scale: [0, 10], points: [], unscored: [], idPrefix: 'm2' });
    expect(empty).toContain('No initiative is fully scored yet.');
    expect(empty).toContain('<title id="m2-title">');
    expect(empty).toContain('>10</text>');
  });
});
