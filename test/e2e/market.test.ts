/** Market it through the real CLI: the incentive menu, add-incentive and charter from flags. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INCENTIVE_MENU } from '../../src/data/incentives.js';
import { copyFixture, costar, snapshotTree, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const read = (dir: string, id: string) => readFileSync(join(dir, 'initiatives', `${id}.yaml`), 'utf8');
const market = (dir: string, id: string) => parse(read(dir, id)).market;

describe('market menu', () => {
  it('prints the whole menu as JSON in exactly the SPEC 7 shape, without a portfolio', async () => {
    const r = (await costarIn(['market', 'menu', '--json'], { cwd: tempDir() }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const menu = JSON.parse(r.stdout);
    expect(menu).toHaveLength(INCENTIVE_MENU.length);
    for (const x of menu) expect(Object.keys(x)).toEqual(['id', 'for', 'kind', 'what', 'example', 'costBand']);
    expect(menu[0]).toEqual({ ...INCENTIVE_MENU[0] });
  });

  it('filters by group and kind', async () => {
    const r = (await costarIn(['market', 'menu', '--for', 'volunteers', '--kind', 'non-financial', '--json'], { cwd: tempDir() }));
    expect(r.code).toBe(0);
    const menu = JSON.parse(r.stdout) as Array<{ for: string; kind: string }>;
    expect(menu.length).toBeGreaterThan(0);
    expect(menu.length).toBe(INCENTIVE_MENU.filter((x) => x.for === 'volunteers' && x.kind === 'non-financial').length);
    for (const x of menu) expect([x.for, x.kind]).toEqual(['volunteers', 'non-financial']);
    const deterrents = JSON.parse((await costarIn(['market', 'menu', '--kind', 'deterrent', '--json'], { cwd: tempDir() })).stdout);
    expect(deterrents.every((x: { kind: string }) => x.kind === 'deterrent')).toBe(true);
  });

  it('shows a readable table grouped by stakeholder, with examples, cost bands and ids', async () => {
    const r = (await costarIn(['market', 'menu', '--for', 'carers'], { cwd: tempDir() }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Carers');
    expect(r.stdout).not.toContain('Volunteers\n');
    for (const x of INCENTIVE_MENU.filter((y) => y.for === 'carers')) expect(r.stdout).toContain(`id: ${x.id}`);
    expect(r.stdout).toMatch(/Under £500 a|No direct cost|£500 to/);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stderr).toContain('Next: costar market add-incentive');
    const all = (await costarIn(['market', 'menu'], { cwd: tempDir() })).stdout;
    const order = ['Service users', 'Carers', 'Volunteers', 'Residents', 'Frontline staff', 'Managers', 'Commissioners', 'Councillors', 'Partners'].map((h) => all.indexOf(`\n${h}\n`));
    expect(order.every((n) => n > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('refuses an unknown group or kind with exit 2, a suggestion and the valid values', async () => {
    const r = (await costarIn(['market', 'menu', '--for', 'voluntears'], { cwd: tempDir() }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--for "voluntears" is not a stakeholder group; did you mean "volunteers"?');
    expect(r.stderr).toContain('service-users, carers, volunteers, residents, frontline-staff, managers, commissioners, councillors, partners');
    const k = (await costarIn(['market', 'menu', '--kind', 'financal', '--json'], { cwd: tempDir() }));
    expect(k.code).toBe(2);
    expect(k.stderr).toContain('did you mean "financial"?');
    expect(k.stderr).toContain('financial, non-financial, deterrent');
  });
});

describe('market add-incentive', () => {
  it('appends an incentive from flags and keeps the rest of the file', async () => {
    const dir = copyFixture('demo');
    const before = read(dir, 'young-inspectors');
    const r = (await costarIn(['market', 'add-incentive', 'young-inspectors', '--for', 'managers', '--kind', 'deterrent', '--what', 'Findings not acted on go to the scrutiny committee', '--cost', '0'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Added an incentive to initiatives/young-inspectors.yaml');
    const after = read(dir, 'young-inspectors');
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(market(dir, 'young-inspectors').incentives.at(-1)).toEqual({ for: 'managers', kind: 'deterrent', what: 'Findings not acted on go to the scrutiny committee', cost: 0 });
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('takes an incentive from the menu, creating market.incentives when missing', async () => {
    const dir = copyFixture('demo');
    const entry = INCENTIVE_MENU.find((x) => x.id === 'volunteers-accredited-training')!;
    const r = (await costarIn(['market', 'add-incentive', 'mens-shed', '--from-menu', entry.id, '--cost', '£12.50'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(market(dir, 'mens-shed').incentives).toEqual([{ for: entry.for, kind: entry.kind, what: entry.what, cost: 12.5 }]);
    expect(r.stderr).toContain('Next: costar market charter mens-shed');
    // Flags override the menu; the same incentive twice changes nothing.
    const again = (await costarIn(['market', 'add-incentive', 'mens-shed', '--from-menu', entry.id], { cwd: dir }));
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already offers this incentive');
    expect(market(dir, 'mens-shed').incentives).toHaveLength(1);
    const other = (await costarIn(['market', 'add-incentive', 'mens-shed', '--from-menu', entry.id, '--for', 'residents'], { cwd: dir }));
    expect(other.code).toBe(0);
    expect(market(dir, 'mens-shed').incentives[1]).toEqual({ for: 'residents', kind: entry.kind, what: entry.what });
  });

  const BAD: Array<[string, string[], RegExp]> = [
    ['an unknown group', ['--for', 'volunteer', '--kind', 'financial', '--what', 'x'], /--for "volunteer" is not a stakeholder group; did you mean "volunteers"\?[\s\S]*Valid values: service-users, carers/],
    ['an unknown kind', ['--for', 'volunteers', '--kind', 'money', '--what', 'x'], /--kind "money" is not a kind of incentive[\s\S]*Valid values: financial, non-financial, deterrent/],
    ['a negative cost', ['--for', 'volunteers', '--kind', 'financial', '--what', 'x', '--cost', '-5'], /--cost -5 is out of range; give a yearly cost 0 or more/],
    ['a cost in another currency', ['--for', 'volunteers', '--kind', 'financial', '--what', 'x', '--cost', '$5'], /--cost "\$5" is not an amount in GBP: "\$" is not the sign of the portfolio's currency \(£\)/],
    ['a cost with commas out of place', ['--for', 'volunteers', '--kind', 'financial', '--what', 'x', '--cost', '1,80'], /--cost "1,80" is not an amount: commas must group thousands/],
    ['a cost that is not a number', ['--for', 'volunteers', '--kind', 'financial', '--what', 'x', '--cost', 'lots'], /--cost "lots"/],
    ['missing flags', ['--for', 'volunteers'], /needs --kind and --what/],
    ['an unknown menu id', ['--from-menu', 'volunteers-acredited-training'], /--from-menu "volunteers-acredited-training" is not on the incentive menu; did you mean "volunteers-accredited-training"\?/],
    ['an empty --what', ['--for', 'volunteers', '--kind', 'financial', '--what', ' '], /--what is empty/],
  ];
  for (const [what, flags, message] of BAD) {
    it(`refuses ${what} with exit 2 and changes nothing`, async () => {
      const dir = copyFixture('demo');
      const before = snapshotTree(dir);
      const r = await costarIn(['market', 'add-incentive', 'young-inspectors', ...flags], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(snapshotTree(dir)).toEqual(before);
    });
  }

  it('refuses an unknown initiative with a suggestion (exit 2)', async () => {
    const dir = copyFixture('demo');
    const before = snapshotTree(dir);
    const r = (await costarIn(['market', 'add-incentive', 'young-inspector', '--from-menu', 'volunteers-accredited-training'], { cwd: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no initiative "young-inspector" in this portfolio; did you mean "young-inspectors"?');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('needs a portfolio (exit 2)', async () => {
    const r = (await costarIn(['market', 'add-incentive', 'x', '--from-menu', 'volunteers-accredited-training'], { cwd: tempDir() }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no costar portfolio found');
  });
});

describe('market charter', () => {
  const COMMENTED = `# yaml-language-server: $schema=../.costar/schema/initiative.schema.json
# A hand-kept file: every comment here must survive.
id: walks
title: Supported walks   # the short title
serviceArea: adult-social-care
status: running
wards: [riverside]

cos:
  co-delivery: { level: established, how: Volunteers lead the walks }  # since 2024

market:
  # Incentives agreed at the March workshop.
  incentives:
    - { for: volunteers, kind: non-financial, what: Walk-leader training, cost: 300 }
  charter:
    parties: [Midshire Council adult services]   # more to come
    serviceCommitments:
      - Insure registered volunteers   # renewed each April
    # Risks reviewed by the safety officer.
    risks:
      - { risk: A walker is injured, likelihood: low, impact: high, mitigation: Public-liability cover, owner: council }
    review: 2027-06-30

grow:
  # Indicators still to be co-designed.
  competencies: [community-catalyst]
`;

  it('appends every repeatable flag in one write and keeps every comment byte for byte', async () => {
    const dir = copyFixture('demo');
    writeFileSync(join(dir, 'initiatives', 'walks.yaml'), COMMENTED);
    const r = (await costarIn(
      [
        'market', 'charter', 'walks',
        '--party', 'Midshire Walking Friends', '--party', 'Riverside GP practice',
        '--outcome', 'People living with dementia stay active',
        '--service-commitment', 'Pay walk leaders\' expenses within a week',
        '--community-commitment', 'Walk leaders attend the safety briefing', '--community-commitment', 'Report falls the same day',
        '--risk', 'A walk leader drops out|medium|medium|Keep a reserve list|volunteer coordinator',
        '--risk', 'Bad weather|high|low',
        '--review', '2028-02-29',
      ],
      { cwd: dir },
    ));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('added 2 parties, 1 shared outcome, 1 service commitment, 2 community commitments, 2 risks; review date 29 February 2028');
    const after = read(dir, 'walks');
    for (const line of COMMENTED.split('\n').filter((l) => l.includes('#'))) {
      if (line.includes('parties:')) continue; // the flow list on this line grows, its comment stays
      expect(after).toContain(line);
    }
    expect(after).toMatch(/parties: \[Midshire Council adult services, Midshire Walking Friends, Riverside GP practice\]\s+# more to come/);
    const head = COMMENTED.slice(0, COMMENTED.indexOf('market:'));
    expect(after.startsWith(head)).toBe(true);
    expect(after.endsWith("grow:\n  # Indicators still to be co-designed.\n  competencies: [community-catalyst]\n")).toBe(true);
    expect(parse(after).market.charter).toEqual({
      parties: ['Midshire Council adult services', 'Midshire Walking Friends', 'Riverside GP practice'],
      serviceCommitments: ['Insure registered volunteers', "Pay walk leaders' expenses within a week"],
      risks: [
        { risk: 'A walker is injured', likelihood: 'low', impact: 'high', mitigation: 'Public-liability cover', owner: 'council' },
        { risk: 'A walk leader drops out', likelihood: 'medium', impact: 'medium', mitigation: 'Keep a reserve list', owner: 'volunteer coordinator' },
        { risk: 'Bad weather', likelihood: 'high', impact: 'low' },
      ],
      review: '2028-02-29',
      sharedOutcomes: ['People living with dementia stay active'],
      communityCommitments: ['Walk leaders attend the safety briefing', 'Report falls the same day'],
    });
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('creates a charter where there is none, and skips what it already holds', async () => {
    const dir = copyFixture('demo');
    const first = (await costarIn(['market', 'charter', 'mens-shed', '--party', 'Brampton Men', '--service-commitment', 'Lease the scout hut'], { cwd: dir }));
    expect(first.code, first.stderr).toBe(0);
    expect(market(dir, 'mens-shed').charter).toEqual({ parties: ['Brampton Men'], serviceCommitments: ['Lease the scout hut'] });
    const before = snapshotTree(dir);
    const again = (await costarIn(['market', 'charter', 'mens-shed', '--party', 'brampton men'], { cwd: dir }));
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already has the party "brampton men"');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('takes a British review date and echoes it in words', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['market', 'charter', 'mens-shed', '--party', 'Shed members', '--review', '30/06/2027'], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('review date 30 June 2027');
    expect(market(dir, 'mens-shed').charter.review).toBe('2027-06-30');
    expect((await costarIn(['validate'], { cwd: dir })).code).toBe(0);
  });

  const BAD: Array<[string, string[], RegExp]> = [
    ['a bad likelihood', ['--party', 'A', '--risk', 'Falls|sometimes|high'], /--risk likelihood "sometimes" is not low, medium or high[\s\S]*Valid values: low, medium, high/],
    ['a near-miss impact', ['--risk', 'Falls|low|hgih|x|y'], /--risk impact "hgih" is not low, medium or high; did you mean "high"\?/],
    ['too many parts', ['--risk', 'a|low|low|b|c|d'], /--risk "a\|low\|low\|b\|c\|d" has 6 parts/],
    ['a risk without its text', ['--risk', '|low|high'], /--risk .* does not start with the risk itself/],
    ['an impossible review date', ['--review', '2027-02-30'], /--review "2027-02-30" is not a real date; give the review date: write it as 2027-06-30 or 30\/06\/2027/],
    ['a review date month first', ['--review', '06/30/2027'], /--review "06\/30\/2027" looks like month\/day\/year/],
    ['an impossible British review date', ['--review', '31/02/2027'], /--review "31\/02\/2027" is not a real date/],
    ['an empty party', ['--party', ''], /--party is empty/],
    ['no flags at all', [], /nothing to add to the charter: give at least one of --party/],
  ];
  for (const [what, flags, message] of BAD) {
    it(`refuses ${what} with exit 2 and changes nothing`, async () => {
      const dir = copyFixture('demo');
      const before = snapshotTree(dir);
      const r = await costarIn(['market', 'charter', 'dementia-walks', ...flags], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(snapshotTree(dir)).toEqual(before);
    });
  }

  it('refuses to change an initiative whose file has errors (exit 1)', async () => {
    const dir = copyFixture('demo');
    const file = join(dir, 'initiatives', 'mens-shed.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: idea', 'status: dreaming'));
    const before = snapshotTree(dir);
    const r = (await costarIn(['market', 'charter', 'mens-shed', '--party', 'A'], { cwd: dir }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('initiatives/mens-shed.yaml has an error, so costar will not change it until it is fixed');
    expect(r.stderr).toContain('initiatives/mens-shed.yaml:5:9  status "dreaming" is not a valid status');
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('says interactive market needs a terminal when there is none (exit 2)', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['market'], { cwd: dir }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('costar market asks questions');
    expect(r.stderr).toContain('costar market charter');
  });
});
