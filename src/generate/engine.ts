/**
 * The document engine: one isolated Handlebars instance per format, helpers for money,
 * percentages, dates and ratios, templates compiled once and in strict mode, so a template that
 * names a field that does not exist fails instead of printing a blank.
 */
import Handlebars from 'handlebars';
import { formatMoney, formatPercent, formatRatio, formatSignedPercent, formatYear } from '../core/format.js';
import { payerLabel } from '../core/config.js';
import { CostarError } from '../core/errors.js';
import { builtinTemplate, templateNames } from './templates.js';

export type DocFormat = 'md' | 'html';

export interface EngineOptions {
  currency: string;
  startYear: number | null;
  /** Labels of payers and beneficiaries (Config.payers). */
  payers?: Record<string, string>;
  /** The text of a portfolio's own template of this name, or undefined to use the built-in one. */
  override?: (name: string) => string | undefined;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();

/** Figures print through the one formatter the terminal uses too (src/core/format.ts). */
export { formatMoney, formatPercent, formatRatio };

export function formatDate(value: string | null | undefined): string {
  if (!value) return 'not set';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  return LONG_DATE.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** Year t of the appraisal: "2026/27" when a start year is set, else "Year 0". */
export const yearLabel = (t: number, startYear: number | null): string => formatYear(startYear, t);

/** Escapes text for Markdown output: no raw HTML, no table breaks. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

/** Deep-copies data with every string escaped for Markdown (Handlebars escapes for HTML itself). */
function escapeForMarkdown(v: unknown): unknown {
  if (typeof v === 'string') return escapeMarkdown(v);
  if (Array.isArray(v)) return v.map(escapeForMarkdown);
  if (v && typeof v === 'object' && !(v instanceof Handlebars.SafeString)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = escapeForMarkdown(x);
    return out;
  }
  return v;
}

export interface Engine {
  render(kind: string, format: DocFormat, context: Record<string, unknown>): string;
  /** Where each template came from (built-in or the portfolio's override). */
  sourceOf(name: string): string;
}

export function createEngine(opts: EngineOptions): Engine {
  const instances: Record<DocFormat, typeof Handlebars> = { md: Handlebars.create(), html: Handlebars.create() };
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const sources = new Map<string, string>();

  for (const [format, hb] of Object.entries(instances) as Array<[DocFormat, typeof Handlebars]>) {
    registerHelpers(hb, opts);
    // Partials: every template named _<name>.<format>.hbs.
    for (const name of templateNames()) {
      const m = /^_(.+)\.(md|html)\.hbs$/.exec(name);
      if (m && m[2] === format) hb.registerPartial(m[1]!, load(name));
    }
  }

  function load(name: string): string {
    const own = opts.override?.(name);
    if (own !== undefined) {
      sources.set(name, `templates/${name}`);
      return own.replace(/^\ufeff/, '');
    }
    sources.set(name, `built-in ${name}`);
    const t = builtinTemplate(name);
    if (t === undefined) throw new CostarError('unknown-template', `there is no template ${name}`);
    return t;
  }

  function template(kind: string, format: DocFormat): Handlebars.TemplateDelegate {
    const name = `${kind}.${format}.hbs`;
    let t = compiled.get(name);
    if (!t) {
      const src = load(name);
      try {
        instances[format].parse(src);
      } catch (e) {
        throw new CostarError('template-syntax', `template ${sources.get(name)} has a syntax error: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`);
      }
      t = instances[format].compile(src, { strict: true, noEscape: format === 'md', preventIndent: true });
      compiled.set(name, t!);
    }
    return t!;
  }

  return {
    render(kind, format, context) {
      const t = template(kind, format);
      const data = format === 'md' ? (escapeForMarkdown(context) as Record<string, unknown>) : context;
      try {
        return t(data);
      } catch (e) {
        const msg = (e as Error).message.split('\n')[0]!;
        const missing = /"?([\w.$@-]+)"? not defined in/.exec(msg);
        throw new CostarError(
          'template-error',
          missing
            ? `template ${sources.get(`${kind}.${format}.hbs`)} names "${missing[1]}", which this document's data does not have`
            : `template ${sources.get(`${kind}.${format}.hbs`)} failed: ${msg}`,
          { hint: 'The README lists the data each template receives; check the spelling.' },
        );
      }
    },
    sourceOf: (name) => sources.get(name) ?? `built-in ${name}`,
  };
}

function registerHelpers(hb: typeof Handlebars, opts: EngineOptions): void {
  hb.registerHelper('money', (v: unknown) => formatMoney(typeof v === 'number' ? v : null, opts.currency));
  hb.registerHelper('payer', (v: unknown) => (typeof v === 'string' ? payerLabel({ payers: opts.payers ?? {} }, v) : ''));
  hb.registerHelper('ratio', (v: unknown) => formatRatio(typeof v === 'number' ? v : null));
  hb.registerHelper('percent', (v: unknown, digits: unknown) => formatPercent(typeof v === 'number' ? v : null, typeof digits === 'number' ? digits : 0));
  hb.registerHelper('signedPercent', (v: unknown) => formatSignedPercent(typeof v === 'number' ? v : null));
  hb.registerHelper('number', (v: unknown, digits: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return 'not set';
    const d = typeof digits === 'number' ? digits : 2;
    let f = NUMBER_FORMATS.get(d);
    if (!f) NUMBER_FORMATS.set(d, (f = new Intl.NumberFormat('en-GB', { maximumFractionDigits: d })));
    return f.format(v);
  });
  hb.registerHelper('fixed', (v: unknown, digits: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(typeof digits === 'number' ? digits : 2) : 'not set'));
  hb.registerHelper('date', (v: unknown) => formatDate(typeof v === 'string' ? v : null));
  hb.registerHelper('year', (t: unknown) => (typeof t === 'number' ? yearLabel(t, opts.startYear) : ''));
  hb.registerHelper('inc', (i: unknown) => (typeof i === 'number' ? i + 1 : i));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('gt', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b);
  hb.registerHelper('lt', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a < b);
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('isNull', (a: unknown) => a === null || a === undefined);
  hb.registerHelper('len', (a: unknown) => (Array.isArray(a) ? a.length : 0));
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : ''));
  hb.registerHelper('plural', (n: unknown, one: unknown, many: unknown) => (n === 1 ? one : many));
  hb.registerHelper('capitalise', (s: unknown) => (typeof s === 'string' && s ? s[0]!.toUpperCase() + s.slice(1) : s));
  /** Raw markup produced by costar itself (e.g. an SVG picture), never user text. */
  hb.registerHelper('raw', (s: unknown) => new hb.SafeString(typeof s === 'string' ? s : ''));
}
