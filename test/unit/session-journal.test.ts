/**
 * The journal of a session's unsaved changes (cli/session.ts): what is written reads back the
 * same; anything that is not exactly a journal of this command (corrupt, foreign, tampered) is
 * refused, so it is never applied; steps and Escape (prompt-guard.ts) go back a question.
 */
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackSignal, backable, stepIf, steps } from '../../src/cli/prompt-guard.js';
import { Chalk } from 'chalk';
import { parse } from 'yaml';
import type { Prompts } from '../../src/cli/ask.js';
import type { Io } from '../../src/cli/io.js';
import { fileHash, journalRel, readJournal, removeJournal, Room, writeJournal, type SessionJournal } from '../../src/cli/session.js';
import { copyFixture, tempDir } from '../helpers/cli.js';

function portfolio(): string {
  const root = tempDir('costar-session-');
  mkdirSync(join(root, 'initiatives'));
  writeFileSync(join(root, 'initiatives', 'a.yaml'), 'id: a\n');
  return root;
}

const journal = (root: string): SessionJournal => ({
  costar: 'session/v1',
  command: 'focus',
  pid: 4242,
  saved: '2026-12-02T10:50:00.000Z',
  changes: [
    { change: { kind: 'initiative', id: 'a', edit: [{ op: 'set', path: ['focus', 'scores', 'ease'], value: 3 }] }, note: 'score ease 3', rel: 'initiatives/a.yaml', base: fileHash(root, 'initiatives/a.yaml') },
    { change: { kind: 'initiative', id: 'b', create: { id: 'b', title: 'B' } }, note: 'new', rel: 'initiatives/b.yaml', base: null, key: 'add:b', draft: { title: 'B' } },
  ],
});

describe('the session journal', () => {
  it('reads back exactly what was written, readable by its owner only; removed, it is gone', () => {
    const root = portfolio();
    const j = journal(root);
    expect(readJournal(root, 'focus')).toEqual({ state: 'none' });
    writeJournal(root, j);
    expect(readJournal(root, 'focus')).toEqual({ state: 'ok', journal: j });
    if (process.platform !== 'win32') expect(statSync(join(root, journalRel('focus'))).mode & 0o777).toBe(0o600);
    expect(j.changes[0]!.base).toMatch(/^[0-9a-f]{64}$/);
    removeJournal(root, 'focus');
    expect(readJournal(root, 'focus')).toEqual({ state: 'none' });
  });

  it('refuses a corrupt file, another command\'s journal and one that is not a session journal', () => {
    const root = portfolio();
    const abs = join(root, journalRel('focus'));
    writeJournal(root, journal(root));
    writeFileSync(abs, readFileSync(abs, 'utf8').slice(0, 120));
    expect(readJournal(root, 'focus')).toMatchObject({ state: 'bad', reason: 'it is not JSON' });
    writeJournal(root, { ...journal(root), command: 'map' });
    copyFileSync(join(root, journalRel('map')), abs);
    expect(readJournal(root, 'focus')).toMatchObject({ state: 'bad', reason: expect.stringContaining('another command (map)') });
    writeFileSync(abs, JSON.stringify({ costar: 'journal/v1', entries: [] }));
    expect(readJournal(root, 'focus')).toMatchObject({ state: 'bad', reason: 'it is not a costar session journal' });
  });

  it('refuses a journal whose changes are not ones a session makes', () => {
    const root = portfolio();
    mkdirSync(join(root, '.costar'));
    const bad = (edit: (j: any) => void) => {
      const j: any = structuredClone(journal(root));
      edit(j);
      writeFileSync(join(root, journalRel('focus')), JSON.stringify(j));
      return readJournal(root, 'focus').state;
    };
    expect(bad(() => {})).toBe('ok');
    expect(bad((j) => (j.changes[0].rel = '../../etc/passwd'))).toBe('bad');
    expect(bad((j) => (j.changes[0].change.id = '../a'))).toBe('bad');
    expect(bad((j) => (j.changes[0].change.kind = 'manifest'))).toBe('bad');
    expect(bad((j) => (j.changes[0].change.remove = true))).toBe('bad');
    expect(bad((j) => (j.changes[0].change.edit[0].op = 'rename'))).toBe('bad');
    expect(bad((j) => (j.changes[0].change.edit[0].path = ['focus', {}]))).toBe('bad');
    expect(bad((j) => (j.changes[0].base = 'abc'))).toBe('bad');
    expect(bad((j) => (j.changes[1].change.create = ['b']))).toBe('bad');
    expect(bad((j) => (j.pid = 'me'))).toBe('bad');
    expect(bad((j) => (j.saved = 'yesterday'))).toBe('bad');
  });
});

