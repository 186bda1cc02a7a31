import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { GROW_CODES, addMonths, closerToTarget, futureDated, growCheck, hrNotes, indicatorProgress, initiativeFindings, latestReview, nextReviewDue, reviewsOf, shellArg } from '../../src/core/grow.js';
import type { Initiative } from '../../src/core/schema.js';

const config = resolveConfig({
  schema: 'costar/v1',
  name: 'Test',
  organisation: 'Test Council',
  serviceAreas: [{ id: 'care' }],
  wards: ['north', { id: 'st-marys', label: "St Mary's" }],
});

/** A running initiative that passes every check as of 2027-01-15. */
function ready(over: Partial<Initiative> = {}): Initiative {
  return {
    id: 'walks',
    title: 'Walks',
    serviceArea: 'care',
    status: 'running',
    wards: ['north'],
    grow: {
      indicators: [
        { name: 'Less isolated', kind: 'outcome', unit: '%', baseline: 40, target: 60, coDesigned: true },
        { name: 'Walks held', kind: 'process', target: 40 },
      ],
      readings: [{ indicator: 'Less isolated', date: '2026-12-31', value: 48 }],
      review: { date: '2026-06-01', by: ['users', 'staff'] },
      councillors: [{ ward: 'north', role: 'community connector' }],
    },
    ...over,
  };
}

function withGrow(grow: NonNullable<Initiative['grow']>, over: Partial<Initiative> = {}): Initiative {
  return ready({ grow: { ...ready().grow, ...grow }, ...over });
}

const AS_OF = '2027-01-15';
const codes = (i: Initiative, asOf = AS_OF) => initiativeFindings(config, i, asOf).map((f) => f.code);

describe('growCheck', () => {
  it('finds nothing for a ready initiative, and says ready', () => {
    expect(growCheck(config, [ready()], AS_OF)).toEqual({
      asOf: AS_OF,
      initiatives: [{ id: 'walks', title: 'Walks', status: 'running', ready: true, findings: [] }],
    });
  });

  it('checks only running and scaled initiatives, sorted by id', () => {
    const list = (['idea', 'planned', 'pilot', 'running', 'scaled', 'stopped'] as const).map((status) => ready({ id: `z-${status}`, status, grow: undefined }));
    const res = growCheck(config, [...list].reverse(), AS_OF);
    expect(res.initiatives.map((i) => i.id)).toEqual(['z-running', 'z-scaled']);
    expect(res.initiatives.every((i) => !i.ready)).toBe(true);
  });

  it('gives every finding a code, a message and a costar fix command', () => {
    const res = growCheck(config, [ready({ status: 'scaled', grow: undefined, wards: ['north', 'st-marys'] })], AS_OF);
    const f = res.initiatives[0]!.findings;
    expect(f.map((x) => x.code)).toEqual(['no-outcome-indicator', 'no-co-designed-indicator', 'no-review', 'no-competencies', 'no-councillor-connector', 'no-councillor-connector']);
    for (const x of f) {
      expect(Object.keys(GROW_CODES)).toContain(x.code);
      expect(x.message.length).toBeGreaterThan(10);
      expect(x.fix).toMatch(/^costar /);
    }
    expect(f[4]!.message).toContain('north');
    expect(f[5]!.message).toContain("St Mary's (st-marys)");
  });
});

describe('outcome indicator with a target', () => {
  it('process indicators alone are not enough', () => {
    const i = withGrow({ indicators: [{ name: 'Walks held', kind: 'process', target: 40, coDesigned: true }], readings: [] });
    const f = initiativeFindings(config, i, AS_OF);
    expect(f.map((x) => x.code)).toEqual(['no-outcome-indicator']);
    expect(f[0]!.message).toContain('only process indicators');
    expect(f[0]!.fix).toBe('costar grow add-indicator walks --name … --kind outcome --baseline … --target … --co-designed');
  });

  it('an outcome indicator without a target is not enough; the fix sets its target', () => {
    const i = withGrow({ indicators: [{ name: 'Walks held', kind: 'process', target: 4 }, { name: 'Less isolated', kind: 'outcome', coDesigned: true }], readings: [] });
    const f = initiativeFindings(config, i, AS_OF);
    expect(f.map((x) => x.code)).toEqual(['no-outcome-indicator']);
    expect(f[0]!.message).toContain('has no target');
    expect(f[0]!.fix).toBe('costar set initiatives/walks grow.indicators.1.target=…');
  });

  it('no indicators at all', () => {
    expect(codes(withGrow({ indicators: [], readings: [] }))).toEqual(['no-outcome-indicator', 'no-co-designed-indicator']);
  });
});

