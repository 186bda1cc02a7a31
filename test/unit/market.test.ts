import { describe, expect, it } from 'vitest';
import {
  charterOps,
  countAdditions,
  emptyAdditions,
  incentiveOp,
  marketNext,
  parseCharterItem,
  parseMenuId,
  parseReview,
  parseWhat,
  sameIncentive,
  withAdditions,
  hasIncentive,
  incentiveCosts,
  marketGaps,
  newCharterItems,
  parseCost,
  parseGroup,
  parseKind,
  parseLevel,
  parseRisk,
  riskContext,
  riskReasons,
  STAKEHOLDER_LABELS,
} from '../../src/core/market.js';
import type { Initiative, Person } from '../../src/core/schema.js';
import { STAKEHOLDERS } from '../../src/core/vocab.js';
import { RISK_LIBRARY, suggestRisks } from '../../src/data/risks.js';
import { INCENTIVE_MENU } from '../../src/data/incentives.js';

const base: Initiative = { id: 'walks', title: 'Walks', serviceArea: 'adult-social-care', status: 'running' };
const people: Person[] = [
  { id: 'p-1', consent: true, under18: true },
  { id: 'p-2', consent: true },
];

describe('riskContext', () => {
  it('is all false for a bare initiative', () => {
    expect(riskContext(base, people)).toEqual({ needsDbs: false, hasPeople: false, under18: false, volunteers: false, financialIncentives: false, cos: [] });
  });

  it('reads needs, contributors, incentives and Co\'s', () => {
    const i: Initiative = {
      ...base,
      cos: { 'co-delivery': { level: 'potential' }, 'co-assessment': { level: 'established' } },
      people: { needs: [{ skill: 'walk-leading', requires: ['first-aid', 'DBS'] }], contributors: ['p-1'] },
      market: { incentives: [{ for: 'volunteers', kind: 'financial', what: 'Expenses' }] },
    };
    expect(riskContext(i, people)).toEqual({ needsDbs: true, hasPeople: true, under18: true, volunteers: true, financialIncentives: true, cos: ['co-assessment', 'co-delivery'] });
  });

  it('counts needs alone as people, and only contributors for under-18s', () => {
    const needsOnly: Initiative = { ...base, people: { needs: [{ skill: 'driving' }] } };
    expect(riskContext(needsOnly, people)).toMatchObject({ hasPeople: true, under18: false, needsDbs: false });
    const adult: Initiative = { ...base, people: { contributors: ['p-2', 'p-unknown'] } };
    expect(riskContext(adult, new Map(people.map((p) => [p.id, p])))).toMatchObject({ hasPeople: true, under18: false });
  });

  it('makes the risk library offer safeguarding for DBS needs and data protection for people', () => {
    const i: Initiative = { ...base, people: { needs: [{ skill: 'walk-leading', requires: ['dbs'] }], contributors: ['p-2'] } };
    const ids = suggestRisks(riskContext(i, people)).map((r) => r.id);
    expect(ids).toContain('safeguarding-checks');
    expect(ids).toContain('data-protection');
    expect(ids).not.toContain('children-young-people');
  });
});

describe('riskReasons', () => {
  const ctx = { needsDbs: true, hasPeople: false, under18: false, volunteers: false, financialIncentives: false, cos: ['co-delivery'] };
  it('names the facts that made a risk fit', () => {
    const r = RISK_LIBRARY.find((x) => x.id === 'safeguarding-checks')!;
    expect(riskReasons(r, ctx)).toEqual(['a need asks for a DBS check']);
  });
  it('says "every initiative" for general risks', () => {
    const general = RISK_LIBRARY.find((x) => x.triggers.length === 1 && x.triggers[0] === 'always')!;
    expect(riskReasons(general, ctx)).toEqual(['it applies to every initiative']);
  });
});

