/**
 * Large portfolios: exact positions for problems among 1,200 files, one edit among them, and
 * 1,200 documents written in order, with a failure reported by name.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../bench/generate-portfolio.mjs';
import { costar, tempDir } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const N = 1200;
let dir = '';
const ids = Array.from({ length: N }, (_, i) => `initiative-${String(i + 1).padStart(5, '0')}`);

describe('large batches', () => {
  beforeAll(() => {
    dir = tempDir('costar-large-');
    generatePortfolio(dir, N, 20, 'charter');
  });

  it('validates 1,200 files, with exact positions for problems', async () => {
    const ok = (await costarIn(['validate', dir]));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`no problems in ${N + 21} files`);

    const broken = tempDir('costar-large-broken-');
    generatePortfolio(broken, N, 20, 'charter');
    const a = join(broken, 'initiatives', 'initiative-00600.yaml');
    writeFileSync(a, readFileSync(a, 'utf8').replace(/^status: \w+$/m, 'status: runing'));
    const b = join(broken, 'initiatives', 'initiative-01100.yaml');
    writeFileSync(b, readFileSync(b, 'utf8').replace(/^wards: \[(.*)\]$/m, 'wards: [$1'));
    const r = (await costarIn(['validate', broken, '--format', 'json']));
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const found = report.diagnostics.map((d: { file: string; line: number; column: number; code: string }) => `${d.file}:${d.line}:${d.column} ${d.code}`);
    expect(found).toEqual(['initiatives/initiative-00600.yaml:6:9 bad-enum', 'initiatives/initiative-01100.yaml:7:8 yaml-syntax']);
  });

  it('edits one file of 1,200, byte for byte elsewhere', async () => {
    const edit = tempDir('costar-large-edit-');
    generatePortfolio(edit, N, 20, 'charter');
    const target = join(edit, 'initiatives', 'initiative-00777.yaml');
    const before = readFileSync(target, 'utf8');
    const other = readFileSync(join(edit, 'initiatives', 'initiative-00778.yaml'), 'utf8');
    const r = (await costarIn(['set', 'initiatives/initiative-00777', 'title=Walking group, renamed', 'market.charter.parties+=[Friends of the park]'], { cwd: edit }));
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(target, 'utf8');
    expect(after).toBe(
      before
        .replace(/^title: .*$/m, 'title: Walking group, renamed')
        .replace(/^( {4}parties: \[.*)\]$/m, '$1, Friends of the park]'),
    );
    expect(readFileSync(join(edit, 'initiatives', 'initiative-00778.yaml'), 'utf8')).toBe(other);
    expect((await costarIn(['validate', edit])).code).toBe(0);
  });

  it('writes 1,200 charters: the same bytes as one at a time, listed in order, no temporary files', async () => {
    const out = join(dir, 'batch');
    const r = (await costarIn(['generate', 'charter', '--all', '--out', out], { cwd: dir }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(ids.map((id) => `batch/${id}.charter.md\n`).join(''));
    expect(readdirSync(out).sort()).toEqual(ids.map((id) => `${id}.charter.md`));
    const few = join(dir, 'few');
    const some = [ids[0]!, ids[599]!, ids[N - 1]!];
    expect((await costarIn(['generate', 'charter', ...some, '--out', few], { cwd: dir })).code).toBe(0);
    for (const id of some) expect(readFileSync(join(out, `${id}.charter.md`), 'utf8')).toBe(readFileSync(join(few, `${id}.charter.md`), 'utf8'));
    expect(readFileSync(join(out, `${ids[599]}.charter.md`), 'utf8')).toContain('# Co-production charter: Initiative number 600');
  });

  it('a document that cannot be written is reported by name; the others are written (a batch and a few)', async () => {
    for (const targets of [['--all'], [ids[0]!, ids[9]!, ids[20]!]]) {
      const out = join(dir, `blocked-${targets.length}`);
      // A folder (with a file in it) where a document should go: the rename onto it fails.
      mkdirSync(join(out, `${ids[9]}.charter.md`), { recursive: true });
      writeFileSync(join(out, `${ids[9]}.charter.md`, 'keep'), 'x');
      const r = (await costarIn(['generate', 'charter', ...targets, '--out', out], { cwd: dir }));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^error {2}${ids[9]}\\.charter\\.md: could not write ${ids[9]}\\.charter\\.md: .+\\[write-failed\\]$`, 'm'));
      const listed = r.stdout.trim().split('\n');
      expect(listed).toHaveLength(targets.length === 1 ? N - 1 : 2);
      expect(listed).not.toContain(`blocked-${targets.length}/${ids[9]}.charter.md`);
      expect(readdirSync(out).filter((n) => n.endsWith('.tmp') || n.startsWith('.'))).toEqual([]);
      expect(readFileSync(join(out, `${ids[9]}.charter.md`, 'keep'), 'utf8')).toBe('x');
    }
  });
});
