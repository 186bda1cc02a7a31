import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CostarError } from '../../src/core/errors.js';
import { parseFast, parseFull } from '../../src/store/parse.js';
import { checkFiles, findPortfolio, listFiles, loadPortfolio, READ_PLAN, readListed, readPortfolio, slowRun } from '../../src/store/portfolio.js';
import { commit, writeTextAtomic } from '../../src/store/write.js';
import { copyFixture, tempDir } from '../helpers/cli.js';

const MANIFEST = 'schema: costar/v1\nname: T\norganisation: O\nserviceAreas:\n  - id: housing\nwards: [north]\n';

function portfolio(files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir('costar-store-');
  mkdirSync(join(dir, 'initiatives'));
  mkdirSync(join(dir, 'people'));
  writeFileSync(join(dir, 'costar.yaml'), MANIFEST);
  for (const [rel, c] of Object.entries(files)) writeFileSync(join(dir, rel), c);
  return dir;
}

const INIT = '# my notes\r\nid: a\r\ntitle: Walks   # keep me\r\nserviceArea: housing\r\nstatus: idea\r\n';

describe('finding a portfolio', () => {
  it('walks up from a subfolder, or takes -C', () => {
    const dir = portfolio();
    expect(findPortfolio(join(dir, 'initiatives'))).toBe(dir);
    expect(findPortfolio('/', dir)).toBe(dir);
  });
  it('is a usage error (exit 2) when there is none', () => {
    const empty = tempDir('costar-none-');
    try {
      findPortfolio(empty, empty);
      expect.unreachable();
    } catch (e) {
      expect((e as CostarError).exitCode).toBe(2);
      expect((e as CostarError).code).toBe('no-portfolio');
    }
  });
});