describe('parsing values', () => {
  it('parses costs as plain numbers >= 0', () => {
    expect(parseCost('300')).toEqual({ ok: true, value: 300 });
    expect(parseCost(' 12.5 ')).toEqual({ ok: true, value: 12.5 });
    expect(parseCost('0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['-3', '£300', '1,80', 'abc', '', '1e3', 'NaN', '$300']) expect(parseCost(bad).ok, bad).toBe(false);
    expect(parseCost('1,800')).toEqual({ ok: true, value: 1800 });
    expect(parseCost('£1,800.50', 'GBP')).toEqual({ ok: true, value: 1800.5 });
    expect(parseCost('€300', 'GBP').ok).toBe(false);
  });

  it('suggests near misses for groups, kinds and levels and lists the valid values', () => {
    const g = parseGroup('voluntears');
    expect(g.ok).toBe(false);
    if (!g.ok) {
      expect(g.message).toContain('did you mean "volunteers"?');
      expect(g.valid).toEqual(STAKEHOLDERS);
    }
    expect(parseKind('non-financial')).toEqual({ ok: true, value: 'non-financial' });
    expect(parseKind('nonfinancial').ok).toBe(false);
    expect(parseLevel('High')).toEqual({ ok: true, value: 'high' });
    const l = parseLevel('hgih');
    expect(l.ok || l.message).toContain('did you mean "high"?');
  });

  it('parses a risk of five parts, and of fewer', () => {
    expect(parseRisk('A walker is injured|low|high|Public-liability cover|council')).toEqual({
      ok: true,
      value: { risk: 'A walker is injured', likelihood: 'low', impact: 'high', mitigation: 'Public-liability cover', owner: 'council' },
    });
    expect(parseRisk(' Burnout | MEDIUM ')).toEqual({ ok: true, value: { risk: 'Burnout', likelihood: 'medium' } });
    expect(parseRisk('Burnout||high||coordinator')).toEqual({ ok: true, value: { risk: 'Burnout', impact: 'high', owner: 'coordinator' } });
  });

  it('refuses a risk with a bad level, no risk text, or too many parts', () => {
    const bad = parseRisk('x|sometimes|low');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.message).toMatch(/^likelihood "sometimes" is not low, medium or high/);
      expect(bad.valid).toEqual(['low', 'medium', 'high']);
    }
    const imp = parseRisk('x|low|hgih');
    expect(imp.ok || imp.message).toMatch(/^impact "hgih" .*did you mean "high"/);
    expect(parseRisk('|low|high').ok).toBe(false);
    expect(parseRisk('a|low|low|b|c|d').ok).toBe(false);
  });
});

describe('charter additions', () => {
  const charter = { parties: ['Midshire Council'], serviceCommitments: ['Insure volunteers'], risks: [{ risk: 'A walker is injured' }], review: '2027-06-30' };

  it('leaves out what the charter already holds and repeats, ignoring case and spaces', () => {
    const add = emptyAdditions();
    add.parties.push('midshire  council', 'Walking Friends', 'walking friends');
    add.communityCommitments.push('Attend the briefing');
    add.risks.push({ risk: 'a walker is INJURED' }, { risk: 'Burnout', likelihood: 'high' });
    add.review = '2027-06-30';
    const { added, repeated } = newCharterItems(charter, add);
    expect(added).toEqual({
      parties: ['Walking Friends'],
      sharedOutcomes: [],
      serviceCommitments: [],
      communityCommitments: ['Attend the briefing'],
      risks: [{ risk: 'Burnout', likelihood: 'high' }],
    });
    expect(repeated).toEqual(['party "midshire  council"', 'party "walking friends"', 'risk "a walker is INJURED"']);
    expect(countAdditions(added)).toBe(3);
  });

  it('keeps a new review date and works without a charter', () => {
    const add = emptyAdditions();
    add.review = '2028-01-31';
    expect(newCharterItems(charter, add).added.review).toBe('2028-01-31');
    add.parties.push('A');
    expect(newCharterItems(undefined, add).added).toMatchObject({ parties: ['A'], review: '2028-01-31' });
    expect(countAdditions(add)).toBe(2);
  });
});

describe('market step', () => {
  it('needs an incentive and a commitment from each side (SPEC 5)', () => {
    expect(marketGaps(base)).toEqual(['incentive', 'service-commitment', 'community-commitment']);
    const full: Initiative = {
      ...base,
      market: { incentives: [{ for: 'carers', kind: 'non-financial', what: 'Thanks' }], charter: { serviceCommitments: ['a'], communityCommitments: ['b'] } },
    };
    expect(marketGaps(full)).toEqual([]);
    expect(marketGaps({ ...full, market: { ...full.market, charter: { serviceCommitments: ['a'] } } })).toEqual(['community-commitment']);
  });

  it('recognises an incentive already offered', () => {
    const i: Initiative = { ...base, market: { incentives: [{ for: 'carers', kind: 'non-financial', what: 'A thank-you event', cost: 50 }] } };
    expect(hasIncentive(i, { for: 'carers', kind: 'non-financial', what: 'a thank-you  event' })).toBe(true);
    expect(hasIncentive(i, { for: 'volunteers', kind: 'non-financial', what: 'A thank-you event' })).toBe(false);
  });

  it('totals incentive costs and counts the uncosted', () => {
    expect(incentiveCosts([{ cost: 300 }, {}, { cost: 0 }, { cost: 12.5 }])).toEqual({ total: 312.5, uncosted: 1 });
    expect(incentiveCosts([])).toEqual({ total: 0, uncosted: 0 });
  });

  it('labels every stakeholder group', () => {
    for (const g of STAKEHOLDERS) expect(STAKEHOLDER_LABELS[g]).toMatch(/^[A-Z]/);
  });
});

