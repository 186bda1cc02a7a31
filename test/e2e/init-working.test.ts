/** `costar init` unattended makes a portfolio that works: explore, people add and validate --fail-on warning. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const AREAS = ['Adult social care', "Children's services", 'housing', 'Parks and green spaces', 'Libraries', 'Community safety', 'Public health', 'waste:Waste and recycling'];

describe('costar init makes a working portfolio', () => {
  it('takes labels, wards and a start year unattended; explore, people add and validate work on it', async () => {
    const dir = join(tempDir(), 'eastshire');
    const r = await costarIn(['init', dir, '--name', 'Eastshire portfolio', '--organisation', 'Eastshire Council', ...AREAS.flatMap((a) => ['--area', a]), '--ward', 'North ward', '--ward', "St Mary's", '--ward', 'south', '--start-year', '2027/28']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/with 8 service areas and 3 wards; year 0 is 2027\/28/);
    expect(r.stderr).toContain('adult-social-care: tags social-care, older-people, disability');
    expect(r.stderr).toContain('waste: tags environment');
    const m = parse(readFileSync(join(dir, 'costar.yaml'), 'utf8'));
    expect(m.serviceAreas.map((a: { id: string }) => a.id)).toEqual(['adult-social-care', 'childrens-services', 'housing', 'parks-and-green-spaces', 'libraries', 'community-safety', 'public-health', 'waste']);
    expect(m.serviceAreas[1]).toEqual({ id: 'childrens-services', label: "Children's services", tags: ['children', 'young-people'] });
    expect(m.serviceAreas[7].label).toBe('Waste and recycling');
    // a label that labelFromId gives back is written as the id alone
    expect(m.wards).toEqual(['north-ward', { id: 'st-marys', label: "St Mary's" }, 'south']);
    expect(m.appraisal.startYear).toBe(2027);
    for (const a of m.serviceAreas) {
      const e = await costarIn(['explore', '-C', dir, '--area', a.id, '--json']);
      expect(e.code, a.id).toBe(0);
      expect(JSON.parse(e.stdout).length, a.id).toBeGreaterThan(0);
    }
    const p = await costarIn(['people', 'add', '-C', dir, '--ward', 'north-ward', '--willingness', 'maybe']);
    expect(p.code).toBe(0);
    expect(p.stdout.trim()).toBe('p-0001');
    expect((await costarIn(['validate', dir, '--fail-on', 'warning'])).code).toBe(0);
  });

  it('defaults the start year to the financial year that contains today', async () => {
    const dir = join(tempDir(), 'westshire');
    expect((await costarIn(['init', dir, '--name', 'W', '--organisation', 'Westshire Council', '--area', 'Housing'])).code).toBe(0);
    const now = new Date();
    const fy = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    expect(parse(readFileSync(join(dir, 'costar.yaml'), 'utf8')).appraisal.startYear).toBe(fy);
    expect((await costarIn(['validate', dir, '--fail-on', 'warning'])).code).toBe(0);
  });

  it.each([
    ['an empty area label', ['--area', '  ']],
    ['a duplicate area', ['--area', 'Housing', '--area', 'housing']],
    ['a duplicate ward', ['--area', 'housing', '--ward', 'North', '--ward', 'north']],
    ['an empty ward', ['--area', 'housing', '--ward', '']],
    ['a bad start year', ['--area', 'housing', '--start-year', '2026/28']],
  ])('refuses %s: exit 2, nothing written', async (_what, flags) => {
    const dir = join(tempDir(), 'bad');
    const r = await costarIn(['init', dir, '--name', 'x', '--organisation', 'y', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is empty|given twice|not a financial year/);
    expect(existsSync(dir)).toBe(false);
  });
});
