/** costar diff (run in-process) against temporary git repositories whose changes are known. */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, FIXTURES, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';
import { commitAll, git } from '../helpers/git.js';

function repo(): { top: string; dir: string; empty: string; base: string } {
  const top = tempDir('costar-git-');
  git(top, ['init', '-q']);
  writeFileSync(join(top, 'README.md'), 'A council repository\n');
  const empty = commitAll(top, 'before the portfolio');
  const dir = join(top, 'portfolio');
  cpSync(join(FIXTURES, 'demo'), dir, { recursive: true });
  const base = commitAll(top, 'the portfolio');
  return { top, dir, empty, base };
}

describe('costar diff', () => {
  it('reports what the working tree changes, in every format', async () => {
    const { dir, empty, base } = repo();
    const walks = join(dir, 'initiatives', 'dementia-walks.yaml');
    writeFileSync(walks, readFileSync(walks, 'utf8').replace('amount: 11500', 'amount: 23000').replace(/^status: .*$/m, 'status: stopped'));
    rmSync(join(dir, 'initiatives', 'mens-shed.yaml'));
    // An untracked file counts too.
    writeFileSync(join(dir, 'initiatives', 'new-one.yaml'), 'id: new-one\ntitle: New\nserviceArea: housing\nstatus: idea\ncos:\n  co-design: { level: potential }\n');

    const r = await costarIn(['diff', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['base', 'head', 'initiatives', 'coverage', 'ranking', 'businessCases', 'problems']);
    expect(j.base).toBe('HEAD');
    expect(j.head).toBeNull();
    expect(j.initiatives).toEqual({ added: ['new-one'], removed: ['mens-shed'], changed: [{ id: 'dementia-walks', fields: ['focus.businessCase.costs', 'status'] }] });
    expect(j.coverage).toContainEqual({ serviceArea: 'housing', co: 'co-design', before: { existing: 2, potential: 0 }, after: { existing: 2, potential: 1 } });
    expect(j.ranking.find((x: any) => x.id === 'dementia-walks')).toEqual({ id: 'dementia-walks', before: 2, after: null });
    const bc = j.businessCases.find((x: any) => x.id === 'dementia-walks');
    expect(bc.before.npv).toBeGreaterThan(bc.after.npv);
    expect(j.businessCases.find((x: any) => x.id === 'mens-shed')?.after ?? null).toBeNull();
    expect(j.problems).toEqual({ before: 2, after: expect.any(Number) });

    const md = await costarIn(['diff', base, '--format', 'markdown'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^### costar: 1 initiative added, 1 initiative removed, 1 initiative changed/);
    expect(md.stdout).toContain('| dementia-walks | running → stopped |');
    expect(md.stdout).toMatch(/#### Business cases/);
    expect(md.stdout).not.toContain('Margaret Ellison'); // no personal data

    const gh = await costarIn(['diff', '--format', 'github'], { cwd: dir, env: { GITHUB_WORKSPACE: join(dir, '..') } });
    expect(gh.stdout).toContain('::notice file=portfolio/initiatives/new-one.yaml,title=initiative added::new-one');

    // A base where the portfolio did not exist yet: everything is added, and the report says so.
    const all = await costarIn(['diff', empty], { cwd: dir });
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/has no portfolio yet, so everything is added/);
    expect(all.stdout).toMatch(/17 initiatives added/);
  });

  it('a base that does not validate, --head, and bad input', async () => {
    const { top, dir, base } = repo();
    writeFileSync(join(dir, 'initiatives', 'broken.yaml'), 'id: broken\ntitle: B\nserviceArea: housing\nstatus: runing\n');
    const bad = commitAll(top, 'a broken file');
    rmSync(join(dir, 'initiatives', 'broken.yaml'));
    const fixed = commitAll(top, 'fixed');
    const r = await costarIn(['diff', bad, '--head', fixed, '--format', 'text'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/does not validate \(1 error\)/);
    expect(r.stdout).toMatch(/broken +removed/);
    // The change does not validate: exit 1, still reported.
    writeFileSync(join(dir, 'initiatives', 'broken.yaml'), 'id: broken\ntitle: B\nserviceArea: housing\nstatus: runing\n');
    const f = await costarIn(['diff', base, '--format', 'json'], { cwd: dir });
    expect(f.code).toBe(1);
    expect(JSON.parse(f.stdout).initiatives.added).toEqual(['broken']);

    const unknown = await costarIn(['diff', 'origin/nope'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('fetch-depth: 0');
    expect(unknown.stderr).toContain('[unknown-ref]');
    const plain = copyFixture('demo');
    const nogit = await costarIn(['diff'], { cwd: plain, env: { GIT_CEILING_DIRECTORIES: join(plain, '..') } });
    expect(nogit.code).toBe(2);
    expect(nogit.stderr).toContain('[not-a-git-repository]');
    const fmt = await costarIn(['diff', '--format', 'xml'], { cwd: dir });
    expect(fmt.code).toBe(2);
  });
});
