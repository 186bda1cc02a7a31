/**
 * The web server of `costar serve`: Node's own `http`, bound to 127.0.0.1 (and with `lan` to the
 * machine's LAN address too), with live updates by Server-Sent Events and scores from phones.
 *
 * Safe by default: only the routes below exist (no files are served from disk, so there is no
 * directory listing and no path outside them); the Host must be one of the server's own
 * addresses; with `lan` every request but the two static files needs the token (query or the
 * cookie set from it); a write is a same-origin POST of at most 16 KB, at most 30 a minute per
 * client address; every page carries a Content-Security-Policy that allows no inline script; no
 * people's names, contacts or notes are ever read into a page.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { watchPortfolio } from './watch.js';
import { ID_PATTERN } from '../../../core/vocab.js';
import { loadPortfolio, type Portfolio } from '../../../store/portfolio.js';
import { CLIENT_JS, CSS } from './assets.js';
import { layout, messagePage, notFoundPage, type Page } from './html.js';
import { initiativePage, scoreFormPage, scoreIndexPage } from './pages.js';
import { wallPage } from './wall.js';
import { parseBody, saveScore, ScoreError } from './score.js';

/** Request bodies above this are refused (413). */
export const MAX_BODY = 16 * 1024;
/** A body above MAX_BODY but below this is read to its end before the 413 (see readBody). */
const DRAIN_LIMIT = 1024 * 1024;
/** Writes a minute per client address (429 beyond). */
export const MAX_WRITES_PER_MINUTE = 30;
/** How long file events are gathered before the portfolio is read again. */
export const DEBOUNCE_MS = 100;

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** The token's cookie, named by port: cookies do not tell ports apart, and two walls may run. */
const cookieName = (port: number): string => `costar_token_${port}`;
/** The folders whose files make the portfolio (the manifest is in the root, watched too). */
export interface ServeOptions {
  root: string;
  port: number;
  /** Also listen on this LAN address, and require the token. */
  lanAddress?: string;
  /** The token (made here when absent and `lanAddress` is set). */
  token?: string;
  /** A message for the terminal (a score saved, a problem). */
  note: (message: string) => void;
  debounceMs?: number;
}

export interface Running {
  port: number;
  /** http://127.0.0.1:<port>/ */
  local: string;
  /** http://<lan>:<port>/ when serving the LAN. */
  lan?: string;
  token?: string;
  /** The version of the portfolio the pages show (one more after every change). */
  version(): number;
  close(): Promise<void>;
}

/** A random token, URL-safe. */
export function makeToken(): string {
  return randomBytes(18).toString('base64url');
}

interface State {
  p: Portfolio | undefined;
  failure: string | undefined;
  hash: string;
  version: number;
  cache: Map<string, string>;
}

function portfolioHash(p: Portfolio): string {
  const h = createHash('sha1');
  for (const f of p.files) {
    h.update(f.rel);
    h.update('\0');
    h.update(f.bytes);
    h.update('\0');
  }
  return h.digest('hex');
}

