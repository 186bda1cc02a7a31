import { describe, it, expect } from 'vitest';
import { RISK_LIBRARY, RISK_TRIGGERS, suggestRisks, toCharterRisk, type RiskContext } from '../../src/data/risks.js';
import { ID_PATTERN, RISK_LEVELS } from '../../src/core/vocab.js';

const NONE: RiskContext = {
  needsDbs: false,
  hasPeople: false,
  under18: false,
  volunteers: false,
  financialIncentives: false,
  cos: [],
};

const byId = (id: string) => {
  const r = RISK_LIBRARY.find((x) => x.id === id);
  if (!r) throw new Error(`no risk ${id}`);
  return r;
};

describe('risk library', () => {
  it('has at least 12 risks with unique valid ids and unique texts', () => {
    expect(RISK_LIBRARY.length).toBeGreaterThanOrEqual(12);
    const ids = RISK_LIBRARY.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    const texts = RISK_LIBRARY.map((r) => r.risk.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('uses valid levels, known triggers and non-empty fields', () => {
    for (const r of RISK_LIBRARY) {
      expect(RISK_LEVELS, r.id).toContain(r.likelihood);
      expect(RISK_LEVELS, r.id).toContain(r.impact);
      for (const f of [r.risk, r.mitigation, r.owner, r.why]) expect(f.trim().length, r.id).toBeGreaterThan(0);
      expect(r.triggers.length, r.id).toBeGreaterThan(0);
      for (const t of r.triggers) expect(RISK_TRIGGERS, r.id).toContain(t);
      expect(new Set(r.triggers).size, r.id).toBe(r.triggers.length);
    }
  });

  it('covers the common co-production risks', () => {
    const text = RISK_LIBRARY.map((r) => `${r.risk} ${r.mitigation}`).join(' ').toLowerCase();
    for (const word of ['insurance', 'dbs', 'young people', 'gdpr', 'alone', 'benefits', 'risk assessment', 'burn', 'conflict of interest', 'seldom-heard', 'trust', 'funding', 'premises']) {
      expect(text, word).toContain(word);
    }
  });

  it('has some always-on risks and at least one risk for every specific trigger', () => {
    for (const t of RISK_TRIGGERS) {
      expect(RISK_LIBRARY.some((r) => r.triggers.includes(t)), t).toBe(true);
    }
  });

  it('toCharterRisk gives exactly the charter register fields', () => {
    const row = toCharterRisk(byId('volunteer-insurance'));
    expect(Object.keys(row).sort()).toEqual(['impact', 'likelihood', 'mitigation', 'owner', 'risk']);
  });
});

describe('suggestRisks', () => {
  const always = RISK_LIBRARY.filter((r) => r.triggers.includes('always'));

  it('offers only the always risks when nothing else applies', () => {
    expect(suggestRisks(NONE).map((r) => r.id)).toEqual(always.map((r) => r.id));
  });

  it('puts the safeguarding risk first, ahead of always risks, when DBS checks are needed', () => {
    const out = suggestRisks({ ...NONE, needsDbs: true });
    const ids = out.map((r) => r.id);
    expect(ids[0]).toBe('safeguarding-checks');
    const firstAlways = ids.findIndex((id) => always.some((a) => a.id === id));
    expect(ids.indexOf('safeguarding-checks')).toBeLessThan(firstAlways);
  });

  it('keeps safeguarding ahead of always risks in a busy context too', () => {
    const ids = suggestRisks({
      needsDbs: true,
      hasPeople: true,
      under18: false,
      volunteers: true,
      financialIncentives: true,
      cos: ['co-design', 'co-delivery', 'co-assessment'],
    }).map((r) => r.id);
    const firstAlways = Math.min(...always.map((a) => ids.indexOf(a.id)));
    expect(ids.indexOf('safeguarding-checks')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('safeguarding-checks')).toBeLessThan(firstAlways);
  });

  it('includes the data protection risk when people are involved, not otherwise', () => {
    expect(suggestRisks({ ...NONE, hasPeople: true }).map((r) => r.id)).toContain('data-protection');
    expect(suggestRisks(NONE).map((r) => r.id)).not.toContain('data-protection');
  });

  it('matches Co triggers from cos, and under-18 contributors bring both child risks', () => {
    expect(suggestRisks({ ...NONE, cos: ['co-commissioning'] }).map((r) => r.id)).toContain('conflict-of-interest');
    expect(suggestRisks({ ...NONE, cos: ['co-design'] }).map((r) => r.id)).toEqual(always.map((r) => r.id));
    const u18 = suggestRisks({ ...NONE, under18: true }).map((r) => r.id);
    expect(u18.slice(0, 2).sort()).toEqual(['children-young-people', 'safeguarding-checks']);
    expect(suggestRisks({ ...NONE, financialIncentives: true })[0]?.id).toBe('benefits-and-payments');
  });

  it('ranks risks with more matching triggers first', () => {
    const ids = suggestRisks({ ...NONE, volunteers: true, cos: ['co-delivery'] }).map((r) => r.id);
    // insurance matches both triggers; lone working only co-delivery
    expect(ids.indexOf('volunteer-insurance')).toBeLessThan(ids.indexOf('lone-working'));
  });

  it('filters out risks already in the register, ignoring case and spacing', () => {
    const safeguarding = byId('safeguarding-checks').risk;
    const out = suggestRisks({ ...NONE, needsDbs: true }, [`  ${safeguarding.toUpperCase()} `]);
    expect(out.map((r) => r.id)).not.toContain('safeguarding-checks');
    const tokenism = byId('tokenism').risk;
    expect(suggestRisks(NONE, [tokenism]).map((r) => r.id)).not.toContain('tokenism');
    expect(suggestRisks(NONE, ['Something unrelated']).length).toBe(always.length);
  });

  it('is deterministic and never repeats a risk', () => {
    const everything: RiskContext = {
      needsDbs: true,
      hasPeople: true,
      under18: true,
      volunteers: true,
      financialIncentives: true,
      cos: ['co-commissioning', 'co-design', 'co-delivery', 'co-assessment'],
    };
    const a = suggestRisks(everything).map((r) => r.id);
    const b = suggestRisks({ ...everything, cos: [...everything.cos].reverse() }).map((r) => r.id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    expect(a.length).toBe(RISK_LIBRARY.length);
  });

  it('does not change the library', () => {
    const before = JSON.stringify(RISK_LIBRARY);
    suggestRisks({ ...NONE, needsDbs: true, cos: ['co-delivery'] });
    expect(JSON.stringify(RISK_LIBRARY)).toBe(before);
  });
});
