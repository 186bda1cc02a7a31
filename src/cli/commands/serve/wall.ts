/**
 * The wall (`/`): figures, the star, the impact matrix, the room's scores and what to do next,
 * from the same core functions as the documents.
 */
import { plural } from '../../../core/format.js';
import { matrixSvg } from '../../../core/matrix-svg.js';
import { impactMatrix, QUADRANT_LABELS, type Quadrant } from '../../../core/matrix.js';
import { disagreements, ratedScores, ratingsOf } from '../../../core/ratings.js';
import { portfolioStarSvg, svgAlt } from '../../../core/star-svg.js';
import { cellKind, coShares, ringSteps, starCoverage, stepShares, summariseCoverage } from '../../../core/star.js';
import { portfolioStatus } from '../../../core/status.js';
import { CO_LABELS, COS, STEP_LABELS, STEPS } from '../../../core/vocab.js';
import type { Portfolio } from '../../../store/portfolio.js';
import { esc, guarded, med, minCount, num2, pathId, peopleCount, problemsSection, type Page } from './html.js';

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
  const alt = svgAlt(svg, 'The Co-production Star');
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