describe('co-designed indicator', () => {
  it('any indicator co-designed counts, process ones too', () => {
    const i = withGrow({
      indicators: [
        { name: 'Less isolated', kind: 'outcome', baseline: 40, target: 60 },
        { name: 'Walks held', kind: 'process', coDesigned: true },
      ],
    });
    expect(codes(i)).toEqual([]);
  });
  it('coDesigned false or absent is a finding', () => {
    const i = withGrow({ indicators: [{ name: 'Less isolated', kind: 'outcome', baseline: 40, target: 60, coDesigned: false }] });
    expect(codes(i)).toEqual(['no-co-designed-indicator']);
  });
});

describe('360-degree review', () => {
  it('no review recorded', () => {
    const i = withGrow({ review: undefined });
    const f = initiativeFindings(config, i, AS_OF);
    expect(f.map((x) => x.code)).toEqual(['no-review']);
    expect(f[0]!.fix).toBe('costar grow review walks --date … --by users,staff');
  });

  it('exactly 12 months before the as-of date still counts; a day more is overdue', () => {
    const i = withGrow({ review: { date: '2026-01-15', by: ['users', 'staff'] } });
    expect(codes(i, '2027-01-15')).toEqual([]);
    expect(codes(i, '2027-01-16')).toEqual(['review-overdue']);
    const one = withGrow({ review: { date: '2026-01-14', by: ['users', 'staff'] } });
    expect(codes(one, '2027-01-15')).toEqual(['review-overdue']);
  });

  it('a review on the as-of date counts; one after it had not happened yet', () => {
    expect(codes(withGrow({ review: { date: AS_OF, by: ['users', 'staff'] } }))).toEqual([]);
    expect(codes(withGrow({ review: { date: '2027-01-16', by: ['users', 'staff'] } }))).toEqual(['review-after-as-of']);
  });

  it('29 February: the next review is due on 28 February', () => {
    // The reading is dated before the as-of dates too: a later one would not count yet.
    const i = withGrow({ review: { date: '2024-02-29', by: ['users', 'staff'] }, readings: [{ indicator: 'Less isolated', date: '2024-12-31', value: 48 }] });
    expect(codes(i, '2025-02-28')).toEqual([]);
    expect(codes(i, '2025-03-01')).toEqual(['review-overdue']);
  });

  it('users and staff must both take part', () => {
    const staffOnly = initiativeFindings(config, withGrow({ review: { date: '2026-06-01', by: ['staff', 'partners'] } }), AS_OF);
    expect(staffOnly.map((f) => f.code)).toEqual(['review-not-360']);
    expect(staffOnly[0]!.message).toContain('heard only staff, partners');
    expect(staffOnly[0]!.message).toContain('users too');
    expect(staffOnly[0]!.fix).toBe('costar grow review walks --date … --by users,staff,partners');
    expect(codes(withGrow({ review: { date: '2026-06-01', by: ['users'] } }))).toEqual(['review-not-360']);
    expect(codes(withGrow({ review: { date: '2026-06-01' } }))).toEqual(['review-not-360']);
    expect(codes(withGrow({ review: { date: '2026-06-01', by: ['councillors', 'users', 'staff'] } }))).toEqual([]);
  });

  it('an old staff-only review gives both findings', () => {
    expect(codes(withGrow({ review: { date: '2025-05-20', by: ['staff'] } }))).toEqual(['review-overdue', 'review-not-360']);
  });
  it('the history: grow.reviews and the v1 review together, oldest first; the newest counts', () => {
    const i = withGrow({
      review: { date: '2026-03-01', by: ['staff'] },
      reviews: [
        { date: '2026-09-01', by: ['users', 'staff'] },
        { date: '2025-12-01', by: ['users'] },
      ],
    });
    expect(reviewsOf(i).map((r) => r.date)).toEqual(['2025-12-01', '2026-03-01', '2026-09-01']);
    expect(latestReview(i)).toEqual({ date: '2026-09-01', by: ['users', 'staff'] });
    expect(codes(i)).toEqual([]);
    // The v1 review is the newest: it counts, staff only.
    const v1Newest = withGrow({ review: { date: '2026-10-01', by: ['staff'] }, reviews: [{ date: '2026-09-01', by: ['users', 'staff'] }] });
    expect(initiativeFindings(config, v1Newest, AS_OF).map((f) => f.message)).toEqual(['the last review (2026-10-01) heard only staff; a 360-degree review hears users too']);
    // Only reviews: the v1 field absent.
    expect(codes(withGrow({ review: undefined, reviews: [{ date: '2026-06-01', by: ['users', 'staff'] }] }))).toEqual([]);
    expect(latestReview(withGrow({ review: undefined }))).toBeNull();
  });

  it('a review after the as-of date does not count; the newest one before it does', () => {
    const planned = withGrow({ reviews: [{ date: '2027-06-01', by: ['staff'] }] });
    expect(latestReview(planned)!.date).toBe('2027-06-01');
    expect(latestReview(planned, AS_OF)!.date).toBe('2026-06-01');
    expect(codes(planned)).toEqual([]);
    const allLater = withGrow({ review: { date: '2027-02-01', by: ['users', 'staff'] }, reviews: [{ date: '2027-06-01', by: ['users', 'staff'] }] });
    const f = initiativeFindings(config, allLater, AS_OF);
    expect(f.map((x) => x.code)).toEqual(['review-after-as-of']);
    expect(f[0]!.message).toBe('all 2 reviews (the first on 2027-02-01) are dated after 2027-01-15, so as of then no review had taken place');
    expect(initiativeFindings(config, withGrow({ review: { date: '2027-02-01', by: ['users'] } }), AS_OF)[0]!.message).toBe(
      'the only review (2027-02-01) is dated after 2027-01-15, so as of then no review had taken place',
    );
  });

  it('a reading after the as-of date does not count: it had not been taken yet', () => {
    const i = withGrow({ readings: [{ indicator: 'Less isolated', date: '2026-12-31', value: 48 }, { indicator: 'Less isolated', date: '2028-01-01', value: 30 }] });
    expect(codes(i)).toEqual([]);
    expect(indicatorProgress(i, i.grow!.indicators![0]!, AS_OF).latest).toEqual({ date: '2026-12-31', value: 48 });
    expect(indicatorProgress(i, i.grow!.indicators![0]!).latest).toEqual({ date: '2028-01-01', value: 30 });
    expect(codes(i, '2028-01-01')).toEqual(['review-overdue', 'not-improving']);
    // Only a future reading: as if there were none.
    expect(codes(withGrow({ readings: [{ indicator: 'Less isolated', date: '2028-01-01', value: 59 }] }))).toEqual(['no-readings']);
  });

  it('futureDated lists readings and reviews after the as-of date, with their paths', () => {
    const i = withGrow({ readings: [{ indicator: 'Less isolated', date: '2027-02-01', value: 50 }, { indicator: 'Less isolated', date: '2026-12-31', value: 48 }], reviews: [{ date: '2027-01-16', by: ['users'] }] });
    expect(futureDated(i, AS_OF)).toEqual([
      { path: ['grow', 'readings', 0, 'date'], what: 'reading', date: '2027-02-01' },
      { path: ['grow', 'reviews', 0, 'date'], what: 'review', date: '2027-01-16' },
    ]);
    expect(futureDated(i, '2027-02-01')).toEqual([]);
  });
});

