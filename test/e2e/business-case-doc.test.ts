import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costar, copyFixture, snapshotTree } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { htmlProblems } from '../helpers/html.js';


describe('costar generate business-case', () => {
  it('writes one file per initiative with a business case, skipping the others with a note', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'business-case', '--all'], { cwd: dir }));
    expect(r.code).toBe(0);
    const written = r.stdout.trim().split('\n');
    expect(written).toContain('out/dementia-walks.business-case.md');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(written.map((w) => w.replace('out/', '')).sort());
    expect(r.stderr).toMatch(/note: skipped \d+ initiatives/);
    const md = readFileSync(join(dir, 'out', 'dementia-walks.business-case.md'), 'utf8');
    expect(md).toMatch(/^# Business case: /);
    expect(md).toMatch(/\| Benefit–cost ratio \(all benefits\) \| \d+\.\d\d \|/);
    expect(md).toContain('## Critical friends');
    expect(md).toContain('2026/27');
  });

  it('shows the ratings of critical friends: each rater, the medians and where they disagree (md and valid HTML)', async () => {
    const dir = copyFixture('demo');
    expect((await costarIn(['generate', 'business-case', 'dementia-walks'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'dementia-walks.business-case.md'), 'utf8')).not.toContain('Ratings by critical friends');
    expect((await costarIn(['focus', 'score', 'dementia-walks', '--rater', 'Finance partner', '--set', 'efficiency=4', '--set', 'resilience=1'], { cwd: dir })).code).toBe(0);
    expect((await costarIn(['focus', 'score', 'dementia-walks', '--rater', 'Resident 1', '--set', 'efficiency=2', '--set', 'resilience=4', '--set', 'ease=5'], { cwd: dir })).code).toBe(0);
    expect((await costarIn(['generate', 'business-case', 'dementia-walks'], { cwd: dir })).code).toBe(0);
    const md = readFileSync(join(dir, 'out', 'dementia-walks.business-case.md'), 'utf8');
    expect(md).toContain('### Ratings by critical friends');
    // Columns in configured order: user-outcomes, community-outcomes, efficiency, resilience, governance, ease, readiness.
    expect(md).toContain('| Finance partner | – | – | 4 | 1 | – | – | – |');
    expect(md).toContain('| Resident 1 | – | – | 2 | 4 | – | 5 | – |');
    expect(md).toContain('| **Median** | – | – | 3 | 2.5 | – | 5 | – |');
    expect(md).toMatch(/Raters disagree \(a spread of 2 or more points\) on: Cost-effectiveness and savings \(2 to 4\); Stronger, more resilient local system \(1 to 4\)\./);
    expect((await costarIn(['generate', 'business-case', 'dementia-walks', '--format', 'html'], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(dir, 'out', 'dementia-walks.business-case.html'), 'utf8');
    expect(html).toContain('<tr><th scope="row">Median</th><td class="num">–</td><td class="num">–</td><td class="num">3</td><td class="num">2.5</td>');
    const { valid, messages } = await htmlProblems(html);
    expect(valid, JSON.stringify(messages)).toBe(true);
  });

  it('shows ratios as not defined when there are no costs: never NaN or Infinity', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'business-case', 'time-bank', '--format', 'html'], { cwd: dir }));
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'out', 'time-bank.business-case.html'), 'utf8');
    expect(html).toContain('not defined');
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it('HTML passes html-validate (document and a11y rules) and is the same bytes every time', async () => {
    const dir = copyFixture('demo');
    (await costarIn(['generate', 'business-case', '--all', '--format', 'html'], { cwd: dir }));
    const first = snapshotTree(join(dir, 'out'));
    for (const name of Object.keys(first)) {
      const { valid, messages } = await htmlProblems(readFileSync(join(dir, 'out', name), 'utf8'));
      expect(valid, `${name}: ${JSON.stringify(messages)}`).toBe(true);
    }
    (await costarIn(['generate', 'business-case', '--all', '--format', 'html'], { cwd: dir }));
    expect(snapshotTree(join(dir, 'out'))).toEqual(first);
  });

  it('escapes user text: HTML and Handlebars in a title are shown, never run', async () => {
    const dir = copyFixture('demo');
    const f = join(dir, 'initiatives', 'time-bank.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^title: .*$/m, 'title: "<script>alert(1)</script> {{doc.kind}} & co"'));
    expect((await costarIn(['generate', 'business-case', 'time-bank', '--format', 'html'], { cwd: dir })).code).toBe(0);
    expect((await costarIn(['generate', 'business-case', 'time-bank'], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(dir, 'out', 'time-bank.business-case.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{doc.kind}} &amp; co');
    const md = readFileSync(join(dir, 'out', 'time-bank.business-case.md'), 'utf8');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{doc.kind}} & co');
  });

  it('uses a template from the portfolio instead of the built-in one; a misspelt field is an error', async () => {
    const dir = copyFixture('demo');
    mkdirSync(join(dir, 'templates'));
    writeFileSync(join(dir, 'templates', 'business-case.md.hbs'), '# {{initiative.title}}\nBCR {{ratio figures.bcr}}\n');
    expect((await costarIn(['generate', 'business-case', 'dementia-walks'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'dementia-walks.business-case.md'), 'utf8')).toMatch(/^# Supported walks.*\nBCR \d\.\d\d\n$/);
    writeFileSync(join(dir, 'templates', 'business-case.md.hbs'), '# {{initiative.titel}}\n');
    const r = (await costarIn(['generate', 'business-case', 'dementia-walks', 'social-prescribing'], { cwd: dir }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"titel"/);
  });

  it('an initiative without a business case fails alone; the others are written; exit 1', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'business-case', 'mens-shed', 'dementia-walks'], { cwd: dir }));
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe('out/dementia-walks.business-case.md');
    expect(r.stderr).toMatch(/mens-shed.*no business case/);
  });

  it('ids cannot write outside the output folder; unknown kinds and ids are usage errors', async () => {
    const dir = copyFixture('demo');
    expect((await costarIn(['generate', 'business-case', '../../etc/passwd'], { cwd: dir })).code).toBe(2);
    const k = (await costarIn(['generate', 'business-cases', '--all'], { cwd: dir }));
    expect(k.code).toBe(2);
    expect(k.stderr).toMatch(/did you mean "business-case"/);
    expect((await costarIn(['generate', 'business-case'], { cwd: dir })).code).toBe(2);
  });

  it('templates export copies the built-in templates for editing', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['templates', 'export'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'templates'))).toContain('business-case.html.hbs');
    expect(r.stderr).toContain('costar generate uses a template in templates instead of the built-in one');
    expect((await costarIn(['generate', 'business-case', 'dementia-walks', '--format', 'html'], { cwd: dir })).code).toBe(0);
    // Elsewhere (--out), the copies only take effect once moved into a portfolio's templates folder.
    const elsewhere = (await costarIn(['templates', 'export', '--out', 'copies'], { cwd: dir }));
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stderr).toContain("then put them in a portfolio's templates folder");
    expect(readdirSync(join(dir, 'copies'))).toContain('charter.md.hbs');
  });
});