describe('going back', () => {
  it('a sequence of steps goes back to the step before, passing over skipped ones; Escape at the first leaves it', async () => {
    const ran: string[] = [];
    let backs = 1;
    const r = await backable(() =>
      steps([
        async () => {
          ran.push('a');
        },
        async () => (ran.push('skip'), 'skip' as const),
        stepIf(
          () => (ran.push('if'), false),
          async () => {
            ran.push('never');
          },
        ),
        async () => {
          ran.push('c');
          if (backs-- > 0) throw new BackSignal();
        },
      ]),
    );
    expect(r.back).toBe(false);
    expect(ran).toEqual(['a', 'skip', 'if', 'c', 'a', 'skip', 'if', 'c']);
    const out = await backable(() => steps([async () => Promise.reject(new BackSignal())]));
    expect(out).toEqual({ back: true });
  });

  it('steps answered already (recovered) are passed over once going forward, and Escape goes back to them', async () => {
    const ran: string[] = [];
    let backs = 1;
    await steps(
      [
        async () => {
          ran.push('a');
        },
        async () => {
          ran.push('b');
        },
        async () => {
          ran.push('c');
          if (backs-- > 0) throw new BackSignal();
        },
        async () => {
          ran.push('d');
        },
      ],
      [0, 1, 3],
    );
    // a and b are passed over; Escape at c asks b; d, recovered too, is still passed over once.
    expect(ran).toEqual(['c', 'b', 'c']);
  });
});

describe('saving a session', () => {
  function fakeIo() {
    const err: string[] = [];
    const c = new Chalk({ level: 0 });
    const io = { cwd: '.', env: { COLUMNS: '1000' }, canPrompt: true, c, ce: c, out: () => undefined, err: (t: string) => err.push(t) } as unknown as Io;
    return { io, err };
  }
  const noPrompts = {} as Prompts;

  it('saves through the store (validated) and removes the journal', () => {
    const dir = copyFixture('demo');
    const { io, err } = fakeIo();
    const room = new Room(io, noPrompts, dir, 'focus');
    room.add({ kind: 'initiative', id: 'time-bank', edit: [{ op: 'set', path: ['focus', 'scores', 'ease'], value: 1 }] }, 'score ease 1');
    expect(readJournal(dir, 'focus')).toMatchObject({ state: 'ok', journal: { changes: [{ note: 'score ease 1' }] } });
    room.save();
    expect(parse(readFileSync(join(dir, 'initiatives/time-bank.yaml'), 'utf8')).focus.scores.ease).toBe(1);
    expect(readJournal(dir, 'focus')).toEqual({ state: 'none' });
    expect(err.join('')).toContain('Updated initiatives/time-bank.yaml: 1 change');
  });

  it('refuses a change that would not validate, keeping it and its journal', () => {
    const dir = copyFixture('demo');
    const { io } = fakeIo();
    const room = new Room(io, noPrompts, dir, 'focus');
    const before = readFileSync(join(dir, 'initiatives/time-bank.yaml'));
    room.add({ kind: 'initiative', id: 'time-bank', edit: [{ op: 'set', path: ['focus', 'scores', 'ease'], value: 9 }] }, 'score ease 9');
    expect(() => room.save()).toThrow(/would leave a problem/);
    expect(readFileSync(join(dir, 'initiatives/time-bank.yaml'))).toEqual(before);
    expect(room.count).toBe(1);
    expect(readJournal(dir, 'focus').state).toBe('ok');
  });

  it('leaves out the changes to a record that changed on disk meanwhile, and says so', () => {
    const dir = copyFixture('demo');
    const { io, err } = fakeIo();
    const room = new Room(io, noPrompts, dir, 'focus');
    room.add({ kind: 'initiative', id: 'time-bank', edit: [{ op: 'set', path: ['focus', 'scores', 'ease'], value: 1 }] }, 'score ease 1');
    room.add({ kind: 'initiative', id: 'mens-shed', edit: [{ op: 'set', path: ['focus', 'scores', 'ease'], value: 2 }] }, 'score ease 2');
    const file = join(dir, 'initiatives/time-bank.yaml');
    const theirs = readFileSync(file, 'utf8') + '# changed by someone else\n';
    writeFileSync(file, theirs);
    room.save();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(parse(readFileSync(join(dir, 'initiatives/mens-shed.yaml'), 'utf8')).focus.scores.ease).toBe(2);
    expect(err.join('')).toMatch(/warning {2}initiatives\/time-bank\.yaml changed on disk since this session read it, so 1 change to it was left out {2}\[session-record-changed\]/);
    expect(readJournal(dir, 'focus')).toEqual({ state: 'none' });
  });
});
