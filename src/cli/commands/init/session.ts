/**
 * The answers of an interactive `costar init`, kept as they are given. There is no portfolio
 * until the end, so they are journalled in the folder being made (`.costar/session-init.json`,
 * as every session's unsaved work is): a session killed outright is offered back the next time
 * `costar init` runs there. Ctrl-C asks whether to save (make the portfolio from the answers so
 * far), discard or go on; discarding removes the journal and any folder the session made.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXIT, isCostarError } from '../../../core/errors.js';
import { plural } from '../../../core/format.js';
import type { Prompts } from '../../ask.js';
import { errorText } from '../../exit.js';
import type { Io } from '../../io.js';
import { say } from '../../render.js';
import { alive, journalRel, readJournalFile, removeJournal, runSession, saveDiscardOrGoOn, SessionEnd, sessionWarning, whenText, writeJournal } from '../../session.js';

/** The questions of init, in the order they are asked; each answer is kept as typed. */
export const QUESTIONS = ['organisation', 'name', 'areas', 'wards', 'startYear'] as const;
export type Question = (typeof QUESTIONS)[number];
export type Answers = Partial<Record<Question, string>>;

const COMMAND = 'init';
const MAX_ANSWER = 4000;

/** The answers of a journal, or why they cannot be used. */
function answersOf(v: unknown): Answers | string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'it holds no answers';
  const out: Answers = {};
  for (const [k, x] of Object.entries(v)) {
    if (!(QUESTIONS as readonly string[]).includes(k)) return `it holds an answer to no question of init (${k.slice(0, 40)})`;
    if (typeof x !== 'string' || x.length > MAX_ANSWER) return `its answer for ${k} is not text`;
    out[k as Question] = x;
  }
  return out;
}

/** Once the portfolio is made, the answers that made it are not offered again. */
export const removeInitJournal = (dir: string): void => removeJournal(dir, COMMAND);

export class InitRoom {
  answers: Answers = {};
  private journalling = true;
  private written = '{}';
  /** Folders this session made for its journal, to remove again if nothing else is put in them. */
  private made: string[] = [];

  constructor(
    readonly io: Io,
    readonly P: Prompts,
    readonly dir: string,
  ) {}

  get count(): number {
    return QUESTIONS.filter((q) => this.answers[q] !== undefined).length;
  }

  get countText(): string {
    return plural(this.count, 'answer');
  }

  /** Journals the answers so far (run before every question). */
  journal(): void {
    if (!this.journalling) return;
    const now = JSON.stringify(this.answers);
    if (now === this.written) return;
    this.written = now;
    if (!this.count) return this.clear();
    // The folder (and any above it) is made here, before the journal goes in it.
    const first = mkdirSync(this.dir, { recursive: true });
    if (first) for (let d = this.dir; ; d = dirname(d)) {
      this.made.unshift(d);
      if (d === first || dirname(d) === d) break;
    }
    if (!existsSync(join(this.dir, '.costar'))) this.made.push(join(this.dir, '.costar'));
    writeJournal(this.dir, { costar: 'session/v1', command: COMMAND, pid: process.pid, saved: new Date().toISOString(), answers: this.answers });
  }

  /** Removes the journal, and the folders the session made for it when they are empty. */
  clear(): void {
    removeJournal(this.dir, COMMAND);
    for (const d of [...this.made].reverse()) {
      if (existsSync(d) && !readdirSync(d).length) rmdirSync(d);
    }
    this.made = [];
  }

  /**
   * The first screen: offers back the answers an earlier init left here. A corrupt or foreign
   * journal is ignored with a warning; one of an init still running is left alone. Returns the
   * questions whose answers were recovered (checked by `usable`, the others are asked again).
   */
  async offerRecovery(usable: (q: Question, raw: string) => boolean): Promise<Question[]> {
    const r = readJournalFile(this.dir, COMMAND);
    if (r.state === 'none') return [];
    const warn = (reason: string) => sessionWarning(this.io, `${journalRel(COMMAND)} was ignored: ${reason}; nothing in it was applied`, 'session-journal-unreadable');
    if (r.state === 'bad') return (warn(r.reason), []);
    const answers = answersOf(r.journal.answers);
    if (typeof answers === 'string') return (warn(answers), []);
    if (r.journal.pid !== process.pid && alive(r.journal.pid)) {
      this.journalling = false;
      say(this.io, this.io.ce.dim(`note: another costar init (process ${r.journal.pid}) is running here; this one's answers are not journalled.`));
      return [];
    }
    const kept = QUESTIONS.filter((q) => answers[q] !== undefined && usable(q, answers[q]!));
    if (!kept.length) {
      this.clear();
      return [];
    }
    const yes = await this.P.confirm({ message: `Recover ${plural(kept.length, 'unsaved answer')} from ${whenText(r.journal.saved)}?`, default: true });
    if (!yes) {
      this.clear();
      say(this.io, 'The unsaved answers were discarded.');
      return [];
    }
    for (const q of kept) this.answers[q] = answers[q];
    this.written = JSON.stringify(this.answers);
    this.journal();
    return kept;
  }

  /**
   * Runs the questions with Ctrl-C handled: with answers given it asks to save (`save` makes the
   * portfolio and returns the exit code; `cannotSave` says what is still missing), discard or go on.
   */
  run(h: { cannotSave: () => string | undefined; save: () => number }, fn: () => Promise<number>): Promise<number> {
    const interrupted = async (e: Error): Promise<void> => {
      if (!this.count) throw e;
      const n = this.countText;
      const choice = await saveDiscardOrGoOn(this.P, n, h.cannotSave());
      if (choice === 'on') return;
      if (choice === 'save') {
        try {
          throw new SessionEnd(h.save());
        } catch (err) {
          if (!isCostarError(err)) throw err;
          this.io.err(errorText(this.io.ce, err));
          return;
        }
      }
      this.clear();
      say(this.io, `${this.io.ce.yellow('Cancelled')}: ${n} discarded; no portfolio was made.`);
      throw new SessionEnd(EXIT.cancelled);
    };
    return runSession({ interrupted, beforeAsk: () => this.journal() }, fn);
  }
}
