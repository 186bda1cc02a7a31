/**
 * Every document kind, read back with independent readers: the Markdown with a CommonMark
 * renderer (commonmark.js), which must find no element the template did not write; the Word
 * documents with python-docx, which must find real headings, tables with header rows, the
 * pictures with text alternatives, page numbers and the same text as the Markdown.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlRenderer, Parser, type Node } from 'commonmark';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, costar, REPO, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const KINDS: Array<[string, string[]]> = [
  ['business-case', ['--all']],
  ['charter', ['--all']],
  ['briefing', ['--all']],
  ['grow-plan', ['--all']],
  ['report', []],
  ['privacy-notice', []],
];

const AS_OF = '2027-01-31';
const SLOW = { timeout: 240_000 };

/** Emphasis the built-in Markdown templates write themselves (e.g. "*Response:*"). */
const TEMPLATE_EMPHASIS = new Set(
  readdirSync(join(REPO, 'templates'))
    .filter((f) => f.endsWith('.md.hbs'))
    .flatMap((f) => [...readFileSync(join(REPO, 'templates', f), 'utf8').matchAll(/(?<!\*)\*([^*{}\s][^*{}]*)\*(?!\*)/g)].map((m) => m[1]!)),
);

/** A title that would be a link, emphasis, code, HTML and a table break if Markdown obeyed it. */
const hostile = (n: number) => `[link ${n}](http://evil.example) *x* _y_ \`code\` <b>bold</b> | pipe ~~gone~~ &amp; www.evil.example`;

/** The demo, with every initiative's title, every label and the summaries made hostile. */
function hostilePortfolio(): string {
  const dir = copyFixture('demo');
  const ini = join(dir, 'initiatives');
  readdirSync(ini).forEach((f, n) => {
    let y = readFileSync(join(ini, f), 'utf8');
    y = y.replace(/^title: .*$/m, `title: ${JSON.stringify(hostile(n))}`);
    y = y.replace(/^summary: >-\n(?:  .*\n)+/m, `summary: ${JSON.stringify('# not a heading\n- not a list\n1. not numbered\n    not code\n> not a quote\n<div>not html</div>')}\n`);
    writeFileSync(join(ini, f), y);
  });
  let c = readFileSync(join(dir, 'costar.yaml'), 'utf8');
  c = c.replace(/^name: .*$/m, `name: ${JSON.stringify('*Midshire* [portfolio](http://evil.example)')}`);
  c = c.replace(/label: Adult social care/, `label: ${JSON.stringify('_Adult_ `care` <i>x</i>')}`);
  c = c.replace(/label: Castle Hill/, `label: ${JSON.stringify('**Castle** Hill | [x](y)')}`);
  c = c.replace(/controller: Midshire Council/, `controller: ${JSON.stringify(hostile(99))}`);
  writeFileSync(join(dir, 'costar.yaml'), c);
  return dir;
}

