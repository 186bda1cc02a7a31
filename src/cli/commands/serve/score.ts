/**
 * A score from a phone: the body of `POST /api/ratings/<id>` checked against the portfolio's
 * criteria and scale, then written as that rater's entry in `focus.ratings` with the same edit
 * as `costar focus score --rater` (ratingEdit), through the store's one write path (validated,
 * atomic, comments kept). A file changed on disk meanwhile is read afresh and the write tried once more.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isCostarError } from '../../../core/errors.js';
import { LOCK_FILE } from '../../../store/lock.js';
import { loadPortfolio, type Portfolio } from '../../../store/portfolio.js';
import { commit } from '../../../store/write.js';
import { ratingEdit } from '../focus/group.js';
import { parseScore } from '../focus/options.js';

/** The longest rater label accepted. */
export const MAX_RATER = 80;

/** A refusal with the HTTP status and the message the phone shows. */
export class ScoreError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Submission {
  rater: string;
  scores: Array<[string, number]>;
  /** The raw values, to show the form again as it was sent. */
  raw: Record<string, string>;
}

/** The fields of a request body: form-encoded or JSON; a field given twice or a malformed body is refused. */
export function parseBody(contentType: string | undefined, body: string): Record<string, string> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const out: Record<string, string> = Object.create(null);
  if (type === 'application/json') {
    let v: unknown;
    try {
      v = JSON.parse(body);
    } catch {
      throw new ScoreError(400, 'The request body is not valid JSON.');
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ScoreError(400, 'The request body must be a JSON object: { "rater": "…", "<criterion>": n, … }.');
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'scores' && typeof x === 'object' && x !== null && !Array.isArray(x)) {
        for (const [c, s] of Object.entries(x as Record<string, unknown>)) put(out, c, scalar(c, s));
      } else put(out, k, scalar(k, x));
    }
    return out;
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') {
    if (/%(?![0-9a-fA-F]{2})/.test(body)) throw new ScoreError(400, 'The request body is not well-formed form data.');
    for (const [k, x] of new URLSearchParams(body)) put(out, k, x);
    return out;
  }
  throw new ScoreError(400, `A score is sent as a form or as JSON, not as ${type}.`);
}

function scalar(key: string, v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new ScoreError(400, `"${clip(key)}" must be a number or text.`);
}

function put(out: Record<string, string>, k: string, v: string): void {
  if (Object.prototype.hasOwnProperty.call(out, k)) throw new ScoreError(400, `"${clip(k)}" is given twice; give each field once.`);
  out[k] = v;
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Checks the fields against the portfolio: a rater label and scores on known criteria within the scale. */
export function checkSubmission(p: Portfolio, fields: Record<string, string>): Submission {
  const ids = p.config.criteria.map((c) => c.id);
  const [min, max] = p.config.scale;
  const rater = (fields.rater ?? '').trim().replace(/\s+/g, ' ');
  if (!rater) throw new ScoreError(400, 'Give a rater label, such as "Finance partner" or "Resident 1".');
  if (rater.length > MAX_RATER) throw new ScoreError(400, `The rater label is ${rater.length} characters long; keep it to ${MAX_RATER} or fewer, such as "Finance partner".`);
  if (/[\u0000-\u001f\u007f]/.test(rater)) throw new ScoreError(400, 'The rater label holds control characters; type a plain label.');
  const scores: Array<[string, number]> = [];
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'rater' || k === 'token') continue;
    if (!ids.includes(k)) throw new ScoreError(400, `"${clip(k)}" is not a criterion of this portfolio. Criteria: ${ids.join(', ')}.`);
    const t = v.trim();
    if (t === '') continue;
    // Read as `focus score --set` reads a score (the same parser, the same scale).
    const n = parseScore(p.config, clip(t));
    if (!n.ok) throw new ScoreError(400, `The score for ${k}: ${n.message}.`);
    if (n.value < min || n.value > max) throw new ScoreError(400, `The score ${n.value} for ${k} is outside the scale ${min}–${max}; give a whole number from ${min} to ${max}.`);
    scores.push([k, n.value]);
  }
  if (!scores.length) throw new ScoreError(400, `Give a score from ${min} to ${max} on at least one criterion.`);
  return { rater, scores, raw: fields };
}

export interface Saved {
  initiative: string;
  rater: string;
  replaced: boolean;
  scores: Record<string, number>;
}

/**
 * Writes one rater's scores for an initiative. `load` reads the portfolio afresh; a file changed
 * on disk between the read and the write is read again and the write tried once more.
 */
export function saveScore(root: string, id: string, fields: Record<string, string>, note: (m: string) => void, load: () => Portfolio = () => loadPortfolio(root)): Saved {
  for (let attempt = 0; ; attempt++) {
    const p = load();
    const ini = p.initiatives.find((i) => i.id === id);
    if (!ini) {
      const broken = p.fileOf('initiative', id);
      throw new ScoreError(400, broken ? `The file of "${id}" has errors, so it cannot be scored until they are fixed.` : `There is no initiative "${clip(id)}" in this portfolio.`);
    }
    const sub = checkSubmission(p, fields);
    const { op, replaced } = ratingEdit(p.config, ini, sub.rater, sub.scores);
    if (lockedByOther(root)) throw new ScoreError(409, 'Your scores were not saved: a costar command at the terminal is changing the portfolio just now. Please send them again in a moment.');
    try {
      // The server must not stall for long waiting for the lock: every page and phone waits with it.
      withLockWait(2000, () => commit(p, [{ kind: 'initiative', id, edit: [op] }], { note }));
      return { initiative: id, rater: sub.rater, replaced, scores: Object.fromEntries(sub.scores) };
    } catch (e) {
      if (isCostarError(e) && e.code === 'file-changed' && attempt === 0) continue;
      if (isCostarError(e)) {
        const status = e.code === 'file-changed' || e.code === 'portfolio-locked' || e.code === 'would-not-validate' || e.code === 'cannot-edit' ? 409 : 500;
        throw new ScoreError(status, `Your scores were not saved: ${e.message.split('\n')[0]} Please try again.`);
      }
      throw e;
    }
  }
}

/** Whether another live process on this machine holds the portfolio's lock (.costar/lock). */
export function lockedByOther(root: string): boolean {
  let owner: { pid?: unknown; host?: unknown };
  try {
    owner = JSON.parse(readFileSync(join(root, '.costar', LOCK_FILE), 'utf8')) as typeof owner;
  } catch {
    return false;
  }
  if (typeof owner.pid !== 'number' || owner.pid === process.pid || owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `fn` with the lock's wait (COSTAR_LOCK_WAIT_MS) at most `ms`, unless set lower already. */
function withLockWait<T>(ms: number, fn: () => T): T {
  const saved = process.env.COSTAR_LOCK_WAIT_MS;
  const now = Number(saved);
  if (saved === undefined || !Number.isFinite(now) || now > ms) process.env.COSTAR_LOCK_WAIT_MS = String(ms);
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.COSTAR_LOCK_WAIT_MS;
    else process.env.COSTAR_LOCK_WAIT_MS = saved;
  }
}
