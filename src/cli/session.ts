/**
 * What an interactive session has done and not yet saved, shared by every session (map, focus,
 * people, market, grow). Each change is the store's `Change` with a line saying what it is.
 * The list is journalled in `.costar/session-<command>.json` after every change (atomically,
 * readable only by its owner), so a session killed outright is offered back the next time the
 * same command starts; the journal is removed once the changes are saved or discarded. Ctrl-C at
 * any question asks whether to save, discard or go on; a second Ctrl-C discards and ends (130).
 * Saving goes through the store's commit, which validates; a change to a record that changed on
 * disk since the session read it is left out and said so.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../core/errors.js';
import type { SessionWarning } from '../core/errors-data.js';
import { formatDate, plural } from '../core/format.js';
import type { EditOp } from '../store/edit.js';
import { applyToValue } from '../store/edit.js';
import { assertInside, atomicWrite, readRegular } from '../store/fsafe.js';
import { loadPortfolio } from '../store/portfolio.js';
import { commit, type Change, type CommitResult } from '../store/write.js';
import type { Prompts } from './ask.js';
import { errorText } from './exit.js';
import type { Io } from './io.js';
import { setBeforeAsk, setInterruptHandler } from './prompt-guard.js';
import { say } from './render.js';
import { isCostarError } from '../core/errors.js';

/** One change waiting to be saved. */
export interface PendingChange {
  change: Change;
  /** What it is, in words ("score ease 3"). */
  note: string;
  /** The record's file, relative to the portfolio. */
  rel: string;
  /** The sha-256 of that file when the session first changed it (null: it did not exist). */
  base: string | null;
  /** Changes with a key replace each other (a draft that is still being edited). */
  key?: string;
  /** The session's own state behind a keyed change (a draft), to go on from it; never applied. */
  draft?: Record<string, unknown>;
}

/** What every session journal starts with. */
export interface JournalHeader {
  costar: 'session/v1';
  command: string;
  pid: number;
  /** When the journal was last written (ISO 8601). */
  saved: string;
}

export interface SessionJournal extends JournalHeader {
  changes: PendingChange[];
}

const FORMAT = 'session/v1';
const JOURNAL_LIMIT = 16 * 1024 * 1024;
const FOLDERS = { initiative: 'initiatives', person: 'people', case: 'cases' } as const;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const journalRel = (command: string) => `.costar/session-${command}.json`;

/** The file a change is made to, as the session found it. */
export function relOf(root: string, ch: Change): string {
  if (ch.kind === 'manifest') return 'costar.yaml';
  const folder = FOLDERS[ch.kind];
  const yml = `${folder}/${ch.id}.yml`;
  return !existsSync(join(root, `${folder}/${ch.id}.yaml`)) && existsSync(join(root, yml)) ? yml : `${folder}/${ch.id}.yaml`;
}

/** The sha-256 of a file of the portfolio, or null when there is none. */
export function fileHash(root: string, rel: string): string | null {
  const r = readRegular(join(root, rel));
  return 'bytes' in r ? createHash('sha256').update(r.bytes).digest('hex') : null;
}

export function writeJournal<J extends JournalHeader>(root: string, j: J): void {
  const dir = join(root, '.costar');
  assertInside(root, dir, '.costar/');
  mkdirSync(dir, { recursive: true });
  atomicWrite(join(root, journalRel(j.command)), JSON.stringify(j, null, 1) + '\n', { durable: true, mode: 0o600, shown: journalRel(j.command) });
}

export function removeJournal(root: string, command: string): void {
  rmSync(join(root, journalRel(command)), { force: true });
}

export type JournalRead = { state: 'none' } | { state: 'bad'; reason: string } | { state: 'ok'; journal: SessionJournal };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkOp(v: unknown): v is EditOp {
  if (!isObject(v) || !Array.isArray(v.path) || !v.path.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0))) return false;
  if (v.op === 'delete') return Object.keys(v).every((k) => k === 'op' || k === 'path');
  return (v.op === 'set' || v.op === 'append') && 'value' in v;
}

