import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  areaLabel,
  cellState,
  coverageNews,
  cosText,
  defaultLevel,
  describeChanges,
  diffOps,
  draftOf as coreDraftOf,
  idFromTitle,
  parseArea,
  parseCo,
  parseCoLevel,
  parseNewId,
  parseStatus,
  parseTitle,
  parseWard,
  toRecord,
  uniqueId,
  withDraft,
  type Draft,
} from '../../src/core/map.js';
import type { CoverageCell } from '../../src/core/star.js';
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

describe('draftOf', () => {
  it('copies an initiative into a draft that changes nothing, and shares no lists with it', () => {
    const d = coreDraftOf(orig);
    expect(d).toEqual(draftOf(orig));
    expect(diffOps(orig, d)).toEqual([]);
    d.wards.push('south');
    d.cos['co-design']!.level = 'established';
    expect(orig.wards).toEqual(['north']);
    expect(orig.cos?.['co-design']?.level).toBe('emerging');
  });
});

describe('toRecord', () => {
  it('writes a how only when there is one, and keeps wards and summary in the SPEC order', () => {
    const rec = toRecord({ id: 'x', title: 'X', serviceArea: 'care', status: 'pilot', wards: ['north'], summary: 'S', cos: { 'co-design': { level: 'emerging', how: '' } } });
    expect(Object.keys(rec)).toEqual(['id', 'title', 'serviceArea', 'status', 'wards', 'summary', 'cos']);
    expect(rec.cos).toEqual({ 'co-design': { level: 'emerging' } });
    expect(toRecord({ id: 'x', title: 'X', serviceArea: 'care', status: 'idea', wards: [], summary: '', cos: {} })).toEqual({ id: 'x', title: 'X', serviceArea: 'care', status: 'idea' });
  });
});

describe('withDraft', () => {
  const other = { id: 'other', title: 'Other', serviceArea: 'care', status: 'idea' } as Initiative;
  it('adds a new initiative, or puts a changed one in its place (removed Co\'s included)', () => {
    const fresh: Draft = { id: 'new', title: 'New', serviceArea: 'care', status: 'idea', wards: [], cos: { 'co-design': { level: 'potential' } } };
    expect(withDraft([other], fresh).map((i) => i.id)).toEqual(['other', 'new']);
    const d = draftOf(orig);
    d.cos = {};
    const out = withDraft([other, orig], d);
    expect(out.map((i) => i.id)).toEqual(['other', 'walks']);
    expect(out[1]!.cos).toBeUndefined();
  });
});

describe('defaultLevel', () => {
  it('offers potential before an initiative starts, emerging in a pilot, established once running', () => {
    expect(defaultLevel('idea')).toBe('potential');
    expect(defaultLevel('planned')).toBe('potential');
    expect(defaultLevel('pilot')).toBe('emerging');
    for (const s of ['running', 'scaled', 'stopped'] as const) expect(defaultLevel(s)).toBe('established');
  });
});

describe('idFromTitle', () => {
  it('slugs the title and makes it unique, never a device name', () => {
    expect(idFromTitle('Supported Walks!', new Set())).toBe('supported-walks');
    expect(idFromTitle('Supported walks', new Set(['supported-walks']))).toBe('supported-walks-2');
    expect(idFromTitle('PRN', new Set())).toBe('prn-2');
  });
});

