/** The diagnostic code catalogue as a Markdown table (docs/diagnostics.md is generated from it). */
import { CODES } from './diagnostics.js';
import { ERRORS, SESSION_WARNINGS } from './errors-data.js';

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
    '# Errors that stop a command',
    '',
    '<!-- Generated from src/core/errors-data.ts. -->',
    '',
    'When a command cannot do what was asked it prints `error  <message>  [<code>]` and a `hint:`',
    'on stderr, and exits with the code shown (1 failed, 2 usage, 130 cancelled).',
    '',
    '| code | exit | what it means | example | what to do |',
    '| --- | --- | --- | --- | --- |',
    ...Object.entries(ERRORS)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, e]) => `| \`${code}\` | ${e.exit} | ${e.title} | ${cell(e.example)} | ${cell(e.fix)} |`),
    '',
    '# Warnings of interactive sessions',
    '',
    'An interactive session (map, focus, people, market, grow) prints `warning  <message>  [<code>]`',
    'on stderr and goes on; nothing is applied from what the warning names.',
    '',
    '| code | what it means | example | what to do |',
    '| --- | --- | --- | --- |',
    ...Object.entries(SESSION_WARNINGS)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, e]) => `| \`${code}\` | ${e.title} | ${cell(e.example)} | ${cell(e.fix)} |`),
    '',
  ].join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
