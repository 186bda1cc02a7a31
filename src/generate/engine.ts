/**
 * The document engine: one isolated Handlebars instance per format, helpers for money,
 * percentages, dates and ratios, templates compiled once and in strict mode, so a template that
 * names a field that does not exist fails instead of printing a blank.
 */
import Handlebars from 'handlebars';
import { formatDate as formatDay, formatMoney, formatPercent, formatRatio, formatSignedPercent, formatYear } from '../core/format.js';
import { payerLabel } from '../core/config.js';
import { CostarError } from '../core/errors.js';
import { builtinTemplate, templateNames } from './templates.js';
import { skillName } from './kinds.js';

export type DocFormat = 'md' | 'html';

export interface EngineOptions {
  currency: string;
  startYear: number | null;
  /** Labels of payers and beneficiaries (Config.payers). */
  payers?: Record<string, string>;
  /** The text of a portfolio's own template of this name, or undefined to use the built-in one. */
  override?: (name: string) => string | undefined;
}

const NUMBER_FORMATS = new Map<number, Intl.NumberFormat>();

/** Figures print through the one formatter the terminal uses too (src/core/format.ts). */
export { formatMoney, formatPercent, formatRatio };

/** A date as GOV.UK writes it ("30 June 2027", core/format.ts, as in the terminal), or "not set". */
export function formatDate(value: string | null | undefined): string {
  return value ? formatDay(value) : 'not set';
}

/** Year t of the appraisal: "2026/27" when a start year is set, else "Year 0". */
export const yearLabel = (t: number, startYear: number | null): string => formatYear(startYear, t);

/**
 * Escapes text for Markdown so it renders as the text that was typed: every character that could
 * start a link, emphasis, code, raw HTML, an entity or a table cell is backslash-escaped, so are
 * the marks that make a heading, quote or list when the text begins a line, and addresses that
 * GitHub-flavoured Markdown would turn into links. Line breaks and runs of spaces become one space
 * (a value never opens a new block).
 */
export function escapeMarkdown(s: string): string {
  // Each step runs only when the text has what it changes: a document set escapes every value.
  let t = NOT_ONE_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
  if (t.startsWith(' ')) t = t.slice(1);
  t = t.replace(MARKDOWN_SPECIAL, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
  if (t.includes('://')) t = t.replace(/\b(https?|ftp):\/\//gi, '$1\\://');
  if (/www\./i.test(t)) t = t.replace(/\bwww\./gi, 'www\\.');
  if (LINE_START.test(t)) t = t.replace(/^(#{1,6}|[-+])(?= |$)/, '\\$1').replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2');
  return /^[-= ]+$/.test(t) ? `\\${t}` : t;
}

/** White space other than single spaces (which the first step leaves as it is). */
const NOT_ONE_SPACE = /[^\S ]| {2}/;
const MARKDOWN_SPECIAL = /&(?=#?[a-zA-Z0-9]+;)|[<>\\`*_[\]|~]/g;
const LINE_START = /^[#+\-\d]/;

/** A Markdown code span holding text exactly as given (a fence longer than any run of backticks in it). */
export function markdownCode(s: string): string {
  const t = s.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/**
 * Markdown templates escape through the helper `escapeMarkdown` instead of Handlebars's HTML
 * escaping: `{{x}}` in a .md template is escaped for Markdown, `{{{x}}}` is written as it is.
 * (Handlebars's own escaping is shared by every instance, so the Markdown instance compiles its
 * escaped expressions to a call of its own helper.)
 */
function markdownCompiler(hb: typeof Handlebars): void {
  const Base = (hb as unknown as { JavaScriptCompiler: { new (): object; prototype: Record<string, unknown> } }).JavaScriptCompiler;
  function MarkdownCompiler(this: unknown) {
    (Base as unknown as (this: unknown) => void).call(this);
  }
  const proto = Object.create(Base.prototype) as Record<string, unknown> & {
    pushSource(s: unknown): void;
    appendToBuffer(parts: unknown[]): unknown;
    aliasable(name: string): unknown;
    popStack(): unknown;
  };
  proto.compiler = MarkdownCompiler;
  proto.appendEscaped = function (this: typeof proto) {
    // Helpers are called with an options object last (Handlebars's helper wrapper sets on it).
    this.pushSource(this.appendToBuffer([this.aliasable('helpers.escapeMarkdown'), '(', this.popStack(), ', {})']));
  };
  MarkdownCompiler.prototype = proto;
  (hb as unknown as { JavaScriptCompiler: unknown }).JavaScriptCompiler = MarkdownCompiler;
  hb.registerHelper('escapeMarkdown', (v: unknown) => {
    if (v === null || v === undefined) return '';
    // Safe strings (helpers' own markup) pass as they are, as in Handlebars's own escaping.
    if (typeof (v as { toHTML?: unknown }).toHTML === 'function') return (v as { toHTML(): string }).toHTML();
    return escapeMarkdown(String(v));
  });
  /** Text as a code span, e.g. a command: {{code command}}. */
  hb.registerHelper('code', (v: unknown) => new hb.SafeString(typeof v === 'string' ? markdownCode(v) : ''));
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
    if (format === 'md') markdownCompiler(hb);
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
      t = instances[format].compile(src, { strict: true, preventIndent: true });
      compiled.set(name, t!);
    }
    return t!;
  }

  return {
    render(kind, format, context) {
      const t = template(kind, format);
      try {
        return t(context);
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
  /** A skill id in words: {{skillName skill}}. */
  hb.registerHelper('skillName', (v: unknown) => (typeof v === 'string' ? skillName(v) : ''));
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
