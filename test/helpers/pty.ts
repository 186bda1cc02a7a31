/** Drives costar through a real pseudo-terminal with tmux, typing as a person would. */
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN } from './cli.js';

export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V']).status === 0;
}

export class Terminal {
  readonly session: string;
  constructor(args: string[], opts: { cwd: string; env?: Record<string, string>; width?: number; height?: number }) {
    this.session = `costar-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const envs = Object.entries({ NO_COLOR: '1', ...opts.env }).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ');
    const cmd = `cd ${JSON.stringify(opts.cwd)} && env -u CI ${envs} ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')}; echo "[exit $?]"; sleep 30`;
    execFileSync('tmux', ['new-session', '-d', '-s', this.session, '-x', String(opts.width ?? 120), '-y', String(opts.height ?? 40), cmd]);
  }
  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.session], { encoding: 'utf8' });
  }
  /** Types text (literally) without pressing Enter. */
  type(text: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, '-l', text]);
  }
  /** Presses keys such as Enter, Down, Space, C-c. */
  press(...keys: string[]): void {
    for (const k of keys) execFileSync('tmux', ['send-keys', '-t', this.session, k]);
  }
  async waitFor(pattern: RegExp | string, timeoutMs = 15_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const s = this.screen();
      if (typeof pattern === 'string' ? s.includes(pattern) : pattern.test(s)) return s;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Waits for the program to end and returns its exit code. */
  async exitCode(timeoutMs = 15_000): Promise<number> {
    const s = await this.waitFor(/\[exit (\d+)\]/, timeoutMs);
    return Number(/\[exit (\d+)\]/.exec(s)![1]);
  }
  close(): void {
    spawnSync('tmux', ['kill-session', '-t', this.session]);
  }
}
