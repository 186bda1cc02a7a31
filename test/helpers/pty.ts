/**
 * Drives costar through a real pseudo-terminal with tmux, typing as a person would.
 *
 * Keys and screen reads go through one tmux control-mode client per terminal (`tmux -C attach`,
 * commands on its stdin, answers between %begin and %end): waiting for a screen polls it twenty
 * times a second, and starting a tmux process for each poll and key cost more CPU than the
 * sessions themselves. A control client has no size of its own, so the window keeps the size
 * given here.
 *
 * Each terminal has a tmux server of its own (tmuxServer). tmux 3.3a's server crashes while
 * control clients are attached and other sessions start and end: a segmentation fault at the
 * same address every time, which takes every session with it (the tests saw "control client
 * ended before answering" in several files at once). With six workers each starting a session,
 * attaching a control client, reading the screen and ending the session, one server shared by
 * all crashed in 8 of 9 tries, after 8 to 182 sessions; a server for each session, killed with
 * it, crashed in none of 600. Without control clients a shared server never crashed (600
 * sessions), but then every key and screen read is a process.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './cli.js';

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

/** Servers not yet ended: a test that failed before closing its terminal leaves one, ended when the worker exits. */
const running = new Map<string, () => void>();
process.on('exit', () => {
  for (const kill of running.values()) kill();
});

/** A tmux server of the caller's own, on a socket no one else uses: the arguments that reach it, and how to end it. */
export function tmuxServer(): { args: (...args: string[]) => string[]; kill: () => void } {
  const socket = `costar-tests-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const args = (...rest: string[]) => ['-L', socket, ...rest];
  const kill = () => {
    spawnSync('tmux', args('kill-server'));
    // The server leaves its socket file behind, one for every terminal of every run.
    rmSync(join(process.env.TMUX_TMPDIR || '/tmp', `tmux-${process.getuid?.() ?? 0}`, socket), { force: true });
    running.delete(socket);
  };
  running.set(socket, kill);
  return { args, kill };
}

/** The pause before each key or text sent. */
const KEY_PAUSE_MS = 30;

/** An argument quoted for tmux's command parser: single quotes, with ' written as '\''. */
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export class Terminal {
  readonly session: string;
  private readonly server = tmuxServer();
  private readonly control: ChildProcess;
  private buffer = '';
  /** Lines of the answer being read, once its %begin has come. */
  private block: string[] | undefined;
  /** Callers waiting for answers to their commands, in the order the commands were sent. */
  private readonly pending: Array<{ done: (text: string) => void; fail: (e: Error) => void; command: string }> = [];
  /** The first command tmux refused (a key sent after the session ended, say): thrown on the next read. */
  private refused: Error | undefined;
  /** The keys typed so far, sent one after another. */
  private keys: Promise<void> = Promise.resolve();

  constructor(args: string[], opts: { cwd: string; env?: Record<string, string>; width?: number; height?: number }) {
    this.session = `costar-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const envs = Object.entries({ NO_COLOR: '1', ...opts.env }).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    // No CI (a terminal session), and no certificate bundle to load (see setup.ts).
    const cmd = `cd ${JSON.stringify(opts.cwd)} && env -u CI -u NODE_EXTRA_CA_CERTS ${envs} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')}; echo "[exit $?]"; sleep 30`;
    execFileSync('tmux', this.server.args('new-session', '-d', '-s', this.session, '-x', String(opts.width ?? 120), '-y', String(opts.height ?? 40), cmd));
    // Only answers to commands (not a copy of everything the program writes), and no say in the window's size.
    this.control = spawn('tmux', this.server.args('-C', 'attach-session', '-f', 'no-output,ignore-size', '-t', this.session), { stdio: ['pipe', 'pipe', 'ignore'] });
    this.control.stdout!.setEncoding('utf8');
    this.control.stdout!.on('data', (chunk: string) => this.read(chunk));
    this.control.on('error', (e) => (this.refused ??= e));
    this.control.on('close', () => {
      for (const p of this.pending.splice(0)) p.fail(new Error(`tmux control client for ${this.session} ended before answering ${p.command}`));
    });
    // A key sent as the session ends finds the client gone: that is the session's end, not an error.
    this.control.stdin!.on('error', () => undefined);
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      // Flag 1: an answer to a command of this client (the attach itself is answered with flag 0).
      const mark = /^%(begin|end|error) \d+ \d+ (\d+)$/.exec(line);
      if (mark && mark[1] === 'begin') this.block = mark[2] === '1' ? [] : undefined;
      else if (mark && this.block) {
        const p = this.pending.shift();
        const text = this.block.join('\n');
        this.block = undefined;
        if (mark[1] === 'error') {
          const e = new Error(`tmux refused ${p?.command}: ${text}`);
          if (p) p.fail(e);
        } else p?.done(text);
      } else if (this.block) this.block.push(line);
    }
  }

  /** Sends a command; its answer (or refusal) comes back in order. */
  private send(command: string): Promise<string> {
    return new Promise((done, fail) => {
      this.pending.push({ done, fail, command });
      this.control.stdin!.write(`${command}\n`);
    });
  }

  /**
   * Sends a key command after those sent before and a pause, without waiting: a refusal is
   * thrown by the next screen read. A person takes a moment between keys, and so did a tmux
   * process started for each key: a prompt drawn a moment ago may not be listening yet.
   */
  private sendLater(...commands: string[]): void {
    const sent = this.keys.then(async () => {
      await new Promise((r) => setTimeout(r, KEY_PAUSE_MS));
      return Promise.all(commands.map((c) => this.send(c)));
    });
    this.keys = sent.then(() => undefined, (e: Error) => void (this.refused ??= e));
  }

  /** The screen now, read by a tmux process of its own. */
  screen(): string {
    return execFileSync('tmux', this.server.args('capture-pane', '-p', '-t', this.session), { encoding: 'utf8' });
  }

  /** The screen, once every key sent before has reached the terminal. */
  async capture(): Promise<string> {
    await this.keys;
    const text = await this.send(`capture-pane -p -t ${quote(this.session)}`);
    if (this.refused) throw this.refused;
    // As `tmux capture-pane -p` prints it: each line ends with a newline.
    return `${text}\n`;
  }

  /** Types text (literally) without pressing Enter. */
  type(text: string): void {
    // A command is one line: line breaks go as the keys that send those bytes.
    const parts = text.split(/([\n\r])/).filter((p) => p !== '');
    const args = parts.map((p) => (p === '\n' ? 'C-j' : p === '\r' ? 'C-m' : `-l ${quote(p)}`));
    this.sendLater(...args.map((a) => `send-keys -t ${quote(this.session)} ${a}`));
  }
  /** Presses keys such as Enter, Down, Space, C-c. */
  press(...keys: string[]): void {
    for (const k of keys) this.sendLater(`send-keys -t ${quote(this.session)} ${quote(k)}`);
  }
  async waitFor(pattern: RegExp | string, timeoutMs = 15_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const s = await this.capture();
      if (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s)) return s;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern}; screen:\n${s}`);
      // A read is a line to the control client, not a process: it can look often.
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /** Waits for the program to end and returns its exit code. */
  async exitCode(timeoutMs = 15_000): Promise<number> {
    const s = await this.waitFor(/\[exit (\d+)\]/, timeoutMs);
    return Number(/\[exit (\d+)\]/.exec(s)![1]);
  }
  close(): void {
    this.server.kill();
    this.control.kill();
  }
}
