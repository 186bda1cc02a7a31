/** The CI files costar ships are valid YAML of the shape each service reads, and agree with the CLI. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../helpers/cli.js';

const read = (p: string) => parse(readFileSync(join(REPO, p), 'utf8'));

describe('CI files', () => {
  it('action.yml is a composite action that validates with annotations and can comment the diff', () => {
    const a = read('action.yml');
    expect(a.runs.using).toBe('composite');
    expect(Object.keys(a.inputs)).toEqual(['portfolio', 'fail-on', 'junit', 'comment', 'base', 'github-token']);
    const runs = a.runs.steps.map((s: any) => s.run ?? '').join('\n');
    expect(runs).toContain('validate "$PORTFOLIO" --format github --fail-on "$FAIL_ON"');
    expect(runs).toContain('--format junit');
    expect(runs).toContain('diff "$BASE" --format markdown');
    for (const s of a.runs.steps) if (s.run) expect(s.shell).toBe('bash');
    // Inputs reach the scripts through env, never pasted into them.
    expect(runs).not.toMatch(/\$\{\{/);
  });
  it('.pre-commit-hooks.yaml and the GitLab example', () => {
    const hooks = read('.pre-commit-hooks.yaml');
    expect(hooks.map((h: any) => h.id)).toEqual(['costar-validate', 'costar-validate-strict']);
    for (const h of hooks) {
      expect(h.entry).toMatch(/^costar validate/);
      expect(new RegExp(h.files).test('portfolio/initiatives/a.yaml')).toBe(true);
      expect(new RegExp(h.files).test('README.md')).toBe(false);
    }
    const g = read('docs/ci/gitlab-ci.yml');
    expect(g.costar.artifacts.reports.junit).toBe('reports/costar.xml');
    expect(g.costar.script.join('\n')).toContain('--format junit -o reports/costar.xml');
  });
});