/** Why an entry of a journal cannot be a change of this portfolio, or undefined when it can. */
function entryProblem(e: unknown): string | undefined {
  if (!isObject(e)) return 'an entry is not an object';
  if (typeof e.note !== 'string' || typeof e.rel !== 'string' || !(e.base === null || (typeof e.base === 'string' && /^[0-9a-f]{64}$/.test(e.base)))) return 'an entry lacks its note, file or fingerprint';
  if (e.key !== undefined && typeof e.key !== 'string') return 'an entry has a bad key';
  if (e.draft !== undefined && !isObject(e.draft)) return 'an entry has a bad draft';
  const ch = e.change;
  if (!isObject(ch)) return 'an entry has no change';
  const ways = ['edit', 'create', 'remove'].filter((k) => ch[k] !== undefined);
  if (ways.length !== 1) return 'a change is not exactly one of edit, create or remove';
  if (ch.kind === 'manifest') {
    if (ch.id !== undefined || !Array.isArray(ch.edit) || e.rel !== 'costar.yaml') return 'a change to costar.yaml is not an edit of it';
  } else if (ch.kind === 'initiative' || ch.kind === 'person' || ch.kind === 'case') {
    if (typeof ch.id !== 'string' || !ID.test(ch.id)) return 'a change names a bad id';
    const folder = FOLDERS[ch.kind];
    if (e.rel !== `${folder}/${ch.id}.yaml` && e.rel !== `${folder}/${ch.id}.yml`) return 'a change names a file that is not its record';
  } else return 'a change is to an unknown kind of record';
  if (ch.edit !== undefined && !(Array.isArray(ch.edit) && ch.edit.every(checkOp))) return 'an edit is not one costar makes';
  if (ch.create !== undefined && !isObject(ch.create)) return 'a new record is not a mapping';
  if (ch.remove !== undefined && ch.remove !== true) return 'a removal is not "true"';
  return undefined;
}

/**
 * Reads a command's journal as far as its header: anything that is not one of this command's
 * journals, exactly, is 'bad' (and never applied). The body is the caller's to check.
 */
export function readJournalFile(root: string, command: string): { state: 'none' } | { state: 'bad'; reason: string } | { state: 'ok'; journal: JournalHeader & Record<string, unknown> } {
  const abs = join(root, journalRel(command));
  if (!existsSync(abs)) return { state: 'none' };
  const r = readRegular(abs, JOURNAL_LIMIT);
  if (!('bytes' in r)) return { state: 'bad', reason: r.detail };
  let j: unknown;
  try {
    j = JSON.parse(r.bytes.toString('utf8'));
  } catch {
    return { state: 'bad', reason: 'it is not JSON' };
  }
  if (!isObject(j) || j.costar !== FORMAT) return { state: 'bad', reason: 'it is not a costar session journal' };
  if (j.command !== command) return { state: 'bad', reason: `it belongs to another command (${String(j.command).slice(0, 40)})` };
  if (typeof j.saved !== 'string' || Number.isNaN(Date.parse(j.saved)) || !Number.isInteger(j.pid)) return { state: 'bad', reason: 'its header is incomplete' };
  return { state: 'ok', journal: j as unknown as JournalHeader & Record<string, unknown> };
}

/** Reads the journal of a command's session; anything that is not one, exactly, is 'bad' (and never applied). */
export function readJournal(root: string, command: string): JournalRead {
  const r = readJournalFile(root, command);
  if (r.state !== 'ok') return r;
  const j = r.journal;
  if (!Array.isArray(j.changes)) return { state: 'bad', reason: 'its header is incomplete' };
  for (const e of j.changes) {
    const problem = entryProblem(e);
    if (problem) return { state: 'bad', reason: problem };
  }
  return { state: 'ok', journal: j as unknown as SessionJournal };
}

const size = (x: PendingChange) => x.change.edit?.length ?? 1;

/** Whether a process with this id is running (a journal of a session still going on). */
export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** "2 December 2026 10:50", in local time. */
export function whenText(iso: string): string {
  const d = new Date(iso);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(`${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())}`)} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
}

/** Ends the session from inside a question (after a save or a discard at Ctrl-C). */
export class SessionEnd extends Error {
  override name = 'SessionEnd';
  constructor(readonly exitCode: number) {
    super('session ended');
  }
}

/** A session's unsaved changes, their journal and what Ctrl-C does. */
/** A warning of a session (a journal ignored, a change left out), with its code. */
export function sessionWarning(io: Io, text: string, code: SessionWarning): void {
  say(io, `${io.ce.yellow('warning')}  ${text}  ${io.ce.dim(`[${code}]`)}`);
}

