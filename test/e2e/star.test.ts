import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, costar, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const CO_NAMES = ['co-commissioning', 'co-design', 'co-delivery', 'co-assessment'];

/** Coverage computed straight from the files, independently of costar's code. */
function expectedStar(dir: string, area?: string) {
  const manifest = parse(readFileSync(join(dir, 'costar.yaml'), 'utf8'));
  const inits = readdirSync(join(dir, 'initiatives'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(join(dir, 'initiatives', f), 'utf8')))
    .filter((i) => !area || i.serviceArea === area);
  const criteria: string[] = (manifest.focus?.criteria ?? [
    { id: 'user-outcomes' }, { id: 'community-outcomes' }, { id: 'efficiency' }, { id: 'resilience' }, { id: 'governance' }, { id: 'ease' }, { id: 'readiness' },
  ]).map((c: { id: string }) => c.id);
  const coverage = [];
  for (const a of manifest.serviceAreas) {
    if (area && a.id !== area) continue;
    for (const co of CO_NAMES) {
      let existing = 0;
      let potential = 0;
      for (const i of inits) {
        if (i.serviceArea !== a.id || i.status === 'stopped') continue;
        const level = i.cos?.[co]?.level;
        if (level === 'emerging' || level === 'established') existing++;
        if (level === 'potential') potential++;
      }
      coverage.push({ serviceArea: a.id, co, existing, potential });
    }
  }
  const steps = inits
    .map((i) => ({
      initiative: i.id,
      map: Object.keys(i.cos ?? {}).length > 0,
      focus: criteria.every((c) => typeof i.focus?.scores?.[c] === 'number'),
      people: (i.people?.contributors ?? []).length > 0,
      market:
        (i.market?.incentives ?? []).length > 0 &&
        (i.market?.charter?.serviceCommitments ?? []).length > 0 &&
        (i.market?.charter?.communityCommitments ?? []).length > 0,
      grow: (i.grow?.indicators ?? []).some((x: { kind: string; target?: number }) => x.kind === 'outcome' && typeof x.target === 'number'),
    }))
    .sort((a, b) => (a.initiative < b.initiative ? -1 : 1));
  return { coverage, steps };
}

/** A real XML parser (Python's expat) when there is one; otherwise a strict tag-balance check. */
function checkWellFormed(file: string): void {
  const py = spawnSync('python3', ['-c', 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])', file], { encoding: 'utf8' });
  if (py.error === undefined && py.status !== null) {
    expect(py.stderr).toBe('');
    expect(py.status).toBe(0);
    return;
  }
  const text = readFileSync(file, 'utf8').replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  for (const m of text.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([<>])/g)) {
    expect(m[5], `stray ${m[5]} in the SVG`).toBeUndefined();
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(text.replace(/<[^>]*>/g, '')).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#\d+;)/);
}

