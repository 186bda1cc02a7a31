/** costar history (run in-process) on a temporary git repository whose commits are known. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { commitAll, git } from '../helpers/git.js';

describe('costar history', () => {
  it('one point per period with commits, oldest first, read from git; an accessible SVG; in the report', async () => {
    const top = tempDir('costar-hist-');
    git(top, ['init', '-q']);
    const dir = join(top, 'p');
    cpSync(join(FIXTURES, 'demo'), dir, { recursive: true });
    // January: the demo without two initiatives, then one of them back.
    const shed = readFileSync(join(dir, 'initiatives', 'mens-shed.yaml'));
    const walks = readFileSync(join(dir, 'initiatives', 'dementia-walks.yaml'), 'utf8');
    rmSync(join(dir, 'initiatives', 'mens-shed.yaml'));
    rmSync(join(dir, 'initiatives', 'dementia-walks.yaml'));
    const jan1 = commitAll(top, 'start', '2027-01-05T10:00:00Z');
    writeFileSync(join(dir, 'initiatives', 'mens-shed.yaml'), shed);
    const jan2 = commitAll(top, 'the shed', '2027-01-20T10:00:00Z');
    // March: dementia walks back; a commit outside the portfolio in April changes nothing.
    writeFileSync(join(dir, 'initiatives', 'dementia-walks.yaml'), walks);
    const mar = commitAll(top, 'walks', '2027-03-02T10:00:00Z');
    writeFileSync(join(top, 'README.md'), 'not the portfolio\n');
    commitAll(top, 'readme', '2027-04-02T10:00:00Z');
    // May: walks stopped.
    writeFileSync(join(dir, 'initiatives', 'dementia-walks.yaml'), walks.replace(/^status: .*$/m, 'status: stopped'));
    const may = commitAll(top, 'stop walks', '2027-05-09T10:00:00Z');

    const r = await costarIn(['history', '--json', '--svg', join(top, 'trend.svg')], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const points = JSON.parse(r.stdout);
    expect(points.map((p: any) => [p.commit, p.date])).toEqual([
      [jan2, '2027-01-20'],
      [mar, '2027-03-02'],
      [may, '2027-05-09'],
    ]);
    expect(jan1).not.toBe(jan2);
    expect(points.map((p: any) => p.initiatives)).toEqual([16, 17, 17]);
    expect(Object.keys(points[0])).toEqual(['commit', 'date', 'coverage', 'steps', 'initiatives']);
    expect(Object.keys(points[0].steps)).toEqual(['map', 'focus', 'people', 'market', 'grow']);
    // The last point is the star as it is now.
    const star = JSON.parse((await costarIn(['star', '--json'], { cwd: dir })).stdout);
    const existing = star.coverage.filter((c: any) => c.existing > 0).length;
    const potential = star.coverage.filter((c: any) => c.existing === 0 && c.potential > 0).length;
    expect(points[2].coverage).toEqual({ existing, potential, gaps: star.coverage.length - existing - potential });
    // Stopping the walks took co-production out of a cell.
    expect(points[2].coverage.existing).toBeLessThan(points[1].coverage.existing);

    const svg = readFileSync(join(top, 'trend.svg'), 'utf8');
    expect(svg).toMatch(/role="img" aria-labelledby="history-title history-desc"/);
    expect(svg).toMatch(/<title id="history-title">The star over time: /);
    expect(svg).toMatch(/<desc id="history-desc">From 2027-01-20 to 2027-05-09, /);
    expect(svg).toContain('Cells of the star</text>');

    const q = JSON.parse((await costarIn(['history', '--every', 'quarter', '--json'], { cwd: dir })).stdout);
    expect(q.map((p: any) => p.commit)).toEqual([mar, may]);

    const rep = await costarIn(['generate', 'report', '--out', join(top, 'out')], { cwd: dir });
    expect(rep.code).toBe(0);
    const md = readFileSync(join(top, 'out', 'report.md'), 'utf8');
    expect(md).toContain('### The star over time');
    expect(md).toContain(`| 2027-05-09 | ${existing} |`);
  });
});
