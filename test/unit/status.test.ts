import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import type { Initiative } from '../../src/core/schema.js';
import { starCoverage } from '../../src/core/star.js';
import { initiativeStatus, largestGaps, portfolioStatus } from '../../src/core/status.js';

const config = resolveConfig({
  schema: 'costar/v1',
  name: 'Test',
  organisation: 'Testshire',
  serviceAreas: [{ id: 'care' }, { id: 'housing' }, { id: 'roads' }],
  focus: {
    criteria: [
      { id: 'outcomes', axis: 'impact', weight: 2 },
      { id: 'savings', axis: 'impact', weight: 1 },
      { id: 'ease', axis: 'ease', weight: 1 },
    ],
  },
});

const complete: Initiative = {
  id: 'walks',
  title: 'Walks',
  serviceArea: 'care',
  status: 'running',
  cos: { 'co-delivery': { level: 'established' } },
  focus: { scores: { outcomes: 4, savings: 3, ease: 4 } },
  people: { contributors: ['p-1'] },
  market: {
    incentives: [{ for: 'volunteers', kind: 'non-financial', what: 'Training' }],
    charter: { serviceCommitments: ['Insure'], communityCommitments: ['Attend'] },
  },
  grow: { indicators: [{ name: 'Less isolation', kind: 'outcome', target: 60 }] },
};

describe('initiativeStatus', () => {
  it('points a bare initiative at Map it, with the gap Co it was given', () => {
    const s = initiativeStatus(config, { id: 'x', title: 'X', serviceArea: 'care', status: 'idea' }, 'co-assessment');
    expect(s.stage).toBe('map');
    expect(s.next?.command).toBe('costar set initiatives/x cos.co-assessment.level=potential');
  });

  it('names exactly the criteria still to score', () => {
    const s = initiativeStatus(config, { ...complete, focus: { scores: { savings: 3 } } });
    expect(s.stage).toBe('focus');
    expect(s.next?.command).toBe('costar focus score walks --set outcomes=… --set ease=…');
    expect(s.next?.message).toContain('outcomes, ease');
  });

  it('takes the first step not done, even when later ones are done', () => {
    const s = initiativeStatus(config, { ...complete, people: undefined });
    expect(s.stage).toBe('people');
    expect(s.steps).toEqual({ map: true, focus: true, people: false, market: true, grow: true });
  });

  it('sends an initiative with needs to matching, and one without to recording needs', () => {
    const withNeeds = initiativeStatus(config, { ...complete, people: { needs: [{ skill: 'driving' }] } });
    expect(withNeeds.next?.command).toBe('costar people match');
    const without = initiativeStatus(config, { ...complete, people: {} });
    expect(without.next?.command).toContain("costar set initiatives/walks 'people.needs+=");
    expect(without.notes[0]?.command).toBe('costar set initiatives/walks people.contributors+=…');
  });

  it('asks only for the charter commitments that are missing', () => {
    const s = initiativeStatus(config, { ...complete, market: { incentives: complete.market!.incentives, charter: { serviceCommitments: ['Insure'] } } });
    expect(s.stage).toBe('market');
    expect(s.next?.command).toBe('costar market charter walks --community-commitment …');
    expect(s.notes).toEqual([]);
  });

  it('moves a finished idea on, checks a finished running one, and lists open challenges', () => {
    const idea = initiativeStatus(config, { ...complete, status: 'pilot' });
    expect(idea.stage).toBe('done');
    expect(idea.next?.command).toBe('costar set initiatives/walks status=running');
    const running = initiativeStatus(config, {
      ...complete,
      focus: { ...complete.focus, challenges: [{ by: 'Finance', challenge: 'a', status: 'answered' }, { by: 'Public health', challenge: 'b' }] },
    });
    expect(running.next?.command).toBe('costar grow check');
    expect(running.notes.map((n) => n.command)).toEqual(['costar focus respond walks 2 --text … --status answered']);
  });

  it('has nothing to do for a stopped initiative', () => {
    const s = initiativeStatus(config, { ...complete, status: 'stopped' });
    expect(s).toMatchObject({ stage: 'stopped', next: null, notes: [] });
  });
});

describe('largestGaps', () => {
  it('puts empty cells first, then Co missing from the most areas, in manifest order', () => {
    const initiatives: Initiative[] = [
      { id: 'a', title: 'A', serviceArea: 'care', status: 'running', cos: { 'co-design': { level: 'established' }, 'co-delivery': { level: 'established' }, 'co-assessment': { level: 'emerging' } } },
      { id: 'b', title: 'B', serviceArea: 'housing', status: 'running', cos: { 'co-delivery': { level: 'established' }, 'co-assessment': { level: 'established' }, 'co-commissioning': { level: 'potential' } } },
      { id: 'c', title: 'C', serviceArea: 'roads', status: 'running', cos: { 'co-delivery': { level: 'established' }, 'co-design': { level: 'potential' }, 'co-assessment': { level: 'established' } } },
      { id: 'd', title: 'D', serviceArea: 'roads', status: 'stopped', cos: { 'co-commissioning': { level: 'established' } } },
    ];
    const { coverage } = starCoverage(config, initiatives);
    const gaps = largestGaps(config, coverage);
    expect(gaps.map((g) => `${g.co}@${g.serviceArea}:${g.potential}`)).toEqual([
      'co-commissioning@care:0',
      'co-commissioning@roads:0',
      'co-design@housing:0',
      'co-commissioning@housing:1',
      'co-design@roads:1',
    ]);
    expect(gaps[0]!.command).toBe('costar explore --co co-commissioning --area care');
  });

  it('gives the whole portfolio in id order with a coverage summary', () => {
    const st = portfolioStatus(config, [complete, { id: 'a-new', title: 'New', serviceArea: 'housing', status: 'idea' }]);
    expect(st.initiatives.map((i) => i.id)).toEqual(['a-new', 'walks']);
    // The suggested Co for the bare initiative is its area's first empty cell.
    expect(st.initiatives[0]!.next?.command).toBe('costar set initiatives/a-new cos.co-commissioning.level=potential');
    expect(st.coverage).toEqual({ cells: 12, existing: 1, potentialOnly: 0, gaps: 11, share: 1 / 12 });
  });
});

describe('the map step names the cell in the star\'s words (issue 13)', () => {
  it('calls a gap a gap, a potential-only cell "potential only", and says nothing of a practised one', () => {
    const config = { criteria: [], serviceAreas: [] } as unknown as Parameters<typeof initiativeStatus>[0];
    const i = { id: 'x', title: 'X', serviceArea: 'care', status: 'idea' } as unknown as Parameters<typeof initiativeStatus>[1];
    expect(initiativeStatus(config, i, 'co-design', 'gap').next!.message).toBe("Record which of the Four Co's it practises, or could (Co-design is a gap in its service area)");
    expect(initiativeStatus(config, i, 'co-design', 'potential-only').next!.message).toBe("Record which of the Four Co's it practises, or could (Co-design is potential only in its service area)");
    expect(initiativeStatus(config, i, 'co-delivery', 'practised').next!.message).toBe("Record which of the Four Co's it practises, or could");
  });
});
