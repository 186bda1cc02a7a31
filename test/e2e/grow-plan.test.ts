import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costar, copyFixture, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { htmlProblems } from '../helpers/html.js';

async function expectValidHtml(html: string): Promise<void> {
  expect((await htmlProblems(html)).messages).toEqual([]);
}

describe('costar generate grow-plan', () => {
  it('--all writes one plan per initiative with a grow section, in md and html, and notes the others', async () => {
    const dir = copyFixture('demo');
    const out = tempDir();
    const md = (await costarIn(['generate', 'grow-plan', '--all', '--out', out], { cwd: dir }));
    expect(md.code).toBe(0);
    const html = (await costarIn(['generate', 'grow-plan', '--all', '--format', 'html', '--out', out], { cwd: dir }));
    expect(html.code).toBe(0);
    const ids = ['community-speedwatch', 'dementia-walks', 'litter-picking-groups', 'tenant-scrutiny-panel', 'ward-fund-pb'];
    expect(readdirSync(out).sort()).toEqual(ids.flatMap((id) => [`${id}.grow-plan.html`, `${id}.grow-plan.md`]).sort());
    expect(md.stderr).toMatch(/note: skipped \d+ initiatives that have nothing for this document \([^)]*\byoung-inspectors\b[^)]*\): each has no grow section \(grow\)/);
    for (const id of ids) await expectValidHtml(readFileSync(join(out, `${id}.grow-plan.html`), 'utf8'));
  });

  it('shows baseline, target, latest reading, trend in words, the review schedule, HR notes and councillors', async () => {
    const out = tempDir();
    const r = (await costarIn(['-C', 'fixtures/demo', 'generate', 'grow-plan', 'community-speedwatch', 'litter-picking-groups', '--out', out]));
    expect(r.code).toBe(0);
    const speed = readFileSync(join(out, 'community-speedwatch.grow-plan.md'), 'utf8');
    expect(speed).toContain('# Grow plan: Community Speedwatch');
    expect(speed).toContain('| Vehicles over the limit at monitored sites (co-designed) | Outcome | 34% | 20% | 39% (31 October 2026) | worsening | none yet |');
    expect(speed).toContain('| Monitoring sessions | Process | none | 120 sessions | 71 sessions (31 October 2026) | one reading so far | not measurable |');
    expect(speed).toContain('- Next review due by: **22 April 2027** (12 months after the last)');
    expect(speed).toContain('No councillor roles are recorded yet.');
    expect(speed).toContain('No councillor connector yet for: Brampton and the Villages, Castle Hill.');
    expect(speed).toMatch(/1\. Outcome indicator "Vehicles over the limit at monitored sites" is further from its target 20% than its baseline 34%/);
    const litter = readFileSync(join(out, 'litter-picking-groups.grow-plan.md'), 'utf8');
    expect(litter).toContain('| Streets at an acceptable cleanliness grade | Outcome | 82% | 92% | 88% (31 October 2026) | improving | 60% of the way |');
    expect(litter).toContain('The last review did not hear both the people who use the service and staff');
    expect(litter).toContain('The staff competencies this initiative needs: volunteer-management.');
    expect(litter).toContain('Write these competencies into the job descriptions');
    expect(litter).toContain('| Abbey | litter champion |');
    // No timestamps: the plan depends on the files only.
    expect(litter).not.toMatch(/generated on|20\d\d-\d\d-\d\dT/i);
  });

  it('is the same bytes every time', async () => {
    const a = tempDir();
    const b = tempDir();
    (await costarIn(['-C', 'fixtures/demo', 'generate', 'grow-plan', 'dementia-walks', '--format', 'html', '--out', a]));
    (await costarIn(['-C', 'fixtures/demo', 'generate', 'grow-plan', 'dementia-walks', '--format', 'html', '--out', b]));
    expect(readFileSync(join(a, 'dementia-walks.grow-plan.html'), 'utf8')).toBe(readFileSync(join(b, 'dementia-walks.grow-plan.html'), 'utf8'));
  });

  it('escapes user text in both formats', async () => {
    const dir = copyFixture('demo');
    const f = join(dir, 'initiatives', 'dementia-walks.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replaceAll('Walks held', '"<script>alert(1)</script> | walks"'));
    const out = tempDir();
    expect((await costarIn(['generate', 'grow-plan', 'dementia-walks', '--format', 'html', '--out', out], { cwd: dir })).code).toBe(0);
    expect((await costarIn(['generate', 'grow-plan', 'dementia-walks', '--out', out], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(out, 'dementia-walks.grow-plan.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; | walks');
    await expectValidHtml(html);
    const md = readFileSync(join(out, 'dementia-walks.grow-plan.md'), 'utf8');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\| walks');
  });

  it('charts each indicator with two or more readings: inline accessible SVG in HTML, its summary in Markdown', async () => {
    const dir = copyFixture('demo');
    const f = join(dir, 'initiatives', 'dementia-walks.yaml');
    // A hostile indicator name with three readings: escaped in the chart, its title and its summary.
    writeFileSync(f, readFileSync(f, 'utf8').replaceAll('Walks held', '"Walks <b>held</b> & \\"led\\""').replace('    - { indicator: "Walks <b>held</b> & \\"led\\"", date: 2026-09-30, value: 47 }\n', '    - { indicator: "Walks <b>held</b> & \\"led\\"", date: 2026-06-30, value: 20 }\n    - { indicator: "Walks <b>held</b> & \\"led\\"", date: 2026-09-30, value: 47 }\n'));
    const out = tempDir();
    expect((await costarIn(['generate', 'grow-plan', 'dementia-walks', '--format', 'html', '--out', out], { cwd: dir })).code).toBe(0);
    expect((await costarIn(['generate', 'grow-plan', 'dementia-walks', '--out', out], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(out, 'dementia-walks.grow-plan.html'), 'utf8');
    const svgs = [...html.matchAll(/<svg [^>]*role="img" aria-labelledby="(chart-\d)-title chart-\d-desc"/g)].map((m) => m[1]);
    expect(svgs).toEqual(['chart-1', 'chart-2', 'chart-3']);
    expect(html).toContain('<title id="chart-1-title">Walkers who feel less isolated over time</title>');
    expect(html).toContain(
      '<desc id="chart-1-desc">Walkers who feel less isolated: 2 readings from 31 March 2026 to 30 September 2026, first 44%, latest 52%. Baseline 38%. Target 60%: not yet met, 8 percentage points to go.</desc>',
    );
    expect(html).toContain('fill="#00703c">Target 60%</text>');
    expect(html).toContain('fill="#505a5f">Baseline 38%</text>');
    expect(html).toContain('<title id="chart-3-title">Walks &lt;b&gt;held&lt;/b&gt; &amp; &quot;led&quot; over time</title>');
    expect(html).not.toContain('<b>held</b>');
    expect(html).toContain('<figcaption class="note">Walkers who feel less isolated: 2 readings from 31 March 2026');
    await expectValidHtml(html);
    const md = readFileSync(join(out, 'dementia-walks.grow-plan.md'), 'utf8');
    expect(md).not.toContain('<svg');
    expect(md).not.toContain('costar:chart');
    expect(md).toContain('Walkers who feel less isolated: 2 readings from 31 March 2026 to 30 September 2026, first 44%, latest 52%. Baseline 38%. Target 60%: not yet met, 8 percentage points to go. The HTML and Word versions draw these readings as a chart.');
    expect(md).toContain('Walks &lt;b&gt;held&lt;/b&gt; & "led": 2 readings from 30 June 2026 to 30 September 2026, first 20 walks, latest 47 walks. Baseline 0 walks. Target 90 walks: not yet met, 43 walks to go.');
  });

  it('as of its date: a planned reading or review (--allow-future) shows from its day, not before', async () => {
    const dir = copyFixture('demo');
    const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 1) / 1000) };
    expect((await costarIn(['grow', 'reading', 'dementia-walks', '--indicator', 'Walks held', '--date', '2027-03-31', '--value', '80', '--allow-future'], { cwd: dir, env })).code).toBe(0);
    expect((await costarIn(['grow', 'review', 'dementia-walks', '--date', '2027-06-01', '--by', 'users,staff', '--allow-future'], { cwd: dir, env })).code).toBe(0);
    const plan = async (asOf: string) => {
      const out = tempDir();
      expect((await costarIn(['generate', 'grow-plan', 'dementia-walks', '--as-of', asOf, '--out', out], { cwd: dir })).code).toBe(0);
      return readFileSync(join(out, 'dementia-walks.grow-plan.md'), 'utf8');
    };
    const now = await plan('2026-12-01');
    expect(now).toContain('| Walks held | Process | 0 walks | 90 walks | 47 walks (30 September 2026) | improving | 52% of the way |');
    expect(now).not.toContain('### Readings: Walks held');
    expect(now).toContain('- Last review: 8 October 2026\n');
    const then = await plan('2027-06-01');
    expect(then).toContain('| Walks held | Process | 0 walks | 90 walks | 80 walks (31 March 2027) | improving | 89% of the way |');
    expect(then).toContain('### Readings: Walks held\n\nWalks held: 2 readings from 30 September 2026 to 31 March 2027, first 47 walks, latest 80 walks.');
    expect(then).toContain('- Last review: 1 June 2027\n');
  });

  it('lists every review, oldest first, and schedules the next from the newest', async () => {
    const dir = copyFixture('demo');
    const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 1) / 1000) };
    expect((await costarIn(['grow', 'review', 'dementia-walks', '--date', '2026-11-20', '--by', 'users,staff'], { cwd: dir, env })).code).toBe(0);
    expect((await costarIn(['grow', 'review', 'dementia-walks', '--date', '2026-01-20', '--by', 'staff'], { cwd: dir, env })).code).toBe(0);
    const out = tempDir();
    expect((await costarIn(['generate', 'grow-plan', 'dementia-walks', '--out', out], { cwd: dir, env })).code).toBe(0);
    expect((await costarIn(['generate', 'grow-plan', 'dementia-walks', '--format', 'html', '--out', out], { cwd: dir, env })).code).toBe(0);
    const md = readFileSync(join(out, 'dementia-walks.grow-plan.md'), 'utf8');
    expect(md).toContain('- Last review: 20 November 2026\n');
    expect(md).toContain('- Next review due by: **20 November 2027**');
    expect(md).toContain(
      '| Date | Who took part |\n|---|---|\n| 20 January 2026 | staff |\n| 8 October 2026 | people who use the service, staff, partners |\n| 20 November 2026 | people who use the service, staff |\n',
    );
    const html = readFileSync(join(out, 'dementia-walks.grow-plan.html'), 'utf8');
    expect(html).toContain('<caption>Every review recorded, oldest first (the newest counts)</caption>');
    await expectValidHtml(html);
  });

  it('an initiative without a grow section fails with exit 1 and writes nothing for it', async () => {
    const out = tempDir();
    const r = (await costarIn(['-C', 'fixtures/demo', 'generate', 'grow-plan', 'young-inspectors', 'dementia-walks', '--out', out]));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('young-inspectors.grow-plan.md: young-inspectors has no grow section');
    expect(existsSync(join(out, 'young-inspectors.grow-plan.md'))).toBe(false);
    expect(existsSync(join(out, 'dementia-walks.grow-plan.md'))).toBe(true);
  });
});
