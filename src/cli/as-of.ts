/** The day a command judges or dates by: --as-of, else SOURCE_DATE_EPOCH, else today. */
import { usageError } from '../core/errors.js';
import { isRealDate } from '../core/validate.js';
import { defaultAsOf } from '../core/format.js';

/** `raw` is the --as-of flag (undefined when not given); a bad value is exit 2. */
export function asOfDate(raw: unknown, env: Record<string, string | undefined>, now = new Date()): string {
  if (raw !== undefined) {
    const s = String(raw).trim();
    if (!isRealDate(s)) {
      const shape = /^\d{4}-\d{2}-\d{2}$/.test(s) ? 'is not a real date' : 'is not a date in the form YYYY-MM-DD';
      throw usageError('bad-date', `--as-of ${JSON.stringify(String(raw))} ${shape}`, 'For example: --as-of 2027-03-31');
    }
    return s;
  }
  const d = defaultAsOf(env, now);
  if (typeof d !== 'string') throw usageError('bad-date', `SOURCE_DATE_EPOCH ${JSON.stringify(d.bad)} is not a number of seconds since 1 January 1970`, 'Unset it, or give the date with --as-of YYYY-MM-DD.');
  return d;
}
