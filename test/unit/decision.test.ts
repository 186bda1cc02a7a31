import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { growCheck } from '../../src/core/grow.js';
import type { Initiative } from '../../src/core/schema.js';
import { initiativeStatus } from '../../src/core/status.js';
import { caseDecision, documentWording, gapSentence, listWords, nextStepSentences, reportDecision, type CaseFigures, type ReportFigures } from '../../src/generate/decision.js';

const config = resolveConfig({
  schema: 'costar/v1',
  name: 'Test',
  organisation: 'Testshire Council',
  serviceAreas: [{ id: 'care' }],
  wards: [{ id: 'north', label: 'North End' }, { id: 'south', label: 'South Bank' }],
  focus: {
    criteria: [
      { id: 'outcomes', label: 'Better outcomes', axis: 'impact', weight: 2 },
      { id: 'savings', label: 'Savings, now or later', axis: 'impact', weight: 1 },
      { id: 'ease', label: 'Ease', axis: 'ease', weight: 1 },
    ],
  },
});

const complete: Initiative = {
  id: 'walks',
  title: 'Dementia walks',
  serviceArea: 'care',
  status: 'running',
  wards: ['north', 'south'],
  cos: { 'co-delivery': { level: 'established' } },
  focus: { scores: { outcomes: 4, savings: 3, ease: 4 } },
  people: { contributors: ['p-1'] },
  market: {
    incentives: [{ for: 'volunteers', kind: 'non-financial', what: 'Training' }],
    charter: { serviceCommitments: ['Insure'], communityCommitments: ['Attend'] },
  },
  grow: {
    indicators: [{ name: 'Less isolation', kind: 'outcome', baseline: 30, target: 60, coDesigned: true }],
    readings: [{ indicator: 'Less isolation', date: '2026-03-31', value: 45 }],
    review: { date: '2026-01-15', by: ['users', 'staff'] },
    councillors: [{ ward: 'north' }, { ward: 'south' }],
  },
};

function sentences(i: Initiative, asOf: string): string[] {
  const readiness = growCheck(config, [i], asOf).initiatives[0];
  return nextStepSentences(config, i, initiativeStatus(config, i), readiness, asOf);
}

