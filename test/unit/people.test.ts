/** core/people.ts: ids, skills, wards and the value parsers of a survey return. */
import { describe, expect, it } from 'vitest';
import {
  canonicalSkill,
  closestIds,
  describePerson,
  headerField,
  isPersonalField,
  knownSkills,
  nearMissSkill,
  nextPersonId,
  parseColumnMap,
  parsePersonChoice,
  parseWard,
  parseYesNo,
  PERSON_FIELDS,
  resolveWard,
  splitList,
  subjectAccess,
} from '../../src/core/people.js';
import type { Initiative, Person } from '../../src/core/schema.js';

const wards = { wards: [{ id: 'abbey', label: 'Abbey' }, { id: 'st-marys', label: "St Mary's" }, { id: 'castle-hill', label: 'Castle Hill' }] };

describe('PERSON_FIELDS', () => {
  it('are the schema keys in the SPEC order', () => {
    expect(PERSON_FIELDS).toEqual(['id', 'kind', 'name', 'contact', 'ward', 'consent', 'consentDate', 'willingness', 'under18', 'offers', 'wants', 'availability', 'checks']);
    expect(PERSON_FIELDS.filter(isPersonalField)).toEqual(['name', 'contact']);
  });
});

describe('person ids', () => {
  it('hand out one above the highest, skipping the ones asked for', () => {
    expect(nextPersonId(['p-0001', 'p-0007', 'walkers'])).toBe('p-0008');
    expect(nextPersonId(['p-0001'], new Set(['p-0002', 'p-0003']))).toBe('p-0004');
    expect(nextPersonId([])).toBe('p-0001');
  });
  it('suggest the nearest ids for a mistyped one, at most three', () => {
    expect(closestIds('p-00322', ['p-0022', 'p-0032', 'p-0040'])).toEqual(['p-0022', 'p-0032']);
    expect(closestIds('zzzzzz', ['p-0001'])).toEqual([]);
    expect(closestIds('p-' + '1'.repeat(70), ['p-0001'])).toEqual([]);
  });
});

describe('skills', () => {
  const people = [{ id: 'p-0001', offers: ['walk-leading', 'cooking'], wants: ['gardening'] }] as Person[];
  const initiatives = [{ id: 'a', people: { needs: [{ skill: 'befriending', count: 1 }] } }] as unknown as Initiative[];
  const known = knownSkills({ people, initiatives });
  it('known skills come from offers, wants and needs, sorted', () => {
    expect(known).toEqual(['befriending', 'cooking', 'gardening', 'walk-leading']);
  });
  it('are spelt as the portfolio spells them', () => {
    expect(canonicalSkill(' Walk leading ', known)).toBe('walk-leading');
    expect(canonicalSkill('walk_leading', known)).toBe('walk-leading');
    expect(canonicalSkill('Knitting', known)).toBe('Knitting');
  });
  it('a near miss is found for a slip, not for a different or short word', () => {
    expect(nearMissSkill('gardning', known)).toBe('gardening');
    expect(nearMissSkill('cooking', known)).toBeUndefined();
    expect(nearMissSkill('knitting', known)).toBeUndefined();
    expect(nearMissSkill('cok', known)).toBeUndefined();
  });
});

describe('wards', () => {
  it('resolve by id or label, case, spacing and punctuation forgiven', () => {
    expect(resolveWard('abbey', wards)).toBe('abbey');
    expect(resolveWard("St Mary's", wards)).toBe('st-marys');
    expect(resolveWard('castle hill', wards)).toBe('castle-hill');
    expect(resolveWard('north', wards)).toBeUndefined();
  });
  it('a flag is echoed with a suggestion; a cell is not echoed', () => {
    const flag = parseWard('abey', wards, '--ward');
    expect(flag).toEqual({ ok: false, message: '--ward "abey" is not a ward of this portfolio; did you mean "abbey"? Wards: abbey, st-marys, castle-hill', valid: ['abbey', 'st-marys', 'castle-hill'] });
    const cell = parseWard('Ann Example', wards, 'the value', false);
    expect(cell.ok).toBe(false);
    if (!cell.ok) expect(cell.message).not.toContain('Ann');
    expect(parseWard('x', { wards: [] }, '--ward')).toMatchObject({ ok: false, message: expect.stringContaining('costar.yaml lists no wards.') });
    expect(parseWard('Abbey', wards, '--ward')).toEqual({ ok: true, value: 'abbey' });
  });
});