/** What the end of a session says when "Save now" saved something earlier: that stays. */
export const SAVED_BEFORE = {
  nothingMore: 'Nothing more to save; what you saved is kept.',
  restNotSaved: 'The changes since you last saved were not saved; what you saved before is kept.',
};

export class Room {
  pending: PendingChange[] = [];
  /** Whether this session has written anything yet (with "Save now"). */
  savedBefore = false;
  private journalling = true;
  private written = '';
  /** Brings the pending list up to date from a session's own state; run before every question. */
  sync?: () => void;

  constructor(
    readonly io: Io,
    readonly P: Prompts,
    readonly root: string,
    readonly command: string,
  ) {}

  /** How many changes wait: each edit of a field counts, as a person would count them. */
  get count(): number {
    return this.pending.reduce((n, x) => n + size(x), 0);
  }

  /** "3 changes". */
  get countText(): string {
    return plural(this.count, 'change');
  }

  /** Adds a change (or replaces the one with the same key; none removes it) and journals the list. */
  add(change: Change | undefined, note: string, key?: string, draft?: object): void {
    const at = key === undefined ? -1 : this.pending.findIndex((x) => x.key === key);
    if (!change) {
      if (at >= 0) this.pending.splice(at, 1);
    } else {
      const rel = relOf(this.root, change);
      const earlier = this.pending.find((x) => x.rel === rel);
      const entry: PendingChange = { change, note, rel, base: earlier ? earlier.base : fileHash(this.root, rel), ...(key !== undefined ? { key } : {}), ...(draft ? { draft: structuredClone(draft) as Record<string, unknown> } : {}) };
      if (at >= 0) this.pending[at] = entry;
      else this.pending.push(entry);
    }
    this.journal();
  }

  /** A record with this session's changes to it applied (for the screens). */
  withPending<T>(kind: Change['kind'], id: string | undefined, value: T): T {
    let v: unknown = value;
    for (const x of this.pending) if (x.change.kind === kind && x.change.id === id && x.change.edit) for (const op of x.change.edit) v = applyToValue(v, op);
    return v as T;
  }

  private journal(): void {
    if (!this.journalling) return;
    const now = JSON.stringify(this.pending);
    if (now === this.written) return;
    this.written = now;
    if (!this.pending.length) return removeJournal(this.root, this.command);
    writeJournal(this.root, { costar: FORMAT, command: this.command, pid: process.pid, saved: new Date().toISOString(), changes: this.pending });
  }

  private warn(text: string, code: SessionWarning): void {
    sessionWarning(this.io, text, code);
  }

  /** The changes whose record changed on disk since the session read it are left out, and said so. */
  private leaveOutStale(list: PendingChange[]): PendingChange[] {
    const now = new Map<string, string | null>();
    const fresh: PendingChange[] = [];
    const stale = new Map<string, number>();
    for (const x of list) {
      if (!now.has(x.rel)) now.set(x.rel, fileHash(this.root, x.rel));
      if (now.get(x.rel) === x.base) fresh.push(x);
      else stale.set(x.rel, (stale.get(x.rel) ?? 0) + size(x));
    }
    for (const [rel, n] of stale) this.warn(`${rel} changed on disk since this session read it, so ${plural(n, 'change')} to it ${n === 1 ? 'was' : 'were'} left out`, 'session-record-changed');
    return fresh;
  }

  /**
   * The first screen: offers back what a session of the same command left unsaved. A corrupt or
   * foreign journal is ignored with a warning; one of a session still running is left alone.
   */
  async offerRecovery(): Promise<void> {
    const r = readJournal(this.root, this.command);
    if (r.state === 'none') return;
    if (r.state === 'bad') {
      this.warn(`${journalRel(this.command)} was ignored: ${r.reason}; nothing in it was applied`, 'session-journal-unreadable');
      return;
    }
    const j = r.journal;
    if (j.pid !== process.pid && alive(j.pid)) {
      this.journalling = false;
      say(this.io, this.io.ce.dim(`note: another costar ${this.command} session (process ${j.pid}) is running here; this one's unsaved changes are not journalled.`));
      return;
    }
    this.written = JSON.stringify(j.changes);
    if (!j.changes.length) return this.discard();
    const yes = await this.P.confirm({ message: `Recover ${plural(j.changes.reduce((n, x) => n + size(x), 0), 'unsaved change')} from ${whenText(j.saved)}?`, default: true });
    if (!yes) {
      this.discard();
      say(this.io, 'The unsaved changes were discarded.');
      return;
    }
    this.pending = this.leaveOutStale(j.changes);
    this.journal();
    if (this.pending.length) say(this.io, `${this.countText} recovered, not saved yet:\n${this.pending.map((x) => `  · ${x.change.id ?? 'costar.yaml'}: ${x.note}`).join('\n')}`);
  }

