import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { costar, copyFixture, FIXTURES, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { htmlProblems } from '../helpers/html.js';

const CHROMIUM = '/usr/bin/chromium';

/**
 * The report as at 30 November 2026 (readiness to grow depends on the date), made in-process,
 * or by a costar process of its own when `spawned`.
 */
async function report(dir: string, format: 'html' | 'md', spawned = false): Promise<string> {
  const out = tempDir();
  const args = ['generate', 'report', '--format', format, '--out', out, '--as-of', '2026-11-30'];
  const r = spawned ? costar(args, { cwd: dir }) : await costarIn(args, { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(readdirSync(out)).toEqual([`report.${format}`]);
  return readFileSync(join(out, `report.${format}`), 'utf8');
}

/** The demo's report, made in-process once per format for the tests that only read it. */
const demoReports = new Map<'html' | 'md', Promise<string>>();
function demoReport(format: 'html' | 'md'): Promise<string> {
  if (!demoReports.has(format)) demoReports.set(format, report(join(FIXTURES, 'demo'), format));
  return demoReports.get(format)!;
}

describe('costar generate report', () => {
  it('writes one self-contained HTML page that passes html-validate (document and a11y rules)', async () => {
    const html = await demoReport('html');
    expect((await htmlProblems(html)).messages).toEqual([]);
    // Nothing to fetch: no scripts, style sheets, fonts or images from anywhere else.
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    for (const m of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) expect(m[1]).toMatch(/^(#|data:image\/svg\+xml;base64,)/);
    // Pictures with text alternatives.
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="All 7 service areas, 16 initiatives\. Inner star, the Four Co&#x27;s:/);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('<title id="matrix-title">Midshire co-production portfolio: impact matrix</title>');
    expect(html).toMatch(/<desc id="matrix-desc">Scatter plot of 13 scored initiatives: .*Quick win: social-prescribing \(1\), dementia-walks \(2\)/);
    // Every section is there.
    for (const h of ['Summary', 'Decision sought', '1. The Co-production Star', '2. Impact matrix', '3. Business cases', '4. People and needs', '5. Incentives and charters', '6. Readiness to grow', '7. Next steps']) {
      expect(html).toContain(`>${h}</h2>`);
    }
    expect(html).toContain('@media print');
  });

  it('charts every indicator with two or more readings in its Grow section: accessible SVG in HTML, the summary in Markdown', async () => {
    const html = await demoReport('html');
    const grow = html.slice(html.indexOf('<h2 id="grow">'), html.indexOf('<h2 id="next">'));
    const ids = [...grow.matchAll(/<svg [^>]*role="img" aria-labelledby="([\w-]+)-title \1-desc"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'chart-community-speedwatch-1',
      'chart-dementia-walks-1',
      'chart-dementia-walks-2',
      'chart-litter-picking-groups-1',
      'chart-litter-picking-groups-2',
      'chart-tenant-scrutiny-panel-1',
      'chart-tenant-scrutiny-panel-2',
    ]);
    expect(grow).toContain('<h3>Indicators over time</h3>');
    expect(grow).toContain(
      '<desc id="chart-community-speedwatch-1-desc">Vehicles over the limit at monitored sites: 3 readings from 28 February 2026 to 31 October 2026, first 33%, latest 39%. Baseline 34%. Target 20%: not yet met, 19 percentage points to go.</desc>',
    );
    expect(grow).toContain('<figcaption class="note"><strong>Community Speedwatch in the villages: Vehicles over the limit at monitored sites.</strong> Vehicles over the limit');
    // Only the Grow section has charts; the page stays valid with all of them in it.
    expect(html.split('<svg ').length - 1).toBe(ids.length + 1);
    expect((await htmlProblems(html)).messages).toEqual([]);

    const md = await demoReport('md');
    const mdGrow = md.slice(md.indexOf('## 6. Readiness to grow'), md.indexOf('## 7. Next steps'));
    expect(mdGrow).toContain('### Indicators over time\n\nEvery indicator with two or more readings, with its baseline and target; the HTML and Word versions draw each as a chart.\n');
    expect(mdGrow).toContain(
      '**Supported walks with people living with dementia and their carers: Walkers who feel less isolated**\n\nWalkers who feel less isolated: 2 readings from 31 March 2026 to 30 September 2026, first 44%, latest 52%. Baseline 38%. Target 60%: not yet met, 8 percentage points to go.\n',
    );
    expect(mdGrow).not.toContain('costar:chart');
  });

  it('shows the figures of each part of the journey', async () => {
    const md = await demoReport('md');
    expect(md).toContain('| Adult social care | 0 (+1 potential) | 1 | 1 | 1 (+1 potential) | 3 of 4 |');
    // Stopped initiatives keep their row but are left out of the totals, as they are of the ring.
    expect(md).toContain('| **Done** | | 16 of 16 | 13 of 16 | 12 of 16 | 5 of 16 | 5 of 16 |');
    expect(md).toContain('Stopped initiatives keep their row but are not counted in the totals (1 stopped).');
    expect(md).toContain('| 1 | Community-led social prescribing with GP practices (social-prescribing) | 4.22 | 3.33 | Quick win |');
    expect(md).toContain("Not yet fully scored, so not ranked: Residents' assembly sets priorities for the climate plan, Brampton villages volunteer car scheme, Brampton men's shed.");
    expect(md).toMatch(/\| Supported walks with people living with dementia and their carers \(dementia-walks\) \| £[\d,]+ \| £[\d,]+ \| £[\d,]+ \| \d\.\d\d \| \d\.\d\d \|/);
    // Totals and the ratio leave out the time bank, which has no costs, and say so.
    expect(md).toMatch(/\| \*\*Business cases with costs\*\* \| \*\*£843,747\*\* \| \*\*£805,668\*\* \| \*\*−£38,079\*\* \| \*\*0\.95\*\* \|/);
    expect(md).toContain('Left out of the totals and the ratio because they have no costs yet: Abbey and St Mary\'s time bank');
    expect(md).toMatch(/\(time-bank\) \| £0 \| £[\d,]+ \| £[\d,]+ \| not defined \| not defined \| no costs to pay back \|/);
    // The budget plan at today's spend (running and scaled initiatives).
    expect(md).toContain('### The best use of today\'s spend');
    expect(md).toMatch(/it would fund 4 initiatives at £258,900 for a net present value of £95,566 — the optimum/);
    expect(md).toContain('- **40** in the survey');
    // Places and places still missing; the people filling them are not counted in a document.
    expect(md).toMatch(/\| Supported walks with people living with dementia and their carers \| \d+ \| \d+ \| walk leading/);
    expect(md).toMatch(/\| Young inspectors visit youth and leisure services \| 3 \| no charter yet \| \| \| \| needs a charter \|/);
    expect(md).toContain('| Supported walks with people living with dementia and their carers | running | yes | none | 8 October 2027 |');
    expect(md).toContain('| Brampton villages volunteer car scheme | scaled | no | no outcome indicator with a target: it has no indicators yet;');
    expect(md).toContain("| Residents' assembly sets priorities for the climate plan | Focus it next | Score Residents' assembly sets priorities for the climate plan on the impact matrix. |");
    expect(md).toContain('| Oakfield Decides: residents allocate the ward fund | running | no | ');
    expect(md).toContain('| **overdue**: was due by 10 July 2026 |');
    expect(md).not.toMatch(/20\d\d-\d\d-\d\dT|generated on/i);
  });

  it('never shows personal data: no name or contact of anyone in the survey', async () => {
    const dir = join(FIXTURES, 'demo');
    const html = await demoReport('html');
    const md = await demoReport('md');
    const star = Buffer.from(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(html)![1]!, 'base64').toString('utf8');
    let checked = 0;
    for (const f of readdirSync(join(dir, 'people'))) {
      const person = parse(readFileSync(join(dir, 'people', f), 'utf8'));
      for (const field of ['name', 'contact']) {
        const v = person[field];
        if (typeof v !== 'string') continue;
        checked++;
        for (const text of [html, md, star]) {
          expect(text).not.toContain(v);
          // Escaped forms too (an apostrophe or ampersand in a name).
          expect(text).not.toContain(v.replace(/&/g, '&amp;').replace(/'/g, '&#x27;'));
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('escapes user text: a <script> title, portfolio name and service area stay text', async () => {
    const dir = copyFixture('demo');
    const m = join(dir, 'costar.yaml');
    writeFileSync(m, readFileSync(m, 'utf8').replace('name: Midshire co-production portfolio', 'name: "Midshire <script>alert(1)</script> portfolio"').replace('label: Adult social care', 'label: "Adult <b>social</b> care & support"'));
    const f = join(dir, 'initiatives', 'dementia-walks.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^title: .*$/m, 'title: "<script>alert(\'walks\')</script> & <img src=x onerror=alert(2)>"'));
    const html = await report(dir, 'html');
    expect(html).not.toMatch(/<script|<img src=x|<b>social/i);
    expect(html).toContain('&lt;script&gt;alert(&#x27;walks&#x27;)&lt;/script&gt; &amp; &lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;');
    expect(html).toContain('Adult &lt;b&gt;social&lt;/b&gt; care &amp; support');
    expect(html).toContain('<title id="matrix-title">Midshire &lt;script&gt;alert(1)&lt;/script&gt; portfolio: impact matrix</title>');
    const star = Buffer.from(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(html)![1]!, 'base64').toString('utf8');
    expect(star).not.toContain('<script');
    expect(star).toContain('Midshire &lt;script&gt;alert(1)&lt;/script&gt; portfolio');
    expect((await htmlProblems(html)).valid).toBe(true);
    const md = await report(dir, 'md');
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain('&lt;script&gt;');
  });

  it('is the same bytes every time', async () => {
    const dir = join(FIXTURES, 'demo');
    // Two processes, and one more run in this one: the same bytes.
    const html = await report(dir, 'html', true);
    expect(await report(dir, 'html', true)).toBe(html);
    expect(await demoReport('html')).toBe(html);
    const md = await report(dir, 'md', true);
    expect(await report(dir, 'md', true)).toBe(md);
    expect(await demoReport('md')).toBe(md);
  });

  it('writes to <portfolio>/out by default and refuses ids', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'report'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('out/report.md');
    expect(existsSync(join(dir, 'out', 'report.md'))).toBe(true);
    const bad = (await costarIn(['generate', 'report', 'dementia-walks'], { cwd: dir }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('covers the whole portfolio');
  });

  it('works for a portfolio with nothing in it yet', async () => {
    const dir = tempDir();
    expect((await costarIn(['init', dir, '--name', 'Empty', '--organisation', 'Nowhere Council', '--area', 'housing'])).code).toBe(0);
    const html = await report(dir, 'html');
    expect(html).toContain('No business cases are recorded yet.');
    expect(html).toContain('No initiative is running or scaled yet.');
    expect((await htmlProblems(html)).messages).toEqual([]);
    expect(await report(dir, 'md')).toContain('No initiative is fully scored yet.');
  });
});

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`SKIPPED: the report screenshot test needs Debian's chromium at ${CHROMIUM} (apt-get install -y chromium); .ci/run installs it.`);
}

describe.skipIf(!hasChromium)('the report in headless Chromium', () => {
  it('shows the star, the matrix and every part of the report, with no console errors', async () => {
    const out = tempDir();
    const r = (await costarIn(['-C', 'fixtures/demo', 'generate', 'report', '--format', 'html', '--out', out]));
    expect(r.code).toBe(0);
    // One browser (Debian's Chromium driven by playwright-core) for the DOM and the screenshot.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
      // Nothing the page runs or loads fails, and it logs nothing at all.
      const problems: string[] = [];
      page.on('console', (m) => problems.push(`console ${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`uncaught: ${e}`));
      page.on('requestfailed', (q) => problems.push(`failed to load ${q.url()}`));
      await page.goto(pathToFileURL(join(out, 'report.html')).href);
      // The DOM as Chromium built it from the file.
      const dom = await page.content();
      expect(problems).toEqual([]);
      for (const h of ['1. The Co-production Star', '2. Impact matrix', '3. Business cases', '4. People and needs', '5. Incentives and charters', '6. Readiness to grow', '7. Next steps']) {
        expect(dom).toContain(h);
      }
      // The star picture: an image whose text alternative and drawing carry the Four Co's and the five steps.
      const img = /<img[^>]*src="data:image\/svg\+xml;base64,([^"]+)"[^>]*alt="([^"]+)"/.exec(dom) ?? /<img[^>]*alt="([^"]+)"[^>]*src="data:image\/svg\+xml;base64,([^"]+)"/.exec(dom);
      expect(img, 'the star image').not.toBeNull();
      const [svgB64, alt] = img![1]!.startsWith('PD94') ? [img![1]!, img![2]!] : [img![2]!, img![1]!];
      const svg = Buffer.from(svgB64, 'base64').toString('utf8');
      for (const label of ['Co-commissioning', 'Co-design', 'Co-delivery', 'Co-assessment', 'Map it', 'Focus it', 'People it', 'Market it', 'Grow it']) {
        expect(svg).toContain(`>${label}</text>`);
        expect(alt).toContain(label);
      }
      // The impact matrix is drawn inline with its quadrants.
      for (const q of ['Quick win', 'Major project', 'Fill-in', 'Reconsider']) expect(dom).toMatch(new RegExp(`<text[^>]*>${q}</text>`));
      // And the page paints: a screenshot of the window's size.
      const bytes = await page.screenshot();
      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(bytes.readUInt32BE(16)).toBe(1280);
      expect(bytes.readUInt32BE(20)).toBe(2000);
    } finally {
      await browser.close();
    }
  }, 150_000);
});
