/**
 * Global set-up (vitest.config.ts): one tmux server of the test run's own, on a socket of its
 * own, kept running while it has no session. tmux's server exits when its last session ends, and
 * a session started by another test file at that moment fails ("server exited unexpectedly", or
 * a control client that ends before answering) — four workers open and close terminals at once.
 * Its own socket also keeps the tests away from any tmux the person running them has open.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export default function setup(): (() => void) | undefined {
  if (spawnSync('tmux', ['-V']).status !== 0) return undefined;
  const socket = `costar-tests-${process.pid}`;
  const started = spawnSync('tmux', ['-L', socket, 'start-server', ';', 'set-option', '-g', 'exit-empty', 'off'], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`could not start the tests' tmux server: ${started.stderr}`);
  process.env.COSTAR_TMUX_SOCKET = socket;
  const path = spawnSync('tmux', ['-L', socket, 'display-message', '-p', '#{socket_path}'], { encoding: 'utf8' }).stdout.trim();
  return () => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    if (path) rmSync(path, { force: true });
  };
}
