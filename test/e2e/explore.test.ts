import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CASES } from '../../src/data/cases.js';
import { copyFixture, costar, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const KEYS = ['id', 'title', 'place', 'country', 'year', 'areas', 'cos', 'roles', 'mode', 'summary', 'results', 'source'];

interface Card {
  id: string;
  areas: string[];
  cos: string[];
  title: string;
  summary: string;
}

describe('costar explore', () => {
  it('lists the whole built-in library without a portfolio, in the SPEC 7 shape', async () => {
    const dir = tempDir();
    const r = (await costarIn(['explore', '--json'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const list = JSON.parse(r.stdout) as Card[];
    expect(list.length).toBe(CASES.length);
    expect(list.map((c) => c.id).sort()).toEqual(CASES.map((c) => c.id).sort());
    for (const c of list) expect(Object.keys(c)).toEqual(KEYS);
    const one = CASES[0]!;
    expect(list.find((c) => c.id === one.id)).toEqual({ ...one });
  });

  it('filters by Co, by area tag and by words', async () => {
    const dir = tempDir();
    const byCo = JSON.parse((await costarIn(['explore', '--json', '--co', 'co-assessment'], { cwd: dir })).stdout) as Card[];
    expect(byCo.map((c) => c.id).sort()).toEqual(CASES.filter((c) => c.cos.includes('co-assessment')).map((c) => c.id).sort());
    const byArea = JSON.parse((await costarIn(['explore', '--json', '--area', 'housing'], { cwd: dir })).stdout) as Card[];
    expect(byArea.length).toBeGreaterThan(0);
    expect(byArea.map((c) => c.id).sort()).toEqual(CASES.filter((c) => c.areas.includes('housing')).map((c) => c.id).sort());
    const both = JSON.parse((await costarIn(['explore', '--json', '--area', 'housing', '--co', 'co-assessment'], { cwd: dir })).stdout) as Card[];
    expect(both.every((c) => c.areas.includes('housing') && c.cos.includes('co-assessment'))).toBe(true);
    // A word taken from one case's title finds that case.
    const target = CASES.find((c) => c.id === 'lambeth-living-well') ?? CASES[0]!;
    const word = target.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    const found = JSON.parse((await costarIn(['explore', '--json', '--search', word.toUpperCase()], { cwd: dir })).stdout) as Card[];
    expect(found.map((c) => c.id)).toContain(target.id);
    for (const c of found) expect(JSON.stringify(c).toLowerCase()).toContain(word.toLowerCase());
    const none = (await costarIn(['explore', '--search', 'zzqqxx-nothing'], { cwd: dir }));
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('0 case studies');
    expect(none.stderr).toContain('Nothing matched');
  });

  it('merges the portfolio cases and reads a service area as its tags', async () => {
    const dir = copyFixture('demo');
    const local = readdirSync(join(dir, 'cases')).map((f) => parse(readFileSync(join(dir, 'cases', f), 'utf8')));
    const all = JSON.parse((await costarIn(['explore', '--json'], { cwd: dir })).stdout) as Card[];
    expect(all.length).toBe(CASES.length + local.length);
    expect(all.slice(0, local.length).map((c) => c.id)).toEqual(local.map((c) => c.id).sort());
    const manifest = parse(readFileSync(join(dir, 'costar.yaml'), 'utf8'));
    const area = manifest.serviceAreas.find((a: { id: string }) => a.id === 'neighbourhoods');
    const byArea = JSON.parse((await costarIn(['explore', '--json', '--area', 'neighbourhoods'], { cwd: dir })).stdout) as Card[];
    expect(byArea.length).toBeGreaterThan(0);
    for (const c of byArea) expect(c.areas.some((t) => area.tags.includes(t))).toBe(true);
    expect(byArea.map((c) => c.id)).toContain('oakfield-street-audit');
  });

  it('leaves out a local case with errors, with a note', async () => {
    const dir = copyFixture('demo');
    writeFileSync(join(dir, 'cases', 'broken.yaml'), 'id: broken\ntitle: Broken\nareas: [nowhere]\ncos: [co-design]\nsummary: x\n');
    const r = (await costarIn(['explore'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('[broken]');
    expect(r.stderr).toContain('cases/broken.yaml');
  });

  it('shows readable cards and what to do next', async () => {
    const r = (await costarIn(['explore', '--co', 'co-commissioning', '--area', 'mental-health'], { cwd: tempDir() }));
    expect(r.code).toBe(0);
    const expected = CASES.filter((c) => c.cos.includes('co-commissioning') && c.areas.includes('mental-health'));
    expect(r.stdout).toContain(`${expected.length} case ${expected.length === 1 ? 'study' : 'studies'}`);
    for (const c of expected) {
      expect(r.stdout).toContain(c.title);
      expect(r.stdout).toContain(c.source);
    }
    expect(r.stderr).toContain('Next:');
  });

  it('exits 2 on an unknown Co or area, listing the valid values', async () => {
    const co = (await costarIn(['explore', '--co', 'co-desing'], { cwd: tempDir() }));
    expect(co.code).toBe(2);
    expect(co.stderr).toContain('did you mean "co-design"');
    expect(co.stderr).toContain('co-commissioning, co-design, co-delivery, co-assessment');
    const area = (await costarIn(['explore', '--area', 'housin'], { cwd: copyFixture('demo') }));
    expect(area.code).toBe(2);
    expect(area.stderr).toContain('social-care');
    expect(area.stderr).toContain('adult-social-care');
  });
});
