/** `costar init` asking for what its flags left out, in a real pseudo-terminal (tmux). */
import { existsSync, readFileSync } from 'node:fs';
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
});