describe('gap wording', () => {
  const cell = (co: CoverageCell['co'], existing: number, potential: number): CoverageCell => ({ serviceArea: 'care', co, existing, potential }) as CoverageCell;
  const config = { serviceAreas: [{ id: 'care', label: 'Adult social care' }] } as Parameters<typeof areaLabel>[0];

  it('names an empty cell a gap, and potential alone "potential only" (one meaning of gap)', () => {
    expect(cellState(cell('co-design', 0, 0))).toEqual({ gap: true });
    expect(cellState(cell('co-design', 0, 2))).toEqual({ gap: false, existing: 0, potential: 2, potentialOnly: true });
    expect(cellState(cell('co-design', 1, 0))).toEqual({ gap: false, existing: 1, potential: 0, potentialOnly: false });
    expect(cellState(cell('co-design', 1, 3))).toEqual({ gap: false, existing: 1, potential: 3, potentialOnly: false });
  });

  it('says which gaps a change closed, found potential for, or opened again', () => {
    const before = [cell('co-commissioning', 0, 0), cell('co-design', 0, 0), cell('co-delivery', 1, 0), cell('co-assessment', 0, 1)];
    const after = [cell('co-commissioning', 1, 0), cell('co-design', 0, 1), cell('co-delivery', 0, 0), cell('co-assessment', 0, 1)];
    expect(coverageNews(config, before, after, 'care')).toEqual([
      'Co-commissioning in adult social care is no longer a gap: it is practised now.',
      'Co-design in adult social care is no longer a gap: it is potential only now.',
      'Co-delivery in adult social care is a gap again.',
    ]);
    // A potential-only cell was never a gap: practising it is not "no longer a gap".
    const started = coverageNews(config, [cell('co-assessment', 0, 1)], [cell('co-assessment', 1, 0)], 'care');
    expect(started).toEqual(['Co-assessment in adult social care is practised now (it was potential only).']);
    expect(started.join(' ')).not.toMatch(/gap/);
    expect(coverageNews(config, [cell('co-assessment', 0, 1)], [cell('co-assessment', 0, 2)], 'care')).toEqual([]);
    expect(coverageNews(config, [cell('co-assessment', 1, 0)], [cell('co-assessment', 0, 1)], 'care')).toEqual(['Co-assessment in adult social care is potential only now: no initiative practises it.']);
    expect(coverageNews(config, [cell('co-assessment', 0, 1)], [cell('co-assessment', 0, 0)], 'care')).toEqual(['Co-assessment in adult social care is a gap again.']);
    expect(coverageNews(config, before, before, 'care')).toEqual([]);
    expect(areaLabel(config, 'housing')).toBe('housing');
  });

  it('lists a draft\'s Co\'s with their levels', () => {
    expect(cosText({})).toBe("no Co's yet");
    expect(cosText({ 'co-delivery': { level: 'potential' }, 'co-design': { level: 'emerging' } })).toBe('co-design (emerging), co-delivery (potential)');
  });
});

describe('map value parsers', () => {
  const config = { serviceAreas: [{ id: 'care', label: 'Care' }], wards: [{ id: 'north', label: 'North' }] } as never;

  it('accepts the vocabulary and suggests a near miss', () => {
    expect(parseStatus('pilot')).toEqual({ ok: true, value: 'pilot' });
    expect(parseStatus('runing')).toMatchObject({ ok: false, message: '"runing" is not a status; did you mean "running"?' });
    expect(parseCo('co-design')).toEqual({ ok: true, value: 'co-design' });
    expect(parseCo('co-desing', 'co-desing=emerging')).toMatchObject({ ok: false, message: '"co-desing=emerging": "co-desing" is not one of the Four Co\'s; did you mean "co-design"?' });
    expect(parseCoLevel('emerging')).toEqual({ ok: true, value: 'emerging' });
    const bad = parseCoLevel('high');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.valid).toEqual(['potential', 'emerging', 'established']);
  });

  it('checks areas and wards against the portfolio', () => {
    expect(parseArea('care', config)).toEqual({ ok: true, value: 'care' });
    expect(parseArea('cars', config)).toMatchObject({ ok: false, valid: ['care'] });
    expect(parseWard('north', config)).toEqual({ ok: true, value: 'north' });
    expect(parseWard('north', { wards: [] })).toEqual({ ok: false, message: '"north": this portfolio lists no wards in costar.yaml' });
  });

  it('refuses an empty title and an id that cannot be a file name', () => {
    expect(parseTitle('  Walks ')).toEqual({ ok: true, value: 'Walks' });
    expect(parseTitle('  ')).toEqual({ ok: false, message: 'is empty: give the initiative a title' });
    expect(parseNewId('walks-2')).toEqual({ ok: true, value: 'walks-2' });
    expect(parseNewId('Not An Id')).toEqual({ ok: false, message: '"Not An Id" is not a valid id' });
    const prn = parseNewId('prn');
    expect(prn.ok).toBe(false);
    if (!prn.ok) expect(prn.message).toMatch(/^"prn" is a name Windows reserves/);
  });
});
