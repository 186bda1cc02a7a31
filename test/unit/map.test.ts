import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeChanges, diffOps, toRecord, type Draft } from '../../src/core/map.js';
import { uniqueId } from '../../src/cli/check-values.js';
import type { Initiative } from '../../src/core/schema.js';
import { editText } from '../../src/store/edit.js';

const TEXT = `# Hand-written header: keep me
id: walks
title: Supported walks   # the short name
serviceArea: care
status: idea
wards: [north]
summary: Volunteers walk with people living with dementia.
cos:
  co-design: { level: emerging, how: "Walkers chose the routes" }  # agreed in March
  co-delivery: { level: potential }

# Scores come later.
`;

const orig = parse(TEXT) as Initiative;
const draftOf = (i: Initiative): Draft => ({
  id: i.id,
  title: i.title,
  serviceArea: i.serviceArea,
  status: i.status,
  wards: [...(i.wards ?? [])],
  summary: i.summary,
  cos: structuredClone(i.cos ?? {}),
});

describe('map update: diffOps', () => {
  it('produces no operations when nothing changed', () => {
    expect(diffOps(orig, draftOf(orig))).toEqual([]);
  });

  it('changes only what changed, keeping every comment', () => {
    const d = draftOf(orig);
    d.status = 'pilot';
    d.cos['co-design'] = { level: 'established', how: 'Walkers chose the routes' };
    delete d.cos['co-delivery'];
    d.cos['co-assessment'] = { level: 'potential', how: 'Walkers rate each season' };
    d.wards = ['north', 'south'];
    const ops = diffOps(orig, d);
    const out = editText(TEXT, orig, ops);
    expect(parse(out)).toEqual(toRecord(d));
    for (const comment of ['# Hand-written header: keep me', '# the short name', '# agreed in March', '# Scores come later.']) expect(out).toContain(comment);
    expect(describeChanges(orig, d)).toEqual([
      'status: idea → pilot',
      'wards: north, south',
      'co-design: emerging → established',
      'co-delivery: removed',
      'co-assessment: added (potential)',
    ]);
  });

  it('removes a summary, a how and the whole cos block when emptied', () => {
    const d = draftOf(orig);
    d.summary = undefined;
    d.cos = {};
    const out = parse(editText(TEXT, orig, diffOps(orig, d)));
    expect(out.summary).toBeUndefined();
    expect(out.cos).toBeUndefined();
    const d2 = draftOf(orig);
    d2.cos['co-design'] = { level: 'emerging' };
    expect(parse(editText(TEXT, orig, diffOps(orig, d2))).cos['co-design']).toEqual({ level: 'emerging' });
  });
});

describe('toRecord', () => {
  it('keeps the SPEC key order and leaves out empty fields', () => {
    const rec = toRecord({ id: 'x', title: 'X', serviceArea: 'care', status: 'idea', wards: [], cos: { 'co-delivery': { level: 'potential' }, 'co-commissioning': { level: 'emerging', how: 'Panel' } } });
    expect(Object.keys(rec)).toEqual(['id', 'title', 'serviceArea', 'status', 'cos']);
    expect(Object.keys(rec.cos as object)).toEqual(['co-commissioning', 'co-delivery']);
  });
});

describe('uniqueId', () => {
  it('adds -2, -3 … and stays within 64 characters', () => {
    expect(uniqueId('walks', new Set())).toBe('walks');
    expect(uniqueId('walks', new Set(['walks', 'walks-2']))).toBe('walks-3');
    const long = 'a'.repeat(64);
    const id = uniqueId(long, new Set([long]));
    expect(id).toBe(`${'a'.repeat(62)}-2`);
  });
});
