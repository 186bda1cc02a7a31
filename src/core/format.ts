/**
 * The one formatter of figures for people: money, percentages, ratios and year labels. The
 * terminal (focus case, focus plan …) and the documents' Handlebars helpers both call these, so a
 * figure prints the same everywhere. Conventions (en-GB):
 * - money in the portfolio's currency, whole units unless asked for pence, grouped: £12,346;
 *   negatives with a true minus sign: −£1,234; a value that rounds to zero is £0 (never −£0);
 * - percentages: the share × 100 rounded half away from zero to `digits` decimals: 12.3%, −25%;
 * - ratios (BCR): exactly two decimals, no grouping (SPEC 6), "not defined" when null;
 * - dates: "30 June 2027" (day, month in words, year);
 * - years: "2026/27" when the appraisal has a start year, else "Year 0".
 */

export const MINUS = '\u2212';
export const NOT_DEFINED = 'not defined';

const MONEY = new Map<string, Intl.NumberFormat>();

/** Rounds half away from zero to `digits` decimals (so 0.125 → 0.13 and −0.125 → −0.13). */
function roundAway(value: number, digits: number): number {
  const f = 10 ** digits;
  // The small nudge absorbs binary error such as 1.005 × 100 = 100.49999999999999.
  return (Math.sign(value) * Math.round(Math.abs(value) * f * (1 + Number.EPSILON))) / f;
}

/** Money in the portfolio's currency: £12,346, −£1,234, £0; with `exact`, two decimals. null → "not defined". */
export function formatMoney(value: number | null | undefined, currency: string, opts: { exact?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_DEFINED;
  const digits = opts.exact ? 2 : 0;
  const key = `${currency}:${digits}`;
  let fmt = MONEY.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    MONEY.set(key, fmt);
  }
  const v = roundAway(value, digits);
  if (v === 0) return fmt.format(0);
  return v < 0 ? MINUS + fmt.format(-v) : fmt.format(v);
}

/** A share as a percentage: 0.123 → "12.3%" (digits 1), −0.25 → "−25%". null → "not defined". */
export function formatPercent(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return NOT_DEFINED;
  const v = roundAway(share * 100, digits);
  if (v === 0) return `${(0).toFixed(digits)}%`;
  return `${v < 0 ? MINUS : ''}${Math.abs(v).toFixed(digits)}%`;
}

/** A change as a signed percentage: +10%, −5%, 0%. */
export function formatSignedPercent(share: number | null | undefined, digits = 0): string {
  const s = formatPercent(share, digits);
  if (s === NOT_DEFINED || s.startsWith(MINUS) || /^0(\.0+)?%$/.test(s)) return s;
  return `+${s}`;
}

/** A ratio as SPEC 6 shows it: exactly two decimals, no grouping, or "not defined". */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_DEFINED;
  const v = roundAway(value, 2);
  if (v === 0) return '0.00';
  return `${v < 0 ? MINUS : ''}${Math.abs(v).toFixed(2)}`;
}

/** The label of appraisal year t: "2026/27" with a start year, else "Year t". */
export function formatYear(startYear: number | null | undefined, t: number): string {
  if (startYear === null || startYear === undefined) return `Year ${t}`;
  const y = startYear + t;
  return `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
}

/** "1 initiative", "3 initiatives"; `many` for irregular plurals ("person", "people"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// C0 and C1 control characters, DEL, lone surrogates and the non-characters XML refuses; with
// `keepNewlines`, line feeds (and tabs) stay as they are.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|\p{Surrogate}/gu;
const CONTROL_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|\p{Surrogate}/gu;

/**
 * User text made safe to show anywhere (a terminal, XML, an annotation): every control character
 * is written visibly as its escape (`\u0007` for a bell), so a file name or key cannot recolour
 * or rewrite a terminal or break a report. With `keepNewlines`, line feeds and tabs are kept (a message of several lines).
 */
export function visible(text: string, opts: { keepNewlines?: boolean } = {}): string {
  const re = opts.keepNewlines ? CONTROL_KEEP_LINES : CONTROL;
  re.lastIndex = 0;
  if (!re.test(text)) return text;
  return text.replace(re, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// A colour sequence (SGR), kept when the text was coloured on purpose; any other character of
// CONTROL_KEEP_LINES is made visible.
const COLOUR_OR_CONTROL = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]|\p{Surrogate}/gu;

/**
 * Text about to be written to a terminal or a pipe: every control character is made visible
 * (`\u001b`), except line feeds, tabs and — when `keepColour` is set because costar coloured the
 * text itself — colour sequences. So user text cannot move the cursor, clear the screen, set the
 * window title or rewrite lines; with colour off (CI, NO_COLOR, a pipe) nothing raw passes at all.
 */
export function terminalSafe(text: string, opts: { keepColour?: boolean } = {}): string {
  COLOUR_OR_CONTROL.lastIndex = 0;
  if (!COLOUR_OR_CONTROL.test(text)) return text;
  return text.replace(COLOUR_OR_CONTROL, (m) => (m.length > 1 && opts.keepColour ? m : visible(m)));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A YYYY-MM-DD date for people: "30 June 2027". Anything else is returned as it is. */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** The "as at" date from SOURCE_DATE_EPOCH (seconds since 1970, UTC), or today's date on this computer. */
export function defaultAsOf(env: Record<string, string | undefined>, now = new Date()): string | { bad: string } {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && raw.trim() !== '') {
    if (!/^\d{1,12}$/.test(raw.trim())) return { bad: raw };
    return new Date(Number(raw.trim()) * 1000).toISOString().slice(0, 10);
  }
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