describe('reading', () => {
  it('gives the same portfolio whether its files are read one after another, many at once, or first one way then the other', async () => {
    const files: Record<string, string | Buffer> = {
      'initiatives/bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INIT.replaceAll('id: a', 'id: bom'))]),
      'initiatives/bad-status.yaml': 'id: bad-status\ntitle: T\nserviceArea: housing\nstatus: runing\n',
      'initiatives/latin1.yaml': Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]),
      'initiatives/empty.yaml': '',
      'initiatives/huge.yaml': `id: huge\nsummary: ${'x'.repeat(1024 * 1024)}\n`,
      'initiatives/syntax.yaml': 'id: [unclosed\n',
      'people/p-0001.yaml': 'id: p-0001\nkind: individual\nward: north\n',
    };
    for (let n = 0; n < 40; n++) files[`initiatives/i-${String(n).padStart(3, '0')}.yaml`] = `id: i-${String(n).padStart(3, '0')}\ntitle: Walk ${n}\nserviceArea: housing\nstatus: idea\n`;
    const dir = portfolio(files);
    execFileSync('mkfifo', [join(dir, 'initiatives', 'pipe.yaml')]);
    const shape = (p: ReturnType<typeof loadPortfolio>) => ({ diagnostics: p.diagnostics, initiatives: p.initiatives, people: p.people, files: p.files.map((f) => [f.rel, f.bytes.length, f.value]) });
    const expected = shape(loadPortfolio(dir));
    expect(expected.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['not-a-file', 'file-too-large', 'not-utf8', 'empty-file', 'bad-enum', 'yaml-syntax']));
    expect(expected.initiatives).toHaveLength(41);
    const list = listFiles(dir);
    for (const plan of [
      { probe: 0, slowMs: 0, inFlight: 8 }, // all at once
      { probe: 5, slowMs: -1, inFlight: 3 }, // five one after another, then the rest at once
      { probe: 64, slowMs: Infinity, inFlight: 32 }, // all one after another
    ]) {
      const { files, atOnce } = await readListed(dir, list.files, plan);
      expect(atOnce, JSON.stringify(plan)).toBe(plan.slowMs === Infinity ? 0 : list.files.length - plan.probe);
      expect(shape(checkFiles(dir, files, list.problems)), JSON.stringify(plan)).toEqual(expected);
    }
    const read = await readPortfolio(dir);
    expect(shape(read)).toEqual(expected);
    expect(read.readAtOnce).toBe(0); // files in the page cache: one after another
  });

  it('judges a drive slow by the median read of a run, not by a few reads the machine paused in', () => {
    const run = (fast: number, slow: number, slowMs: number) => Float64Array.from([...Array(fast).fill(0.02), ...Array(slow).fill(slowMs)]);
    // One read held up for 40 ms among 63 from the cache: a mean of 0.64 ms, a median of 0.02.
    expect(slowRun(run(63, 1, 40), READ_PLAN.slowMs)).toBe(false);
    expect(slowRun(run(40, 24, 3), READ_PLAN.slowMs)).toBe(false);
    // Most reads waiting on the drive.
    expect(slowRun(run(24, 40, 0.6), READ_PLAN.slowMs)).toBe(true);
    expect(slowRun(run(0, 64, 0.2), READ_PLAN.slowMs)).toBe(true);
    // Order does not matter, and the times given are left as they were.
    const waits = Float64Array.from([5, 0.01, 5, 0.01, 5]);
    expect(slowRun(waits, READ_PLAN.slowMs)).toBe(true);
    expect([...waits]).toEqual([5, 0.01, 5, 0.01, 5]);
  });

  it('reads Windows-saved files (BOM and CRLF) like any other', () => {
    const dir = portfolio({ 'initiatives/a.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INIT)]) });
    const p = loadPortfolio(dir);
    expect(p.diagnostics).toEqual([]);
    expect(p.initiatives[0]).toEqual({ id: 'a', title: 'Walks', serviceArea: 'housing', status: 'idea' });
  });

  it('ignores dot files and other endings; reads .yml', () => {
    const dir = portfolio({ 'initiatives/.draft.yaml': 'nonsense: [', 'initiatives/notes.txt': 'x', 'initiatives/b.yml': 'id: b\ntitle: B\nserviceArea: housing\nstatus: idea\n' });
    const p = loadPortfolio(dir);
    expect(p.diagnostics).toEqual([]);
    expect(p.initiatives.map((i) => i.id)).toEqual(['b']);
  });

  it('the fast parser and yaml agree on every file of the demo, or the fast one steps aside', () => {
    const demo = join(__dirname, '..', '..', 'fixtures', 'demo');
    for (const sub of ['initiatives', 'people', 'cases']) {
      for (const name of readdirSync(join(demo, sub))) {
        const text = readFileSync(join(demo, sub, name), 'utf8');
        const fast = parseFast(text);
        const full = parseFull(name, text);
        if (fast !== undefined) expect(fast.value).toEqual(full.value);
      }
    }
  });

  it('leaves forms where the parsers could differ to yaml', () => {
    for (const text of ['a: 0b101\n', 'a: 0o17\n', 'a: 1_000\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a:\n\t- 1\n', '? a\n: 1\n']) {
      expect(parseFast(text), text).toBeUndefined();
    }
    for (const text of ['a: 1\nb: 2026-01-01\nc: 0.035\nd: true\ne: ~\nf: "x: y"\n', 'a: [1, 2]\nb: { c: d }\n', 'a: |\n  text\n  more\n']) {
      expect(parseFast(text)?.value).toEqual(parse(text));
    }
  });
});

