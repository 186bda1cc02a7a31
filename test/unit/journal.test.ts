import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, readRegular, readRegularAsync } from '../../src/store/fsafe.js';
import { commitFiles, recover, strayTemps } from '../../src/store/journal.js';
import { tempDir } from '../helpers/cli.js';

function portfolio(): string {
  const root = tempDir('costar-journal-');
  mkdirSync(join(root, 'initiatives'));
  mkdirSync(join(root, 'people'));
  writeFileSync(join(root, 'costar.yaml'), 'schema: costar/v1\n');
  writeFileSync(join(root, 'initiatives', 'a.yaml'), 'id: a\n');
  writeFileSync(join(root, 'people', 'p-1.yaml'), 'id: p-1\n');
  return root;
}

describe('commits across files', () => {
  it('writes, replaces and deletes as one commit, leaving no journal, lock or temporary file', () => {
    const root = portfolio();
    commitFiles(root, [
      { rel: 'initiatives/a.yaml', content: Buffer.from('id: a\ntitle: A\n') },
      { rel: 'initiatives/b.yaml', content: Buffer.from('id: b\n') },
      { rel: 'people/p-1.yaml', remove: true },
    ]);
    expect(readFileSync(join(root, 'initiatives', 'a.yaml'), 'utf8')).toBe('id: a\ntitle: A\n');
    expect(readFileSync(join(root, 'initiatives', 'b.yaml'), 'utf8')).toBe('id: b\n');
    expect(existsSync(join(root, 'people', 'p-1.yaml'))).toBe(false);
    expect(readdirSync(join(root, '.costar'))).toEqual([]);
    expect(strayTemps(root)).toEqual([]);
  });

  it('finishes a whole journal left by a killed command: renames not yet done, deletions', () => {
    const root = portfolio();
    mkdirSync(join(root, '.costar'));
    writeFileSync(join(root, 'initiatives', '.a.yaml.abc123x.tmp'), 'id: a\nstatus: running\n');
    writeFileSync(
      join(root, '.costar', 'journal.json'),
      JSON.stringify({ costar: 'journal/v1', started: '2026-12-01T09:00:00Z', entries: [{ rel: 'initiatives/a.yaml', tmp: 'initiatives/.a.yaml.abc123x.tmp' }, { rel: 'people/p-1.yaml' }] }),
    );
    const notes: string[] = [];
    recover(root, (m) => notes.push(m));
    expect(readFileSync(join(root, 'initiatives', 'a.yaml'), 'utf8')).toBe('id: a\nstatus: running\n');
    expect(existsSync(join(root, 'people', 'p-1.yaml'))).toBe(false);
    expect(existsSync(join(root, '.costar', 'journal.json'))).toBe(false);
    expect(notes.join('\n')).toContain('2 files completed');
  });

  it('never applies a foreign or corrupt journal to anything outside the portfolio', () => {
    const root = portfolio();
    const outside = tempDir('costar-victim-');
    writeFileSync(join(outside, 'keep.txt'), 'keep');
    mkdirSync(join(root, '.costar'));
    writeFileSync(
      join(root, '.costar', 'journal.json'),
      JSON.stringify({ costar: 'journal/v1', started: 'x', entries: [{ rel: join('..', outside.split('/').pop()!, 'keep.txt') }, { rel: '/etc/hostname' }, { rel: 'initiatives/a.yaml', tmp: '../../etc/passwd' }] }),
    );
    const notes: string[] = [];
    recover(root, (m) => notes.push(m));
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('keep');
    expect(readFileSync(join(root, 'initiatives', 'a.yaml'), 'utf8')).toBe('id: a\n');
    expect(notes.join('\n')).toContain('could not confirm 3 files');

    writeFileSync(join(root, '.costar', 'journal.json'), '{ not json');
    recover(root, (m) => notes.push(m));
    expect(notes.at(-1)).toContain('removed an unreadable change journal');
    expect(existsSync(join(root, '.costar', 'journal.json'))).toBe(false);
  });
});

describe('reading carefully', () => {
  it('refuses a pipe at once and a file over the limit without reading it', () => {
    const dir = tempDir('costar-read-');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect(readRegular(join(dir, 'pipe'))).toEqual({ problem: 'not-a-file', detail: 'not a regular file (a device, pipe or socket)' });
    writeFileSync(join(dir, 'big'), Buffer.alloc(2048));
    expect(readRegular(join(dir, 'big'), 1024)).toEqual({ problem: 'too-large', detail: '0.0 MiB' });
    expect(readRegular(join(dir, 'big'), 4096)).toEqual({ bytes: Buffer.alloc(2048) });
    expect(readRegular('/dev/zero')).toMatchObject({ problem: 'not-a-file' });
  });

  it('reads with fs.promises exactly as it reads one file after another', async () => {
    const dir = tempDir('costar-read-');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    writeFileSync(join(dir, 'big'), Buffer.alloc(2048, 7));
    mkdirSync(join(dir, 'folder'));
    for (const [abs, limit] of [[join(dir, 'pipe'), 4096], [join(dir, 'big'), 1024], [join(dir, 'big'), 4096], ['/dev/zero', 4096], [join(dir, 'folder'), 4096], [join(dir, 'missing'), 4096]] as const) {
      const sync = readRegular(abs, limit);
      expect(await readRegularAsync(abs, limit), abs).toEqual(sync);
    }
    expect(await readRegularAsync(join(dir, 'missing'))).toEqual({ problem: 'unreadable', detail: 'it does not exist' });
    expect(await readRegularAsync(join(dir, 'folder'))).toEqual({ problem: 'not-a-file', detail: 'a folder' });
  });

  it('knows what is inside a folder', () => {
    expect(isInside('/p', '/p/initiatives/a.yaml')).toBe(true);
    expect(isInside('/p', '/p')).toBe(true);
    expect(isInside('/p', '/p2/a')).toBe(false);
    expect(isInside('/p', '/etc/passwd')).toBe(false);
    expect(isInside('/p', '/p/../etc')).toBe(false);
  });
});
