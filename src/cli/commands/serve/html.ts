/**
 * What every page of `costar serve` shares: escaping, the layout, counts of people under the
 * small-number rule, and the problems and refusals shown as pages. The wall is wall.ts, the
 * initiative and scoring pages pages.ts. Pure: a portfolio in, HTML text out; every piece of
 * user text goes through `esc`. Nothing here reads people's names, contacts or notes.
 */
import { countText, showCount } from '../../../core/privacy.js';
import { plural } from '../../../core/format.js';
import type { Portfolio } from '../../../store/portfolio.js';
import { VERSION } from '../../version.js';
import { CSS_SRI, JS_SRI } from './assets.js';

/** Escapes text for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An id as it may appear in a URL path. */
export const pathId = (id: string): string => encodeURIComponent(id);

/** The smallest count of people shown as a number (`privacy.minCount` in costar.yaml, default 5). */
export function minCount(p: Portfolio): number {
  return p.config.privacy.minCount;
}

/** A count of people under the small-number rule (core/privacy.ts): "fewer than 5" for 1 to 4, else the number. */
export function peopleCount(n: number, min: number): string {
  return countText(showCount(n, min), min);
}

export interface Page {
  /** The <title> and <h1>. */
  title: string;
  /** The part that live updates replace (inside <main>). */
  body: string;
  /** The page subscribes to `change` events and swaps its body in. */
  live: boolean;
  status?: number;
}

/** A whole page: the documents' look (the layout's style sheet is served as /static/costar.css). */
export function layout(p: Pick<Portfolio, 'config'> | undefined, page: Page, version: number): string {
  const org = p ? `${p.config.organisation} · ${p.config.name}` : 'costar';
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="costar ${esc(VERSION)}">`,
    `<title>${esc(page.title)} — ${esc(p?.config.organisation ?? 'costar')}</title>`,
    // No icon to fetch (a browser asks for /favicon.ico otherwise).
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="/static/costar.css" integrity="${CSS_SRI}">`,
    `<script src="/static/wall.js" integrity="${JS_SRI}" defer></script>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#live">Skip to the content</a>',
    '<header>',
    `<p>${esc(org)}</p>`,
    `<h1>${esc(page.title)}</h1>`,
    '<nav aria-label="Pages"><ul class="pages"><li><a href="/">The wall</a></li><li><a href="/score">Score an initiative</a></li></ul></nav>',
    page.live ? '<p id="updated" class="note" role="status" aria-live="polite">Live: this page updates when the portfolio\'s files change.</p>' : '',
    '</header>',
    `<main id="live"${page.live ? ' data-live="true"' : ''} data-version="${version}">`,
    page.body,
    '</main>',
    '<footer>',
    `<p>Served by costar ${esc(VERSION)} from the portfolio's files. The co-production method follows Governance International's Co-production Star.</p>`,
    '</footer>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n');
}

/** The portfolio's problems, when a file does not validate: shown on the wall instead of breaking it. */
export function problemsSection(p: Portfolio): string {
  const errors = p.diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return '';
  const shown = errors.slice(0, 20);
  return [
    '<section class="problems" aria-labelledby="problems">',
    `<h2 id="problems">${esc(plural(errors.length, 'problem'))} in the portfolio's files</h2>`,
    '<p>The figures below leave out the records with errors until they are fixed. Run <code>costar validate</code> for the details.</p>',
    '<ul>',
    ...shown.map((d) => `<li><code>${esc(`${d.file}:${d.line}:${d.column}`)}</code> ${esc(d.message)}</li>`),
    errors.length > shown.length ? `<li>… and ${errors.length - shown.length} more</li>` : '',
    '</ul>',
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A section that could not be drawn says so, and the others still show. */
export function guarded(title: string, draw: () => string): string {
  try {
    return draw();
  } catch (e) {
    return `<section class="problems"><h2>${esc(title)}</h2><p>This part cannot be shown while the portfolio has problems: ${esc(e instanceof Error ? e.message : String(e))}</p></section>`;
  }
}


export function notFoundPage(p: Portfolio | undefined, message: string, extra = ''): Page {
  return { title: 'Not found', body: `${extra}<p>${esc(message)}</p><p><a href="/">Back to the wall</a></p>`, live: false, status: 404 };
}

/** A refusal shown as a page (403, 413, 429 …). */
export function messagePage(title: string, message: string, status: number): Page {
  return { title, body: `<p class="message" role="alert">${esc(message)}</p>`, live: false, status };
}

/** A weighted score to two places, or a dash. */
export const num2 = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : (Math.round(v * 100) / 100).toFixed(2));
/** A median: whole, or to one place; a dash when there is none. */
export const med = (v: number | undefined): string => (v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1));

