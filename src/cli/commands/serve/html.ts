/**
 * The pages of `costar serve`, rendered on the server from the same core functions as the
 * documents (star, matrix, ratings, business case, status). Pure: a portfolio in, HTML text out;
 * every piece of user text goes through `esc`. Nothing here reads people's names, contacts or
 * notes: people appear as counts only, under the small-number rule.
 */
import { countText, showCount } from '../../../core/privacy.js';
import { businessCase, hasBusinessCase, paybackWording } from '../../../core/business-case.js';
import { formatMoney, formatRatio, plural } from '../../../core/format.js';
import { matchDetail } from '../../../core/match.js';
import { matrixSvg } from '../../../core/matrix-svg.js';
import { impactMatrix, QUADRANT_LABELS, scoresOf, type Quadrant } from '../../../core/matrix.js';
import { disagreements, ratedScores, ratingsOf } from '../../../core/ratings.js';
import type { Initiative } from '../../../core/schema.js';
import { portfolioStarSvg } from '../../../core/star-svg.js';
import { cellKind, coShares, ringSteps, starCoverage, stepShares, summariseCoverage } from '../../../core/star.js';
import { portfolioStatus } from '../../../core/status.js';
import { CO_LABELS, COS, STEP_LABELS, STEPS } from '../../../core/vocab.js';
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

/** Undoes XML escaping (the text goes into an HTML attribute, escaped again). */
function unxml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
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
function guarded(title: string, draw: () => string): string {
  try {
    return draw();
  } catch (e) {
    return `<section class="problems"><h2>${esc(title)}</h2><p>This part cannot be shown while the portfolio has problems: ${esc(e instanceof Error ? e.message : String(e))}</p></section>`;
  }
}

const titleMap = (p: Portfolio) => new Map(p.initiatives.map((i) => [i.id, i.title]));

function starSection(p: Portfolio): string {
  const { config } = p;
  const star = starCoverage(config, p.initiatives);
  const sum = summariseCoverage(star.coverage);
  const cos = coShares(star.coverage);
  // The ring and the "Done" totals leave stopped initiatives out, as in `star` and the report.
  const ring = ringSteps(star.steps, p.initiatives);
  const steps = stepShares(ring);
  const svg = portfolioStarSvg(config, star, p.initiatives);
  // As in the report: the star is an image, so its own style sheet stays inside the picture (and
  // the page's Content-Security-Policy allows no inline style), and its description is the text alternative.
  const alt = unxml(/<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)?.[1] ?? 'The Co-production Star');
  const titles = titleMap(p);
  const statusOf = new Map(p.initiatives.map((i) => [i.id, i.status]));
  const out: string[] = [];
  out.push('<section class="star" aria-labelledby="star">');
  out.push('<h2 id="star">The Co-production Star</h2>');
  out.push('<div class="pair">');
  out.push(`<figure><img class="picture" src="data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}" alt="${esc(alt)}" width="760" height="975"></figure>`);
  out.push('<div>');
  out.push('<table id="coverage">');
  out.push('<caption>Coverage: initiatives practising each Co in each service area; +n: initiatives with potential for it. A gap has neither.</caption>');
  out.push(`<thead><tr><th scope="col">Service area</th>${COS.map((co) => `<th scope="col" class="num">${esc(CO_LABELS[co])}</th>`).join('')}<th scope="col" class="num">Covered</th></tr></thead>`);
  out.push('<tbody>');
  for (const a of config.serviceAreas) {
    const cells = COS.map((co) => star.coverage.find((c) => c.serviceArea === a.id && c.co === co)!);
    const tds = cells.map((c) => (cellKind(c) === 'gap' ? '<td class="num gap"><span class="status status-warn">gap</span></td>' : `<td class="num">${c.existing}${c.potential ? ` <span class="note">+${c.potential}</span>` : ''}</td>`));
    out.push(`<tr><th scope="row">${esc(a.label)}</th>${tds.join('')}<td class="num">${cells.filter((c) => c.existing > 0).length} of 4</td></tr>`);
  }
  out.push('</tbody>');
  out.push(`<tfoot><tr><th scope="row">Service areas with it</th>${cos.map((c) => `<td class="num">${c.areas} of ${c.of}</td>`).join('')}<td class="num">${sum.existing} of ${sum.cells}</td></tr></tfoot>`);
  out.push('</table>');
  out.push(`<p class="summary">${sum.existing} of ${sum.cells} cells have existing co-production (${Math.round(sum.share * 100)}%)${sum.potentialOnly ? `; ${sum.potentialOnly} potential only` : ''}${sum.gaps ? `; ${plural(sum.gaps, 'gap')}` : '; no gaps'}.</p>`);
  out.push('</div>');
  out.push('</div>');
  out.push('<table id="journey">');
  out.push('<caption>The journey: the five steps each initiative has done, judged from the evidence in its file</caption>');
  out.push(`<thead><tr><th scope="col">Initiative</th><th scope="col">Status</th>${STEPS.map((s) => `<th scope="col">${esc(STEP_LABELS[s])}</th>`).join('')}</tr></thead>`);
  out.push('<tbody>');
  for (const row of star.steps) {
    const cells = STEPS.map((s) => (row[s] ? '<td class="done">✔ done</td>' : '<td class="note">not yet</td>'));
    out.push(`<tr><th scope="row"><a href="/initiatives/${pathId(row.initiative)}">${esc(titles.get(row.initiative) ?? row.initiative)}</a></th><td>${esc(statusOf.get(row.initiative) ?? '')}</td>${cells.join('')}</tr>`);
  }
  out.push('</tbody>');
  out.push(`<tfoot><tr><th scope="row" colspan="2">Done</th>${steps.map((s) => `<td>${s.done} of ${s.of}</td>`).join('')}</tr></tfoot>`);
  out.push('</table>');
  out.push('</section>');
  return out.join('\n');
}

