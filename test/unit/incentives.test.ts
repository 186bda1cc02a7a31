import { describe, it, expect } from 'vitest';
import { COST_BANDS, COST_BAND_LABELS, INCENTIVE_MENU, menuFor } from '../../src/data/incentives.js';
import { ID_PATTERN, INCENTIVE_KINDS, STAKEHOLDERS } from '../../src/core/vocab.js';

describe('incentive menu', () => {
  it('has at least 36 incentives', () => {
    expect(INCENTIVE_MENU.length).toBeGreaterThanOrEqual(36);
  });

  it('has unique ids that match ID_PATTERN', () => {
    const ids = INCENTIVE_MENU.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(ID_PATTERN);
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('uses only known stakeholders, kinds and cost bands', () => {
    for (const i of INCENTIVE_MENU) {
      expect(STAKEHOLDERS, i.id).toContain(i.for);
      expect(INCENTIVE_KINDS, i.id).toContain(i.kind);
      expect(COST_BANDS, i.id).toContain(i.costBand);
    }
  });

  it('gives every stakeholder at least 3 incentives including a non-financial one', () => {
    for (const group of STAKEHOLDERS) {
      const rows = INCENTIVE_MENU.filter((i) => i.for === group);
      expect(rows.length, group).toBeGreaterThanOrEqual(3);
      expect(rows.some((i) => i.kind === 'non-financial'), group).toBe(true);
    }
  });

  it('covers every kind, with at least 5 deterrents', () => {
    for (const kind of INCENTIVE_KINDS) {
      expect(INCENTIVE_MENU.some((i) => i.kind === kind), kind).toBe(true);
    }
    expect(INCENTIVE_MENU.filter((i) => i.kind === 'deterrent').length).toBeGreaterThanOrEqual(5);
  });

  it('labels every cost band in words, and only the known bands', () => {
    expect(Object.keys(COST_BAND_LABELS).sort()).toEqual([...COST_BANDS].sort());
    for (const band of COST_BANDS) expect(COST_BAND_LABELS[band].trim().length).toBeGreaterThan(0);
    expect(COST_BAND_LABELS.none).toMatch(/no direct cost/i);
    expect(COST_BAND_LABELS.low).toContain('£');
  });

  it('has a short what and a one-or-two-sentence example on every entry', () => {
    for (const i of INCENTIVE_MENU) {
      expect(i.what.trim().length, i.id).toBeGreaterThan(5);
      expect(i.what.length, i.id).toBeLessThanOrEqual(90);
      expect(i.what, i.id).not.toMatch(/\.$/);
      expect(i.example.trim(), i.id).toMatch(/[.!?]$/);
      const sentences = i.example.split(/(?<=[.!?])\s+(?=[A-Z])/).length;
      expect(sentences, i.id).toBeGreaterThanOrEqual(1);
      expect(sentences, i.id).toBeLessThanOrEqual(2);
    }
  });

  it('has no duplicated what within a group', () => {
    const keys = INCENTIVE_MENU.map((i) => `${i.for}|${i.what.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is ordered by stakeholder then kind, so output is stable', () => {
    const rank = (i: (typeof INCENTIVE_MENU)[number]) =>
      STAKEHOLDERS.indexOf(i.for) * 10 + INCENTIVE_KINDS.indexOf(i.kind);
    const ranks = INCENTIVE_MENU.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('has exactly the market menu --json keys on each entry', () => {
    for (const i of INCENTIVE_MENU) {
      expect(Object.keys(i).sort()).toEqual(['costBand', 'example', 'for', 'id', 'kind', 'what']);
    }
  });

  it('menuFor filters by group and returns everything without one', () => {
    expect(menuFor()).toEqual([...INCENTIVE_MENU]);
    const carers = menuFor('carers');
    expect(carers.length).toBeGreaterThanOrEqual(3);
    expect(carers.every((i) => i.for === 'carers')).toBe(true);
  });
});
