/** The diagnostic code catalogue as a Markdown table (docs/diagnostics.md is generated from it). */
import { CODES } from './diagnostics.js';

export function renderCodesMarkdown(): string {
  const rows = Object.entries(CODES)
    .sort(([a, x], [b, y]) => (x.severity === y.severity ? (a < b ? -1 : 1) : x.severity === 'error' ? -1 : 1))
    .map(([code, c]) => `| \`${code}\` | ${c.severity} | ${c.summary} | ${c.example.replace(/\|/g, '\\|')} |`);
  return [
    '# Diagnostic codes',
    '',
    '<!-- Generated from src/core/diagnostics.ts by `npm run docs`; a test checks it is up to date. -->',
    '',
    'Every problem `costar validate` reports has one of these stable codes. Errors fail a run;',
    'warnings fail it only with `--fail-on warning`.',
    '',
    '| code | severity | what it means | example |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
