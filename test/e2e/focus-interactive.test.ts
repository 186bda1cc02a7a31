import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture, snapshotTree } from '../helpers/cli.js';
import { hasTmux, Terminal } from '../helpers/pty.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasTmux())('costar focus in a terminal', { concurrent: true }, () => {
  // Each test has its own terminal and copy of the demo, so they run side by side (a terminal
  // session is mostly waiting); each closes its terminal when it ends.

  /**
   * Types an answer and presses Enter, once the prompt is the question being asked: a line
   * starting "? " (an answered one starts "✔", and a group's second rater is asked the same).
   */
  async function answer(t: Terminal, prompt: string, text: string) {
    await t.waitFor(new RegExp(`^\\? .*${prompt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    t.type(text);
    await pause(120);
    t.press('Enter');
  }

  it('scores an unscored initiative criterion by criterion, then saves after the summary', async ({ onTestFinished }) => {
    const dir = copyFixture('demo');
    const t = new Terminal(['focus'], { cwd: dir });
    onTestFinished(() => t.close());
    await t.waitFor('Initiative (type to search)');
    t.type('climate');
    await pause(300);
    t.press('Enter');
    await t.waitFor('Score it (7 criteria to go)');
    t.press('Enter');
    // Each criterion shows its label and the scale; a score outside it is refused and asked again.
    await answer(t, 'Better outcomes for people who use the service [user-outcomes, impact, weight 3] 1–5', '7');
    await t.waitFor('Give a whole number from 1 to 5');
    t.press('BSpace');
    t.type('4');
    t.press('Enter');
    await answer(t, 'Better outcomes for the wider community', '5');
    await answer(t, 'Cost-effectiveness and savings', '2');
    await answer(t, 'Stronger, more resilient local system', '4');
    await answer(t, 'Inclusion, transparency, accountability', '5');
    await answer(t, 'Easy and quick to put in place', '2');
    await answer(t, 'Citizens and staff ready and willing', '3');
    await t.waitFor(/climate-assembly is a .*, ranked \d+ of 14/);
    // Nothing is written before the final confirmation.
    expect(parse(readFileSync(join(dir, 'initiatives/climate-assembly.yaml'), 'utf8')).focus?.scores).toBeUndefined();
    await t.waitFor('Finish (7 changes to save)');
    t.press('Down', 'Down', 'Down', 'Down', 'Down'); // past Score as a group to Finish
    await pause(200);
    t.press('Enter');
    await t.waitFor('Save these changes?');
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    const doc = parse(readFileSync(join(dir, 'initiatives/climate-assembly.yaml'), 'utf8'));
    expect(doc.focus.scores).toEqual({ 'user-outcomes': 4, 'community-outcomes': 5, efficiency: 2, resilience: 4, governance: 5, ease: 2, readiness: 3 });
  });

  it('walks every initiative not on the matrix: Escape goes back a criterion, Skip this one, Stop here, then saves what was finished', async ({ onTestFinished }) => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const t = new Terminal(['focus'], { cwd: dir, height: 60 });
    onTestFinished(() => t.close());
    await t.waitFor('Score every initiative not on the matrix yet (3)');
    t.press('Enter');
    /** Waits until the current (last) question asks about `label`, then answers it. */
    const current = async (label: string) => {
      const start = Date.now();
      for (;;) {
        const screen = await t.capture();
        const lines = screen.split('\n').filter((l) => l.trim());
        const q = [...lines].reverse().find((l) => /^[?✔] /.test(l));
        if (q?.startsWith('? ') && q.includes(label)) return q;
        if (Date.now() - start > 15_000) throw new Error(`no question about ${label}:\n${screen}`);
        await pause(80);
      }
    };
    const reply = async (label: string, text: string) => {
      await current(label);
      t.type(text);
      await pause(80);
      t.press('Enter');
      await pause(150);
    };
    await t.waitFor('climate-assembly — ');
    await current('Score climate-assembly?');
    t.press('Enter'); // Score it
    await reply('user-outcomes', '3');
    await reply('community-outcomes', '4');
    // Escape goes back to the criterion before, with its answer kept.
    await current('efficiency');
    t.press('Escape');
    expect(await current('community-outcomes')).toContain('(4)');
    t.press('BSpace');
    t.type('2');
    t.press('Enter');
    for (const l of ['efficiency', 'resilience', 'governance', '[ease,', 'readiness']) await reply(l, '3');
    await t.waitFor('community-car-scheme — ');
    await current('Score community-car-scheme?');
    t.press('Down'); // Skip this one
    await pause(150);
    t.press('Enter');
    await t.waitFor('mens-shed — ');
    await current('Score mens-shed?');
    t.press('Down', 'Down'); // Stop here
    await pause(150);
    t.press('Enter');
    const summary = await t.waitFor('Save these changes?');
    expect(summary).toContain('scores user-outcomes 3, community-outcomes 2, efficiency 3');
    expect(summary).not.toContain('community-car-scheme:');
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    const scores = (id: string) => parse(readFileSync(join(dir, `initiatives/${id}.yaml`), 'utf8')).focus?.scores;
    expect(scores('climate-assembly')).toEqual({ 'user-outcomes': 3, 'community-outcomes': 2, efficiency: 3, resilience: 3, governance: 3, ease: 3, readiness: 3 });
    const after = snapshotTree(dir);
    for (const f of ['initiatives/community-car-scheme.yaml', 'initiatives/mens-shed.yaml']) expect(after[f]).toBe(before[f]);
    expect(Object.keys(after).filter((f) => f.startsWith('.costar/session'))).toEqual([]);
  });

  it('adds a cost line showing the running BCR', async ({ onTestFinished }) => {
    const dir = copyFixture('demo');
    const t = new Terminal(['focus'], { cwd: dir });
    onTestFinished(() => t.close());
    await t.waitFor('Initiative (type to search)');
    t.type('time-bank');
    await pause(300);
    t.press('Enter');
    await t.waitFor('What now?');
    t.press('Down'); // Change a score → Add a cost line
    await pause(150);
    t.press('Enter');
    await answer(t, 'Cost item', 'Broker');
    await t.waitFor('Kind');
    t.press('Enter'); // revenue
    await answer(t, 'Amount per year (GBP)', '£16,000');
    await answer(t, 'Years it applies', '');
    await answer(t, 'Who pays?', 'council');
    await t.waitFor('Confidence grade');
    t.press('Enter');
    await answer(t, 'Price year of the amount', '');
    // Before: no costs, so no ratio; after the line, a ratio with two decimals.
    const screen = await t.waitFor(/Running business case: BCR \d+\.\d\d/);
    expect(screen).toMatch(/time-bank · fully scored · BCR not defined/);
    t.press('Down', 'Down', 'Down', 'Down', 'Down'); // past Score as a group to Finish
    await pause(200);
    t.press('Enter');
    const summary = await t.waitFor('Save these changes?');
    expect(summary).toContain('Broker: £16,000 a year, revenue, every year, paid by council'); // what was read
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    const doc = parse(readFileSync(join(dir, 'initiatives/time-bank.yaml'), 'utf8'));
    expect(doc.focus.businessCase.costs).toEqual([{ item: 'Broker', kind: 'revenue', amount: 16000, payer: 'council' }]);
  });

  it('adds a cohort benefit line: each share is checked as the flags are, and the line is written in the SPEC order', async ({ onTestFinished }) => {
    const dir = copyFixture('demo');
    const t = new Terminal(['focus'], { cwd: dir, height: 60 });
    onTestFinished(() => t.close());
    await t.waitFor('Initiative (type to search)');
    t.type('time-bank');
    await pause(300);
    t.press('Enter');
    await t.waitFor('What now?');
    t.press('Down', 'Down'); // Change a score → Add a cost line → Add a benefit line
    await pause(150);
    t.press('Enter');
    await answer(t, 'Benefit item', 'Fewer GP visits');
    await t.waitFor('fiscal: savings to public budgets');
    t.press('Enter'); // fiscal
    await answer(t, 'Cashable', 'y');
    await t.waitFor('How is it valued?');
    t.press('Down'); // people reached × a value per person
    await pause(150);
    t.press('Enter');
    await answer(t, 'People reached a year', '100');
    await answer(t, 'Value per person', '£30');
    await answer(t, 'Share who engage', '1.5');
    await t.waitFor('1.5 is out of range; give the share who engage as a share from 0 to 1');
    t.press('BSpace', 'BSpace', 'BSpace');
    t.type('0.5');
    await pause(120);
    t.press('Enter');
    await answer(t, 'Share of those who succeed', '');
    await answer(t, 'Deadweight', '20%');
    await answer(t, 'Displacement', '');
    await answer(t, 'Attribution', '');
    await answer(t, 'Drop-off', '');
    await answer(t, 'Years it applies', '2028/29,2027/28');
    await answer(t, 'Who benefits?', 'nhs');
    await t.waitFor('Confidence grade');
    t.press('Enter');
    await answer(t, 'Source of the value', '');
    await answer(t, 'Price year', '');
    await t.waitFor(/Running business case: BCR/);
    t.press('Down', 'Down', 'Down', 'Down', 'Down'); // past Score as a group to Finish
    await pause(200);
    t.press('Enter');
    const summary = await t.waitFor('Save these changes?');
    expect(summary).toContain('Fewer GP visits: 100 × £30, fiscal (cashable), the share who engage 50%, deadweight 20%, 2027/28'); // what was read
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    const doc = parse(readFileSync(join(dir, 'initiatives/time-bank.yaml'), 'utf8'));
    const line = doc.focus.businessCase.benefits.at(-1);
    expect(line).toEqual({ item: 'Fewer GP visits', kind: 'fiscal', cashable: true, beneficiary: 'nhs', cohort: 100, unitValue: 30, engagement: 0.5, deadweight: 0.2, years: [1, 2] });
    expect(Object.keys(line)).toEqual(['item', 'kind', 'cashable', 'beneficiary', 'cohort', 'unitValue', 'engagement', 'deadweight', 'years']);
  });

  it('scores as a group: each person in turn, then saves the ratings; the medians place it on the matrix', async ({ onTestFinished }) => {
    const dir = copyFixture('demo');
    const t = new Terminal(['focus'], { cwd: dir, height: 60 });
    onTestFinished(() => t.close());
    await t.waitFor('Initiative (type to search)');
    t.type('climate');
    await pause(300);
    t.press('Enter');
    await t.waitFor('Score it (7 criteria to go)');
    t.press('Down', 'Down', 'Down', 'Down', 'Down'); // Score it → … → Score as a group
    await pause(200);
    t.press('Enter');
    const labels = ['Better outcomes for people who use the service', 'Better outcomes for the wider community', 'Cost-effectiveness and savings', 'Stronger, more resilient local system', 'Inclusion, transparency, accountability', 'Easy and quick to put in place', 'Citizens and staff ready and willing'];
    const rate = async (rater: string, scores: number[]) => {
      await answer(t, 'Rater (blank when everyone has scored)', rater);
      for (const [k, label] of labels.entries()) await answer(t, label, String(scores[k]));
    };
    await rate('Finance partner', [4, 3, 2, 4, 5, 2, 3]);
    await rate('Resident 1', [5, 3, 4, 4, 5, 3, 3]);
    await t.waitFor(/Raters disagree on efficiency: spread 2 \(2 to 4\)/);
    await answer(t, 'Rater (blank when everyone has scored)', '');
    await t.waitFor(/climate-assembly is a .*, ranked \d+ of 14/);
    // Nothing is written before the final confirmation.
    expect(parse(readFileSync(join(dir, 'initiatives/climate-assembly.yaml'), 'utf8')).focus?.ratings).toBeUndefined();
    await t.waitFor('Finish (2 changes to save)');
    t.press('Down', 'Down', 'Down', 'Down', 'Down'); // fully scored by the medians: Change a score → … → Finish
    await pause(200);
    t.press('Enter');
    await t.waitFor('Save these changes?');
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    const doc = parse(readFileSync(join(dir, 'initiatives/climate-assembly.yaml'), 'utf8'));
    expect(doc.focus.scores).toBeUndefined();
    expect(doc.focus.ratings).toEqual([
      { rater: 'Finance partner', scores: { 'user-outcomes': 4, 'community-outcomes': 3, efficiency: 2, resilience: 4, governance: 5, ease: 2, readiness: 3 } },
      { rater: 'Resident 1', scores: { 'user-outcomes': 5, 'community-outcomes': 3, efficiency: 4, resilience: 4, governance: 5, ease: 3, readiness: 3 } },
    ]);
  });

  it('Ctrl-C at a prompt exits 130 and changes nothing', async ({ onTestFinished }) => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const t = new Terminal(['focus'], { cwd: dir });
    onTestFinished(() => t.close());
    await t.waitFor('Initiative (type to search)');
    t.type('mens');
    await pause(300);
    t.press('Enter');
    await t.waitFor('Score it (4 criteria to go)');
    t.press('Enter');
    await answer(t, 'Cost-effectiveness and savings', '4');
    await t.waitFor('Stronger, more resilient local system');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toMatch(/Cancelled/);
    expect(snapshotTree(dir)).toEqual(before);
  });
});