function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Starts the server; resolves once it listens. Refuses with the listen error (EADDRINUSE …). */
export async function startServer(opts: ServeOptions): Promise<Running> {
  const { root, note } = opts;
  const lan = opts.lanAddress;
  const token = lan ? (opts.token ?? makeToken()) : opts.token;
  const state: State = { p: undefined, failure: undefined, hash: '', version: 0, cache: new Map() };
  const clients = new Set<ServerResponse>();
  const writes = new Map<string, number[]>();
  let port = opts.port;
  let allowedHosts = new Set<string>();

  function reload(): boolean {
    try {
      const p = loadPortfolio(root);
      const hash = portfolioHash(p);
      state.failure = undefined;
      if (hash === state.hash && state.p) return false;
      state.p = p;
      state.hash = hash;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (state.failure === message) return false;
      state.failure = message;
      state.hash = '';
    }
    state.version++;
    state.cache.clear();
    return true;
  }
  reload();

  function broadcast(): void {
    const msg = `event: change\ndata: ${state.version}\n\n`;
    for (const c of clients) c.write(msg);
  }

  // ---- watching the files
  const watcher = watchPortfolio(root, () => {
    if (reload()) broadcast();
  }, opts.debounceMs ?? DEBOUNCE_MS);

  // ---- rendering
  function pageFor(path: string, query: URLSearchParams): Page {
    const p = state.p;
    if (!p) return messagePage('The portfolio cannot be read', state.failure ?? 'The portfolio cannot be read.', 500);
    if (path === '/') return wallPage(p);
    if (path === '/score') return scoreIndexPage(p);
    const ini = /^\/initiatives\/([^/]+)$/.exec(path);
    if (ini) return initiativePage(p, decodeId(ini[1]!));
    const sc = /^\/score\/([^/]+)$/.exec(path);
    if (sc) return scoreFormPage(p, decodeId(sc[1]!), { saved: query.get('saved') === '1' });
    return notFoundPage(p, 'There is no such page here.');
  }

  // ---- the server
  function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}, head = false): void {
    const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(buf.length), ...extra });
    res.end(head ? undefined : buf);
  }
  function sendPage(res: ServerResponse, page: Page, extra: Record<string, string> = {}, head = false): void {
    send(res, page.status ?? 200, 'text/html; charset=utf-8', layout(state.p, page, state.version), extra, head);
  }
  function refuse(req: IncomingMessage, res: ServerResponse, status: number, title: string, message: string, extra: Record<string, string> = {}): void {
    req.resume();
    // The connection closes after a refusal: a body still coming (413) is not read on.
    const headers = { ...extra, Connection: 'close' };
    if (wantsJson(req)) send(res, status, 'application/json; charset=utf-8', `${JSON.stringify({ error: message })}\n`, headers);
    // A refusal says nothing about the portfolio, not even its name.
    else send(res, status, 'text/html; charset=utf-8', layout(undefined, messagePage(title, message, status), state.version), headers, req.method === 'HEAD');
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const host = req.headers.host ?? '';
    if (!allowedHosts.has(host.toLowerCase())) return refuse(req, res, 403, 'Not this address', 'This server answers only at the addresses it printed.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return refuse(req, res, 400, 'Bad request', 'The address is not well-formed.');
    }
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const head = method === 'HEAD';

    // Static files: the only requests that need no token.
    if (path === '/static/costar.css' || path === '/static/wall.js') {
      if (method !== 'GET' && !head) return refuse(req, res, 405, 'Not allowed', 'Only GET is allowed here.', { Allow: 'GET, HEAD' });
      return path.endsWith('.css') ? send(res, 200, 'text/css; charset=utf-8', CSS, {}, head) : send(res, 200, 'text/javascript; charset=utf-8', CLIENT_JS, {}, head);
    }

    const extra: Record<string, string> = {};
    if (token) {
      const given = url.searchParams.get('token') ?? undefined;
      if (sameToken(given, token)) extra['Set-Cookie'] = `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
      else if (!sameToken(cookies(req)[cookieName(port)], token)) {
        return refuse(req, res, 403, 'The link needs its token', 'Open the link (or scan the QR code) that costar serve printed: it carries the token this wall needs.');
      }
    }

    if (method === 'POST') {
      const m = /^\/api\/ratings\/([^/]+)$/.exec(path);
      if (!m) return refuse(req, res, 405, 'Not allowed', 'Scores are sent to /api/ratings/<initiative>.', { Allow: 'GET, HEAD' });
      return void postRating(req, res, decodeId(m[1]!));
    }
    if (method !== 'GET' && !head) return refuse(req, res, 405, 'Not allowed', 'Only GET, HEAD and POST (of scores) are allowed.', { Allow: 'GET, HEAD, POST' });
    if (path.startsWith('/api/')) return refuse(req, res, 405, 'Not allowed', 'Scores are sent by POST.', { Allow: 'POST' });

    if (path === '/events') return events(req, res, extra);

    const fragment = url.searchParams.get('fragment') === '1';
    const key = `${path}?${fragment ? 'f' : ''}${url.searchParams.get('saved') === '1' ? 's' : ''}`;
    const headers = fragment ? { ...extra, 'X-Costar-Version': String(state.version) } : extra;
    const cached = state.cache.get(key);
    if (cached !== undefined) return send(res, 200, 'text/html; charset=utf-8', cached, headers, head);
    const page = pageFor(path, url.searchParams);
    const text = fragment ? page.body : layout(state.p, page, state.version);
    if ((page.status ?? 200) === 200) state.cache.set(key, text);
    send(res, page.status ?? 200, 'text/html; charset=utf-8', text, headers, head);
  }

  function events(req: IncomingMessage, res: ServerResponse, extra: Record<string, string>): void {
    res.writeHead(200, { ...SECURITY_HEADERS, ...extra, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(`retry: 1000\n\nevent: change\ndata: ${state.version}\n\n`);
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  function sameOrigin(req: IncomingMessage): boolean {
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return origin.toLowerCase() === `http://${(req.headers.host ?? '').toLowerCase()}`;
  }

  function limited(addr: string): boolean {
    const now = Date.now();
    const list = (writes.get(addr) ?? []).filter((t) => now - t < 60_000);
    if (list.length >= MAX_WRITES_PER_MINUTE) {
      writes.set(addr, list);
      return true;
    }
    list.push(now);
    writes.set(addr, list);
    return false;
  }

  async function postRating(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    if (!sameOrigin(req)) return refuse(req, res, 403, 'Refused', 'Scores are taken only from this wall\'s own pages (a request from another site was refused).');
    if (limited(req.socket.remoteAddress ?? '?')) return refuse(req, res, 429, 'Too many scores', `At most ${MAX_WRITES_PER_MINUTE} scores a minute from one device; wait a minute and send again.`, { 'Retry-After': '60' });
    const body = await readBody(req);
    if (body === undefined) return refuse(req, res, 413, 'Too large', `A score is at most ${MAX_BODY / 1024} KB.`);
    const json = wantsJson(req);
    let fields: Record<string, string> = {};
    try {
      fields = parseBody(req.headers['content-type'], body);
      if (!ID_PATTERN.test(id)) throw new ScoreError(400, `There is no initiative "${id.slice(0, 40)}" in this portfolio.`);
      const saved = saveScore(root, id, fields, note);
      if (reload()) broadcast();
      const title = state.p?.initiatives.find((i) => i.id === id)?.title ?? id;
      note(`Saved ${saved.rater}'s scores for ${id}${saved.replaced ? ' (replacing their earlier ones)' : ''}`);
      const message = `Thank you: your scores for ${title} are saved. They are on the wall now.`;
      if (json) return send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify({ ok: true, message, initiative: id, rater: saved.rater, scores: saved.scores })}\n`);
      res.writeHead(303, { ...SECURITY_HEADERS, Location: `/score/${encodeURIComponent(id)}?saved=1`, 'Content-Length': '0' });
      res.end();
    } catch (e) {
      if (!(e instanceof ScoreError)) {
        note(`Could not save a score: ${e instanceof Error ? e.message : String(e)}`);
        return refuse(req, res, 500, 'Not saved', 'Your scores were not saved: something went wrong on the server. Please try again.');
      }
      if (json || !state.p || !state.p.initiatives.some((i) => i.id === id)) return refuse(req, res, e.status, 'Not saved', e.message);
      const raw: Record<string, string> = {};
      for (const c of state.p.config.criteria) if (typeof fields[c.id] === 'string') raw[c.id] = fields[c.id]!;
      const page = scoreFormPage(state.p, id, { rater: fields.rater, scores: raw, error: e.message });
      sendPage(res, { ...page, status: e.status });
    }
  }

  const servers: Server[] = [];
  const listen = (address: string, p: number) =>
    new Promise<Server>((resolve, reject) => {
      const s = createServer(handle);
      s.headersTimeout = 10_000;
      s.requestTimeout = 30_000;
      s.once('error', reject);
      s.listen(p, address, () => {
        s.off('error', reject);
        resolve(s);
      });
    });
  try {
    const local = await listen('127.0.0.1', port);
    servers.push(local);
    port = (local.address() as AddressInfo).port;
    if (lan) servers.push(await listen(lan, port));
  } catch (e) {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    watcher.close();
    throw e;
  }
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, ...(lan ? [`${lan}:${port}`] : [])]);
  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': still here\n\n');
  }, 25_000);
  heartbeat.unref();

  return {
    port,
    local: `http://127.0.0.1:${port}/`,
    lan: lan ? `http://${lan}:${port}/` : undefined,
    token,
    version: () => state.version,
    close: async () => {
      clearInterval(heartbeat);
      watcher.close();
      for (const c of clients) c.end();
      clients.clear();
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((r) => {
              s.close(() => r());
              s.closeAllConnections();
            }),
        ),
      );
    },
  };
}

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function wantsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return /application\/json/.test(accept) || (type === 'application/json' && !/text\/html/.test(accept));
}

/**
 * The request body, or undefined when it is above MAX_BODY. A body a little too large is read to
 * its end (and dropped) before the answer, so the client sees the 413 rather than a reset
 * connection; one far too large (DRAIN_LIMIT) is cut off.
 */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > DRAIN_LIMIT) {
      resolve(undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      else if (size > DRAIN_LIMIT) {
        req.removeAllListeners('data');
        resolve(undefined);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}