const num2 = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : (Math.round(v * 100) / 100).toFixed(2));
const med = (v: number | undefined): string => (v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1));

function matrixSection(p: Portfolio): string {
  const { config } = p;
  const rows = impactMatrix(config, p.initiatives);
  const ranked = rows.filter((r) => r.rank !== null);
  const unscored = rows.filter((r) => r.rank === null).map((r) => r.id);
  const titles = titleMap(p);
  const byId = new Map(p.initiatives.map((i) => [i.id, i]));
  const out: string[] = [];
  out.push('<section class="matrix" aria-labelledby="matrix">');
  out.push('<h2 id="matrix">Impact matrix</h2>');
  out.push(`<p>Each option scored on the portfolio's criteria, ${config.scale[0]} to ${config.scale[1]}; where critical friends have scored, their median counts for any criterion without a consensus score.</p>`);
  if (!ranked.length) {
    out.push('<p class="note">No initiative is fully scored yet: score one from a phone at <a href="/score">/score</a>, or with <code>costar focus score</code>.</p>');
  } else {
    const svg = matrixSvg({
      name: config.name,
      scale: config.scale,
      points: ranked.map((r) => ({ id: r.id, impact: r.impact!, ease: r.ease!, quadrant: r.quadrant as Quadrant, rank: r.rank! })),
      unscored,
      idPrefix: 'wall-matrix',
    });
    out.push('<div class="pair even">');
    out.push(`<figure class="plot">${svg}</figure>`);
    out.push('<table id="ranking">');
    out.push('<caption>Ranking: highest impact first, then the easiest</caption>');
    out.push('<thead><tr><th scope="col" class="num">Rank</th><th scope="col">Initiative</th><th scope="col" class="num">Impact</th><th scope="col" class="num">Ease</th><th scope="col">Quadrant</th><th scope="col" class="num">Raters</th></tr></thead>');
    out.push('<tbody>');
    for (const r of ranked) {
      const ini = byId.get(r.id)!;
      const n = ratingsOf(ini).length;
      const ds = disagreements(config, ini);
      out.push(
        `<tr><td class="num">${r.rank}</td><th scope="row"><a href="/initiatives/${pathId(r.id)}">${esc(titles.get(r.id) ?? r.id)}</a></th><td class="num">${num2(r.impact)}</td><td class="num">${num2(r.ease)}</td><td>${esc(QUADRANT_LABELS[r.quadrant as Quadrant])}</td><td class="num">${n}${ds.length ? ' <span class="status status-warn">disagree</span>' : ''}</td></tr>`,
      );
    }
    out.push('</tbody>');
    out.push('</table>');
    out.push('</div>');
  }
  if (unscored.length) out.push(`<p class="note">Not yet fully scored, so not ranked: ${unscored.map((id) => esc(titles.get(id) ?? id)).join(', ')}.</p>`);
  out.push('</section>');
  return out.join('\n');
}

