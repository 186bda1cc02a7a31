/**
 * The flags of `map add`, `map list`, `market menu`, `market add-incentive` and `market charter`,
 * parsed in-process: the typed values, and the usage error (exit 2) that names the flag.
 */
import { describe, expect, it } from 'vitest';
import { parseAddOptions, parseListOptions } from '../../src/cli/commands/map/options.js';
import { parseCharterOptions, parseIncentiveOptions, parseMenuOptions } from '../../src/cli/commands/market/options.js';
import { CostarError, EXIT } from '../../src/core/errors.js';
import type { Portfolio } from '../../src/store/portfolio.js';

const config = {
  serviceAreas: [
    { id: 'care', label: 'Adult social care' },
    { id: 'housing', label: 'Housing' },
  ],
  wards: [
    { id: 'north', label: 'North' },
    { id: 'south', label: 'South' },
  ],
};
const files = [{ rel: 'initiatives/walks.yaml', kind: 'initiative', stem: 'walks', value: {} }];
const p = { config, files, fileOf: (kind: string, id: string) => files.find((f) => f.kind === kind && f.stem === id) } as unknown as Portfolio;

/** The usage error a call throws: its message, hint and exit code. */
function refusal(f: () => unknown): { message: string; hint?: string; exit: number } {
  try {
    f();
  } catch (e) {
    if (!(e instanceof CostarError)) throw e;
    return { message: e.message, hint: e.hint, exit: e.exitCode };
  }
  throw new Error('expected a refusal');
}

describe('map add flags', () => {
  it('gives typed values, with idea as the default status and each ward once', () => {
    const o = parseAddOptions(p, {
      title: '  Walks in the park ',
      area: 'care',
      status: 'pilot',
      co: ['co-design=emerging', 'co-delivery=potential'],
      how: ['co-design=Walkers chose the routes'],
      ward: ['north', 'north', 'south'],
      id: 'park-walks',
      summary: '  ',
    });
    expect(o).toEqual({
      status: 'pilot',
      area: 'care',
      title: 'Walks in the park',
      id: 'park-walks',
      summary: undefined,
      wards: ['north', 'south'],
      cos: { 'co-design': { level: 'emerging', how: 'Walkers chose the routes' }, 'co-delivery': { level: 'potential' } },
    });
    expect(parseAddOptions(p, {})).toEqual({ status: 'idea', area: undefined, title: undefined, id: undefined, summary: undefined, wards: [], cos: {} });
  });

  it('refuses a bad value naming the flag, with the valid values or an example (exit 2)', () => {
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ status: 'runing' }, '--status "runing" is not a status; did you mean "running"?', 'Valid values: idea, planned, pilot, running, scaled, stopped'],
      [{ area: 'hosing' }, '--area "hosing" is not a service area of this portfolio; did you mean "housing"?', 'Valid values: care, housing'],
      [{ co: ['co-design'] }, '--co "co-design" is not of the form <co>=<level>', 'For example: --co co-design=emerging'],
      [{ co: ['co-desing=emerging'] }, '--co "co-desing=emerging": "co-desing" is not one of the Four Co\'s; did you mean "co-design"?', 'Valid values: co-commissioning, co-design, co-delivery, co-assessment'],
      [{ co: ['co-design=high'] }, '--co "co-design=high": "high" is not a level', 'Valid values: potential, emerging, established'],
      [{ co: ['co-design=emerging', 'co-design=potential'] }, '--co co-design is given twice', 'Give each Co once.'],
      [{ how: ['co-design=Walks'] }, '--how co-design=… needs a level for co-design too: add --co co-design=<level>', 'Levels: potential, emerging, established'],
      [{ co: ['co-design=emerging'], how: ['co-design='] }, '--how co-design= is empty: say how it practises co-design, or leave the flag out', undefined],
      [{ ward: ['east'] }, '--ward "east" is not a ward of this portfolio', 'Valid values: north, south'],
      [{ id: 'Not An Id' }, '--id "Not An Id" is not a valid id', 'Use lower-case letters, digits and hyphens, e.g. not-an-id'],
      [{ id: 'walks' }, '--id walks: initiatives/walks.yaml already exists', 'Choose another id (e.g. walks-2), or change it with: costar set initiatives/walks …'],
      [{ title: ' ' }, '--title is empty: give the initiative a title', undefined],
    ];
    for (const [opts, message, hint] of cases) {
      const r = refusal(() => parseAddOptions(p, opts));
      expect(r.message, JSON.stringify(opts)).toBe(message);
      expect(r.hint, JSON.stringify(opts)).toBe(hint);
      expect(r.exit).toBe(EXIT.usage);
    }
    expect(refusal(() => parseAddOptions(p, { id: 'prn' })).message).toMatch(/^--id "prn" is a name Windows reserves/);
    const noWards = { ...p, config: { ...config, wards: [] } } as unknown as Portfolio;
    expect(refusal(() => parseAddOptions(noWards, { ward: ['north'] }))).toEqual({
      message: '--ward "north": this portfolio lists no wards in costar.yaml',
      hint: 'Add wards to costar.yaml first, or leave --ward out.',
      exit: EXIT.usage,
    });
  });
});

