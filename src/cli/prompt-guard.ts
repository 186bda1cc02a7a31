/**
 * What every question of a session does with Escape and Ctrl-C. Escape takes the question off
 * the screen and goes back to the previous one, when something around it can go back
 * (`backable`); otherwise it does nothing. Ctrl-C is handed to the session's interrupt handler (session.ts), which
 * asks whether to save, discard or go on; "go on" asks the same question again. Without a handler
 * Ctrl-C ends the command as before (exit 130, nothing written).
 */

/** Thrown by a question when Escape is pressed and something around it can go back. */
export class BackSignal extends Error {
  override name = 'BackSignal';
  constructor() {
    super('back');
  }
}

export const isBack = (e: unknown): e is BackSignal => e instanceof BackSignal;

let depth = 0;
let interrupt: ((e: Error) => Promise<void>) | undefined;
let beforeAsk: (() => void) | undefined;

/** Called before every question: a session brings its list of unsaved changes up to date (and its journal). */
export function setBeforeAsk(h: (() => void) | undefined): void {
  beforeAsk = h;
}

/** The session's Ctrl-C handler: it returns to ask the question again, or throws to end. */
export function setInterruptHandler(h: ((e: Error) => Promise<void>) | undefined): void {
  interrupt = h;
}

/**
 * Runs `fn`, where Escape at any question goes back: returns `{ back: true }` instead of the
 * value. Calls nest: the innermost one that is running gets the Escape.
 */
export async function backable<T>(fn: () => Promise<T>): Promise<{ back: true } | { back: false; value: T }> {
  depth++;
  try {
    return { back: false, value: await fn() };
  } catch (e) {
    if (isBack(e)) return { back: true };
    throw e;
  } finally {
    depth--;
  }
}

/**
 * Asks questions one after another; Escape at one goes back to the one before (its answer kept
 * as the step sees fit), and Escape at the first goes back out of the sequence when something
 * around it can. A step that is skipped (returns 'skip') is passed over going back too. A step
 * returns nothing else (typed so), so an answer that happens to read "skip" is never taken for it;
 * it keeps its answer in a variable of the caller and offers it as the default when asked again.
 * A step may throw BackSignal itself (a "Back" choice) to do what Escape does. Steps in
 * `answered` (answers recovered from a journal) are passed over once going forward but count as
 * asked, so Escape goes back to them.
 */
export async function steps(list: Array<() => Promise<void | 'skip'>>, answered: Iterable<number> = []): Promise<void> {
  const done: number[] = [];
  const pass = new Set(answered);
  for (let i = 0; i < list.length; ) {
    if (pass.delete(i)) {
      done.push(i++);
      continue;
    }
    const step = list[i]!;
    // The first step lets Escape go to whatever is around the sequence.
    const r = done.length === 0 ? { back: false as const, value: await step() } : await backable(step);
    if (r.back) {
      i = done.pop()!;
      continue;
    }
    if (r.value !== 'skip') done.push(i);
    i++;
  }
}

/** A step of `steps` asked only when `when()` holds at its turn; otherwise skipped. */
export const stepIf =
  (when: () => boolean, ask: () => Promise<void>) =>
  async (): Promise<void | 'skip'> =>
    when() ? ask() : 'skip';

/** The prompt's context: the same object reaches the prompt library, which reads clearPromptOnDone when it ends. */
export interface GuardContext {
  signal: AbortSignal;
  clearPromptOnDone?: boolean;
}

type Ask<T> = (context: GuardContext) => Promise<T>;

interface Key {
  name?: string;
  ctrl?: boolean;
}

/** One question, with Escape and Ctrl-C handled as above. */
export async function guarded<T>(ask: Ask<T>): Promise<T> {
  for (;;) {
    beforeAsk?.();
    const ac = new AbortController();
    const ctx: GuardContext = { signal: ac.signal };
    let escaped = false;
    // With nothing to go back to, Escape does nothing; otherwise the question is taken off the screen.
    const onKey = (_s: unknown, key: Key | undefined) => {
      if (key?.name === 'escape' && !key.ctrl && depth > 0) {
        escaped = true;
        ctx.clearPromptOnDone = true;
        ac.abort();
      }
    };
    const answer = ask(ctx);
    process.stdin.on('keypress', onKey);
    try {
      return await answer;
    } catch (e) {
      const name = e instanceof Error ? e.name : '';
      if (escaped && name === 'AbortPromptError') throw new BackSignal();
      if (name === 'ExitPromptError' && interrupt) {
        await interrupt(e as Error);
        continue;
      }
      throw e;
    } finally {
      process.stdin.off('keypress', onKey);
    }
  }
}