/** Every kind of document, made in-process (the built bundle, streams captured). */
async function generate(dir: string, format: 'md' | 'docx', extra: string[] = []): Promise<string> {
  const out = tempDir();
  for (const [kind, args] of KINDS) {
    const argv = ['generate', kind, ...args, '--format', format, '--as-of', AS_OF, '--out', out, ...extra];
    const r = await costarIn(argv, { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  }
  return out;
}

const renderer = new HtmlRenderer();
const parser = new Parser();

function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What CommonMark makes of a Markdown document: elements the template did not write are errors. */
function commonmarkProblems(md: string): string[] {
  const html = renderer.render(parser.parse(md));
  const problems: string[] = [];
  for (const m of html.matchAll(/<em>([^<]*)<\/em>/g)) if (!TEMPLATE_EMPHASIS.has(m[1]!)) problems.push(`<em>${m[1]}</em>`);
  for (const tag of ['a', 'img', 'b', 'i', 'del', 'blockquote', 'pre', 'div', 'html_block']) {
    if (new RegExp(`<${tag}[\\s>]`).test(html)) problems.push(`<${tag}> in ${html.match(new RegExp(`.{0,60}<${tag}[\\s>].{0,60}`))?.[0]}`);
  }
  if ((html.match(/<h1>/g) ?? []).length !== 1) problems.push('not exactly one <h1>');
  // Code spans are the template's own: commands.
  for (const m of html.matchAll(/<code>([^<]*)<\/code>/g)) if (!m[1]!.startsWith('costar ')) problems.push(`<code>${m[1]}</code>`);
  return problems;
}

function headingsOf(md: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  const w = parser.parse(md).walker();
  let e;
  while ((e = w.next())) {
    const n: Node = e.node;
    if (e.entering && n.type === 'heading') {
      let text = '';
      const inner = n.walker();
      let f;
      while ((f = inner.next())) if (f.entering && (f.node.type === 'text' || f.node.type === 'code')) text += f.node.literal ?? '';
      out.push([n.level, text]);
    }
  }
  return out;
}

/** The demo's Markdown documents, made once: the Word documents are compared with them too. */
let demoMarkdown: Promise<string> | undefined;
const demoMd = () => (demoMarkdown ??= generate(copyFixture('demo'), 'md'));

describe('Markdown documents render as the text that was typed', SLOW, () => {
  it('the demo: every Markdown document has only the elements its template wrote', async () => {
    const out = await demoMd();
    const files = readdirSync(out);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(commonmarkProblems(readFileSync(join(out, f), 'utf8')), f).toEqual([]);
  });

  it('a hostile portfolio: links, emphasis, code, HTML, pipes and line-start marks in user text stay text', async () => {
    const out = await generate(hostilePortfolio(), 'md');
    const files = readdirSync(out);
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const md = readFileSync(join(out, f), 'utf8');
      expect(commonmarkProblems(md), f).toEqual([]);
      const text = decode(renderer.render(parser.parse(md)));
      expect(text).not.toContain('http://evil.example)'.replace(')', '') + '"'); // never an href
      if (f.endsWith('.charter.md') || f.endsWith('.business-case.md') || f.endsWith('.grow-plan.md')) {
        // The title, exactly as typed, in the document's one heading.
        expect(text, f).toMatch(/\[link \d+\]\(http:\/\/evil\.example\) \*x\* _y_ `code` <b>bold<\/b> \| pipe ~~gone~~ &amp; www\.evil\.example/);
        // A summary of Markdown marks stays one paragraph of text.
        if (md.includes('not a heading')) expect(text).toContain('# not a heading - not a list 1. not numbered not code > not a quote <div>not html</div>');
      }
    }
    const report = decode(renderer.render(parser.parse(readFileSync(join(out, 'report.md'), 'utf8'))));
    expect(report).toContain('*Midshire* [portfolio](http://evil.example)');
    expect(report).toContain('_Adult_ `care` <i>x</i>');
    const castle = decode(renderer.render(parser.parse(readFileSync(join(out, 'castle-hill.briefing.md'), 'utf8'))));
    expect(castle).toContain('**Castle** Hill | [x](y)');
  });
});

/** A Python that can import docx (Debian's python3-docx), or null. */
function pythonWithDocx(): string | null {
  for (const py of ['python3', '/usr/bin/python3']) {
    if (spawnSync(py, ['-c', 'import docx'], { encoding: 'utf8' }).status === 0) return py;
  }
  return null;
}

const READ_DOCX = `
import docx, json, sys
out = {}
for path in sys.argv[1:]:
    d = docx.Document(path)
    body = d.element.body
    out[path] = {
        "headings": [[p.style.name, p.text] for p in d.paragraphs if p.style.name.startswith("Heading")],
        "paragraphs": [p.text for p in d.paragraphs],
        "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
        "headerRows": sum(1 for t in d.tables if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.xml.find("tblHeader") >= 0),
        "pictures": [s._inline.docPr.get("descr") for s in d.inline_shapes],
        "footer": d.sections[0].footer._element.xml,
        "created": d.core_properties.created.isoformat(),
    }
print(json.dumps(out))
`;

interface DocxRead {
  headings: Array<[string, string]>;
  paragraphs: string[];
  tables: string[][][];
  headerRows: number;
  pictures: string[];
  footer: string;
  created: string;
}

function readDocx(py: string, files: string[]): Record<string, DocxRead> {
  const r = spawnSync(py, ['-c', READ_DOCX, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, DocxRead>;
}

const PY = pythonWithDocx();

describe.skipIf(!PY)('Word documents (read with python-docx)', SLOW, () => {
  let mdDir = '';
  let demoDocx = '';
  /** What python-docx reads in every demo document: one Python run for the tests below. */
  let read: Record<string, DocxRead> = {};
  beforeAll(async () => {
    mdDir = await demoMd();
    demoDocx = await generate(copyFixture('demo'), 'docx');
    read = readDocx(PY!, readdirSync(demoDocx).map((f) => join(demoDocx, f)));
  }, SLOW.timeout);

  it('every kind: Heading N styles matching the Markdown, tables with header rows, page numbers, the same text', () => {
    const files = readdirSync(demoDocx).sort();
    expect(files.map((f) => f.replace(/\.docx$/, '.md'))).toEqual(readdirSync(mdDir).sort());
    for (const f of files) {
      const d = read[join(demoDocx, f)]!;
      const md = readFileSync(join(mdDir, f.replace(/\.docx$/, '.md')), 'utf8');
      expect(d.headings, f).toEqual(headingsOf(md).map(([level, text]) => [`Heading ${level}`, text]));
      const mdTables = md.split('\n').filter((l) => /^\|(?:\s*:?-+:?\s*\|)+$/.test(l)).length;
      expect(d.tables.length, f).toBe(mdTables);
      expect(d.headerRows, f).toBe(mdTables);
      expect(d.footer, f).toMatch(/PAGE/);
      expect(d.created, f).toBe('2027-01-31T00:00:00');
      expect(d.paragraphs.join('\n'), f).toContain('As at 31 January 2027');
    }
    const charter = read[join(demoDocx, 'carers-rate-home-care.charter.docx')]!;
    expect(charter.tables[0]![0]).toEqual(['For', 'Kind', 'Incentive', 'Yearly cost']);
    expect(charter.tables[0]).toContainEqual(['Carers', 'Financial', 'Replacement care paid for while a carer is out on visits', '£1,800']);
    expect(charter.paragraphs).toContain('Report safeguarding concerns the same day');
  });

  it('the report carries the star and the impact matrix as pictures with text alternatives', () => {
    const d = read[join(demoDocx, 'report.docx')]!;
    // The star, the matrix, then a chart of each indicator with two or more readings (7 in the demo).
    expect(d.pictures).toHaveLength(9);
    // The stopped initiative is left out of the ring, as the caption says (star --json lists 17 rows).
    expect(d.pictures[0]).toMatch(/^All 7 service areas, 16 initiatives\. Inner star, the Four Co's:/);
    expect(d.pictures[1]!.length).toBeGreaterThan(40);
    expect(d.pictures[3]).toBe('Walkers who feel less isolated: 2 readings from 31 March 2026 to 30 September 2026, first 44%, latest 52%. Baseline 38%. Target 60%: not yet met, 8 percentage points to go.');
    expect(d.paragraphs).toContain(d.pictures[3]);
  });

  it('the grow plan carries a chart of each indicator with two or more readings, its summary as text alternative', () => {
    const file = join(demoDocx, 'dementia-walks.grow-plan.docx');
    const d = read[file]!;
    expect(d.pictures).toEqual([
      'Walkers who feel less isolated: 2 readings from 31 March 2026 to 30 September 2026, first 44%, latest 52%. Baseline 38%. Target 60%: not yet met, 8 percentage points to go.',
      'Carers who get a weekly break: 2 readings from 31 March 2026 to 30 September 2026, first 31%, latest 42%. Baseline 20%. Target 50%: not yet met, 8 percentage points to go.',
    ]);
    // Walks held has one reading: a table row, no chart.
    expect(d.headings.map((h) => h[1])).not.toContain('Readings: Walks held');
  });

  it('same portfolio and date, same bytes; the date comes from --as-of, else SOURCE_DATE_EPOCH', async () => {
    const dir = copyFixture('demo');
    // Each document numbers its own pictures, so a second run in this process gives the same
    // bytes as a first; the SOURCE_DATE_EPOCH run below is a process of its own.
    const again = await generate(dir, 'docx');
    for (const f of readdirSync(demoDocx)) expect(readFileSync(join(again, f)).equals(readFileSync(join(demoDocx, f))), f).toBe(true);
    const out = tempDir();
    const r = costar(['generate', 'charter', 'dementia-walks', '--format', 'docx', '--out', out], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1800000000' } });
    expect(r.code, r.stderr).toBe(0);
    const d = readDocx(PY!, [join(out, 'dementia-walks.charter.docx')])[join(out, 'dementia-walks.charter.docx')]!;
    expect(d.paragraphs.join('\n')).toContain('As at 15 January 2027');
    expect(d.created).toBe('2027-01-15T00:00:00');
  });

  it('a hostile portfolio: user text is text in Word too', async () => {
    const out = await generate(hostilePortfolio(), 'docx');
    const read = readDocx(PY!, readdirSync(out).map((f) => join(out, f)));
    const charter = Object.entries(read).find(([f]) => f.endsWith('dementia-walks.charter.docx'))![1];
    expect(charter.headings[0]![1]).toMatch(/^Co-production charter: \[link \d+\]\(http:\/\/evil\.example\) \*x\* _y_ `code` <b>bold<\/b> \| pipe ~~gone~~ &amp; www\.evil\.example$/);
  });
});

describe('--as-of', SLOW, () => {
  it('is written as GOV.UK writes dates; a bad date is exit 2 naming the flag and writes nothing', async () => {
    const dir = copyFixture('demo');
    const out = tempDir();
    const ok = await costarIn(['generate', 'report', '--as-of', '2027-01-31', '--out', out], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('\nAs at 31 January 2027\n');
    const html = await costarIn(['generate', 'report', '--format', 'html', '--as-of', '2027-01-31', '--out', out], { cwd: dir });
    expect(html.code, html.stderr).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<p>As at <time datetime="2027-01-31">31 January 2027</time></p>');
    const empty = tempDir();
    for (const bad of ['2027-02-30', 'tomorrow', '31/01/2027']) {
      const r = await costarIn(['generate', 'report', '--as-of', bad, '--out', empty], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--as-of');
      expect(readdirSync(empty)).toEqual([]);
    }
  });
});

describe('a template override that breaks the Word document', SLOW, () => {
  it('is a clear error naming the template; the other formats still work', async () => {
    const dir = copyFixture('demo');
    const own = readFileSync(join(REPO, 'templates', 'charter.md.hbs'), 'utf8').replace('## Parties', '![a picture](costar:nowhere)\n\n## Parties');
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'charter.md.hbs'), own);
    const out = tempDir();
    const r = await costarIn(['generate', 'charter', 'dementia-walks', '--format', 'docx', '--out', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('templates/charter.md.hbs');
    expect(r.stderr).toContain('costar:nowhere');
    expect(readdirSync(out)).toEqual([]);
    expect((await costarIn(['generate', 'charter', 'dementia-walks', '--out', out], { cwd: dir })).code).toBe(0);
  });
});