/** The group's medians and where the raters disagree, for every initiative someone has rated. */
function groupSection(p: Portfolio): string {
  const { config } = p;
  const rated = p.initiatives.filter((i) => ratingsOf(i).length > 0);
  const out: string[] = [];
  out.push('<section class="group" aria-labelledby="group">');
  out.push('<h2 id="group">Scores from the room</h2>');
  if (!rated.length) {
    out.push('<p class="note">Nobody has scored from a phone yet. Open <a href="/score">/score</a> to give your scores.</p>');
    out.push('</section>');
    return out.join('\n');
  }
  out.push(`<p>The median of the raters' scores on each criterion. Raters disagree where their scores span 2 points or more: worth talking through.</p>`);
  out.push('<table id="medians" class="wide">');
  out.push('<caption>Group medians by initiative and criterion</caption>');
  out.push(`<thead><tr><th scope="col">Initiative</th><th scope="col" class="num">Raters</th>${config.criteria.map((c) => `<th scope="col" class="num"><abbr title="${esc(c.label)}">${esc(c.id)}</abbr></th>`).join('')}</tr></thead>`);
  out.push('<tbody>');
  for (const ini of rated) {
    const m = ratedScores(config, ini);
    const ds = new Map(disagreements(config, ini).map((d) => [d.criterion, d]));
    const cells = config.criteria.map((c) => {
      const d = ds.get(c.id);
      return d ? `<td class="num disagree">${med(m[c.id])} <span class="status status-warn">spread ${d.spread} (${d.min}–${d.max})</span></td>` : `<td class="num">${med(m[c.id])}</td>`;
    });
    out.push(`<tr><th scope="row"><a href="/initiatives/${pathId(ini.id)}">${esc(ini.title)}</a></th><td class="num">${ratingsOf(ini).length}</td>${cells.join('')}</tr>`);
  }
  out.push('</tbody>');
  out.push('</table>');
  out.push('</section>');
  return out.join('\n');
}

