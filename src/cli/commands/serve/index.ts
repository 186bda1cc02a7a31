/**
 * `costar serve`: the workshop wall in a browser, live, and scoring from the participants' phones.
 * Prints its address on stderr and runs until Ctrl-C (or SIGTERM), then stops cleanly with exit 0:
 * stopping the wall is its normal end, not a cancellation. Files are only ever written by a score
 * sent from /score, through the store's one write path.
 */
import { spawn } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { CostarError, usageError } from '../../../core/errors.js';
import { findPortfolio, loadPortfolio } from '../../../store/portfolio.js';
import type { Io } from '../../io.js';
import type { CommandContext } from '../../program.js';
import { say } from '../../render.js';
import { qrLines } from './qr.js';
import { startServer, type Running } from './server.js';

export { startServer, makeToken, type Running, type ServeOptions } from './server.js';
export { layout } from './html.js';
export { initiativePage } from './pages.js';
export { wallPage } from './wall.js';
export { loadPortfolio };

export const DEFAULT_PORT = 4321;

/** --port: a whole number from 0 (any free port) to 65535. */
export function parsePort(raw: unknown): number {
  if (raw === undefined) return DEFAULT_PORT;
  const s = String(raw).trim();
  if (!/^\d{1,5}$/.test(s) || Number(s) > 65535) throw usageError('bad-value', `--port ${JSON.stringify(String(raw))} is not a port; give a whole number from 1 to 65535 (or 0 for any free port)`, 'For example: costar serve --port 8080');
  return Number(s);
}

/** The machine's first IPv4 address on a network (not the loopback). */
export function lanAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser to open: the address is printed anyway.
  }
}

function withToken(url: string, path: string, token: string | undefined): string {
  return `${url.replace(/\/$/, '')}${path}${token ? `?token=${token}` : ''}`;
}

function announce(io: Io, s: Running, name: string): void {
  const { ce } = io;
  say(io, `${ce.green('✔')} Serving the workshop wall of ${name}`);
  say(io, `  The wall:        ${withToken(s.local, '/', s.token)}`);
  say(io, `  Scoring:         ${withToken(s.local, '/score', s.token)}`);
  if (s.lan) {
    const phones = withToken(s.lan, '/score', s.token);
    say(io, `  On phones (same network):\n    ${phones}`);
    say(io, qrLines(phones, io.colorErr).join('\n'));
    say(io, ce.dim('  Anyone with this link can see the wall and score; share it only with the room.'));
  }
  say(io, ce.dim('Live: the pages update when the portfolio\'s files change. Ctrl-C stops the server.'));
}

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  const port = parsePort(opts.port);
  let lan: string | undefined;
  if (opts.lan) {
    lan = lanAddress();
    if (!lan) throw new CostarError('no-lan-address', 'this machine has no network address to serve the LAN on', { hint: 'Connect to the room\'s network (Wi-Fi or cable) and try again, or leave out --lan to serve this machine only.' });
  }
  let server: Running;
  try {
    server = await startServer({ root, port, lanAddress: lan, note: (m) => say(io, m) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw usageError('port-in-use', `port ${port} is in use already${lan ? ` (on 127.0.0.1 or ${lan})` : ''}`, `Choose another with --port, e.g. costar serve --port ${port === 65535 ? 4322 : port + 1} (or --port 0 for any free port).`);
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw usageError('port-in-use', `port ${port} cannot be used here (${code === 'EACCES' ? 'not allowed' : 'address not available'})`, 'Choose another with --port, e.g. --port 4321 (ports below 1024 need special rights).');
    throw e;
  }
  // Runs until a stop signal, caught from before the address is printed (so a stop sent as soon
  // as it appears is a clean one); the handlers are removed again, so nothing is left behind.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  announce(io, server, loadPortfolio(root).config.name);
  if (opts.open) openBrowser(withToken(server.local, '/', server.token));
  await stopped;
  await server.close();
  say(io, 'Stopped the server; the portfolio\'s files are as they were (scores sent from phones stay saved).');
  return 0;
}
