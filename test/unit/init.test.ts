import { describe, expect, it } from 'vitest';
import { filterCases, mergeCases } from '../../src/core/explore.js';
import { financialYearOf, idFromLabel, parseIdLabelList, parseIdOrLabel, parseStartYear, tagsFor } from '../../src/core/init.js';
import { CASES } from '../../src/data/cases.js';

describe('ids from labels', () => {
  it('derives an id and keeps the label', () => {
    expect(parseIdOrLabel('Adult social care', '--area')).toEqual({ ok: true, value: { id: 'adult-social-care', label: 'Adult social care' } });
    expect(parseIdOrLabel("Children's services", '--area')).toEqual({ ok: true, value: { id: 'childrens-services', label: "Children's services" } });
    expect(idFromLabel('Parks & green spaces')).toBe('parks-and-green-spaces');
    expect(idFromLabel('  Café — culture  ')).toBe('cafe-culture');
    expect(idFromLabel('x'.repeat(80))).toHaveLength(64);
  });
  it('keeps ids and id:label as they were', () => {
    expect(parseIdOrLabel('housing', '--area')).toEqual({ ok: true, value: { id: 'housing', label: 'Housing' } });
    expect(parseIdOrLabel('housing:Housing and tenancy', '--area')).toEqual({ ok: true, value: { id: 'housing', label: 'Housing and tenancy' } });
    // a colon inside a label whose first part is not an id: all of it is the label
    expect(parseIdOrLabel('Housing: tenancy', '--area')).toEqual({ ok: true, value: { id: 'housing-tenancy', label: 'Housing: tenancy' } });
  });
  it('refuses empty labels, labels with no letters or digits, and duplicates', () => {
    expect(parseIdOrLabel('  ', '--area')).toMatchObject({ ok: false, message: expect.stringMatching(/--area is empty/) });
    expect(parseIdOrLabel('£££', '--ward')).toMatchObject({ ok: false, message: expect.stringMatching(/gives no id/) });
    expect(parseIdLabelList('Housing, housing', 'service area')).toMatchObject({ ok: false, message: 'service area housing is given twice' });
    expect(parseIdLabelList(' , ', 'service area')).toMatchObject({ ok: false });
    expect(parseIdLabelList('', 'ward', { min: 0 })).toEqual({ ok: true, value: [] });
    expect(parseIdLabelList('North, South ward', 'ward', { min: 0 })).toEqual({ ok: true, value: [{ id: 'north', label: 'North' }, { id: 'south-ward', label: 'South ward' }] });
  });
});

describe('area tags from the case library vocabulary', () => {
  const common: Array<[string, string, string[]]> = [
    ['adult-social-care', 'Adult social care', ['social-care', 'older-people', 'disability']],
    ['childrens-services', "Children's services", ['children', 'young-people']],
    ['housing', 'Housing', ['housing']],
    ['parks-and-green-spaces', 'Parks and green spaces', ['environment']],
    ['libraries', 'Libraries', ['education', 'digital-inclusion']],
    ['community-safety', 'Community safety', ['community-safety']],
    ['public-health', 'Public health', ['health', 'public-health']],
    ['waste', 'Waste', ['environment']],
  ];
  it.each(common)('%s gets tags that find case studies', (id, label, tags) => {
    expect(tagsFor({ id, label })).toEqual(tags);
    // from the id alone (the label derived) too
    expect(tagsFor({ id, label: id })).toEqual(tags);
    const found = filterCases(mergeCases(CASES, []), { tags: tagsFor({ id, label }) });
    expect(found.length).toBeGreaterThan(0);
  });
  it('leaves an area no tag fits without tags, and matches from the label when the id says nothing', () => {
    expect(tagsFor({ id: 'xyz', label: 'Xyz' })).toEqual([]);
    expect(tagsFor({ id: 'asc', label: 'Adult social care' })).toEqual(['social-care', 'older-people', 'disability']);
  });
});

describe('start year', () => {
  it('defaults to the financial year (April to March) that contains the date', () => {
    expect(financialYearOf(new Date('2027-03-31T12:00:00Z'))).toBe(2026);
    expect(financialYearOf(new Date('2027-04-01T12:00:00Z'))).toBe(2027);
    expect(financialYearOf(new Date('2026-12-02T01:00:00Z'))).toBe(2026);
    expect(financialYearOf(new Date('2027-01-15T00:00:00Z'))).toBe(2026);
  });
  it('reads 2026 and 2026/27, and refuses the rest', () => {
    expect(parseStartYear('2026')).toEqual({ ok: true, value: 2026 });
    expect(parseStartYear('2026/27')).toEqual({ ok: true, value: 2026 });
    expect(parseStartYear('2099/2100')).toEqual({ ok: true, value: 2099 });
    expect(parseStartYear('2026/28').ok).toBe(false);
    expect(parseStartYear('next year').ok).toBe(false);
    expect(parseStartYear('1800').ok).toBe(false);
  });
});