  /**
   * Saves every pending change through the store's commit (validated, atomic), leaving out those
   * whose record changed on disk meanwhile. A refusal is thrown and the changes stay pending.
   */
  save(): CommitResult | undefined {
    const fresh = this.leaveOutStale(this.pending);
    if (!fresh.length) {
      this.discard();
      return undefined;
    }
    const p = loadPortfolio(this.root);
    const res = commit(p, fresh.map((x) => x.change));
    this.savedBefore = true;
    this.pending = [];
    this.journal();
    for (const f of res.written) {
      const mine = fresh.filter((x) => x.rel === f);
      say(this.io, `${this.io.ce.green('✔')} ${mine.some((x) => x.base === null) ? 'Wrote' : 'Updated'} ${f}: ${plural(mine.reduce((n, x) => n + size(x), 0), 'change')}`);
    }
    for (const f of res.removed) say(this.io, `${this.io.ce.green('✔')} Removed ${f}`);
    return res;
  }

  /** Saves, showing a refusal instead of ending; true when saved. */
  trySave(): boolean {
    try {
      this.save();
      return true;
    } catch (e) {
      if (!isCostarError(e)) throw e;
      this.io.err(errorText(this.io.ce, e));
      return false;
    }
  }

  discard(): void {
    this.pending = [];
    this.journal();
  }

  /** Ctrl-C at a question: save, discard or go on; Ctrl-C again discards. */
  private async interrupted(e: Error): Promise<void> {
    if (!this.pending.length) throw e;
    const n = this.countText;
    const choice = await saveDiscardOrGoOn(this.P, n);
    if (choice === 'on') return;
    if (choice === 'save') {
      if (this.trySave()) throw new SessionEnd(EXIT.ok);
      return;
    }
    this.discard();
    say(this.io, `${this.io.ce.yellow('Cancelled')}: ${n} discarded; nothing unsaved was written.`);
    throw new SessionEnd(EXIT.cancelled);
  }

  /** Runs the session with Ctrl-C handled here; returns its exit code. */
  run(fn: () => Promise<number>): Promise<number> {
    return runSession({ interrupted: (e) => this.interrupted(e), beforeAsk: () => this.sync?.() }, fn);
  }
}

/** Runs a session: Ctrl-C at a question goes to `interrupted`, and a SessionEnd thrown there gives the exit code. */
export async function runSession(h: { interrupted: (e: Error) => Promise<void>; beforeAsk?: () => void }, fn: () => Promise<number>): Promise<number> {
  setInterruptHandler(h.interrupted);
  setBeforeAsk(h.beforeAsk);
  try {
    return await fn();
  } catch (e) {
    if (e instanceof SessionEnd) return e.exitCode;
    throw e;
  } finally {
    setInterruptHandler(undefined);
    setBeforeAsk(undefined);
  }
}

/**
 * What Ctrl-C with unsaved work asks: "Save 3 changes, discard them, or go on?". Ctrl-C again
 * discards. `cannotSave` says why saving is not possible yet (the choice is shown, disabled).
 */
export async function saveDiscardOrGoOn(P: Prompts, n: string, cannotSave?: string): Promise<'on' | 'save' | 'discard'> {
  try {
    return await P.plainSelect<'on' | 'save' | 'discard'>({
      message: `Save ${n}, discard them, or go on?`,
      loop: false,
      choices: [
        { value: 'on', name: 'Go on with the session' },
        { value: 'save', name: `Save ${n} and stop`, ...(cannotSave ? { disabled: `(${cannotSave})` } : {}) },
        { value: 'discard', name: `Discard ${n} and stop`, description: 'Ctrl-C again does this too' },
      ],
    });
  } catch (again) {
    if (!(again instanceof Error) || again.name !== 'ExitPromptError') throw again;
    return 'discard';
  }
}
