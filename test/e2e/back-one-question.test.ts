/**
 * Escape goes back one question inside a multi-question step, in a real terminal (tmux): the
 * earlier answer is offered again as the default, and Escape at the first question of a step
 * goes back out to the menu. "Save now" writes while the session goes on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture } from '../helpers/cli.js';
import { hasTmux, Terminal } from '../helpers/pty.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WAIT = 30_000;
/** A whole session on a loaded machine: far more than it takes (about 10 s). */
const SLOW = { timeout: 150_000 };

const doc = (dir: string, id: string) => parse(readFileSync(join(dir, `initiatives/${id}.yaml`), 'utf8'));

/** The question being asked now: the last line that starts a question ("? …"), with the lines below it. */
function current(screen: string): string | undefined {
  const lines = screen.split('\n');
  const at = lines.map((l) => /^\? /.test(l)).lastIndexOf(true);
  if (at < 0) return undefined;
  // A question answered since ("✔ …" below it) is not current.
  if (lines.slice(at + 1).some((l) => /^✔ /.test(l))) return undefined;
  return lines.slice(at).join('\n');
}

/** Waits until the question being asked matches `pattern`; returns it with the choices below it. */
async function asking(t: Terminal, pattern: RegExp, timeoutMs = WAIT): Promise<string> {
  const start = Date.now();
  for (;;) {
    const q = current(t.screen());
    if (q !== undefined && pattern.test(q)) return q;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for a question matching ${pattern}; screen:\n${t.screen()}`);
    await pause(100);
  }
}

/** Types an answer to the question matching `pattern` and presses Enter. */
async function reply(t: Terminal, pattern: RegExp, text: string): Promise<void> {
  await asking(t, pattern);
  if (text) t.type(text);
  await pause(120);
  t.press('Enter');
}

/** The choice pointed at in the question being asked. */
const pointed = (t: Terminal) => (current(t.screen()) ?? '').split('\n').find((l) => l.includes('❯')) ?? '';

/** Presses a key, one press at a time (each seen on the screen before the next), until `choice` is pointed at. */
async function pointAt(t: Terminal, key: string, choice: RegExp, tries = 12): Promise<void> {
  await t.waitFor('❯', WAIT);
  for (let k = 0; ; k++) {
    const was = pointed(t);
    if (choice.test(was)) return;
    if (k === tries) throw new Error(`${choice} never pointed at; screen:\n${t.screen()}`);
    t.press(key);
    const start = Date.now();
    while (pointed(t) === was && Date.now() - start < WAIT) await pause(80);
  }
}

describe.skipIf(!hasTmux())('Escape goes back one question, the answer kept', { concurrent: true }, () => {
  // Each test has its own terminal and copy of the demo, so they run side by side (a terminal
  // session is mostly waiting); each closes its terminal when it ends.

  it('focus, "Add a cost line": back to the kind and the item with their answers as defaults, then the line is saved', SLOW, async ({ onTestFinished }) => {
    const dir = copyFixture('demo');
    const t = new Terminal(['focus'], { cwd: dir, height: 50 });
    onTestFinished(() => t.close());
    await asking(t, /Initiative \(type to search\)/);
    t.type('time-bank');
    await pause(300);
    t.press('Enter');
    await asking(t, /What now\?/);
    await pointAt(t, 'Down', /❯ Add a cost line/);
    t.press('Enter');
    await reply(t, /Cost item/, 'Broker');
    await asking(t, /Kind/);
    await pointAt(t, 'Down', /❯ capital/);
    t.press('Enter');
    await asking(t, /Amount per year \(GBP\)/);
    t.press('Escape');
    // Back at the kind, capital still chosen.
    expect(await asking(t, /^\? Kind/)).toMatch(/❯ capital/);
    t.press('Escape');
    // Back at the item, "Broker" offered as the default; Enter takes it.
    expect(await asking(t, /^\? Cost item/)).toMatch(/^\? Cost item \(Broker\)/);
    t.press('Enter');
    expect(await asking(t, /^\? Kind/)).toMatch(/❯ capital/);
    t.press('Enter');
    await reply(t, /Amount per year \(GBP\)/, '£16,000');
    await reply(t, /Years it applies/, '');
    await reply(t, /Who pays\?/, 'council');
    await asking(t, /Confidence grade/);
    t.press('Enter');
    await reply(t, /Price year of the amount/, '');
    await t.waitFor(/Running business case: BCR \d+\.\d\d/, WAIT);
    await asking(t, /What now\?/);
    await pointAt(t, 'Down', /❯ Finish \(1 change to save\)/);
    t.press('Enter');
    const summary = await t.waitFor('Save these changes?', WAIT);
    expect(summary).toContain('Broker: £16,000 a year, capital, every year, paid by council');
    t.press('Enter');
    expect(await t.exitCode(WAIT)).toBe(0);
    expect(doc(dir, 'time-bank').focus.businessCase.costs).toEqual([{ item: 'Broker', kind: 'capital', amount: 16000, payer: 'council' }]);
  });

  it('grow: back one question in "Add an indicator", "Save now" writes mid-session, Escape at the first question returns to the menu', SLOW, async ({ onTestFinished }) => {
    const dir = copyFixture('demo');
    const before = doc(dir, 'ward-fund-pb').grow.indicators;
    const t = new Terminal(['grow'], { cwd: dir, height: 50 });
    onTestFinished(() => t.close());
    await asking(t, /Initiative/);
    await pointAt(t, 'Down', /❯ ward-fund-pb /, 14);
    t.press('Enter');
    await asking(t, /What now\?/);
    t.press('Enter'); // Add an indicator
    await reply(t, /Indicator name/, 'Residents who see their idea funded');
    await asking(t, /^\? Kind/);
    t.press('Enter'); // outcome
    await reply(t, /Unit/, '%');
    await asking(t, /Baseline/);
    t.press('Escape');
    // Back at the unit, "%" offered as the default; Enter takes it.
    expect(await asking(t, /^\? Unit/)).toMatch(/^\? Unit \(e\.g\. %, walks, people; Enter for none\) \(%\)/);
    t.press('Enter');
    await reply(t, /Baseline/, '12');
    await reply(t, /Target/, '30');
    await reply(t, /Was it designed with the people who use the service\?/, 'y');
    await t.waitFor('+ add outcome indicator "Residents who see their idea funded", target 30%, co-designed', WAIT);
    await asking(t, /What now\?[\s\S]*Done — review and save 1 change/);
    expect(doc(dir, 'ward-fund-pb').grow.indicators).toEqual(before);

    // Save now: written at once, and the session goes on.
    await pointAt(t, 'Up', /❯ Save now \(1 change\), then go on/);
    t.press('Enter');
    await t.waitFor('✔ Updated initiatives/ward-fund-pb.yaml: 1 change', WAIT);
    const saved = doc(dir, 'ward-fund-pb').grow.indicators;
    expect(saved).toEqual([...before, { name: 'Residents who see their idea funded', kind: 'outcome', unit: '%', baseline: 12, target: 30, coDesigned: true }]);
    const menu = await asking(t, /What now\?[\s\S]*❯ Add an indicator/);
    expect(menu).not.toContain('Save now');

    // Escape at the first question of a step goes back to the menu.
    t.press('Enter'); // Add an indicator
    await asking(t, /Indicator name/);
    t.type('Half-typed');
    await pause(120);
    t.press('Escape');
    await asking(t, /What now\?[\s\S]*❯ Add an indicator/);
    await pointAt(t, 'Down', /❯ Done$/);
    t.press('Enter');
    expect(await t.exitCode(WAIT)).toBe(0);
    // What Save now wrote is kept, and the session says so (not "nothing was changed").
    expect(t.screen()).toContain('Nothing more to save; what you saved is kept.');
    expect(t.screen()).not.toContain('nothing was changed');
    expect(doc(dir, 'ward-fund-pb').grow.indicators).toEqual(saved);
  });

  it('market: back one question while writing your own incentive, Save now mid-session, and back a list in the charter, answers kept', SLOW, async ({ onTestFinished }) => {
    const dir = copyFixture('demo');
    const t = new Terminal(['market'], { cwd: dir, height: 50 });
    onTestFinished(() => t.close());
    await asking(t, /Which initiative\?/);
    t.type('shed');
    await t.waitFor("Brampton men's shed  (mens-shed)", WAIT);
    t.press('Enter');
    await asking(t, /Add an incentive\?/);
    await pointAt(t, 'Down', /❯ Write my own/);
    t.press('Enter');
    await asking(t, /Who is it for\?/);
    await pointAt(t, 'Down', /❯ Volunteers/);
    t.press('Enter');
    await asking(t, /What kind of incentive\?/);
    await pointAt(t, 'Down', /❯ Non-financial/);
    t.press('Enter');
    await reply(t, /The incentive, in a short phrase/, 'Tea and biscuits');
    await asking(t, /Yearly cost in GBP/);
    t.press('Escape');
    // Back at the phrase, offered as the default; back again, the kind still chosen.
    expect(await asking(t, /^\? The incentive, in a short phrase/)).toMatch(/\(Tea and biscuits\)/);
    t.press('Escape');
    expect(await asking(t, /^\? What kind of incentive\?/)).toMatch(/❯ Non-financial/);
    t.press('Enter');
    await asking(t, /^\? The incentive, in a short phrase \(Tea and biscuits\)/);
    t.press('Enter');
    await reply(t, /Yearly cost in GBP/, '50');
    await t.waitFor('Volunteers · non-financial · Tea and biscuits (£50 a year)', WAIT);
    await asking(t, /Add another incentive\?/);
    // Save now: the incentive is written at once, and the session goes on from the file.
    await pointAt(t, 'Down', /❯ Save now \(1 change\), then go on/);
    t.press('Enter');
    await t.waitFor('✔ Updated initiatives/mens-shed.yaml: 1 change', WAIT);
    expect(doc(dir, 'mens-shed').market.incentives).toEqual([{ for: 'volunteers', kind: 'non-financial', what: 'Tea and biscuits', cost: 50 }]);
    expect(await asking(t, /Add an incentive\?/)).not.toContain('Save now');
    await pointAt(t, 'Down', /❯ No more incentives/);
    t.press('Enter');

    await reply(t, /Build the co-production charter now\?/, 'y');
    await reply(t, /A party to the charter/, 'Brampton Men');
    await asking(t, /A party to the charter.*\(another, or empty to go on\)/);
    t.press('Enter');
    await asking(t, /An outcome both sides want/);
    t.press('Escape');
    // Back at the list of parties: what was added stays, and is shown.
    await asking(t, /A party to the charter.*\(another, or empty to go on\)/);
    expect(t.screen()).toContain('Parties so far: Brampton Men');
    t.press('Enter');
    await reply(t, /An outcome both sides want/, '');
    await reply(t, /What the service commits to/, '');
    await reply(t, /What the community commits to/, '');
    await asking(t, /Risks from the library/);
    t.press('Enter'); // none ticked
    await reply(t, /A risk in your own words/, 'The hut floods');
    await asking(t, /^\? Likelihood/);
    await pointAt(t, 'Down', /❯ High/);
    t.press('Enter');
    await asking(t, /^\? Impact/);
    t.press('Escape');
    expect(await asking(t, /^\? Likelihood/)).toMatch(/❯ High/);
    t.press('Enter');
    await asking(t, /^\? Impact/);
    t.press('Enter'); // medium
    await reply(t, /How will it be reduced\?/, '');
    await reply(t, /Who owns it\?/, '');
    await reply(t, /A risk in your own words/, '');
    await reply(t, /Review date/, '');
    await reply(t, /Save these changes\?/, 'y');
    expect(await t.exitCode(WAIT)).toBe(0);
    const market = doc(dir, 'mens-shed').market;
    // Saved once (by Save now), not again at the end.
    expect(market.incentives).toEqual([{ for: 'volunteers', kind: 'non-financial', what: 'Tea and biscuits', cost: 50 }]);
    expect(market.charter).toEqual({ parties: ['Brampton Men'], risks: [{ risk: 'The hut floods', likelihood: 'high', impact: 'medium' }] });
  });
});
