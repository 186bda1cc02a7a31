/** `costar map` driven through a real pseudo-terminal (tmux), typing as a person would. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, snapshotTree } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { hasTmux, Terminal } from '../helpers/pty.js';

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

describe.skipIf(!hasTmux())('costar map in a terminal', () => {
  it('adds an initiative from typed answers, writing nothing until the summary is confirmed', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    term = new Terminal(['map'], { cwd: dir, height: 50 });
    await term.waitFor('? Service area');
    term.type('housing');
    await term.waitFor(/❯ Housing and tenancy services/);
    term.press('Enter');
    await term.waitFor('? What now?');
    expect(term.screen()).toMatch(/Co-delivery\s+·\s+gap/);
    term.press('Enter'); // Add an initiative
    await term.waitFor('? Title');
    term.type('Tenants fix small repairs together');
    term.press('Enter');
    await term.waitFor('? Status');
    term.press('Down', 'Down'); // idea -> planned -> pilot
    await term.waitFor(/❯ pilot/);
    term.press('Enter');
    await term.waitFor("Which of the Four Co's");
    expect(term.screen()).toContain('Co-delivery  (a gap here)');
    term.press('Down', 'Down', 'Space'); // Co-delivery
    await term.waitFor(/◉ Co-delivery/);
    term.press('Enter');
    await term.waitFor('Co-delivery: how far?');
    expect(term.screen()).toMatch(/❯ emerging/); // the default for a pilot
    term.press('Enter');
    await term.waitFor('Co-delivery: how? (optional)');
    term.type('Tenants on the estate fix small repairs with a handyperson');
    term.press('Enter');
    await term.waitFor('Summary in a sentence or two');
    term.press('Enter');
    await term.waitFor('? Wards');
    term.press('Down', 'Down', 'Space'); // Oakfield
    await term.waitFor(/◉ Oakfield/);
    term.press('Enter');
    await term.waitFor('Save it?');
    // Nothing is written before the confirmation: the draft waits only in the session's journal.
    const { ['.costar/session-map.json']: journal, ...rest } = snapshotTree(dir);
    expect(rest).toEqual(before);
    expect(JSON.parse(Buffer.from(journal!, 'base64').toString('utf8')).changes[0].change.create.title).toBe('Tenants fix small repairs together');
    const card = term.screen();
    expect(card).toContain('tenants-fix-small-repairs-together');
    expect(card).toContain('co-delivery (emerging)');
    term.press('Enter');
    await term.waitFor('Wrote initiatives/tenants-fix-small-repairs-together.yaml');
    await term.waitFor('Co-delivery in housing and tenancy services is no longer a gap: it is practised now.');
    await term.waitFor('? What now?');
    term.press('Down', 'Down', 'Down', 'Down'); // Done
    await term.waitFor(/❯ Done/);
    term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('Next: costar star');

    const file = join(dir, 'initiatives', 'tenants-fix-small-repairs-together.yaml');
    expect(parse(readFileSync(file, 'utf8'))).toEqual({
      id: 'tenants-fix-small-repairs-together',
      title: 'Tenants fix small repairs together',
      serviceArea: 'housing',
      status: 'pilot',
      wards: ['oakfield'],
      cos: { 'co-delivery': { level: 'emerging', how: 'Tenants on the estate fix small repairs with a handyperson' } },
    });
    // Every other file is exactly as it was.
    const after = snapshotTree(dir);
    for (const [f, bytes] of Object.entries(before)) expect(after[f], f).toBe(bytes);
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  }, 90_000);

  it('leaves every file as it was when Ctrl-C is pressed part-way (exit 130)', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    term = new Terminal(['map'], { cwd: dir });
    await term.waitFor('? Service area');
    term.press('Enter');
    await term.waitFor('? What now?');
    term.press('Enter');
    await term.waitFor('? Title');
    term.type('Half-typed idea');
    term.press('Enter');
    await term.waitFor('? Status');
    term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('Cancelled');
    expect(snapshotTree(dir)).toEqual(before);
  }, 60_000);

  it('updates an initiative, changing only the lines that changed', async () => {
    const dir = copyFixture('demo');
    const file = join(dir, 'initiatives', 'mens-shed.yaml');
    const original = readFileSync(file, 'utf8');
    term = new Terminal(['map'], { cwd: dir, height: 50 });
    await term.waitFor('? Service area');
    term.type('public health');
    await term.waitFor(/❯ Public health and wellbeing/);
    term.press('Enter');
    await term.waitFor('? What now?');
    term.press('Down');
    await term.waitFor(/❯ Update an initiative/);
    term.press('Enter');
    await term.waitFor('? Which initiative?');
    term.type('shed');
    await term.waitFor(/❯ Brampton men's shed/);
    term.press('Enter');
    await term.waitFor('? What would you like to change?');
    term.press('Down'); // Status
    await term.waitFor(/❯ Status \(idea\)/);
    term.press('Enter');
    await term.waitFor('? Status');
    term.press('Down'); // planned
    await term.waitFor(/❯ planned/);
    term.press('Enter');
    await term.waitFor(/❯ Its Co's/);
    await term.waitFor('Save 1 change');
    term.press('Down', 'Down', 'Down', 'Down', 'Down', 'Down');
    await term.waitFor(/❯ Save 1 change/);
    term.press('Enter');
    await term.waitFor('status: idea → planned');
    await term.waitFor('Save 1 change to mens-shed?');
    expect(readFileSync(file, 'utf8')).toBe(original);
    term.press('Enter');
    await term.waitFor('Updated initiatives/mens-shed.yaml');
    await term.waitFor('? What now?');
    term.press('Down', 'Down', 'Down', 'Down');
    await term.waitFor(/❯ Done/);
    term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original.replace('\nstatus: idea\n', '\nstatus: planned\n'));
  }, 90_000);

  it('Escape goes back without losing answers; an update left with Escape waits, and Ctrl-C offers to save it', async () => {
    const dir = copyFixture('demo');
    const file = join(dir, 'initiatives', 'mens-shed.yaml');
    const original = readFileSync(file, 'utf8');
    term = new Terminal(['map'], { cwd: dir, height: 50 });
    await term.waitFor('? Service area');
    term.type('public health');
    await term.waitFor(/❯ Public health and wellbeing/);
    term.press('Enter');
    await term.waitFor('? What now?');
    // Adding: Escape at Status goes back to the title, as typed.
    term.press('Enter');
    await term.waitFor('? Title');
    term.type('Walk and talk');
    term.press('Enter');
    await term.waitFor('? Status');
    term.press('Escape');
    await term.waitFor('? Title (Walk and talk)');
    // Escape at the first question goes back to the menu.
    term.press('Escape');
    await term.waitFor(/\? What now\?[\s\S]*❯ Add an initiative/);
    term.press('Down');
    await term.waitFor(/❯ Update an initiative/);
    term.press('Enter');
    await term.waitFor('? Which initiative?');
    term.type('shed');
    await term.waitFor(/❯ Brampton men's shed/);
    term.press('Enter');
    await term.waitFor('? What would you like to change?');
    term.press('Down'); // Status
    await term.waitFor(/❯ Status \(idea\)/);
    term.press('Enter');
    await term.waitFor('? Status');
    term.press('Down'); // planned
    await term.waitFor(/❯ planned/);
    term.press('Enter');
    await term.waitFor('Save 1 change');
    // Escape at the update's menu goes back to the session's, the change kept for later.
    term.press('Escape');
    await term.waitFor('Done (1 change not saved yet)');
    expect(readFileSync(file, 'utf8')).toBe(original);
    term.press('C-c');
    await term.waitFor('Save 1 change, discard them, or go on?');
    term.press('Down'); // Save
    await term.waitFor(/❯ Save 1 change and stop/);
    term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original.replace('\nstatus: idea\n', '\nstatus: planned\n'));
    expect(existsSync(join(dir, '.costar', 'session-map.json'))).toBe(false);
  }, 90_000);

  it('"Discard the changes" asks first, and ↑ from the top of the menu does not wrap onto it', async () => {
    const dir = copyFixture('demo');
    const file = join(dir, 'initiatives', 'mens-shed.yaml');
    const original = readFileSync(file, 'utf8');
    term = new Terminal(['map'], { cwd: dir, height: 50 });
    await term.waitFor('? Service area');
    term.type('public health');
    await term.waitFor(/❯ Public health and wellbeing/);
    term.press('Enter');
    await term.waitFor('? What now?');
    term.press('Down');
    await term.waitFor(/❯ Update an initiative/);
    term.press('Enter');
    await term.waitFor('? Which initiative?');
    term.type('shed');
    await term.waitFor(/❯ Brampton men's shed/);
    term.press('Enter');
    await term.waitFor('? What would you like to change?');
    term.press('Down'); // Status
    await term.waitFor(/❯ Status \(idea\)/);
    term.press('Enter');
    await term.waitFor('? Status');
    term.press('Down'); // planned
    await term.waitFor(/❯ planned/);
    term.press('Enter');
    await term.waitFor('Save 1 change');
    term.press('Up'); // at the top already: stays there
    await new Promise((r) => setTimeout(r, 300));
    expect(term.screen()).toMatch(/❯ Its Co's/);
    term.press('Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down');
    await term.waitFor(/❯ Discard the changes/);
    term.press('Enter');
    await term.waitFor('Discard 1 change to mens-shed? (y/N)');
    term.press('Enter'); // no: back to the menu, the change kept
    await term.waitFor(/Discard 1 change to mens-shed\? No[\s\S]*❯ Its Co's[\s\S]*Save 1 change/);
    term.press('Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down');
    await term.waitFor(/❯ Discard the changes/);
    term.press('Enter');
    await term.waitFor('Discard 1 change to mens-shed? (y/N)');
    term.type('y');
    term.press('Enter');
    await term.waitFor('Changes discarded.');
    await term.waitFor(/❯ Add an initiative[\s\S]*Done\n/);
    term.press('Down', 'Down', 'Down', 'Down');
    await term.waitFor(/❯ Done/);
    term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(existsSync(join(dir, '.costar', 'session-map.json'))).toBe(false);
  }, 90_000);

  it('offers case studies for a gap and starts a potential initiative from one', async () => {
    const dir = copyFixture('demo');
    term = new Terminal(['map'], { cwd: dir, height: 60 });
    await term.waitFor('? Service area');
    term.type('neighbourhoods');
    await term.waitFor(/❯ Neighbourhoods and environment/);
    term.press('Enter');
    await term.waitFor('? What now?');
    term.press('Down', 'Down');
    await term.waitFor(/❯ Get ideas for a gap \(/);
    term.press('Enter');
    await term.waitFor('? Ideas for which Co?');
    term.press('Enter');
    const cards = await term.waitFor('Start a potential initiative from one?');
    const gapCo = /✔ Ideas for which Co\? (Co-[a-z]+)/.exec(cards)![1]!;
    expect(cards).toMatch(/1\. .+\n/);
    expect(cards).toMatch(/https?:\/\//);
    term.press('Enter'); // the first card
    await term.waitFor('? Title for your initiative');
    term.type('Street champions');
    term.press('Enter');
    await term.waitFor('how could it work here?');
    term.press('Enter');
    await term.waitFor('? Summary (optional)');
    term.press('Enter');
    await term.waitFor('? Wards');
    term.press('Enter');
    await term.waitFor('Save it?');
    term.press('Enter');
    await term.waitFor('Wrote initiatives/street-champions.yaml');
    await term.waitFor('? What now?');
    // Leaving with Ctrl-C keeps what was saved and says so.
    term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain('Kept what you saved earlier: initiatives/street-champions.yaml');

    const rec = parse(readFileSync(join(dir, 'initiatives', 'street-champions.yaml'), 'utf8'));
    const co = gapCo.toLowerCase();
    expect(rec).toMatchObject({ id: 'street-champions', serviceArea: 'neighbourhoods', status: 'idea', cos: { [co]: { level: 'potential' } } });
    expect(Object.keys(rec.cos)).toEqual([co]);
    expect(readdirSync(join(dir, 'initiatives')).filter((f) => !existsSync(join(FIXTURES, 'demo', 'initiatives', f)))).toEqual(['street-champions.yaml']);
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  }, 90_000);
});
