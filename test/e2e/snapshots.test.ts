/**
 * What people read, pinned: the terminal screens and the documents for the demo, compared with
 * snapshot files (test/e2e/__snapshots__/). A change to any of them shows up as a diff in review.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costar, copyFixture, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const SNAP = join(__dirname, '__snapshots__');

describe('terminal screens at 80 columns', () => {
  const screens: Array<[string, string[]]> = [
    ['star', ['star']],
    ['status', ['status']],
    ['map-list', ['map', 'list']],
    ['focus-rank', ['focus', 'rank']],
    ['focus-case', ['focus', 'case', 'dementia-walks']],
    ['people-match', ['people', 'match']],
    ['grow-check', ['grow', 'check', '--as-of', '2027-01-31']],
  ];
  for (const [name, args] of screens) {
    it(`costar ${args.join(' ')}`, async () => {
      const r = (await costarIn(['-C', 'fixtures/demo', ...args], { env: { COLUMNS: '80' } }));
      expect(r.code, r.stderr).toBe(0);
      await expect(`$ costar ${args.join(' ')}\n${r.stdout}\n--- stderr ---\n${r.stderr}`).toMatchFileSnapshot(join(SNAP, `${name}.txt`));
    });
  }

  it('costar validate on a broken file', async () => {
    const broken = copyFixture('demo');
    const file = join(broken, 'initiatives', 'mens-shed.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('status: idea', 'status: runing').replace('serviceArea:', 'servceArea:'));
    const b = (await costarIn(['validate', '--format', 'stylish'], { cwd: broken, env: { COLUMNS: '80' } }));
    expect(b.code).toBe(1);
    await expect(b.stdout).toMatchFileSnapshot(join(SNAP, 'validate-stylish.txt'));
  });
});

describe('documents for the demo', () => {
  it('business case, charter, briefing, grow plan and report in Markdown', async () => {
    const out = tempDir();
    // A copy outside git: inside this repository the report would also show the demo's history
    // (costar history), which moves with every commit of the fixture (test/e2e/history.test.ts).
    const demo = copyFixture('demo');
    for (const [kind, id] of [['business-case', 'dementia-walks'], ['charter', 'dementia-walks'], ['grow-plan', 'dementia-walks'], ['briefing', 'abbey'], ['report', '']] as const) {
      const args = kind === 'briefing' ? ['generate', kind, '--ward', id] : kind === 'report' ? ['generate', kind] : ['generate', kind, id];
      const r = (await costarIn(['-C', demo, ...args, '--as-of', '2027-01-31', '--out', out]));
      expect(r.code, r.stderr).toBe(0);
      const file = kind === 'report' ? 'report.md' : `${id}.${kind}.md`;
      await expect(readFileSync(join(out, file), 'utf8')).toMatchFileSnapshot(join(SNAP, `doc-${kind}.md`));
    }
  });
});