describe('readings of outcome indicators', () => {
  const ind = (over: Record<string, unknown> = {}) => [{ name: 'Less isolated', kind: 'outcome' as const, unit: '%', baseline: 40, target: 60, coDesigned: true, ...over }];
  const r = (date: string, value: number) => ({ indicator: 'Less isolated', date, value });

  it('closer to the target than the baseline is fine', () => {
    expect(codes(withGrow({ indicators: ind(), readings: [r('2026-10-01', 41)] }))).toEqual([]);
  });

  it('the same distance as the baseline is not closer', () => {
    const f = initiativeFindings(config, withGrow({ indicators: ind(), readings: [r('2026-10-01', 40)] }), AS_OF);
    expect(f.map((x) => x.code)).toEqual(['not-improving']);
    expect(f[0]!.message).toContain('no closer to its target 60% than its baseline 40%');
    expect(f[0]!.fix).toBe("costar grow reading walks --indicator 'Less isolated' --date … --value …");
  });

  it('equal distance on the far side of the target counts as meeting it', () => {
    // 80 is as far from 60 as 40 is, but it has passed the target.
    expect(codes(withGrow({ indicators: ind(), readings: [r('2026-10-01', 80)] }))).toEqual([]);
  });

  it('a target below the baseline: lower is better', () => {
    const down = ind({ baseline: 34, target: 20 });
    expect(codes(withGrow({ indicators: down, readings: [r('2026-10-01', 30)] }))).toEqual([]);
    expect(codes(withGrow({ indicators: down, readings: [r('2026-10-01', 15)] }))).toEqual([]);
    const f = initiativeFindings(config, withGrow({ indicators: down, readings: [r('2026-02-28', 33), r('2026-10-31', 39)] }), AS_OF);
    expect(f.map((x) => x.code)).toEqual(['not-improving']);
    expect(f[0]!.message).toContain('further from its target 20% than its baseline 34%: latest reading 39% on 2026-10-31');
  });

  it('judges the latest reading by date, not by file order', () => {
    const i = withGrow({ indicators: ind(), readings: [r('2026-12-01', 55), r('2026-06-01', 30)] });
    expect(codes(i)).toEqual([]);
    const j = withGrow({ indicators: ind(), readings: [r('2026-06-01', 55), r('2026-12-01', 30)] });
    expect(codes(j)).toEqual(['not-improving']);
  });

  it('no readings: a finding, since readiness needs evidence', () => {
    const f = initiativeFindings(config, withGrow({ indicators: ind(), readings: [] }), AS_OF);
    expect(f.map((x) => x.code)).toEqual(['no-readings']);
    expect(f[0]!.message).toContain('"Less isolated" has no readings yet');
  });

  it('no baseline: judged against the first reading; a single reading is not enough', () => {
    const nb = ind({ baseline: undefined });
    expect(codes(withGrow({ indicators: nb, readings: [r('2026-06-01', 45)] }))).toEqual(['single-reading']);
    expect(codes(withGrow({ indicators: nb, readings: [r('2026-06-01', 45), r('2026-12-01', 50)] }))).toEqual([]);
    expect(codes(withGrow({ indicators: nb, readings: [r('2026-06-01', 45), r('2026-12-01', 45)] }))).toEqual(['not-improving']);
    const f = initiativeFindings(config, withGrow({ indicators: nb, readings: [r('2026-06-01', 45), r('2026-12-01', 44)] }), AS_OF);
    expect(f[0]!.message).toContain('than its first reading 45%');
  });

  it('with a baseline, one reading is judged against it', () => {
    expect(codes(withGrow({ indicators: ind(), readings: [r('2026-06-01', 45)] }))).toEqual([]);
  });

  it('checks every outcome indicator with a target, in file order; process indicators and untargeted ones are not judged', () => {
    const i = withGrow({
      indicators: [
        { name: 'A', kind: 'outcome', baseline: 1, target: 5, coDesigned: true },
        { name: 'B', kind: 'outcome', baseline: 1 },
        { name: 'C', kind: 'process', baseline: 10, target: 20 },
        { name: 'D', kind: 'outcome', baseline: 10, target: 5 },
      ],
      readings: [
        { indicator: 'C', date: '2026-01-01', value: 5 },
        { indicator: 'D', date: '2026-01-01', value: 12 },
      ],
    });
    const f = initiativeFindings(config, i, AS_OF);
    expect(f.map((x) => [x.code, x.message.slice(0, 21)])).toEqual([
      ['no-readings', 'outcome indicator "A"'],
      ['not-improving', 'outcome indicator "D"'],
    ]);
  });
});

