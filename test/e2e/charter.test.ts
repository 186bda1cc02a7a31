/** `costar generate charter`: Markdown and accessible HTML, escaping of user text, partial failure. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, costar } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { htmlProblems } from '../helpers/html.js';

const WITH_CHARTER = ['carers-rate-home-care', 'community-speedwatch', 'dementia-walks', 'digital-buddies', 'tenant-scrutiny-panel'];

async function expectValidHtml(html: string): Promise<void> {
  const { valid, messages } = await htmlProblems(html);
  expect(messages).toEqual([]);
  expect(valid).toBe(true);
}

describe('generate charter', () => {
  it('writes one Markdown charter with every section', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'charter', 'carers-rate-home-care'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('out/carers-rate-home-care.charter.md\n');
    const md = readFileSync(join(dir, 'out', 'carers-rate-home-care.charter.md'), 'utf8');
    expect(md).toContain('# Co-production charter: Family carers assess the quality of home care');
    for (const h of ['## Parties', '## Shared outcomes', '## Rights and responsibilities', '### The service commits to', '### The community commits to', '## Incentives', '## Risk register', '## Review', '## Signatures']) {
      expect(md).toContain(`\n${h}\n`);
    }
    expect(md).toContain("2. Midshire Carers' Centre");
    expect(md).toContain('- Pay replacement care and travel for visiting carers');
    expect(md).toContain('- Report safeguarding concerns the same day');
    expect(md).toContain('| Carers | Financial | Replacement care paid for while a carer is out on visits | £1,800 |');
    expect(md).toContain('| **Total** | | | **£1,950** |');
    expect(md).toContain('| 1 | A carer hears a safeguarding disclosure | Medium | High | Training, paired visits and a named duty officer | Midshire Council |');
    expect(md).toContain('by 31 March 2027');
    expect(md).toContain("| Home-care providers' forum | | | | |");
    expect(md).not.toMatch(/\d{2}:\d{2}|T\d{2}:/); // no timestamp
    // Same portfolio, same bytes.
    (await costarIn(['generate', 'charter', 'carers-rate-home-care'], { cwd: dir }));
    expect(readFileSync(join(dir, 'out', 'carers-rate-home-care.charter.md'), 'utf8')).toBe(md);
  });

  it('--all writes a charter for every initiative that has one and skips the others with a note', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'charter', '--all'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(WITH_CHARTER.map((id) => `out/${id}.charter.md`));
    expect(r.stderr).toMatch(/note: skipped \d+ initiatives that have nothing for this document \([^)]*\bmens-shed\b[^)]*\): each has no charter \(market\.charter\)/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(WITH_CHARTER.map((id) => `${id}.charter.md`));
  });

  it('--all --format html writes accessible HTML that passes html-validate', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'charter', '--all', '--format', 'html'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(WITH_CHARTER.map((id) => `out/${id}.charter.html`));
    for (const id of WITH_CHARTER) {
      const html = readFileSync(join(dir, 'out', `${id}.charter.html`), 'utf8');
      await expectValidHtml(html);
      expect(html).toContain('<h2 id="risks">Risk register</h2>');
      expect(html).toContain('<div class="signatures">');
    }
    const one = readFileSync(join(dir, 'out', 'carers-rate-home-care.charter.html'), 'utf8');
    expect(one).toContain('<th scope="row" colspan="3">Total</th><td class="num"><strong>£1,950</strong></td>');
    expect(one).toContain('<title>Co-production charter: Family carers assess the quality of home care — Midshire Council</title>');
  });

  it('escapes HTML and Handlebars syntax in user text, never running it', async () => {
    const dir = copyFixture('demo');
    const evil = '<script>alert("x")</script> & {{portfolio.name}} | {{#each parties}}boom{{/each}}';
    const w = (await costarIn(
      ['market', 'charter', 'mens-shed', '--party', evil, '--outcome', 'Make <b>things</b>', '--service-commitment', '{{> layout}}', '--community-commitment', 'Run it', '--risk', '<script>bad()</script> {{portfolio.name}}|low|high|{{raw x}}|<i>owner</i>', '--review', '2027-01-31'],
      { cwd: dir },
    ));
    expect(w.code, w.stderr).toBe(0);
    expect((await costarIn(['market', 'add-incentive', 'mens-shed', '--for', 'volunteers', '--kind', 'financial', '--what', '<img src=x onerror=alert(1)> {{doc.title}}'], { cwd: dir })).code).toBe(0);

    for (const format of ['html', 'md']) {
      const r = (await costarIn(['generate', 'charter', 'mens-shed', '--format', format], { cwd: dir }));
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(join(dir, 'out', `mens-shed.charter.${format}`), 'utf8');
      expect(text).not.toContain('<script>');
      expect(text).not.toContain('<b>things');
      expect(text).not.toContain('<img');
      expect(text).not.toContain('<i>owner');
      expect(text).toContain('&lt;script&gt;');
      // Handlebars in user text comes out as written, not evaluated.
      expect(text).toContain('{{portfolio.name}}');
      expect(text).toContain('{{#each parties}}boom{{/each}}');
      expect(text).toContain('{{&gt; layout}}'); // the > is escaped like any other
      expect(text).toContain('{{raw x}}');
      expect(text).toContain('{{doc.title}}');
      expect(text).not.toContain('boomboom');
      if (format === 'html') await expectValidHtml(text);
      else {
        // A | in user text cannot break a Markdown table row (the signature table has 5 columns).
        const row = text.split('\n').find((l) => l.startsWith('| &lt;script'))!;
        expect(row.split(/(?<!\\)\|/).length).toBe(7);
      }
    }
  });

  it('an initiative without a charter, named explicitly, fails alone; the others are still written (exit 1)', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'charter', 'dementia-walks', 'mens-shed', 'digital-buddies', '--format', 'html'], { cwd: dir }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('out/dementia-walks.charter.html\nout/digital-buddies.charter.html\n');
    expect(r.stderr).toContain('mens-shed has no charter (market.charter)');
    expect(existsSync(join(dir, 'out', 'mens-shed.charter.html'))).toBe(false);
    expect(existsSync(join(dir, 'out', 'digital-buddies.charter.html'))).toBe(true);
  });

  it('shows what is missing from a thin charter instead of failing', async () => {
    const dir = copyFixture('demo');
    expect((await costarIn(['market', 'charter', 'mens-shed', '--community-commitment', 'Members run the shed'], { cwd: dir })).code).toBe(0);
    const r = (await costarIn(['generate', 'charter', 'mens-shed'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(dir, 'out', 'mens-shed.charter.md'), 'utf8');
    expect(md).toContain('No parties are named yet.');
    expect(md).toContain('No commitments of the service are recorded yet.');
    expect(md).toContain('No incentives are recorded yet.');
    expect(md).toContain('No risks are recorded yet.');
    expect(md).toContain('No review date has been agreed yet.');
    expect(md).toContain('| the service | | | | |');
    const h = (await costarIn(['generate', 'charter', 'mens-shed', '--format', 'html'], { cwd: dir }));
    expect(h.code).toBe(0);
    await expectValidHtml(readFileSync(join(dir, 'out', 'mens-shed.charter.html'), 'utf8'));
  });
});