describe('market value parsers (flags and prompts)', () => {
  it('finds a menu entry by id, suggesting a near miss', () => {
    expect(parseMenuId('volunteers-accredited-training', INCENTIVE_MENU)).toMatchObject({ ok: true, value: { id: 'volunteers-accredited-training' } });
    expect(parseMenuId('volunteers-acredited-training', INCENTIVE_MENU)).toEqual({
      ok: false,
      message: '"volunteers-acredited-training" is not on the incentive menu; did you mean "volunteers-accredited-training"?',
    });
    expect(parseMenuId('zzzzzzzzzzzz', INCENTIVE_MENU)).toEqual({ ok: false, message: '"zzzzzzzzzzzz" is not on the incentive menu' });
  });

  it('refuses empty texts and trims the others', () => {
    expect(parseWhat('  Tools ')).toEqual({ ok: true, value: 'Tools' });
    expect(parseWhat(' ')).toEqual({ ok: false, message: 'is empty: say what the incentive is' });
    expect(parseCharterItem(' Midshire Council ', 'parties')).toEqual({ ok: true, value: 'Midshire Council' });
    expect(parseCharterItem('', 'serviceCommitments')).toEqual({ ok: false, message: 'is empty: give the service commitment as text' });
  });

  it('takes a review date only when it is a real date', () => {
    expect(parseReview(' 2027-06-30 ')).toEqual({ ok: true, value: '2027-06-30' });
    expect(parseReview('2027-02-30')).toEqual({ ok: false, message: '"2027-02-30" is not a real date; give the review date: write it as 2027-06-30 or 30/06/2027 (day/month/year)' });
    expect(parseReview('30/06/2027')).toEqual({ ok: true, value: '2027-06-30' });
    expect(parseReview('31/02/2027').ok).toBe(false);
    expect(parseReview('06/30/2027').ok).toBe(false);
  });
});

describe('market writes', () => {
  it('appends an incentive in the SPEC key order, whatever order it was built in', () => {
    const op = incentiveOp({ cost: 5, what: 'Tools', kind: 'financial', for: 'volunteers' } as never);
    expect(op).toEqual({ op: 'append', path: ['market', 'incentives'], value: { for: 'volunteers', kind: 'financial', what: 'Tools', cost: 5 } });
    expect(Object.keys((op as { value: object }).value)).toEqual(['for', 'kind', 'what', 'cost']);
  });

  it('turns charter additions into appends, risks in key order, and a review date into a set', () => {
    const add = emptyAdditions();
    add.parties.push('Council');
    add.communityCommitments.push('Attend briefings');
    add.risks.push({ owner: 'council', risk: 'Injury', impact: 'high', likelihood: 'low' } as never);
    add.review = '2027-06-30';
    const ops = charterOps(add);
    expect(ops.map((o) => [o.op, o.path.join('.')])).toEqual([
      ['append', 'market.charter.parties'],
      ['append', 'market.charter.communityCommitments'],
      ['append', 'market.charter.risks'],
      ['set', 'market.charter.review'],
    ]);
    expect(Object.keys((ops[2] as { value: object }).value)).toEqual(['risk', 'likelihood', 'impact', 'owner']);
    expect(charterOps(emptyAdditions())).toEqual([]);
  });

  it('sees the initiative as it will be after the additions', () => {
    const add = emptyAdditions();
    add.serviceCommitments.push('Insure volunteers');
    add.review = '2027-06-30';
    const i: Initiative = { ...base, market: { charter: { parties: ['Council'], review: '2026-01-01' } } };
    const after = withAdditions(i, [{ for: 'carers', kind: 'non-financial', what: 'Thanks' }], add);
    expect(after.market?.incentives).toHaveLength(1);
    expect(after.market?.charter?.parties).toEqual(['Council']);
    expect(after.market?.charter?.serviceCommitments).toEqual(['Insure volunteers']);
    expect(after.market?.charter?.review).toBe('2027-06-30');
    expect(marketGaps(after)).toEqual(['community-commitment']);
    expect(i.market?.charter?.serviceCommitments).toBeUndefined();
  });

  it('says what to do next for the step', () => {
    expect(marketNext(base)).toEqual({ gaps: ['incentive', 'service-commitment', 'community-commitment'], command: 'costar market menu, then costar market add-incentive walks --from-menu <menu id>' });
    const withIncentive: Initiative = { ...base, market: { incentives: [{ for: 'carers', kind: 'non-financial', what: 'Thanks' }], charter: { serviceCommitments: ['a'] } } };
    expect(marketNext(withIncentive).command).toBe('costar market charter walks --community-commitment "…"');
    const full: Initiative = { ...withIncentive, market: { ...withIncentive.market, charter: { serviceCommitments: ['a'], communityCommitments: ['b'] } } };
    expect(marketNext(full)).toEqual({ gaps: [], command: 'costar generate charter walks --format html, then costar grow — indicators to show it works' });
  });

  it('counts the same incentive once, ignoring case and spacing', () => {
    expect(sameIncentive({ for: 'carers', kind: 'financial', what: 'A  Voucher' }, { for: 'carers', kind: 'financial', what: 'a voucher', cost: 5 })).toBe(true);
    expect(sameIncentive({ for: 'carers', kind: 'financial', what: 'A voucher' }, { for: 'carers', kind: 'deterrent', what: 'A voucher' })).toBe(false);
  });
});