function nextSection(p: Portfolio): string {
  const status = portfolioStatus(p.config, p.initiatives);
  const titles = titleMap(p);
  const areaLabel = new Map(p.config.serviceAreas.map((a) => [a.id, a.label]));
  const rows = status.initiatives.filter((s) => s.stage !== 'stopped' && s.next);
  const out: string[] = [];
  out.push('<section class="next" aria-labelledby="next">');
  out.push('<h2 id="next">What to do next</h2>');
  if (!rows.length) out.push('<p>Every initiative has done all five steps.</p>');
  else {
    out.push('<table id="next-steps">');
    out.push('<caption>The next step of each initiative, from <code>costar status</code></caption>');
    out.push('<thead><tr><th scope="col">Initiative</th><th scope="col">Step</th><th scope="col">What to do</th></tr></thead>');
    out.push('<tbody>');
    for (const s of rows) {
      const stage = s.stage === 'done' ? 'All done' : STEP_LABELS[s.stage as keyof typeof STEP_LABELS];
      out.push(`<tr><th scope="row"><a href="/initiatives/${pathId(s.id)}">${esc(titles.get(s.id) ?? s.id)}</a></th><td>${esc(stage)}</td><td>${esc(s.next!.message)}<br><code>${esc(s.next!.command)}</code></td></tr>`);
    }
    out.push('</tbody>');
    out.push('</table>');
  }
  if (status.gaps.length) {
    out.push('<h3>The largest gaps in the star</h3>');
    out.push('<ul>');
    for (const g of status.gaps.slice(0, 6)) out.push(`<li>${esc(areaLabel.get(g.serviceArea) ?? g.serviceArea)}: ${esc(CO_LABELS[g.co])}${g.potential ? ` (${g.potential} with potential)` : ''}</li>`);
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

function figures(p: Portfolio): string {
  const min = minCount(p);
  const active = p.initiatives.filter((i) => i.status !== 'stopped').length;
  const scored = impactMatrix(p.config, p.initiatives).filter((r) => r.rank !== null).length;
  const raters = p.initiatives.reduce((s, i) => s + ratingsOf(i).length, 0);
  return [
    '<ul class="figures">',
    `<li><strong>${p.initiatives.length}</strong> ${p.initiatives.length === 1 ? 'initiative' : 'initiatives'}, ${active} active</li>`,
    `<li><strong>${scored}</strong> scored on the impact matrix</li>`,
    `<li><strong>${raters}</strong> ${raters === 1 ? 'rating' : 'ratings'} from critical friends</li>`,
    `<li><strong>${esc(peopleCount(p.people.length, min))}</strong> in the asset survey</li>`,
    '</ul>',
  ].join('\n');
}

/** The wall: `/`. */
export function wallPage(p: Portfolio): Page {
  const body = [problemsSection(p), guarded('Figures', () => figures(p)), guarded('The Co-production Star', () => starSection(p)), guarded('Impact matrix', () => matrixSection(p)), guarded('Scores from the room', () => groupSection(p)), guarded('What to do next', () => nextSection(p))]
    .filter(Boolean)
    .join('\n');
  return { title: 'The workshop wall', body, live: true };
}

/** One initiative: `/initiatives/<id>`. */
export function initiativePage(p: Portfolio, id: string): Page {
  const ini = p.initiatives.find((i) => i.id === id);
  if (!ini) return notFoundPage(p, `There is no initiative "${id}" in this portfolio${p.errors ? ', or its file has errors' : ''}.`, problemsSection(p));
  return { title: ini.title, body: [problemsSection(p), guarded(ini.title, () => initiativeBody(p, ini))].filter(Boolean).join('\n'), live: true };
}

function initiativeBody(p: Portfolio, ini: Initiative): string {
  const { config } = p;
  const area = config.serviceAreas.find((a) => a.id === ini.serviceArea)?.label ?? ini.serviceArea;
  const wardLabel = new Map(config.wards.map((w) => [w.id, w.label]));
  const star = starCoverage(config, [ini]);
  const steps = star.steps[0];
  const out: string[] = [];
  out.push(`<p class="lead">${esc(area)} · status: <strong>${esc(ini.status)}</strong>${ini.wards?.length ? ` · ${esc(ini.wards.map((w) => wardLabel.get(w) ?? w).join(', '))}` : ''}</p>`);
  if (ini.summary) out.push(`<p>${esc(ini.summary)}</p>`);

  out.push('<section aria-labelledby="cos"><h2 id="cos">The Four Co\'s</h2>');
  out.push('<table id="ini-cos"><caption>How it practises each Co</caption><thead><tr><th scope="col">Co</th><th scope="col">Level</th><th scope="col">How</th></tr></thead><tbody>');
  for (const co of COS) {
    const c = (ini.cos as Record<string, { level?: string; how?: string } | undefined> | undefined)?.[co];
    out.push(`<tr><th scope="row">${esc(CO_LABELS[co])}</th><td>${c?.level ? esc(c.level) : '<span class="note">not yet</span>'}</td><td>${esc(c?.how ?? '')}</td></tr>`);
  }
  out.push('</tbody></table></section>');

  if (steps) {
    out.push('<section aria-labelledby="steps"><h2 id="steps">The journey</h2><ul class="steps">');
    for (const s of STEPS) out.push(`<li>${steps[s] ? '<span class="status status-good">done</span>' : '<span class="note">not yet</span>'} ${esc(STEP_LABELS[s])}</li>`);
    out.push('</ul></section>');
  }

  const scores = scoresOf(config, ini);
  const medians = ratedScores(config, ini);
  const ratings = ratingsOf(ini);
  const ds = new Map(disagreements(config, ini).map((d) => [d.criterion, d]));
  const consensus = (ini.focus?.scores ?? {}) as Record<string, number | undefined>;
  out.push('<section aria-labelledby="scores"><h2 id="scores">Scores and ratings</h2>');
  out.push(`<p>${plural(ratings.length, 'rater')} so far. <a href="/score/${pathId(ini.id)}">Give your scores</a>.</p>`);
  out.push(`<table id="ini-scores"><caption>Scores on the ${config.scale[0]}–${config.scale[1]} scale: the consensus score where one is set, else the raters' median</caption>`);
  out.push('<thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Consensus</th><th scope="col" class="num">Raters\' median</th><th scope="col" class="num">Counts</th><th scope="col">Raters disagree</th></tr></thead><tbody>');
  for (const c of config.criteria) {
    const d = ds.get(c.id);
    out.push(`<tr><th scope="row">${esc(c.label)} <span class="note">(${esc(c.id)}, ${esc(c.axis)} ×${c.weight})</span></th><td class="num">${consensus[c.id] ?? '–'}</td><td class="num">${med(medians[c.id])}</td><td class="num">${scores[c.id] ?? '–'}</td><td>${d ? `<span class="status status-warn">spread ${d.spread} (${d.min} to ${d.max})</span>` : ''}</td></tr>`);
  }
  out.push('</tbody></table>');
  const row = impactMatrix(config, p.initiatives).find((r) => r.id === ini.id);
  if (row && row.rank !== null) out.push(`<p class="summary">Impact ${num2(row.impact)}, ease ${num2(row.ease)}: ${esc(QUADRANT_LABELS[row.quadrant as Quadrant])}, ranked ${row.rank} of ${p.initiatives.filter((i) => i.status !== 'stopped').length}.</p>`);
  out.push('</section>');

  out.push('<section aria-labelledby="case"><h2 id="case">Business case</h2>');
  if (hasBusinessCase(ini)) {
    const bc = businessCase(config, ini);
    const money = (v: number) => esc(formatMoney(v, config.currency));
    out.push('<table id="ini-case"><caption>Present values over the appraisal period, adjusted for optimism bias</caption><tbody>');
    out.push(`<tr><th scope="row">Costs</th><td class="num">${money(bc.pvCosts)}</td></tr>`);
    out.push(`<tr><th scope="row">Benefits</th><td class="num">${money(bc.pvBenefits)}</td></tr>`);
    out.push(`<tr><th scope="row">Net present value</th><td class="num">${money(bc.npv)}</td></tr>`);
    out.push(`<tr><th scope="row">Benefit–cost ratio</th><td class="num">${esc(formatRatio(bc.bcr))}</td></tr>`);
    out.push(`<tr><th scope="row">Pays back</th><td class="num">${esc(paybackWording(bc))}</td></tr>`);
    out.push('</tbody></table>');
  } else out.push(`<p class="note">No business case yet: <code>costar focus add-cost ${esc(ini.id)} …</code></p>`);
  out.push('</section>');

  const needs = matchDetail(config, p.initiatives, p.people).needs.filter((n) => n.initiative === ini.id);
  out.push('<section aria-labelledby="needs"><h2 id="needs">Needs</h2>');
  if (!needs.length) out.push('<p class="note">No needs recorded.</p>');
  else {
    out.push('<table id="ini-needs"><caption>What it needs from contributors (counts only)</caption><thead><tr><th scope="col">Skill</th><th scope="col" class="num">Places</th><th scope="col" class="num">Still to fill</th></tr></thead><tbody>');
    for (const n of needs) out.push(`<tr><th scope="row">${esc(n.skill)}</th><td class="num">${n.count}</td><td class="num">${n.missing}</td></tr>`);
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

export function notFoundPage(p: Portfolio | undefined, message: string, extra = ''): Page {
  return { title: 'Not found', body: `${extra}<p>${esc(message)}</p><p><a href="/">Back to the wall</a></p>`, live: false, status: 404 };
}

/** A refusal shown as a page (403, 413, 429 …). */
export function messagePage(title: string, message: string, status: number): Page {
  return { title, body: `<p class="message" role="alert">${esc(message)}</p>`, live: false, status };
}

/** `/score`: pick an initiative. */
export function scoreIndexPage(p: Portfolio): Page {
  const list = p.initiatives.filter((i) => i.status !== 'stopped');
  const body = [
    '<p>Pick the initiative you want to score. Your scores are recorded under a label you choose (a role such as "Finance partner" or "Resident 1"): please do not use your name.</p>',
    list.length ? `<ul class="choices">${list.map((i) => `<li><a href="/score/${pathId(i.id)}">${esc(i.title)}</a></li>`).join('')}</ul>` : '<p class="note">No initiatives to score yet.</p>',
  ].join('\n');
  return { title: 'Score an initiative', body, live: false };
}

export interface FormState {
  rater?: string;
  scores?: Record<string, string>;
  error?: string;
  saved?: boolean;
}

/** `/score/<id>`: the scoring form (works without script: a plain form POST). */
export function scoreFormPage(p: Portfolio, id: string, state: FormState = {}): Page {
  const ini = p.initiatives.find((i) => i.id === id);
  if (!ini) return notFoundPage(p, `There is no initiative "${id}" to score.`);
  const { config } = p;
  const [min, max] = config.scale;
  const out: string[] = [];
  if (state.saved) out.push(`<p class="message saved" role="status">Thank you: your scores for ${esc(ini.title)} are saved. They are on the wall now. <a href="/score">Score another initiative</a>.</p>`);
  if (state.error) out.push(`<p class="message error" role="alert" id="form-error">${esc(state.error)}</p>`);
  out.push(`<p>Score <strong>${esc(ini.title)}</strong> on each criterion, from ${min} (least) to ${max} (most).</p>`);
  out.push(`<form class="score" method="post" action="/api/ratings/${pathId(ini.id)}">`);
  out.push('<p><label for="rater">Your rater label (a role, not your name)</label>');
  out.push(`<input id="rater" name="rater" type="text" required maxlength="80" autocomplete="off" value="${esc(state.rater ?? '')}"></p>`);
  for (const c of config.criteria) {
    const chosen = state.scores?.[c.id];
    out.push(`<fieldset><legend>${esc(c.label)} <span class="note">(${esc(c.id)})</span></legend><div class="scale">`);
    for (let v = min; v <= max; v++) {
      const fid = `${c.id}-${v}`;
      out.push(`<input type="radio" id="${esc(fid)}" name="${esc(c.id)}" value="${v}"${chosen === String(v) ? ' checked' : ''}><label for="${esc(fid)}">${v}</label>`);
    }
    out.push('</div></fieldset>');
  }
  out.push('<p><button type="submit">Save my scores</button></p>');
  out.push('</form>');
  return { title: `Score: ${ini.title}`, body: out.join('\n'), live: false, status: state.error ? 400 : 200 };
}