describe('costar star', () => {
  it('prints the SPEC 7 JSON shape, equal to coverage computed from the files', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['star', '--json'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const data = JSON.parse(r.stdout);
    expect(Object.keys(data).sort()).toEqual(['coverage', 'steps']);
    for (const c of data.coverage) expect(Object.keys(c)).toEqual(['serviceArea', 'co', 'existing', 'potential']);
    for (const s of data.steps) expect(Object.keys(s)).toEqual(['initiative', 'map', 'focus', 'people', 'market', 'grow']);
    expect(data).toEqual(expectedStar(dir));
    // The demo has a stopped initiative: it keeps its step row.
    expect(data.steps.map((s: { initiative: string }) => s.initiative)).toContain('community-fridge');
  });

  it('follows a change to the files', async () => {
    const dir = copyFixture('demo');
    const add = (await costarIn(['map', 'add', '--title', 'Tenants check repairs', '--area', 'housing', '--co', 'co-delivery=emerging', '--co', 'co-commissioning=potential'], { cwd: dir }));
    expect(add.code).toBe(0);
    const stop = (await costarIn(['set', 'initiatives/dementia-walks', 'status=stopped'], { cwd: dir }));
    expect(stop.code).toBe(0);
    const data = JSON.parse((await costarIn(['star', '--json'], { cwd: dir })).stdout);
    expect(data).toEqual(expectedStar(dir));
  });

  it('filters by --area and refuses an unknown one with the valid values', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['star', '--json', '--area', 'adult-social-care'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expectedStar(dir, 'adult-social-care'));
    const bad = (await costarIn(['star', '--area', 'adult-care'], { cwd: dir }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('adult-social-care');
    expect(bad.stderr).toContain('highways-transport');
  });

  it('prints both tables with gaps, coverage and totals, then what to do next', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['star'], { cwd: dir }));
    expect(r.code).toBe(0);
    const exp = expectedStar(dir);
    const live = exp.coverage.filter((c) => c.existing > 0).length;
    expect(r.stdout).toContain(`${live} of ${exp.coverage.length} cells have existing co-production`);
    expect(r.stdout).toContain('· gap');
    expect(r.stdout).toContain('Adult social care');
    for (const s of exp.steps) expect(r.stdout).toContain(s.initiative);
    // The totals leave stopped initiatives out, as the ring of the picture does (the rows stay).
    const stopped = new Set(readdirSync(join(dir, 'initiatives')).map((f) => parse(readFileSync(join(dir, 'initiatives', f), 'utf8'))).filter((i) => i.status === 'stopped').map((i) => i.id));
    expect(stopped.size).toBeGreaterThan(0);
    const ring = exp.steps.filter((s) => !stopped.has(s.initiative));
    const done = r.stdout.split('\n').find((l) => l.startsWith('Done'))!;
    expect(done).toContain(`of ${ring.length}`);
    const counts = done.trim().split(/\s+/).slice(-5).map(Number);
    expect(counts).toEqual(['map', 'focus', 'people', 'market', 'grow'].map((k) => ring.filter((s) => (s as any)[k]).length));
    expect(r.stderr).toContain('Next: costar status');
  });

  it('draws a well-formed, standalone SVG with a title, a description and escaped text', async () => {
    const dir = copyFixture('demo');
    const manifest = join(dir, 'costar.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('name: Midshire co-production portfolio', 'name: "Midshire <co-production> & friends"'));
    mkdirSync(join(dir, 'out'), { recursive: true });
    const r = (await costarIn(['star', '--svg', 'out/star.svg', '--json'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const file = join(dir, 'out', 'star.svg');
    checkWellFormed(file);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"/);
    expect(svg).toMatch(/<title id="star-title">Midshire &lt;co-production&gt; &amp; friends: the Co-production Star<\/title>/);
    expect(svg).toMatch(/<desc id="star-desc">[^<]*Co-commissioning: practised in \d+ of 7 service areas/);
    for (const label of ['Co-commissioning', 'Co-design', 'Co-delivery', 'Co-assessment', 'Map it', 'Focus it', 'People it', 'Market it', 'Grow it', 'How to read it']) {
      expect(svg).toContain(label);
    }
    expect(svg).not.toMatch(/<image|href=|@import|url\(/);
  });

  it('says where the picture went when it also prints the tables', async () => {
    const dir = copyFixture('demo');
    const r = (await costarIn(['star', '--svg', 'star.svg', '--area', 'housing'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('star.svg');
    checkWellFormed(join(dir, 'star.svg'));
  });

  it('works on a portfolio with no initiatives', async () => {
    const dir = tempDir();
    expect((await costarIn(['init', dir, '--name', 'Empty', '--organisation', 'Nowhere', '--area', 'care'])).code).toBe(0);
    const r = (await costarIn(['star', '--json', '--svg', 'star.svg'], { cwd: dir }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      coverage: CO_NAMES.map((co) => ({ serviceArea: 'care', co, existing: 0, potential: 0 })),
      steps: [],
    });
    checkWellFormed(join(dir, 'star.svg'));
  });
});