describe('competencies and councillors', () => {
  it('scaled initiatives must name competencies; running ones need not', () => {
    expect(codes(ready({ status: 'scaled' }))).toEqual(['no-competencies']);
    expect(codes(ready({ status: 'running' }))).toEqual([]);
    expect(codes(withGrow({ competencies: ['community-catalyst'] }, { status: 'scaled' }))).toEqual([]);
    expect(codes(withGrow({ competencies: [] }, { status: 'scaled' }))).toEqual(['no-competencies']);
  });

  it('one finding per ward without a councillor, in ward order; no wards, no finding', () => {
    const i = withGrow({ councillors: [{ ward: 'north' }] }, { wards: ['st-marys', 'north', 'east'] });
    const f = initiativeFindings(config, i, AS_OF);
    expect(f.map((x) => x.code)).toEqual(['no-councillor-connector', 'no-councillor-connector']);
    expect(f[0]!.fix).toBe("costar set initiatives/walks 'grow.councillors+={ ward: st-marys, role: community connector }'");
    expect(f[1]!.message).toContain('(east)');
    expect(codes(withGrow({ councillors: [] }, { wards: undefined }))).toEqual([]);
    // A councillor for a ward it does not work in does not cover another ward.
    expect(codes(withGrow({ councillors: [{ ward: 'st-marys' }] }))).toEqual(['no-councillor-connector']);
  });
});

