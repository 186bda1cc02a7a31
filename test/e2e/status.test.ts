import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, costar } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const STEPS = ['map', 'focus', 'people', 'market', 'grow'] as const;

describe('costar status', () => {
  it('gives every initiative its stage and a next command that matches its files', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['status', '--json'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const st = JSON.parse(r.stdout);
    const star = JSON.parse((await costarIn(['star', '--json'], { cwd: dir })).stdout);
    const files = readdirSync(join(dir, 'initiatives')).map((f) => parse(readFileSync(join(dir, 'initiatives', f), 'utf8')));
    expect(st.initiatives.map((i: { id: string }) => i.id)).toEqual(files.map((f) => f.id).sort());
    for (const i of st.initiatives) {
      const row = star.steps.find((s: { initiative: string }) => s.initiative === i.id);
      for (const s of STEPS) expect(i.steps[s], `${i.id} ${s}`).toBe(row[s]);
      const file = files.find((f) => f.id === i.id);
      if (file.status === 'stopped') {
        expect(i.stage).toBe('stopped');
        expect(i.next).toBeNull();
        continue;
      }
      const firstMissing = STEPS.find((s) => !row[s]);
      expect(i.stage).toBe(firstMissing ?? 'done');
      expect(i.next.command).toMatch(/^costar /);
      if (firstMissing === 'focus') {
        // Exactly the unscored criteria of the (default) configuration.
        const all = ['user-outcomes', 'community-outcomes', 'efficiency', 'resilience', 'governance', 'ease', 'readiness'];
        const missing = all.filter((c) => typeof file.focus?.scores?.[c] !== 'number');
        expect(i.next.command).toBe(`costar focus score ${i.id} ${missing.map((c) => `--set ${c}=…`).join(' ')}`);
      }
    }
  });

  it('lists the largest gaps, empty cells first, each with an explore command', async () => {
    const dir = copyFixture('demo');
    const st = JSON.parse((await costarIn(['status', '--json'], { cwd: dir })).stdout);
    const star = JSON.parse((await costarIn(['star', '--json'], { cwd: dir })).stdout);
    const empty = star.coverage.filter((c: { existing: number }) => c.existing === 0);
    expect(st.gaps.length).toBe(empty.length);
    const firstPotential = st.gaps.findIndex((g: { potential: number }) => g.potential > 0);
    expect(st.gaps.slice(firstPotential).every((g: { potential: number }) => g.potential > 0)).toBe(true);
    for (const g of st.gaps) expect(g.command).toBe(`costar explore --co ${g.co} --area ${g.serviceArea}`);
  });

  it('prints the journey and the next command for people, ending with what to do next', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['status'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Biggest gaps in the star');
    expect(r.stdout).toMatch(/mens-shed\s+map ✔ · focus next/);
    expect(r.stdout).toContain('costar focus score mens-shed');
    expect(r.stderr).toMatch(/^Next: costar /m);
  });

  it('never shows personal data from the asset survey', async () => {
    const dir = copyFixture('demo');
    const people = readdirSync(join(dir, 'people')).map((f) => parse(readFileSync(join(dir, 'people', f), 'utf8')));
    const personal = people.flatMap((p) => [p.name, p.contact]).filter((x): x is string => typeof x === 'string' && x.length > 3);
    expect(personal.length).toBeGreaterThan(0);
    const outputs = [
      (await costarIn(['status'], { cwd: dir })),
      (await costarIn(['status', '--json'], { cwd: dir })),
      (await costarIn(['star'], { cwd: dir })),
      (await costarIn(['star', '--json'], { cwd: dir })),
      (await costarIn(['map', 'list'], { cwd: dir })),
      (await costarIn(['map', 'list', '--json'], { cwd: dir })),
    ];
    for (const o of outputs) for (const p of personal) expect(o.stdout + o.stderr).not.toContain(p);
  });
});
