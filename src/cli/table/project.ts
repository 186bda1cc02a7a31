/** The commands that set up and check a portfolio: init, validate, diff, history, schema, set. */
import { commandModule } from '../bundles.js';
import { json, type CommandSpec } from './spec.js';

export const SETUP: CommandSpec[] = [
  {
    name: 'init',
    summary: 'create a new portfolio',
    args: ['[dir]'],
    options: [
      { flags: '--name <name>', description: 'portfolio name, e.g. "Midshire co-production portfolio"' },
      { flags: '--organisation <organisation>', description: 'organisation, e.g. "Midshire Council"' },
      { flags: '--area <id[:label]>', description: 'a service area (repeatable): an id, id:label or a label, e.g. "Adult social care" (id adult-social-care); case-library tags are chosen from it', repeatable: true },
      { flags: '--ward <id[:label]>', description: 'a ward or locality (repeatable): an id, id:label or a label, e.g. "North ward"', repeatable: true },
      { flags: '--start-year <year>', description: 'the financial year of year 0, e.g. 2026 or 2026/27 (default: the financial year that contains today)' },
    ],
    examples: ['costar init midshire --name "Midshire co-production portfolio" --organisation "Midshire Council" --area "Adult social care" --area housing --ward north --ward south --start-year 2026'],
    load: () => commandModule('init'),
  },
  {
    name: 'validate',
    summary: 'check every file of a portfolio (for CI)',
    args: ['[dir]'],
    options: [
      { flags: '--format <format>', description: 'report format', choices: ['stylish', 'json', 'github', 'junit'], default: 'stylish' },
      { flags: '--fail-on <severity>', description: 'exit 1 when a problem of this severity or worse is found', choices: ['error', 'warning'], default: 'error' },
      { flags: '-o, --output <file>', description: 'write the report to a file instead of stdout' },
      { flags: '--as-of <date>', description: 'the day dated checks judge by: readings and reviews after it, consent older than privacy.retainMonths (default SOURCE_DATE_EPOCH, else today)' },
    ],
    examples: ['costar validate', 'costar validate portfolio --format github', 'costar validate --format junit -o reports/costar.xml --fail-on warning'],
    load: () => commandModule('validate'),
  },
  {
    name: 'diff',
    summary: 'what a change does to the portfolio, against a git ref (for pull requests)',
    args: ['[base]'],
    description:
      'Compares the working tree (uncommitted and untracked files included), or --head, with <base> (default: the merge base with origin/main, else HEAD), read from git itself. Exit 1 when the change does not validate.',
    options: [
      { flags: '--format <format>', description: 'report format', choices: ['text', 'markdown', 'json', 'github'], default: 'text' },
      { flags: '--head <ref>', description: 'compare this commit instead of the working tree' },
    ],
    examples: ['costar diff', 'costar diff origin/main --format markdown > comment.md', 'costar diff v1 --head v2 --format json'],
    load: () => commandModule('diff'),
  },
  {
    name: 'history',
    summary: 'the star over time, from the portfolio\'s git history',
    options: [
      { flags: '--every <period>', description: 'one point per period that has commits', choices: ['month', 'quarter'], default: 'month' },
      json,
      { flags: '--svg <file>', description: 'also draw the trend as an accessible SVG' },
    ],
    examples: ['costar history', 'costar history --every quarter --json', 'costar history --svg out/history.svg'],
    load: () => commandModule('history'),
  },
  {
    name: 'schema',
    summary: 'write JSON Schemas for editors and other validators',
    options: [{ flags: '--out <dir>', description: 'folder to write to (default <portfolio>/.costar/schema)' }],
    examples: ['costar schema', 'costar schema --out schemas'],
    load: () => commandModule('schema'),
  },
  {
    name: 'set',
    summary: 'change fields of a record, unattended',
    args: ['<record>', '<assignments...>'],
    description: 'Assignments are <path>=<value> (set) or <path>+=<value> (append to a list); values are YAML.',
    examples: [
      'costar set initiatives/dementia-walks focus.scores.ease=4',
      'costar set initiatives/dementia-walks cos.co-design.level=established',
      'costar set initiatives/dementia-walks market.charter.parties+="[Midshire Council, Walking Friends]"',
      'costar set people/p-0042 willingness=more consent=true',
    ],
    load: () => commandModule('set'),
  },
];