describe('writing', () => {
  it('edits keep comments and CRLF byte for byte, through a temp file and rename', () => {
    const dir = portfolio({ 'initiatives/a.yaml': INIT });
    const p = loadPortfolio(dir);
    const res = commit(p, [{ kind: 'initiative', id: 'a', edit: [{ op: 'set', path: ['status'], value: 'planned' }] }]);
    expect(res.written).toEqual(['initiatives/a.yaml']);
    expect(readFileSync(join(dir, 'initiatives/a.yaml'), 'utf8')).toBe(INIT.replace('status: idea', 'status: planned'));
    expect(readdirSync(join(dir, 'initiatives')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // Any write makes sure the schemas exist.
    expect(readdirSync(join(dir, '.costar', 'schema')).sort()).toEqual(['initiative.schema.json', 'manifest.schema.json', 'person.schema.json']);
  });

  it('keeps a byte-order mark', () => {
    const dir = portfolio({ 'initiatives/a.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(INIT)]) });
    commit(loadPortfolio(dir), [{ kind: 'initiative', id: 'a', edit: [{ op: 'set', path: ['summary'], value: 'Weekly' }] }]);
    const bytes = readFileSync(join(dir, 'initiatives/a.yaml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString()).toBe(INIT + 'summary: Weekly\r\n');
  });

  it('creates files with the schema line', () => {
    const dir = portfolio();
    commit(loadPortfolio(dir), [{ kind: 'person', id: 'p-0001', create: { id: 'p-0001', kind: 'individual', ward: 'north', offers: ['gardening'] } }]);
    expect(readFileSync(join(dir, 'people/p-0001.yaml'), 'utf8')).toBe(
      '# yaml-language-server: $schema=../.costar/schema/person.schema.json\nid: p-0001\nkind: individual\nward: north\noffers: [gardening]\n',
    );
  });

  it('refuses a change that would not validate, and writes nothing', () => {
    const dir = portfolio({ 'initiatives/a.yaml': INIT });
    const before = readFileSync(join(dir, 'initiatives/a.yaml'));
    expect(() => commit(loadPortfolio(dir), [{ kind: 'initiative', id: 'a', edit: [{ op: 'set', path: ['status'], value: 'runing' }] }])).toThrow(/runing/);
    expect(readFileSync(join(dir, 'initiatives/a.yaml')).equals(before)).toBe(true);
  });

  it('refuses to overwrite a file changed on disk since it was read', () => {
    const dir = portfolio({ 'initiatives/a.yaml': INIT });
    const p = loadPortfolio(dir);
    writeFileSync(join(dir, 'initiatives/a.yaml'), INIT + 'summary: edited by someone else\r\n');
    try {
      commit(p, [{ kind: 'initiative', id: 'a', edit: [{ op: 'set', path: ['status'], value: 'planned' }] }]);
      expect.unreachable();
    } catch (e) {
      expect((e as CostarError).code).toBe('file-changed');
    }
    expect(readFileSync(join(dir, 'initiatives/a.yaml'), 'utf8')).toContain('edited by someone else');
  });

  it('writes nothing at all when one of several changes is bad', () => {
    const dir = copyFixture('demo');
    const p = loadPortfolio(dir);
    const ids = p.initiatives.slice(0, 2).map((i) => i.id);
    const before = ids.map((id) => readFileSync(join(dir, 'initiatives', `${id}.yaml`)));
    expect(() =>
      commit(p, [
        { kind: 'initiative', id: ids[0]!, edit: [{ op: 'set', path: ['summary'], value: 'fine' }] },
        { kind: 'initiative', id: ids[1]!, edit: [{ op: 'set', path: ['serviceArea'], value: 'nowhere' }] },
      ]),
    ).toThrow(/nowhere/);
    ids.forEach((id, i) => expect(readFileSync(join(dir, 'initiatives', `${id}.yaml`)).equals(before[i]!)).toBe(true));
  });

  it('writeTextAtomic leaves no temporary file behind', () => {
    const dir = tempDir();
    writeTextAtomic(join(dir, 'x.txt'), 'hello');
    writeTextAtomic(join(dir, 'x.txt'), 'again');
    expect(readdirSync(dir)).toEqual(['x.txt']);
    expect(readFileSync(join(dir, 'x.txt'), 'utf8')).toBe('again');
    expect(existsSync(join(dir, '.x.txt.tmp'))).toBe(false);
  });
});
