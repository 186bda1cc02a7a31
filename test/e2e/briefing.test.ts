/** `costar generate briefing` on the demo: Markdown and accessible HTML, never a person. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/core/schema.js';
import { copyFixture, costar, FIXTURES } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { htmlProblems } from '../helpers/html.js';

const DEMO = join(FIXTURES, 'demo');
const PEOPLE = readdirSync(join(DEMO, 'people'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(join(DEMO, 'people', f), 'utf8')) as Person);
const PERSONAL = PEOPLE.flatMap((p) => [p.name, p.contact].filter((x): x is string => typeof x === 'string'));
const IDS = PEOPLE.map((p) => p.id);
const WARDS = ['abbey', 'riverside', 'oakfield', 'castle-hill', 'st-marys', 'brampton-villages'];

function expectNoPeople(text: string): void {
  for (const s of PERSONAL) expect(text, `personal data "${s}" in a briefing`).not.toContain(s);
  for (const id of IDS) expect(text, `person id ${id} in a briefing`).not.toMatch(new RegExp(`\\b${id}\\b`));
}


describe('costar generate briefing', () => {
  it('--ward writes one Markdown briefing with every section and three asks', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'briefing', '--ward', 'castle-hill'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('out/castle-hill.briefing.md\n');
    const md = readFileSync(join(dir, 'out', 'castle-hill.briefing.md'), 'utf8');
    expect(md).toMatch(/^# Councillor briefing: Castle Hill\n/);
    for (const h of ['## At a glance', '## Initiatives in the ward and their stage', '## Assets by skill', '## Needs still open', '## Your role as community connector', '## Three asks']) {
      expect(md).toContain(h);
    }
    // Initiatives that name the ward, with status and steps; assets as counts; open needs.
    expect(md).toContain('| School street at Castle Hill Primary | Highways and transport | pilot |');
    // 3 offer marshalling and 2 of them are ready: both under 5, so neither is printed.
    expect(md).toMatch(/\| marshalling \| fewer than 5 \| fewer than 5 \| 0 \|/);
    expect(md).toMatch(/\| School street at Castle Hill Primary \| marshalling \| 7 \| 8 \|/);
    const asks = md.split('## Three asks')[1]!.split('\n').filter((l) => /^\d\. \*\*/.test(l));
    expect(asks).toHaveLength(3);
    expect(md).not.toMatch(/\d{4}-\d{2}-\d{2}T/); // no timestamp
    expectNoPeople(md + r.stderr);
    // Same portfolio, same bytes.
    (await costarIn(['generate', 'briefing', '--ward', 'castle-hill'], { cwd: dir }));
    expect(readFileSync(join(dir, 'out', 'castle-hill.briefing.md'), 'utf8')).toBe(md);
  });

  it('--all writes one briefing per ward in md and html; the HTML passes html-validate and names nobody', async () => {
    const dir = copyFixture('demo');
    for (const format of ['md', 'html']) {
      const r = (await costarIn(['generate', 'briefing', '--all', '--format', format, '--include-personal'], { cwd: dir }));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim().split('\n')).toEqual(WARDS.map((w) => `out/${w}.briefing.${format}`));
    }
    for (const w of WARDS) {
      const md = readFileSync(join(dir, 'out', `${w}.briefing.md`), 'utf8');
      const html = readFileSync(join(dir, 'out', `${w}.briefing.html`), 'utf8');
      expectNoPeople(md);
      expectNoPeople(html);
      const { messages } = await htmlProblems(html);
      expect(messages, `${w}.briefing.html`).toEqual([]);
      expect(html).toContain('<th scope="col">');
      expect(html.match(/<li><strong>[^<]+\.<\/strong>/g)).toHaveLength(3);
    }
  });

  it('escapes HTML and Handlebars in user text', async () => {
    const dir = copyFixture('demo');
    const f = join(dir, 'initiatives', 'school-streets.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/^title: .*$/m, 'title: "<script>alert(1)</script> {{doc.title}}"'));
    const r = (await costarIn(['generate', 'briefing', '--ward', 'castle-hill', '--format', 'html'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'out', 'castle-hill.briefing.html'), 'utf8');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('{{doc.title}}');
  });

  it('an unknown ward is a usage error with a suggestion', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['generate', 'briefing', '--ward', 'castle-hil'], { cwd: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('did you mean "castle-hill"?');
  });
});