describe('next steps as sentences for people', () => {
  it('names the initiative by its title and never gives a command', () => {
    const cases: Initiative[] = [
      { id: 'x', title: 'Street audit', serviceArea: 'care', status: 'idea' },
      { ...complete, focus: { scores: { ease: 3 } } },
      { ...complete, people: { needs: [{ skill: 'driving' }] } },
      { ...complete, people: {} },
      { ...complete, market: {} },
      { ...complete, grow: undefined },
      complete,
    ];
    for (const i of cases) {
      const s = sentences(i, '2026-06-30');
      expect(s.length, i.id).toBeGreaterThan(0);
      expect(s[0]).toContain(i.title);
      for (const x of s) expect(x).not.toMatch(/costar|`|…|--/);
    }
  });

  it('uses the labels of criteria and wards, not their ids', () => {
    expect(sentences({ ...complete, focus: { scores: { ease: 3 } } }, '2026-06-30')).toEqual([
      'Finish scoring Dementia walks on the impact matrix (still to score: Better outcomes; Savings, now or later)',
    ]);
    const noConnector = { ...complete, grow: { ...complete.grow!, councillors: [{ ward: 'north' }] } };
    expect(sentences(noConnector, '2026-06-30')).toEqual(['Ask a councillor to be community connector for Dementia walks in South Bank']);
  });

  it('says when the next 360-degree review is due, and when it is overdue', () => {
    expect(sentences(complete, '2026-06-30')).toEqual(['Dementia walks is ready to grow: decide how to grow it, and hold its next 360-degree review by 15 January 2027']);
    expect(sentences(complete, '2027-03-31')).toEqual(['Hold the 360-degree review of Dementia walks: it was due by 15 January 2027 and is overdue as at 31 March 2027']);
    // Overdue is flagged whatever the stage.
    const market = { ...complete, market: {} };
    expect(sentences(market, '2027-03-31').at(-1)).toBe('Hold the 360-degree review of Dementia walks: it was due by 15 January 2027 and is overdue as at 31 March 2027');
  });

  it('adds the open challenges of critical friends', () => {
    const challenged = { ...complete, focus: { ...complete.focus, challenges: [{ by: 'Finance partner', challenge: 'Too optimistic' }, { by: 'GP', challenge: 'Fine', status: 'answered' as const }] } };
    expect(sentences(challenged, '2026-06-30').at(-1)).toBe('Answer the 1 open challenge from critical friends (Finance partner)');
  });

  it('words readiness findings for documents: GOV.UK dates, wards by label', () => {
    const [walks] = growCheck(config, [{ ...complete, grow: { ...complete.grow!, councillors: [] } }], '2027-03-31').initiatives;
    const words = walks!.findings.map((f) => documentWording(config, f.message));
    expect(words).toContain('the last review was on 15 January 2026, more than 12 months before 31 March 2027; the next was due by 15 January 2027');
    expect(words).toContain('no councillor is named as community connector for South Bank');
    for (const w of words) expect(w).not.toMatch(/\d{4}-\d{2}-\d{2}|\(north\)|\(south\)/);
  });

  it('turns gaps of the star into things to do', () => {
    expect(gapSentence('co-design', 'Housing', 0)).toBe('Look for ideas from other places for co-design in Housing, where no initiative practises it or has found potential for it');
    expect(gapSentence('co-delivery', 'Housing', 2)).toBe('Turn the potential for co-delivery in Housing into practice (2 initiatives have found it)');
  });
});

describe('summary and decision sought', () => {
  const base: ReportFigures = {
    organisation: 'Testshire Council',
    currency: 'GBP',
    asOf: '2027-01-31',
    initiatives: 3,
    active: 3,
    serviceAreas: 1,
    cells: { existing: 2, of: 4, potentialOnly: 1, gaps: 1, share: 0.5 },
    scored: 2,
    unscored: ['Street audit'],
    top: { title: 'Dementia walks', quadrant: 'Quick win' },
    cases: { count: 1, withCosts: 1, pvCosts: 1000, pvBenefits: 1500, npv: 500, bcr: 1.5 },
    plan: { budget: 1000, funded: [{ title: 'Dementia walks', cost: 1000, npv: 500, bcr: 1.5, status: 'running' }], totalCost: 1000, totalNpv: 500, optimal: true, released: [], releasedCost: 0, added: [], gain: 0 },
    grow: { ready: ['Dementia walks'], notReady: [{ title: 'Time bank', findings: 2 }], overdue: [{ title: 'Time bank', due: '2026-05-20' }], growing: 2 },
    people: { text: '1', n: 1 },
    missingPlaces: 0,
    challenges: [{ title: 'Time bank', by: 'GP', challenge: 'Who pays?' }],
    largestGaps: [{ co: 'co-design', area: 'Care' }],
  };

  it('writes the report summary and decision from the figures, the same every time', () => {
    const d = reportDecision(base);
    expect(d).toEqual(reportDecision(structuredClone(base)));
    expect(d.summary[0]).toBe("Testshire Council has 3 co-production initiatives in 1 service area, 3 of them active. Citizens already co-produce in 2 of the star's 4 cells (50%); 1 cell has potential only and 1 is a gap.");
    expect(d.summary[2]).toBe('As at 31 January 2027, 1 of 2 running or scaled initiatives is ready to grow, and 1 has its 360-degree review overdue.');
    expect(d.summary[3]).toBe('The asset survey holds 1 person, group or organisation; every place the initiatives need has a contributor.');
    expect(d.asks[0]).toBe("Fund Dementia walks within today's spend of £1,000: £1,000 of costs for a net present value of £500, the highest any set of initiatives within that sum gives.");
    expect(d.asks[1]).toMatch(/^Grow Dementia walks: it passes every check of readiness to grow as at 31 January 2027/);
    expect(d.asks[2]).toBe('Hold back growing the other running or scaled initiative until its readiness gaps are closed (see "Readiness to grow"): Time bank (2 gaps).');
    expect(d.open).toEqual([
      'Time bank: GP asks — Who pays?',
      'Not yet fully scored on the impact matrix, so not ranked: Street audit.',
      'The 360-degree review of Time bank is overdue: it was due by 20 May 2026.',
      '1 gap in the star, where no initiative practises a Co or has found potential for it, among them co-design in Care.',
    ]);
  });

  it('names apart a funded initiative whose business case has no costs yet', () => {
    const d = reportDecision({ ...base, plan: { ...base.plan, funded: [...base.plan.funded, { title: 'Time bank', cost: 0, npv: 300, bcr: null, status: 'planned' }], totalNpv: 800 } });
    expect(d.asks[0]).toBe("Fund Dementia walks within today's spend of £1,000: £1,000 of costs for a net present value of £800 with Time bank, the highest any set of initiatives within that sum gives.");
    expect(d.asks[1]).toBe('Record the costs of Time bank before deciding whether to fund it: its business case has no costs yet.');
  });

  it('says so when there is nothing to decide yet', () => {
    const d = reportDecision({
      ...base,
      cases: { count: 0, withCosts: 0, pvCosts: 0, pvBenefits: 0, npv: 0, bcr: null },
      plan: { ...base.plan, funded: [], budget: 0 },
      grow: { ready: [], notReady: [], overdue: [], growing: 0 },
      challenges: [],
      unscored: [],
      cells: { ...base.cells, gaps: 0 },
    });
    expect(d.summary[2]).toBe('As at 31 January 2027, no initiative is running or scaled yet, so none is ready to grow.');
    expect(d.asks).toEqual(['No decision on funding or growth is sought yet: the initiatives have no business cases and none is running or scaled.']);
    expect(d.open).toEqual([]);
  });

  const bc: CaseFigures = {
    title: 'Time bank',
    status: 'pilot',
    serviceArea: 'Care',
    currency: 'GBP',
    asOf: '2027-01-31',
    years: 5,
    pvCosts: 1000,
    pvBenefits: 800,
    npv: -200,
    bcr: 0.8,
    bcrFiscal: 0.5,
    payback: 'not within the appraisal period',
    switchingValue: null,
    quadrant: null,
    rank: null,
    ranked: 3,
    unscored: ['Ease'],
    readiness: null,
    openChallenges: [],
    weakestGrade: 3,
  };

  it('asks for a decision the figures support in the business case', () => {
    const loss = caseDecision(bc);
    expect(loss.asks[0]).toBe('Decide whether Time bank is worth its cost: its quantified benefits fall short of its costs, a net present value of −£200 and a benefit–cost ratio of 0.80, so any case rests on benefits not valued here.');
    expect(loss.summary[1]).toBe('It is not fully scored on the impact matrix yet, so it has no rank.');
    expect(loss.open).toEqual(['Not yet scored on: Ease.']);
    const gain = caseDecision({ ...bc, pvBenefits: 1500, npv: 500, bcr: 1.5, switchingValue: 0.333, status: 'pilot' });
    expect(gain.asks).toEqual(['Fund Time bank, at £1,000 (present value), for a net present value of £500 and a benefit–cost ratio of 1.50; the case still holds if benefits fall by up to 33.3%.']);
    const none = caseDecision({ ...bc, pvCosts: 0, npv: 800, bcr: null });
    expect(none.asks[0]).toMatch(/^Record the costs of Time bank before deciding whether to fund it/);
  });
});
