/** One initiative (`/initiatives/<id>`) and the phone pages for scoring (`/score`, `/score/<id>`). */
import { businessCase, hasBusinessCase } from '../../../core/business-case.js';
import { paybackWording } from '../../../core/case-figures.js';
import { formatMoney, formatRatio, plural } from '../../../core/format.js';
import { matchDetail } from '../../../core/match.js';
import { impactMatrix, QUADRANT_LABELS, scoresOf, type Quadrant } from '../../../core/matrix.js';
import { disagreements, ratedScores, ratingsOf } from '../../../core/ratings.js';
import type { Initiative } from '../../../core/schema.js';
import { starCoverage } from '../../../core/star.js';
import { CO_LABELS, COS, STEP_LABELS, STEPS } from '../../../core/vocab.js';
import type { Portfolio } from '../../../store/portfolio.js';
import { esc, guarded, med, notFoundPage, num2, pathId, problemsSection, type Page } from './html.js';

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