describe('values', () => {
  it('yes and no in the forms spreadsheets use', () => {
    for (const y of ['yes', 'Y', 'true', '1', ' TRUE ']) expect(parseYesNo(y)).toEqual({ ok: true, value: true });
    for (const n of ['no', 'N', 'false', '0']) expect(parseYesNo(n)).toEqual({ ok: true, value: false });
    expect(parseYesNo('maybe')).toMatchObject({ ok: false, message: 'the value is not yes or no (true/false, yes/no, y/n, 1/0 are read)' });
  });
  it('lists split on ; , and line breaks, trimmed, once each', () => {
    expect(splitList('a; b,c\nd;a;;')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList(['x,y', 'y'])).toEqual(['x', 'y']);
    expect(splitList(undefined)).toEqual([]);
  });
  it('kinds, willingness and availability forgive case; a slip gets a suggestion and the list', () => {
    expect(parsePersonChoice('kind', 'Group')).toEqual({ ok: true, value: 'group' });
    expect(parsePersonChoice('willingness', 'MORE')).toEqual({ ok: true, value: 'more' });
    expect(parsePersonChoice('availability', 'Weekday day')).toEqual({ ok: true, value: 'weekday-day' });
    expect(parsePersonChoice('kind', 'grup')).toMatchObject({ ok: false, message: 'the value is not a kind; did you mean "group"? Kinds: individual, group, organisation' });
    expect(parsePersonChoice('willingness', 'zzzzzz')).toMatchObject({ ok: false, message: 'the value is not a willingness. Use: already, more, maybe, no' });
    expect(parsePersonChoice('availability', 'weekend', 'an item')).toMatchObject({ ok: false, message: expect.stringMatching(/^an item is not a time of availability; did you mean "weekends"\?/) });
  });
  it('headers name fields, forgiving case, spaces and singulars', () => {
    expect(headerField('Under 18')).toBe('under18');
    expect(headerField('offer')).toBe('offers');
    expect(headerField('WILLINGNESS')).toBe('willingness');
    expect(headerField('Timestamp')).toBeUndefined();
  });
  it('--map pairs: a field, an ignored column, or a problem', () => {
    expect(parseColumnMap('Home ward=ward')).toEqual({ ok: true, value: ['home ward', 'ward'] });
    expect(parseColumnMap('Timestamp=')).toEqual({ ok: true, value: ['timestamp', null] });
    expect(parseColumnMap('Timestamp=-')).toEqual({ ok: true, value: ['timestamp', null] });
    expect(parseColumnMap('nonsense')).toMatchObject({ ok: false, message: '"nonsense" is not of the form <column>=<field>' });
    expect(parseColumnMap('Home=wardd')).toMatchObject({ ok: false, message: '"Home=wardd": "wardd" is not a field of a person; did you mean "ward"?', valid: PERSON_FIELDS });
  });
});

describe('describePerson', () => {
  it('says what a record holds without a personal value', () => {
    const text = describePerson({ id: 'p-0001', kind: 'individual', name: 'Ann Example', contact: 'ann@example.org', ward: 'abbey', consent: true, willingness: 'more', under18: true, offers: ['cooking'], wants: ['gardening'], availability: ['weekends'], checks: ['dbs'] });
    expect(text).toBe('individual · abbey · consent given · willingness more · under 18 · offers cooking · wants gardening · available weekends · checks dbs · name and contact recorded');
    expect(describePerson({ id: 'p-0002' })).toBe('kind not given · no ward · no consent (never matched)');
  });
});

describe('subjectAccess', () => {
  const ini = (id: string, contributors?: string[]) => ({ id, title: `Title of ${id}`, serviceArea: 'x', status: 'idea', ...(contributors ? { people: { contributors } } : {}) }) as never;

  it('keeps the whole record (personal fields too) in the canonical order, and lists initiatives by id', () => {
    const out = subjectAccess({ offers: ['cooking'], contact: '07700 900000', name: 'A Person', id: 'p-0001', consent: true }, [ini('zeta', ['p-0001']), ini('alpha', ['p-0002', 'p-0001']), ini('beta', ['p-0002']), ini('gamma')]);
    expect(Object.keys(out.person)).toEqual(['id', 'name', 'contact', 'consent', 'offers']);
    expect(out.person.contact).toBe('07700 900000');
    expect(out.initiatives).toEqual([
      { id: 'alpha', title: 'Title of alpha', as: 'contributor' },
      { id: 'zeta', title: 'Title of zeta', as: 'contributor' },
    ]);
  });
});
