/** The flags of `costar people add` and `import`, parsed without spawning the CLI. */
import { describe, expect, it } from 'vitest';
import { givenFields, importFlags, personFromFlags, removeId } from '../../src/cli/commands/people/options.js';
import type { Portfolio } from '../../src/store/portfolio.js';

const portfolio = {
  config: { wards: [{ id: 'abbey', label: 'Abbey' }] },
  people: [{ id: 'p-0001', offers: ['gardening'] }],
  initiatives: [],
  fileOf: (kind: string, id: string) => (kind === 'person' && id === 'p-0001' ? { rel: 'people/p-0001.yaml' } : undefined),
} as unknown as Portfolio;

const usage = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return { code: (e as { code: string }).code, exit: (e as { exitCode: number }).exitCode, message: (e as Error).message };
  }
  throw new Error('no error thrown');
};

describe('people add flags', () => {
  it('are the return: wards by label, skills as the portfolio spells them, a near miss kept with a warning', () => {
    const { rec, warnings } = personFromFlags({ kind: 'group', ward: 'Abbey', consent: true, willingness: 'more', under18: true, offer: ['Gardening', 'gardenin'], want: ['cooking'], availability: ['Weekends', 'weekends'], check: ['dbs'], name: ' Ann ' }, portfolio);
    expect(rec).toEqual({ kind: 'group', name: 'Ann', ward: 'abbey', consent: true, willingness: 'more', under18: true, offers: ['gardening', 'gardenin'], wants: ['cooking'], availability: ['weekends'], checks: ['dbs'] });
    expect(warnings).toEqual([{ flag: '--offer', skill: 'gardenin', near: 'gardening' }]);
  });
  it('a bad value is a usage error naming the flag', () => {
    expect(usage(() => personFromFlags({ ward: 'abey' }, portfolio))).toMatchObject({ code: 'unknown-ward', exit: 2, message: expect.stringMatching(/^--ward "abey" is not a ward of this portfolio; did you mean "abbey"\?/) });
    expect(usage(() => personFromFlags({ availability: ['sometimes'] }, portfolio))).toMatchObject({ code: 'bad-value', exit: 2, message: expect.stringMatching(/^--availability "sometimes" is not a time of availability/) });
    expect(usage(() => personFromFlags({ id: 'p-0001' }, portfolio))).toMatchObject({ code: 'id-exists', exit: 2 });
    expect(usage(() => personFromFlags({ id: 'Bad Id' }, portfolio))).toMatchObject({ code: 'bad-value', exit: 2 });
  });
  it('with no field flag, add is a session', () => {
    expect(givenFields({ portfolio: 'x' })).toEqual([]);
    expect(givenFields({ consent: false, offer: ['x'] })).toEqual(['consent', 'offer']);
  });
});

describe('people import flags', () => {
  it('--map pairs, --new-skill lists, --update and --dry-run', () => {
    const f = importFlags(['returns.csv'], { map: ['Home ward=ward', 'Timestamp='], newSkill: ['knitting;pottery'], update: true });
    expect(f).toEqual({ file: 'returns.csv', map: new Map([['home ward', 'ward'], ['timestamp', null]]), newSkills: new Set(['knitting', 'pottery']), update: true, dryRun: false });
  });
  it('a bad --map is a usage error with the form or the fields', () => {
    expect(usage(() => importFlags(['a.csv'], { map: ['ward'] }))).toMatchObject({ code: 'bad-value', exit: 2, message: '--map "ward" is not of the form <column>=<field>' });
    expect(usage(() => importFlags(['a.csv'], { map: ['Home=wardd'] }))).toMatchObject({ message: '--map "Home=wardd": "wardd" is not a field of a person; did you mean "ward"?' });
  });
  it('remove takes an id or its file', () => {
    expect(removeId('people/p-0042.yaml')).toBe('p-0042');
    expect(removeId('p-0042')).toBe('p-0042');
  });
});
