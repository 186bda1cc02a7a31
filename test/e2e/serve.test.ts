/**
 * `costar serve` over plain HTTP: the pages (valid, accessible HTML), live updates by
 * Server-Sent Events, scores from phones written to focus.ratings, and every refusal (token,
 * cross-origin, size, rate, bad input), with no personal data in any response. The server runs
 * in this process (startServer); the command itself is spawned for the address it prints, a port
 * in use and a clean stop. The browser test is serve-browser.test.ts.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lanAddress } from '../../src/cli/commands/serve/index.js';
import { saveScore } from '../../src/cli/commands/serve/score.js';
import { loadPortfolio } from '../../src/store/portfolio.js';
import { startServer, type Running } from '../../src/cli/commands/serve/server.js';
import { BIN, copyFixture, REPO, snapshotTree, tempDir } from '../helpers/cli.js';
import { htmlProblems } from '../helpers/html.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Every response body of this file, searched for personal data at the end. */
const seen: string[] = [];

function http(base: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  const u = new URL(path, base);
  return new Promise((resolve, reject) => {
    // A connection of its own each time: a kept-alive one the server has just closed would reset.
    const req = httpRequest(u, { method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        seen.push(body, JSON.stringify(res.headers));
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const JSONH = { 'Content-Type': 'application/json', Accept: 'application/json' };
/** The portfolio's record files (the schema files a first write adds are left out). */
const tree = (dir: string) => Object.fromEntries(Object.entries(snapshotTree(dir)).filter(([k]) => !k.startsWith('.costar')));
/** The text of HTML, its character references undone (messages are matched as the phone shows them). */
const unescape = (html: string) => html.replace(/&(quot|#39|lt|gt|amp);/g, (_, e: string) => ({ quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&' })[e]!);
const ratingsOf = (dir: string, id: string) => parse(readFileSync(join(dir, 'initiatives', `${id}.yaml`), 'utf8')).focus?.ratings;

/** The next `change` event's data from an open /events stream. */
class Events {
  private buf = '';
  private waiters: Array<(v: string) => void> = [];
  private queue: string[] = [];
  private req: ReturnType<typeof httpRequest>;
  /** The response's status, once it has come. */
  ready: Promise<number>;
  constructor(base: string, headers: Record<string, string> = {}) {
    let answered: (n: number) => void = () => {};
    this.ready = new Promise((r) => (answered = r));
    this.req = httpRequest(new URL('/events', base), { headers, agent: false }, (res) => {
      answered(res.statusCode ?? 0);
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        this.buf += c;
        let i;
        while ((i = this.buf.indexOf('\n\n')) >= 0) {
          const block = this.buf.slice(0, i);
          this.buf = this.buf.slice(i + 2);
          if (/^event: change$/m.test(block)) {
            const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
            const w = this.waiters.shift();
            if (w) w(data);
            else this.queue.push(data);
          }
        }
      });
    });
    this.req.on('error', () => {});
    this.req.end();
  }
  next(): Promise<string> {
    const q = this.queue.shift();
    if (q !== undefined) return Promise.resolve(q);
    return new Promise((r) => this.waiters.push(r));
  }
  /** Waits for an event whose version is above `v`. */
  async after(v: number): Promise<number> {
    for (;;) {
      const d = Number(await this.next());
      if (d > v) return d;
    }
  }
  close(): void {
    this.req.destroy();
  }
}

let dir: string;
let s: Running;
const notes: string[] = [];

beforeAll(async () => {
  dir = copyFixture('demo');
  s = await startServer({ root: dir, port: 0, note: (m) => notes.push(m) });
});
afterAll(async () => {
  await s?.close();
});

describe('costar serve: the pages', () => {
  it('serves the wall with the star, the coverage, the journey, the ranking and what to do next, as valid accessible HTML', async () => {
    const r = await http(s.local, '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(r.headers['content-security-policy']).not.toMatch(/unsafe-inline/);
    expect((await htmlProblems(r.body)).messages).toEqual([]);
    for (const id of ['coverage', 'journey', 'ranking', 'next-steps']) expect(r.body).toContain(`<table id="${id}">`);
    expect(r.body).toMatch(/<img class="picture" src="data:image\/svg\+xml;base64,[^"]+" alt="[^"]*Inner star, the Four Co&#39;s: Co-commissioning: practised in \d+ of 7 service areas/);
    expect(r.body).toContain('Adult social care');
    expect(r.body).toContain('<h2 id="next">What to do next</h2>');
    // No inline script: every script has a src.
    expect(r.body.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
    expect(r.body).toMatch(/<main id="live" data-live="true" data-version="\d+">/);
  });

  it('serves one initiative, the score pages and the static files; every page is valid HTML', async () => {
    for (const path of ['/initiatives/dementia-walks', '/score', '/score/dementia-walks']) {
      const r = await http(s.local, path);
      expect(r.status, path).toBe(200);
      expect((await htmlProblems(r.body)).messages, path).toEqual([]);
    }
    const one = await http(s.local, '/initiatives/dementia-walks');
    for (const id of ['ini-cos', 'ini-scores', 'ini-case', 'ini-needs']) expect(one.body).toContain(`<table id="${id}">`);
    expect(one.body).toContain('Net present value');
    const form = await http(s.local, '/score/dementia-walks');
    expect(form.body).toContain('action="/api/ratings/dementia-walks"');
    expect(form.body).toContain('Better outcomes for people who use the service');
    expect(form.body.match(/type="radio"/g)).toHaveLength(7 * 5);
    const css = await http(s.local, '/static/costar.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toContain('--accent: #1d4f91'); // the documents' look
    const js = await http(s.local, '/static/wall.js');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toContain("new EventSource('/events')");
    const missing = await http(s.local, '/initiatives/no-such-thing');
    expect(missing.status).toBe(404);
    expect((await htmlProblems(missing.body)).messages).toEqual([]);
  });

  it('serves nothing outside its routes: no files, no listing, no other methods', async () => {
    for (const path of ['/static/', '/static', '/costar.yaml', '/initiatives/', '/initiatives/../costar.yaml', '/%2e%2e/%2e%2e/etc/passwd', '/initiatives/%2e%2e%2fcostar.yaml', '/people/p-0001', '/favicon.ico']) {
      const r = await http(s.local, path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('schema: costar/v1');
    }
    expect((await http(s.local, '/', { method: 'PUT' })).status).toBe(405);
    expect((await http(s.local, '/', { method: 'DELETE' })).status).toBe(405);
    expect((await http(s.local, '/api/ratings/dementia-walks')).status).toBe(405);
    expect((await http(s.local, '/', { method: 'POST', headers: FORM, body: 'x=1' })).status).toBe(405);
  });

  it('escapes the portfolio\'s text: a hostile title or label is shown as text, never as markup', async () => {
    const d = copyFixture('demo');
    const file = join(d, 'initiatives', 'time-bank.yaml');
    const hostile = '<script>alert(1)</script> "quoted" & <img src=x onerror=alert(2)>';
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${JSON.stringify(hostile)}`));
    const cfg = join(d, 'costar.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('label: Adult social care', 'label: "Adult <b>social</b> care"'));
    const t = await startServer({ root: d, port: 0, note: () => {} });
    try {
      for (const path of ['/', '/initiatives/time-bank', '/score', '/score/time-bank']) {
        const r = await http(t.local, path);
        expect(r.status, path).toBe(200);
        expect(r.body, path).not.toContain('<script>alert');
        expect(r.body, path).not.toContain('<img src=x');
        expect(r.body, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &lt;img src=x onerror=alert(2)&gt;');
        expect((await htmlProblems(r.body)).messages, path).toEqual([]);
      }
      expect((await http(t.local, '/')).body).toContain('Adult &lt;b&gt;social&lt;/b&gt; care');
    } finally {
      await t.close();
    }
  });

  it('counts people under the small-number rule (privacy.minCount in costar.yaml)', async () => {
    expect((await http(s.local, '/')).body).toContain('<li><strong>40</strong> in the asset survey</li>');
    const d = copyFixture('demo');
    // The demo's privacy: block, with minCount 50.
    writeFileSync(join(d, 'costar.yaml'), readFileSync(join(d, 'costar.yaml'), 'utf8').replace(/^privacy:\n/m, 'privacy:\n  minCount: 50\n'));
    const t = await startServer({ root: d, port: 0, note: () => {} });
    try {
      expect((await http(t.local, '/')).body).toContain('<li><strong>fewer than 50</strong> in the asset survey</li>');
    } finally {
      await t.close();
    }
  });

  it('answers only at its own addresses (a page reached through another host name is refused)', async () => {
    const r = await http(s.local, '/', { headers: { Host: 'attacker.example' } });
    expect(r.status).toBe(403);
    expect((await http(s.local, '/', { headers: { Host: `localhost:${s.port}` } })).status).toBe(200);
  });
});

describe('costar serve: live updates', () => {
  it('sends a change event when a file changes, and the page then shows the change; a broken file shows its problems on the wall', async () => {
    const ev = new Events(s.local);
    const first = Number(await ev.next());
    expect(first).toBe(s.version());
    const file = join(dir, 'initiatives', 'mens-shed.yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace(/^title: .*$/m, 'title: The Riverside shed, renamed live'));
    const v2 = await ev.after(first);
    const frag = await http(s.local, '/?fragment=1');
    expect(Number(frag.headers['x-costar-version'])).toBe(v2);
    expect(frag.body).toContain('The Riverside shed, renamed live');
    expect(frag.body).not.toContain('<html');

    // A file that stops validating: the wall stays up and lists its problems.
    writeFileSync(file, `${before}\nthis is: [not valid\n`);
    const v3 = await ev.after(v2);
    const wall = await http(s.local, '/');
    expect(wall.status).toBe(200);
    expect(wall.body).toMatch(/problems? in the portfolio's files/);
    expect(wall.body).toContain('initiatives/mens-shed.yaml');
    expect((await htmlProblems(wall.body)).messages).toEqual([]);
    expect(Number(/data-version="(\d+)"/.exec(wall.body)![1])).toBe(v3);

    writeFileSync(file, before);
    await ev.after(v3);
    expect((await http(s.local, '/')).body).not.toMatch(/problems? in the portfolio's files/);
    ev.close();
  });
});

describe('costar serve: live updates when folders come and go', () => {
  it('follows a record folder removed and made again (as a git checkout does)', async () => {
    const ev = new Events(s.local);
    const v = Number(await ev.next());
    const ini = join(dir, 'initiatives');
    renameSync(ini, `${ini}.away`);
    const v2 = await ev.after(v);
    expect((await http(s.local, '/?fragment=1')).body).not.toContain('Supported walks');
    cpSync(`${ini}.away`, ini, { recursive: true });
    rmSync(`${ini}.away`, { recursive: true });
    const v3 = await ev.after(v2);
    expect((await http(s.local, '/?fragment=1')).body).toContain('Supported walks');
    // An edit inside the new folder is seen too.
    const file = join(ini, 'mens-shed.yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace(/^title: .*$/m, 'title: Shed in the new folder'));
    await ev.after(v3);
    expect((await http(s.local, '/?fragment=1')).body).toContain('Shed in the new folder');
    writeFileSync(file, before);
    ev.close();
  });
});

describe('costar serve: scoring from phones', () => {
  it('a plain form POST writes the rater\'s entry in focus.ratings, keeps the comments, and redirects to a confirmation', async () => {
    const file = join(dir, 'initiatives', 'dementia-walks.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^focus:$/m, '# Scored in the March workshop.\nfocus:'));
    const ev = new Events(s.local);
    const v = Number(await ev.next());
    const r = await http(s.local, '/api/ratings/dementia-walks', { method: 'POST', headers: { ...FORM, Origin: s.local.replace(/\/$/, '') }, body: form({ rater: 'Finance partner', ease: '2', readiness: '3', 'user-outcomes': '' }) });
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/score/dementia-walks?saved=1');
    expect(ratingsOf(dir, 'dementia-walks')).toEqual([{ rater: 'Finance partner', scores: { ease: 2, readiness: 3 } }]);
    expect(readFileSync(file, 'utf8')).toContain('# Scored in the March workshop.');
    const done = await http(s.local, r.headers.location as string);
    expect(done.body).toContain('your scores for Supported walks with people living with dementia and their carers are saved');
    expect((await htmlProblems(done.body)).messages).toEqual([]);
    // The wall learns of it at once: the group's medians.
    await ev.after(v);
    const wall = await http(s.local, '/');
    expect(wall.body).toContain('<table id="medians" class="wide">');
    ev.close();
    expect(notes.some((n) => n.includes("Saved Finance partner's scores for dementia-walks"))).toBe(true);
  });

  it('JSON works too; the same rater (however spaced) replaces their scores; raters who disagree show on the wall', async () => {
    const a = await http(s.local, '/api/ratings/dementia-walks', { method: 'POST', headers: JSONH, body: JSON.stringify({ rater: ' finance   Partner ', ease: 4 }) });
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body)).toMatchObject({ ok: true, initiative: 'dementia-walks', rater: 'finance Partner', scores: { ease: 4 } });
    const b = await http(s.local, '/api/ratings/dementia-walks', { method: 'POST', headers: JSONH, body: JSON.stringify({ rater: 'Resident 1', scores: { ease: 1, readiness: 5 } }) });
    expect(b.status).toBe(200);
    expect(ratingsOf(dir, 'dementia-walks')).toEqual([
      { rater: 'finance Partner', scores: { ease: 4 } },
      { rater: 'Resident 1', scores: { ease: 1, readiness: 5 } },
    ]);
    const page = await http(s.local, '/initiatives/dementia-walks');
    expect(page.body).toContain('spread 3 (1 to 4)');
  });

  it('bad input gets 400 with a message the phone shows, and nothing is written', async () => {
    const before = tree(dir);
    const long = 'x'.repeat(200);
    const cases: Array<[string, string, Record<string, string>, string, RegExp]> = [
      ['score above the scale', 'dementia-walks', JSONH, JSON.stringify({ rater: 'A', ease: 6 }), /whole number from 1 to 5/],
      ['score below the scale', 'dementia-walks', FORM, form({ rater: 'A', ease: '0' }), /whole number from 1 to 5/],
      ['score not a whole number', 'dementia-walks', FORM, form({ rater: 'A', ease: '2.5' }), /whole number from 1 to 5/],
      ['unknown criterion', 'dementia-walks', FORM, form({ rater: 'A', eaze: '2' }), /"eaze" is not a criterion/],
      ['unknown initiative', 'no-such-thing', FORM, form({ rater: 'A', ease: '2' }), /no initiative "no-such-thing"/],
      ['not an id', 'Bad%20Id', FORM, form({ rater: 'A', ease: '2' }), /no initiative/],
      ['empty rater', 'dementia-walks', FORM, form({ rater: '   ', ease: '2' }), /Give a rater label/],
      ['200-character rater', 'dementia-walks', FORM, form({ rater: long, ease: '2' }), /200 characters long/],
      ['no score at all', 'dementia-walks', FORM, form({ rater: 'A' }), /at least one criterion/],
      ['malformed JSON', 'dementia-walks', JSONH, '{"rater": "A", ', /not valid JSON/],
      ['JSON that is not an object', 'dementia-walks', JSONH, '[1,2]', /JSON object/],
      ['malformed form data', 'dementia-walks', FORM, 'rater=A&ease=%zz', /not well-formed/],
      ['a field twice', 'dementia-walks', FORM, 'rater=A&ease=2&ease=3', /given twice/],
      ['another content type', 'dementia-walks', { 'Content-Type': 'text/plain' }, 'rater=A', /as a form or as JSON/],
    ];
    for (const [what, id, headers, body, message] of cases) {
      const r = await http(s.local, `/api/ratings/${id}`, { method: 'POST', headers, body });
      expect(r.status, what).toBe(400);
      expect(unescape(r.body), what).toMatch(message);
    }
    // The form, sent without script, comes back with the message and what was typed.
    const page = await http(s.local, '/api/ratings/dementia-walks', { method: 'POST', headers: FORM, body: form({ rater: 'Carer', ease: '9' }) });
    expect(page.status).toBe(400);
    expect(page.body).toContain('role="alert"');
    expect(page.body).toContain('value="Carer"');
    expect((await htmlProblems(page.body)).messages).toEqual([]);
    expect(tree(dir)).toEqual(before);
  });

  it('a file changed on disk between the read and the write is read again, and both changes are kept', () => {
    const d = copyFixture('demo');
    const file = join(d, 'initiatives', 'time-bank.yaml');
    let calls = 0;
    const saved = saveScore(d, 'time-bank', { rater: 'Councillor', ease: '3' }, () => {}, () => {
      const p = loadPortfolio(d);
      // Another editor saves the file just after the server read it, the first time only.
      if (calls++ === 0) writeFileSync(file, `${readFileSync(file, 'utf8')}# Saved by an editor meanwhile.\n`);
      return p;
    });
    expect(calls).toBe(2);
    expect(saved.rater).toBe('Councillor');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# Saved by an editor meanwhile.');
    expect(parse(text).focus.ratings).toEqual([{ rater: 'Councillor', scores: { ease: 3 } }]);
  });
});

describe('costar serve: another command at work', () => {
  it('while another costar command holds the portfolio\'s lock, a score gets 409 at once and nothing is written', async () => {
    const lockFile = join(dir, '.costar', 'lock');
    mkdirSync(join(dir, '.costar'), { recursive: true });
    // A live process of this machine that is not the server's: the test runner's parent.
    writeFileSync(lockFile, JSON.stringify({ pid: process.ppid, host: hostname(), since: new Date().toISOString() }));
    const before = tree(dir);
    try {
      const r = await http(s.local, '/api/ratings/school-streets', { method: 'POST', headers: JSONH, body: JSON.stringify({ rater: 'Waiting', ease: 3 }) });
      expect(r.status).toBe(409);
      expect(JSON.parse(r.body).error).toMatch(/a costar command at the terminal is changing the portfolio/);
      expect(tree(dir)).toEqual(before);
    } finally {
      rmSync(lockFile, { force: true });
    }
    const ok = await http(s.local, '/api/ratings/school-streets', { method: 'POST', headers: JSONH, body: JSON.stringify({ rater: 'Waiting', ease: 3 }) });
    expect(ok.status).toBe(200);
  });
});

describe('costar serve: refusals', () => {
  it('a cross-origin POST is refused (403), and nothing is written', async () => {
    const before = tree(dir);
    const body = form({ rater: 'Intruder', ease: '1' });
    expect((await http(s.local, '/api/ratings/dementia-walks', { method: 'POST', headers: { ...FORM, Origin: 'http://evil.example' }, body })).status).toBe(403);
    expect((await http(s.local, '/api/ratings/dementia-walks', { method: 'POST', headers: { ...FORM, Origin: 'null' }, body })).status).toBe(403);
    expect((await http(s.local, '/api/ratings/dementia-walks', { method: 'POST', headers: { ...FORM, 'Sec-Fetch-Site': 'cross-site' }, body })).status).toBe(403);
    expect(tree(dir)).toEqual(before);
  });

  it('a body above 16 KB gets 413, whether declared or streamed, and nothing is written', async () => {
    const before = tree(dir);
    const big = form({ rater: 'A', ease: '2', pad: 'x'.repeat(17 * 1024) });
    expect((await http(s.local, '/api/ratings/dementia-walks', { method: 'POST', headers: FORM, body: big })).status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(new URL('/api/ratings/dementia-walks', s.local), { method: 'POST', headers: { ...FORM, 'Transfer-Encoding': 'chunked' }, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < 18; i++) req.write('x'.repeat(1024));
      req.end();
    });
    expect(streamed).toBe(413);
    expect(tree(dir)).toEqual(before);
  });

  it('more than 30 writes a minute from one address get 429', async () => {
    const d = copyFixture('demo');
    const t = await startServer({ root: d, port: 0, note: () => {} });
    try {
      // Every write counts, refused or not: 29 out of scale (400), then a good one (the 30th,
      // saved), then another good one (the 31st within the minute: 429, not saved).
      const post = async (i: number, ease: number) =>
        (await http(t.local, '/api/ratings/time-bank', { method: 'POST', headers: JSONH, body: JSON.stringify({ rater: `Rater ${i}`, ease }) })).status;
      const codes: number[] = [];
      for (let i = 0; i < 29; i++) codes.push(await post(i, 99));
      codes.push(await post(29, 3), await post(30, 4));
      expect(codes.slice(0, 29).every((c) => c === 400)).toBe(true);
      expect(codes.slice(29)).toEqual([200, 429]);
      expect(ratingsOf(d, 'time-bank')).toEqual([{ rater: 'Rater 29', scores: { ease: 3 } }]);
    } finally {
      await t.close();
    }
  });

  it('with a token (as with --lan): everything but the static files needs it; the first visit sets a cookie', async () => {
    const d = copyFixture('demo');
    const t = await startServer({ root: d, port: 0, token: 'test-token_AbC', note: () => {} });
    try {
      const before = tree(d);
      for (const path of ['/', '/score', '/score/time-bank', '/initiatives/time-bank', '/?fragment=1', '/nope']) {
        const r = await http(t.local, path);
        expect(r.status, path).toBe(403);
        expect(r.body).toContain('token');
        expect(r.body).not.toMatch(/time bank|Midshire/i);
      }
      expect((await http(t.local, '/?token=wrong')).status).toBe(403);
      const events = new Events(t.local);
      expect(await events.ready).toBe(403);
      events.close();
      const post = await http(t.local, '/api/ratings/time-bank', { method: 'POST', headers: JSONH, body: JSON.stringify({ rater: 'A', ease: 2 }) });
      expect(post.status).toBe(403);
      expect(tree(d)).toEqual(before);
      expect((await http(t.local, '/static/costar.css')).status).toBe(200);
      expect((await http(t.local, '/static/wall.js')).status).toBe(200);

      const first = await http(t.local, '/?token=test-token_AbC');
      expect(first.status).toBe(200);
      const cookie = String(first.headers['set-cookie']);
      expect(cookie).toBe(`costar_token_${t.port}=test-token_AbC; Path=/; HttpOnly; SameSite=Strict`);
      const jar = { Cookie: cookie.split(';')[0]! };
      expect((await http(t.local, '/score', { headers: jar })).status).toBe(200);
      const ok = await http(t.local, '/api/ratings/time-bank', { method: 'POST', headers: { ...JSONH, ...jar }, body: JSON.stringify({ rater: 'A', ease: 2 }) });
      expect(ok.status).toBe(200);
      expect(ratingsOf(d, 'time-bank')).toEqual([{ rater: 'A', scores: { ease: 2 } }]);
    } finally {
      await t.close();
    }
  });
});

describe('costar serve: the command', () => {
  /** Starts `costar serve` and resolves with the wall's address once it is printed. */
  function serve(args: string[], cwd: string, env: Record<string, string> = {}) {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    const url = new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (c) => {
        stderr += c;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
        if (m) resolve(m[0]);
      });
      void exited.then(() => reject(new Error(`costar serve exited: ${stderr}`)));
    });
    return { child, url, exited, out: () => ({ stdout, stderr }) };
  }

  it('--port 0 prints the real address on stderr; SIGTERM and Ctrl-C stop it cleanly with exit 0 and every file as it was', async () => {
    const d = copyFixture('demo');
    const before = snapshotTree(d);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const run = serve(['--port', '0'], d);
      const url = await run.url;
      expect((await http(url, '/')).status).toBe(200);
      run.child.kill(signal);
      expect(await run.exited).toBe(0);
      expect(run.out().stdout).toBe('');
      expect(run.out().stderr).toContain('Stopped the server');
    }
    expect(snapshotTree(d)).toEqual(before);
  });

  it.skipIf(!lanAddress())('--lan: the LAN address too, a link with a token and its QR code; without the token, 403 on either address', async () => {
    const d = copyFixture('demo');
    const before = snapshotTree(d);
    const run = serve(['--lan', '--port', '0'], d);
    const local = await run.url;
    const lan = await new Promise<string>((resolve) => {
      const look = () => {
        const m = /On phones \(same network\):\s+(http:\/\/[\d.]+:\d+\/score\?token=[A-Za-z0-9_-]+)\n([\s\S]*?)\n {2}Anyone/.exec(run.out().stderr);
        if (m) resolve(m[1]!);
        else setImmediate(look);
      };
      look();
    });
    const stderr = run.out().stderr;
    const token = new URL(lan).searchParams.get('token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(stderr).toContain(`${local}?token=${token}`);
    // The QR code: rows of half blocks, as wide as they are tall (two rows a line).
    const qr = stderr.split('\n').filter((l) => /^[█▀▄ ]{20,}$/.test(l));
    expect(qr.length).toBeGreaterThan(10);
    expect(new Set(qr.map((l) => l.length)).size).toBe(1);
    expect(Math.abs(qr[0]!.length - qr.length * 2)).toBeLessThanOrEqual(1);
    const base = new URL(lan).origin + '/';
    expect((await http(base, '/')).status).toBe(403);
    expect((await http(local, '/')).status).toBe(403);
    expect((await http(base, `/?token=${token}`)).status).toBe(200);
    expect((await http(base, lan)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(snapshotTree(d)).toEqual(before);
  });

  it.skipIf(process.platform !== 'linux')('--open hands the wall\'s address to the desktop\'s opener (xdg-open)', async () => {
    const d = copyFixture('demo');
    const bin = tempDir('costar-open-');
    const log = join(bin, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${log}.part' && mv '${log}.part' '${log}'\n`, { mode: 0o755 });
    const run = serve(['--open', '--port', '0', '-C', d], REPO, { PATH: `${bin}:${process.env.PATH}` });
    const url = await run.url;
    while (!existsSync(log)) await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(log, 'utf8')).toBe(url);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('a port in use: a clear error naming --port, exit 2; a port that is no number: exit 2', async () => {
    const d = copyFixture('demo');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = serve(['--port', String(port)], d);
      run.url.catch(() => {});
      expect(await run.exited).toBe(2);
      expect(run.out().stderr).toContain(`port ${port} is in use`);
      expect(run.out().stderr).toContain('--port');
    } finally {
      blocker.close();
    }
    const bad = serve(['--port', 'http'], d);
    bad.url.catch(() => {});
    expect(await bad.exited).toBe(2);
    expect(bad.out().stderr).toContain('--port "http" is not a port');
  });
});

describe('costar serve: personal data', () => {
  it('no response ever carried a name, contact or note of the demo people', () => {
    const people = readdirSync(join(copyFixture('demo'), 'people')).map((f) => parse(readFileSync(join(dir, 'people', f), 'utf8')));
    const secrets = people.flatMap((p) => [p.name, p.contact, p.notes]).filter((x): x is string => typeof x === 'string' && x.length > 3);
    expect(secrets.length).toBeGreaterThan(10);
    const all = seen.join('\n');
    expect(all.length).toBeGreaterThan(10_000);
    for (const x of secrets) expect(all, x).not.toContain(x);
  });
});
