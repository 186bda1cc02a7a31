/** `costar init` asking for what its flags left out, in a real pseudo-terminal (tmux). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { costar, tempDir } from '../helpers/cli.js';
import { hasTmux, Terminal } from '../helpers/pty.js';

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

describe.skipIf(!hasTmux())('costar init in a terminal', () => {
  it('prompts only for what the flags left out (wards and the start year too), then writes a portfolio that validates', async () => {
    const dir = join(tempDir(), 'eastshire');
    term = new Terminal(['init', dir, '--name', 'Eastshire co-production portfolio'], { cwd: tempDir() });
    await term.waitFor('? Organisation');
    expect(term.screen()).not.toContain('Portfolio name');
    // No default from the demo: an empty answer is refused.
    expect(term.screen()).not.toContain('Midshire');
    term.press('Enter');
    await term.waitFor('Give the organisation');
    term.type('Eastshire Council');
    term.press('Enter');
    await term.waitFor('? Service areas');
    term.type('Adult social care, housing, Housing');
    term.press('Enter');
    await term.waitFor(/housing is given twice/);
    term.press('C-u');
    for (let i = 0; i < 40; i++) term.press('BSpace');
    term.type('Adult social care, housing:Housing and tenancy');
    term.press('Enter');
    await term.waitFor('? Wards');
    term.type('North, South');
    term.press('Enter');
    await term.waitFor('? First financial year');
    term.press('C-a', 'C-k');
    term.type('2027/28');
    term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    const m = parse(readFileSync(join(dir, 'costar.yaml'), 'utf8'));
    expect(m.organisation).toBe('Eastshire Council');
    expect(m.name).toBe('Eastshire co-production portfolio');
    expect(m.serviceAreas).toEqual([
      { id: 'adult-social-care', label: 'Adult social care', tags: ['social-care', 'older-people', 'disability'] },
      { id: 'housing', label: 'Housing and tenancy', tags: ['housing'] },
    ]);
    expect(m.wards).toEqual(['north', 'south']);
    expect(m.appraisal.startYear).toBe(2027);
    expect(costar(['validate', dir, '--fail-on', 'warning']).code).toBe(0);
  });

  it('Ctrl-C at a prompt exits 130 and writes nothing', async () => {
    const dir = join(tempDir(), 'westshire');
    term = new Terminal(['init', dir], { cwd: tempDir() });
    await term.waitFor('? Organisation');
    term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(existsSync(dir)).toBe(false);
  });

  it('Ctrl-C with answers asks; "go on" carries on, Save makes the portfolio from the answers so far', async () => {
    const dir = join(tempDir(), 'northshire');
    term = new Terminal(['init', dir], { cwd: tempDir() });
    await term.waitFor('? Organisation');
    term.type('Northshire Council');
    term.press('Enter');
    await term.waitFor('? Portfolio name');
    // The answer so far is journalled in the folder being made.
    const journal = JSON.parse(readFileSync(join(dir, '.costar', 'session-init.json'), 'utf8'));
    expect(journal).toMatchObject({ costar: 'session/v1', command: 'init', answers: { organisation: 'Northshire Council' } });
    term.press('C-c');
    await term.waitFor('Save 1 answer, discard them, or go on?');
    // Saving needs a service area first: the choice is there but cannot be taken.
    expect(term.screen()).toMatch(/Save 1 answer and stop.*needs a service area first/);
    term.press('Enter');
    await term.waitFor('? Portfolio name');
    term.press('Enter');
    await term.waitFor('? Service areas');
    term.type('Libraries, Parks and green spaces');
    term.press('Enter');
    await term.waitFor('? Wards');
    term.press('C-c');
    await term.waitFor('Save 3 answers, discard them, or go on?');
    term.press('Down', 'Enter');
    expect(await term.exitCode()).toBe(0);
    const m = parse(readFileSync(join(dir, 'costar.yaml'), 'utf8'));
    expect(m.organisation).toBe('Northshire Council');
    expect(m.name).toBe('Northshire Council co-production portfolio');
    expect(m.serviceAreas.map((a: { id: string }) => a.id)).toEqual(['libraries', 'parks-and-green-spaces']);
    expect(m.wards).toBeUndefined();
    expect(existsSync(join(dir, '.costar', 'session-init.json'))).toBe(false);
    expect(costar(['validate', dir, '--fail-on', 'warning']).code).toBe(0);
  });

  it('Ctrl-C twice discards the answers: exit 130, and the folder made for them is gone', async () => {
    const dir = join(tempDir(), 'southshire');
    term = new Terminal(['init', dir], { cwd: tempDir() });
    await term.waitFor('? Organisation');
    term.type('Southshire Council');
    term.press('Enter');
    await term.waitFor('? Portfolio name');
    expect(existsSync(join(dir, '.costar', 'session-init.json'))).toBe(true);
    term.press('C-c');
    await term.waitFor('discard them, or go on?');
    term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('1 answer discarded; no portfolio was made');
    expect(existsSync(dir)).toBe(false);
  });

  it('killed outright, its answers are offered back next time and only the rest is asked; Escape goes back to a recovered one', async () => {
    const parent = tempDir();
    const dir = join(parent, 'eastvale');
    term = new Terminal(['init', dir, '--start-year', '2027'], { cwd: parent });
    await term.waitFor('? Organisation');
    term.type('Eastvale Council');
    term.press('Enter');
    await term.waitFor('? Portfolio name');
    term.type('Eastvale pilot portfolio');
    term.press('Enter');
    await term.waitFor('? Service areas');
    const { pid } = JSON.parse(readFileSync(join(dir, '.costar', 'session-init.json'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    await term.waitFor(/\[exit \d+\]/);
    term.close();

    term = new Terminal(['init', dir, '--start-year', '2027'], { cwd: parent });
    await term.waitFor(/Recover 2 unsaved answers from \d{1,2} \w+ \d{4} \d\d:\d\d\?/);
    term.press('Enter');
    // The recovered answers are not asked again: the session goes on at the service areas.
    await term.waitFor('? Service areas');
    expect(term.screen()).not.toContain('? Portfolio name');
    // Escape goes back to the recovered name, offered as typed.
    term.press('Escape');
    await term.waitFor('? Portfolio name');
    expect(term.screen()).toContain('Eastvale pilot portfolio');
    term.press('Enter');
    await term.waitFor('? Service areas');
    term.type('Housing');
    term.press('Enter');
    await term.waitFor('? Wards');
    term.type('East, West');
    term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    const m = parse(readFileSync(join(dir, 'costar.yaml'), 'utf8'));
    expect(m).toMatchObject({ organisation: 'Eastvale Council', name: 'Eastvale pilot portfolio', wards: ['east', 'west'], appraisal: { startYear: 2027 } });
    expect(existsSync(join(dir, '.costar', 'session-init.json'))).toBe(false);
  });

  it('a corrupt or foreign init journal is ignored with a warning and never applied', async () => {
    const dir = join(tempDir(), 'westvale');
    mkdirSync(join(dir, '.costar'), { recursive: true });
    writeFileSync(join(dir, '.costar', 'session-init.json'), '{"costar":"session/v1","command":"init","pid":1,"saved":"2026-01-01T00:00:00Z","answers":{"organisation":"Evil","script":"rm -rf /"}}\n');
    term = new Terminal(['init', dir, '--name', 'Westvale portfolio', '--area', 'housing'], { cwd: tempDir() });
    await term.waitFor('? Organisation');
    expect(term.screen()).toMatch(/session-init\.json was ignored: it holds an answer to no question of init \(script\); nothing in it was\s+applied\s+\[session-journal-unreadable\]/);
    expect(term.screen()).not.toContain('Recover');
    term.type('Westvale Council');
    term.press('Enter');
    await term.waitFor('? Wards');
    term.press('Enter');
    await term.waitFor('? First financial year');
    term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(existsSync(join(dir, '.costar', 'session-init.json'))).toBe(false);
    expect(parse(readFileSync(join(dir, 'costar.yaml'), 'utf8')).organisation).toBe('Westvale Council');
  });
});

