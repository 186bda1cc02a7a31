/**
 * `costar serve` in a real browser: Debian's headless Chromium driven by playwright-core (no
 * browser download). One launch: the wall at projector size with its star and tables, a file
 * changed on disk showing up without a reload (scroll kept), a score sent from a phone-sized
 * viewport (with script, and as a plain form without) found in the YAML, and a visit without the
 * token refused. Skipped only where /usr/bin/chromium is missing (.ci/run installs it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startServer, type Running } from '../../src/cli/commands/serve/server.js';
import { copyFixture } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`SKIPPED: the costar serve browser test needs Debian's chromium at ${CHROMIUM} (apt-get install -y chromium); .ci/run installs it.`);

const TOKEN = 'browser-test-token_123';

describe.skipIf(!hasChromium)('costar serve in headless Chromium', () => {
  let browser: Browser;
  let s: Running;
  let dir: string;
  const problems: string[] = [];
  const watch = (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  };

  beforeAll(async () => {
    dir = copyFixture('demo');
    s = await startServer({ root: dir, port: 0, token: TOKEN, note: () => {} });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('shows the wall, updates it live, takes a score from a phone, and refuses a visit without the token', async () => {
    // The wall, at projector size.
    const wall = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    wall.setDefaultTimeout(15_000);
    wall.on('console', watch);
    wall.on('pageerror', (e) => problems.push(String(e)));
    const res = await wall.goto(`${s.local}?token=${TOKEN}`);
    expect(res?.status()).toBe(200);
    await expect(wall.locator('h1').textContent()).resolves.toBe('The workshop wall');
    expect(await wall.locator('#coverage tbody tr').count()).toBe(7);
    expect(await wall.locator('#journey tbody tr').count()).toBe(17);
    expect(await wall.locator('#ranking tbody tr').count()).toBeGreaterThan(5);
    const star = wall.locator('img.picture');
    expect(await star.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await star.getAttribute('alt')).toContain("the Four Co's");
    expect(await wall.locator('#wall-matrix-title').count()).toBe(1);
    // The style sheet applied (the documents' accent under the header), so CSP and SRI let it through.
    expect(await wall.locator('header').evaluate((h) => getComputedStyle(h).borderBottomColor)).toBe('rgb(29, 79, 145)');

    // A file changes on disk: the page swaps in the new content without reloading, at the same scroll.
    await wall.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
      window.scrollTo(0, 900);
    });
    const y = await wall.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(0);
    const file = join(dir, 'initiatives', 'mens-shed.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Shed renamed while the room watched'));
    await wall.waitForFunction(() => document.getElementById('journey')?.textContent?.includes('Shed renamed while the room watched'));
    expect(await wall.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await wall.evaluate(() => window.scrollY)).toBe(y);
    await expect(wall.locator('#updated').textContent()).resolves.toMatch(/^Updated at /);

    // A phone: the token link, pick an initiative, score it, send.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    p.setDefaultTimeout(15_000);
    p.on('console', watch);
    p.on('pageerror', (e) => problems.push(String(e)));
    await p.goto(`${s.local}score?token=${TOKEN}`);
    await p.getByRole('link', { name: "Abbey and St Mary's time bank" }).click();
    await p.waitForURL(/\/score\/time-bank$/);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await p.getByLabel('Your rater label').fill('Resident 7');
    await p.locator('label[for="ease-2"]').tap();
    await p.locator('label[for="readiness-4"]').tap();
    await p.locator('label[for="user-outcomes-5"]').tap();
    await p.getByRole('button', { name: 'Save my scores' }).tap();
    await expect(p.locator('#form-result').textContent()).resolves.toContain('are saved');
    const ratings = () => parse(readFileSync(join(dir, 'initiatives', 'time-bank.yaml'), 'utf8')).focus?.ratings;
    expect(ratings()).toEqual([{ rater: 'Resident 7', scores: { 'user-outcomes': 5, ease: 2, readiness: 4 } }]);
    // The wall shows the room's scores, live.
    await wall.waitForSelector('#medians');
    // The next initiative: the phone remembers the rater's label.
    await p.getByRole('link', { name: 'Score another initiative' }).tap();
    await p.getByRole('link', { name: 'Supported walks with people living with dementia and their carers' }).tap();
    await expect(p.getByLabel('Your rater label').inputValue()).resolves.toBe('Resident 7');

    // The same form without script: a plain POST, then the confirmation page.
    const plain = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const q = await plain.newPage();
    q.setDefaultTimeout(15_000);
    await q.goto(`${s.local}score/time-bank?token=${TOKEN}`);
    await q.getByLabel('Your rater label').fill('Resident 8');
    await q.locator('label[for="ease-5"]').click();
    await q.getByRole('button', { name: 'Save my scores' }).click();
    await q.waitForURL(/\/score\/time-bank\?saved=1$/);
    await expect(q.locator('.message.saved').textContent()).resolves.toContain('are saved');
    expect(ratings()).toHaveLength(2);

    // Without the token: refused, and nothing of the portfolio shown.
    const stranger = await browser.newContext();
    const r = await stranger.newPage();
    const refused = await r.goto(s.local);
    expect(refused?.status()).toBe(403);
    await expect(r.locator('body').textContent()).resolves.toContain('token');
    expect(await r.locator('#coverage').count()).toBe(0);

    expect(problems).toEqual([]);
    await Promise.all([phone.close(), plain.close(), stranger.close()]);
  }, 90_000);
});
