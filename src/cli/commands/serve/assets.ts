/**
 * The static files of `costar serve`: the documents' style sheet (taken from the built-in HTML
 * layout, so the wall looks like the documents) with the wall's additions for a projector and a
 * phone, and the few lines of client script (a file: the Content-Security-Policy allows no inline script).
 */
import { createHash } from 'node:crypto';
import { builtinTemplate } from '../../../generate/templates.js';

/** The <style> of templates/_layout.html.hbs. */
function layoutCss(): string {
  const layout = builtinTemplate('_layout.html.hbs') ?? '';
  return /<style>([\s\S]*?)<\/style>/.exec(layout)?.[1]?.trim() ?? '';
}

const WALL_CSS = `
/* costar serve: the wall, sized for a projector (1280×720 and up), and the scoring form for phones. */
header, main, footer { max-width: 90rem; }
body { font-size: 18px; }
@media (min-width: 1200px) { body { font-size: 20px; } }
header { padding-top: 0.75rem; display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 2rem; }
header > p:first-child { flex-basis: 100%; }
header h1 { margin: 0.1rem 0 0.25rem; }
header nav ul.pages { list-style: none; display: flex; gap: 1.5rem; margin: 0; padding: 0; }
header #updated { margin: 0; }
.skip { position: absolute; left: -999rem; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 1; }
.pair { display: grid; grid-template-columns: 1fr; gap: 1.5rem; align-items: start; }
@media (min-width: 1200px) { .pair { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); } .pair.even { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.pair table { font-size: 0.85em; }
.pair caption, #journey caption, #medians caption { font-weight: 400; color: var(--muted); }
#journey td, #journey th + td { white-space: nowrap; }
img.picture { display: block; width: 100%; max-width: 34rem; height: auto; margin: 0 auto; }
figure.plot svg { width: 100%; height: auto; }
.summary { font-weight: 600; }
td.done { color: var(--good); font-weight: 600; }
td.disagree { background: #fff4e5; }
.problems { border: 3px solid var(--warn); padding: 0.5rem 1rem; margin: 1rem 0; background: #fff8ef; }
.problems h2 { margin-top: 0.5rem; }
.message { font-size: 1.1rem; padding: 0.75rem 1rem; border-left: 6px solid var(--accent); background: var(--band); }
.message.error { border-left-color: #b00020; }
.message.saved { border-left-color: var(--good); }
ul.choices { list-style: none; padding: 0; display: grid; gap: 0.75rem; }
ul.choices a { display: block; padding: 0.9rem 1rem; border: 2px solid var(--accent); border-radius: 0.4rem; text-decoration: none; font-weight: 600; }
ul.steps { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
form.score label[for="rater"] { display: block; font-weight: 600; }
form.score input[type="text"] { font: inherit; width: 100%; max-width: 30rem; padding: 0.6rem; border: 2px solid var(--ink); }
form.score fieldset { border: 1px solid var(--rule); margin: 1rem 0; padding: 0.5rem 0.75rem 0.75rem; }
form.score legend { font-weight: 600; padding: 0 0.25rem; }
.scale { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.scale input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.scale label { display: inline-block; min-width: 3rem; min-height: 3rem; line-height: 3rem; text-align: center; border: 2px solid var(--accent); border-radius: 0.4rem; font-weight: 700; font-size: 1.2rem; cursor: pointer; }
.scale input:checked + label { background: var(--accent); color: #fff; }
.scale input:focus-visible + label { outline: 3px solid #ffbf47; outline-offset: 2px; }
button { font: inherit; font-weight: 700; padding: 0.75rem 1.5rem; background: var(--good); color: #fff; border: 0; border-radius: 0.4rem; cursor: pointer; }
@media (max-width: 600px) { body { font-size: 17px; } h1 { font-size: 1.4rem; } header, main, footer { padding: 0 0.75rem; } table.wide { display: block; overflow-x: auto; } }
`;

export const CSS = `${layoutCss()}\n${WALL_CSS}`;

/**
 * The client script: on each `change` event from /events, fetch the page's new body and swap it in
 * (no reload, the scroll position kept); the scoring form posts as JSON and shows the answer in
 * place, and still works as a plain form without script.
 */
export const CLIENT_JS = `'use strict';
(function () {
  var main = document.getElementById('live');
  if (!main) return;
  var status = document.getElementById('updated');
  function refresh() {
    var url = location.pathname + '?fragment=1';
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } }).then(function (r) {
      // A page whose initiative went away shows its "not found" message; anything else is left as it is.
      if (!r.ok && r.status !== 404) return;
      var version = r.headers.get('X-Costar-Version');
      return r.text().then(function (html) {
        var x = window.scrollX, y = window.scrollY;
        main.innerHTML = html;
        if (version) main.setAttribute('data-version', version);
        window.scrollTo(x, y);
        if (status) status.textContent = 'Updated at ' + new Date().toLocaleTimeString('en-GB') + '.';
      });
    }).catch(function () {});
  }
  if (main.getAttribute('data-live') === 'true' && window.EventSource) {
    var es = new EventSource('/events');
    es.addEventListener('change', function (e) {
      if (e.data && e.data === main.getAttribute('data-version')) return;
      refresh();
    });
  }
  var form = document.querySelector('form.score');
  // The rater's label is remembered on this device only, for the next initiative they score.
  var label = form && form.querySelector('input[name="rater"]');
  try {
    if (label && !label.value && window.localStorage) label.value = localStorage.getItem('costar-rater') || '';
  } catch (e) {}
  if (form && window.fetch && window.FormData) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = new URLSearchParams(new FormData(form));
      fetch(form.getAttribute('action'), { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }, body: body.toString() })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
        .then(function (res) {
          var box = document.getElementById('form-result');
          if (!box) { box = document.createElement('p'); box.id = 'form-result'; form.parentNode.insertBefore(box, form); }
          box.setAttribute('role', res.ok ? 'status' : 'alert');
          box.className = 'message ' + (res.ok ? 'saved' : 'error');
          box.textContent = res.ok ? res.j.message + ' ' : (res.j.error || 'Your scores were not saved.');
          if (res.ok) {
            var more = document.createElement('a');
            more.href = '/score';
            more.textContent = 'Score another initiative';
            box.appendChild(more);
            try { localStorage.setItem('costar-rater', res.j.rater); } catch (e) {}
          }
          box.scrollIntoView({ block: 'nearest' });
        })
        .catch(function () { form.submit(); });
    });
  }
})();
`;

const sri = (text: string): string => `sha384-${createHash('sha384').update(text, 'utf8').digest('base64')}`;
/** Subresource integrity of the two files, for the pages' <link> and <script>. */
export const CSS_SRI = sri(CSS);
export const JS_SRI = sri(CLIENT_JS);
