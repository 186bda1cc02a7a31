import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture, snapshotTree } from '../helpers/cli.js';
import { hasTmux, Terminal } from '../helpers/pty.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const JOURNAL = '.costar/session-focus.json';

/** Opens time-bank in `costar focus` and scores one criterion again: one change pending. */
async function oneChange(t: Terminal): Promise<void> {
  await t.waitFor('Initiative (type to search)');
  t.type('time-bank');
  await pause(300);
  t.press('Enter');
  await t.waitFor('What now?');
  t.press('Enter'); // Change a score
  await t.waitFor('Which criterion?');
  t.press('Enter'); // user-outcomes
  await t.waitFor('Better outcomes for people who use the service');
  t.press('BSpace');
  t.type('1');
  t.press('Enter');
  await t.waitFor('Finish (1 change to save)');
}

const score = (dir: string) => parse(readFileSync(join(dir, 'initiatives/time-bank.yaml'), 'utf8')).focus.scores['user-outcomes'];

describe.skipIf(!hasTmux())('nothing a session did is lost', () => {
  let term: Terminal | undefined;
  afterEach(() => term?.close());

  it('Escape goes back to the list keeping the change; Ctrl-C then asks, and "Save" writes it', async () => {
    const dir = copyFixture('demo');
    const t = (term = new Terminal(['focus'], { cwd: dir }));
    await oneChange(t);
    expect(existsSync(join(dir, JOURNAL))).toBe(true);
    // Escape at the menu goes back to the list of initiatives, the change kept.
    t.press('Escape');
    await t.waitFor('Finish: save 1 change');
    t.press('C-c');
    await t.waitFor('Save 1 change, discard them, or go on?');
    t.press('Down'); // Save 1 change and stop
    await pause(150);
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    expect(score(dir)).toBe(1);
    expect(existsSync(join(dir, JOURNAL))).toBe(false);
  });

  it('"Save now" writes what is done so far and the session carries on', async () => {
    const dir = copyFixture('demo');
    const t = (term = new Terminal(['focus'], { cwd: dir }));
    await oneChange(t);
    t.press('Down', 'Down', 'Down', 'Down', 'Down', 'Down'); // past Finish to Save now
    await t.waitFor(/❯ Save now \(1 change\), then go on/);
    t.press('Enter');
    await t.waitFor('Updated initiatives/time-bank.yaml: 1 change');
    expect(score(dir)).toBe(1);
    expect(existsSync(join(dir, JOURNAL))).toBe(false);
    // Still in time-bank's menu, with nothing left to save: Ctrl-C simply ends.
    await t.waitFor(/❯ Change a score[\s\S]*Finish\n/);
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(score(dir)).toBe(1);
  });

  it('Ctrl-C twice discards and exits 130 with every file as it was', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const t = (term = new Terminal(['focus'], { cwd: dir }));
    await oneChange(t);
    t.press('C-c');
    await t.waitFor('Save 1 change, discard them, or go on?');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain('1 change discarded');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a session killed outright is offered back next time; recovered, it saves', async () => {
    const dir = copyFixture('demo');
    const t = (term = new Terminal(['focus'], { cwd: dir }));
    await oneChange(t);
    const { pid } = JSON.parse(readFileSync(join(dir, JOURNAL), 'utf8'));
    process.kill(pid, 'SIGKILL');
    expect(await t.exitCode()).toBe(137);
    t.close();
    expect(score(dir)).not.toBe(1);
    const t2 = (term = new Terminal(['focus'], { cwd: dir }));
    await t2.waitFor(/Recover 1 unsaved change from \d{1,2} \w+ \d{4} \d\d:\d\d\?/);
    t2.press('Enter');
    await t2.waitFor('Finish: save 1 change');
    t2.press('Down'); // past the walk to Finish
    await pause(150);
    t2.press('Enter');
    await t2.waitFor('Save these changes?');
    t2.press('Enter');
    expect(await t2.exitCode()).toBe(0);
    expect(score(dir)).toBe(1);
    expect(existsSync(join(dir, JOURNAL))).toBe(false);
  });

  it('a corrupt journal is ignored with a warning and never applied', async () => {
    const dir = copyFixture('demo');
    mkdirSync(join(dir, '.costar'), { recursive: true });
    writeFileSync(join(dir, JOURNAL), '{"costar":"session/v1","command":"focus","pid":1,"saved":"2026-01-01T00:00:00Z","changes":[{"note":"x","rel":"../etc/passwd","base":null,"change":{"kind":"initiative","id":"time-bank","remove":true}}]}\n');
    const before = snapshotTree(dir);
    const t = (term = new Terminal(['focus'], { cwd: dir }));
    const s = await t.waitFor('Initiative (type to search)');
    expect(s).toMatch(/warning +\.costar\/session-focus\.json was ignored: .*nothing in it was applied/);
    expect(s).not.toContain('Recover');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
