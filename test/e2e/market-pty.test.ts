/** Interactive `costar market` in a real pseudo-terminal (tmux), typed as a person would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { riskContext } from '../../src/core/market.js';
import { menuFor } from '../../src/data/incentives.js';
import { suggestRisks } from '../../src/data/risks.js';
import { copyFixture, snapshotTree } from '../helpers/cli.js';
import { hasTmux, Terminal } from '../helpers/pty.js';

let term: Terminal | undefined;
afterEach(() => {
  term?.close();
  term = undefined;
});

const down = (n: number) => Array.from({ length: n }, () => 'Down');

describe.skipIf(!hasTmux())('costar market (interactive)', () => {
  it('picks an incentive from the menu, builds a charter with a suggested risk, and saves once on confirmation', async () => {
    const dir = copyFixture('demo');
    const t = (term = new Terminal(['market'], { cwd: dir }));
    await t.waitFor('Which initiative?');
    t.type('shed');
    await t.waitFor("Brampton men's shed  (mens-shed)");
    t.press('Enter');

    await t.waitFor('Add an incentive?');
    t.press('Enter'); // Pick one from the incentive menu
    await t.waitFor('Incentives for whom?');
    t.press('Down', 'Down', 'Enter'); // service users, carers, volunteers
    await t.waitFor('Incentives for volunteers');
    const entry = menuFor('volunteers').findIndex((x) => x.id === 'volunteers-accredited-training');
    t.press(...down(entry));
    await t.waitFor('❯ Non-financial: Accredited training and a written reference');
    const shown = await t.waitFor('Cost band: Under £500 a year');
    expect(shown).toContain('e.g. Walk leaders complete a recognised');
    t.press('Enter');
    await t.waitFor('Yearly cost in GBP');
    t.type('300');
    t.press('Enter');
    await t.waitFor('Volunteers · non-financial · Accredited training and a written reference (£300 a year)');
    await t.waitFor('Add another incentive?');
    t.press('Enter'); // default: no more incentives

    await t.waitFor('Build the co-production charter now?');
    t.type('y');
    t.press('Enter');
    const answer = async (prompt: string, text: string) => {
      await t.waitFor(prompt);
      if (text) t.type(text);
      t.press('Enter');
    };
    await answer('A party to the charter', 'Brampton Men');
    await answer('(another, or empty to go on)', '');
    await answer('An outcome both sides want', '');
    await answer('What the service commits to', 'Lease the scout hut for a peppercorn rent');
    await answer('What the service commits to (another', '');
    await answer('What the community commits to', 'Members run the shed safely');
    await answer('What the community commits to (another', '');

    // Suggestions come from what the initiative holds, including this session's incentive.
    const p = parse(readFileSync(join(dir, 'initiatives', 'mens-shed.yaml'), 'utf8'));
    p.market = { incentives: [{ for: 'volunteers', kind: 'non-financial', what: 'x' }] };
    const first = suggestRisks(riskContext(p, []))[0]!;
    const risks = await t.waitFor('Risks from the library that fit this initiative');
    expect(risks).toContain(first.risk.slice(0, 60));
    await t.waitFor('Suggested because');
    t.press('Space', 'Enter');
    await answer('A risk in your own words', '');
    await answer('Review date', '2027-06-30');

    const summary = await t.waitFor('Save these changes?');
    expect(summary).toContain('Changes to initiatives/mens-shed.yaml');
    expect(summary).toContain('+ party  Brampton Men');
    t.type('y');
    t.press('Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain('Updated initiatives/mens-shed.yaml: ');

    const market = parse(readFileSync(join(dir, 'initiatives', 'mens-shed.yaml'), 'utf8')).market;
    expect(market.incentives).toEqual([{ for: 'volunteers', kind: 'non-financial', what: 'Accredited training and a written reference', cost: 300 }]);
    expect(market.charter).toEqual({
      parties: ['Brampton Men'],
      serviceCommitments: ['Lease the scout hut for a peppercorn rent'],
      communityCommitments: ['Members run the shed safely'],
      risks: [{ risk: first.risk, likelihood: first.likelihood, impact: first.impact, mitigation: first.mitigation, owner: first.owner }],
      review: '2027-06-30',
    });
  });

  it('Ctrl-C at a prompt exits 130 and changes nothing', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const t = (term = new Terminal(['market'], { cwd: dir }));
    await t.waitFor('Which initiative?');
    t.type('young');
    await t.waitFor('(young-inspectors)');
    t.press('Enter');
    await t.waitFor('Add an incentive?');
    t.press('Enter');
    await t.waitFor('Incentives for whom?');
    t.press('Enter');
    await t.waitFor('Incentives for service users');
    t.press('Enter');
    await t.waitFor('Yearly cost');
    t.type('12');
    t.press('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toContain('nothing was changed');
    expect(snapshotTree(dir)).toEqual(before);
  });
});