describe('indicatorProgress', () => {
  const base: Initiative = ready();
  const mk = (ind: any, readings: Array<[string, number]>) =>
    indicatorProgress({ ...base, grow: { indicators: [ind], readings: readings.map(([date, value]) => ({ indicator: ind.name, date, value })) } }, ind);

  it('trend compares the latest reading with the one before (or the baseline)', () => {
    const ind = { name: 'X', kind: 'outcome', baseline: 40, target: 60 };
    expect(mk(ind, []).trend).toBe('no readings');
    expect(mk(ind, [['2026-01-01', 45]]).trend).toBe('improving');
    expect(mk(ind, [['2026-01-01', 45], ['2026-06-01', 44]]).trend).toBe('worsening');
    expect(mk(ind, [['2026-01-01', 45], ['2026-06-01', 45]]).trend).toBe('flat');
    expect(mk({ ...ind, baseline: undefined }, [['2026-01-01', 45]]).trend).toBe('one reading');
    expect(mk({ name: 'Y', kind: 'process' }, [['2026-01-01', 5], ['2026-02-01', 7]]).trend).toBe('rising');
    expect(mk({ name: 'Y', kind: 'process', baseline: 9 }, [['2026-01-01', 5]]).trend).toBe('falling');
  });

  it('progress is the share of the way from the reference to the target', () => {
    const p = mk({ name: 'X', kind: 'outcome', baseline: 40, target: 60 }, [['2026-01-01', 45], ['2026-06-01', 52]]);
    expect(p.progress).toBeCloseTo(0.6);
    expect(p.latest).toEqual({ date: '2026-06-01', value: 52 });
    expect(p.onTrack).toBe(true);
    expect(mk({ name: 'X', kind: 'outcome', target: 60 }, []).progress).toBeNull();
  });
});

describe('helpers', () => {
  it('addMonths clamps to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(nextReviewDue('2026-10-08')).toBe('2027-10-08');
  });
  it('closerToTarget', () => {
    expect(closerToTarget(50, 40, 60)).toBe(true);
    expect(closerToTarget(40, 40, 60)).toBe(false);
    expect(closerToTarget(60, 60, 60)).toBe(true);
    expect(closerToTarget(61, 60, 60)).toBe(false);
  });
  it('shellArg quotes only when needed', () => {
    expect(shellArg('walks')).toBe('walks');
    expect(shellArg("Carers' break")).toBe("'Carers'\\'' break'");
  });
  it('hrNotes', () => {
    expect(hrNotes(ready())[0]).toContain('No competencies');
    expect(hrNotes(withGrow({ competencies: ['x'] }))[0]).toContain('job descriptions');
  });
});
