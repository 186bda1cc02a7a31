/** Survey entry (`costar people add` at a terminal) in a real pseudo-terminal, typed as a person would. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, snapshotTree } from '../helpers/cli.js';
import { hasTmux, Terminal } from '../helpers/pty.js';

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

describe.skipIf(!hasTmux())('costar people add (survey entry)', () => {
  it('types in a return, saves it on confirmation, and Ctrl-C discards the next one', async () => {
    const dir = copyFixture('demo');
    // 14 March 2026: the day of entry, recorded as the day consent was given.
    const t = (term = new Terminal(['people', 'add'], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1773446400' } }));
    await t.waitFor('Return 1 (will be p-0041)');
    await t.waitFor('? Kind');
    t.press('Enter'); // individual
    await t.waitFor('? Name');
    t.type('Ann Example');
    t.press('Enter');
    await t.waitFor('? Contact');
    t.press('Enter'); // none given
    await t.waitFor('? Ward');
    t.press('Down', 'Enter'); // abbey, riverside
    await t.waitFor('? Agreed to be matched and contacted?');
    t.type('y');
    t.press('Enter');
    await t.waitFor('? Willingness');
    t.press('Up', 'Enter'); // from maybe up to more
    await t.waitFor('? Under 18?');
    t.press('Enter'); // no
    await t.waitFor('? Skills or assets offered');
    t.type('cookng, Befriending');
    t.press('Enter');
    await t.waitFor('Did you mean "cooking"?');
    t.press('Enter'); // yes
    await t.waitFor('? Would like to learn');
    t.type('digital-skills');
    t.press('Enter');
    await t.waitFor('? Available');
    t.press('Space', 'Enter'); // weekday-day
    await t.waitFor('? Safeguarding checks');
    t.type('dbs');
    t.press('Enter');
    const summary = await t.waitFor('? Save this return?');
    expect(summary).toContain('p-0041  individual · riverside · consent given · willingness more · offers cooking, befriending');
    t.press('Enter');
    await t.waitFor('Wrote people/p-0041.yaml');
    await t.waitFor('? Type in another return?');
    t.press('Enter');
    await t.waitFor('Return 2 (will be p-0042)');
    await t.waitFor('? Kind');
    t.press('Enter');
    await t.waitFor('? Name');
    t.type('Bob Unsaved');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain('the 1 return saved before is kept');

    expect(parse(readFileSync(join(dir, 'people', 'p-0041.yaml'), 'utf8'))).toEqual({
      id: 'p-0041',
      kind: 'individual',
      name: 'Ann Example',
      ward: 'riverside',
      consent: true,
      consentDate: '2026-03-14',
      willingness: 'more',
      offers: ['cooking', 'befriending'],
      wants: ['digital-skills'],
      availability: ['weekday-day'],
      checks: ['dbs'],
    });
    expect(existsSync(join(dir, 'people', 'p-0042.yaml'))).toBe(false);
  });

  it('Ctrl-C in the first return exits 130 and changes nothing', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const t = (term = new Terminal(['people', 'add'], { cwd: dir }));
    await t.waitFor('? Kind');
    t.press('Enter');
    await t.waitFor('? Name');
    t.type('Cara Unsaved');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain('Cancelled: nothing was changed.');
    expect(snapshotTree(dir)).toEqual(before);
  });
});

describe.skipIf(!hasTmux())('costar people remove at a terminal', () => {
  it('asks before erasing without --yes: no keeps every file, yes erases', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    let t = (term = new Terminal(['people', 'remove', 'p-0032'], { cwd: dir }));
    await t.waitFor('Erase p-0032 and remove them from the contributors of 2 initiatives?');
    t.press('Enter'); // default: no
    await t.waitFor('Nothing was changed.');
    expect(await t.exitCode()).toBe(0);
    expect(snapshotTree(dir)).toEqual(before);
    t.close();
    t = term = new Terminal(['people', 'remove', 'p-0032'], { cwd: dir });
    await t.waitFor('Erase p-0032');
    t.type('y');
    t.press('Enter');
    await t.waitFor('Erased people/p-0032.yaml');
    expect(await t.exitCode()).toBe(0);
    expect(existsSync(join(dir, 'people', 'p-0032.yaml'))).toBe(false);
  });
});