describe('map list flags', () => {
  it('takes an area of the portfolio and --json', () => {
    expect(parseListOptions(p.config, { area: 'care', json: true })).toEqual({ area: 'care', json: true });
    expect(parseListOptions(p.config, {})).toEqual({ area: undefined, json: false });
    expect(refusal(() => parseListOptions(p.config, { area: 'x' })).hint).toBe('Valid values: care, housing');
  });
});

describe('market flags', () => {
  it('menu: a group and a kind', () => {
    expect(parseMenuOptions({ for: 'carers', kind: 'financial' })).toEqual({ group: 'carers', kind: 'financial', json: false });
    expect(refusal(() => parseMenuOptions({ for: 'voluntears' })).message).toBe('--for "voluntears" is not a stakeholder group; did you mean "volunteers"?');
  });

  it('add-incentive: flags over the menu entry, and what is still missing', () => {
    const o = parseIncentiveOptions({ fromMenu: 'volunteers-accredited-training', for: 'residents', cost: '12.5' });
    expect(o).toMatchObject({ group: 'residents', kind: 'non-financial', cost: 12.5, costGiven: true, missing: [] });
    expect(o.what).toMatch(/training/i);
    expect(parseIncentiveOptions({ for: 'carers' })).toMatchObject({ group: 'carers', costGiven: false, missing: ['--kind', '--what'] });
    expect(refusal(() => parseIncentiveOptions({ fromMenu: 'volunteers-acredited-training' }))).toEqual({
      message: '--from-menu "volunteers-acredited-training" is not on the incentive menu; did you mean "volunteers-accredited-training"?',
      hint: 'See the ids with: costar market menu',
      exit: EXIT.usage,
    });
    expect(refusal(() => parseIncentiveOptions({ cost: '£5' })).message).toMatch(/^--cost "£5" is not an amount: "£" is not part of a number/);
    expect(parseIncentiveOptions({ cost: '£1,800' }, 'GBP').cost).toBe(1800);
    expect(refusal(() => parseIncentiveOptions({ what: ' ' })).message).toBe('--what is empty: say what the incentive is');
  });

  it('charter: each list from its repeatable flag, risks parsed, a real review date', () => {
    const add = parseCharterOptions({
      party: ['Council', ' Friends '],
      serviceCommitment: ['Insure volunteers'],
      risk: ['Injury|low|HIGH|Cover|council'],
      review: '2027-06-30',
    });
    expect(add).toEqual({
      parties: ['Council', 'Friends'],
      sharedOutcomes: [],
      serviceCommitments: ['Insure volunteers'],
      communityCommitments: [],
      risks: [{ risk: 'Injury', likelihood: 'low', impact: 'high', mitigation: 'Cover', owner: 'council' }],
      review: '2027-06-30',
    });
    expect(refusal(() => parseCharterOptions({ communityCommitment: [' '] })).message).toBe('--community-commitment is empty: give the community commitment as text');
    expect(refusal(() => parseCharterOptions({ review: '2027-02-30' }))).toEqual({
      message: '--review "2027-02-30" is not a real date; give the review date: write it as 2027-06-30 or 30/06/2027 (day/month/year)',
      hint: 'For example: --review 2027-06-30 or --review 30/06/2027',
      exit: EXIT.usage,
    });
    expect(refusal(() => parseCharterOptions({ risk: ['Injury|often'] })).message).toMatch(/^--risk likelihood "often" is not low, medium or high/);
  });
});
