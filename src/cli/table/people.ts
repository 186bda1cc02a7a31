/** People it: the asset survey, matching people to needs, and their data. */
import { PERSON_KINDS, WILLINGNESS } from '../../core/vocab.js';
import { commandModule } from '../bundles.js';
import { includePersonal, json, type CommandSpec } from './spec.js';

export const PEOPLE: CommandSpec[] = [
  {
    name: 'people',
    summary: 'People it: survey entry and matching (interactive)',
    examples: ['costar people', 'costar people add --ward north --consent --willingness more --offer walk-leading', 'costar people import survey.csv --dry-run', 'costar people match --json'],
    load: () => commandModule('people'),
    subcommands: [
      {
        name: 'add',
        summary: 'add a person, group or organisation from a survey return',
        options: [
          { flags: '--id <id>', description: 'id (default: the next p-NNNN)' },
          { flags: '--kind <kind>', description: 'kind', choices: PERSON_KINDS },
          { flags: '--name <name>', description: 'name (personal data)' },
          { flags: '--contact <contact>', description: 'contact (personal data)' },
          { flags: '--ward <id>', description: 'ward' },
          { flags: '--consent', description: 'agreed to be matched and contacted' },
          { flags: '--no-consent', description: 'has not agreed to be matched and contacted' },
          { flags: '--consent-date <date>', description: 'when consent was given, e.g. 14/03/2026 (default with --consent: today, or SOURCE_DATE_EPOCH)' },
          { flags: '--willingness <w>', description: 'willingness', choices: WILLINGNESS },
          { flags: '--under18', description: 'a child or young person' },
          { flags: '--offer <skill>', description: 'a skill or asset offered (repeatable)', repeatable: true },
          { flags: '--want <skill>', description: 'something they would like to learn or receive (repeatable)', repeatable: true },
          { flags: '--availability <when>', description: 'weekday-day, weekday-evening or weekends (repeatable)', repeatable: true },
          { flags: '--check <check>', description: 'a safeguarding check held, e.g. dbs (repeatable)', repeatable: true },
        ],
        description: 'add a person, group or organisation from a survey return. With no flags at a terminal, asks for one return after another; otherwise the flags are the return (every field is optional; the id defaults to the next p-NNNN, printed on stdout).',
        examples: ['costar people add --ward abbey --consent --willingness more --offer cooking --offer gardening --availability weekends', 'costar people add   (at a terminal: survey entry)'],
        load: () => commandModule('people'),
        export: 'runAdd',
      },
      {
        name: 'import',
        summary: 'import survey returns from a CSV file (all or nothing)',
        args: ['<file>'],
        options: [
          { flags: '--map <column=field>', description: 'read a column as a field (repeatable)', repeatable: true },
          { flags: '--dry-run', description: 'check and report, write nothing' },
          { flags: '--update', description: 'update people whose ids exist (filled cells replace those fields; empty cells change nothing)' },
          { flags: '--new-skill <skill>', description: 'accept a skill that looks like a slip for a known one (repeatable)', repeatable: true },
        ],
        examples: [
          'costar people import returns.csv --dry-run',
          'costar people import returns.csv --map "Home ward=ward" --map "Timestamp="',
          'costar people import corrections.csv --update',
        ],
        load: () => commandModule('people'),
        export: 'runImport',
      },
      {
        name: 'remove',
        summary: 'erase a person everywhere (right to erasure)',
        args: ['<id>'],
        options: [{ flags: '-y, --yes', description: 'erase without asking (required when not at a terminal)' }],
        examples: ['costar people remove p-0042', 'costar people remove p-0042 --yes   (unattended)'],
        load: () => commandModule('people'),
        export: 'runRemove',
      },
      {
        name: 'export',
        summary: 'subject access: everything held about one person (personal data)',
        args: ['<id>'],
        options: [json],
        description: 'subject access: print everything the portfolio holds about one person: their whole record, name and contact included, and every initiative that lists them as a contributor. This is personal data: send it only to the person themselves.',
        examples: ['costar people export p-0042', 'costar people export p-0042 --json > p-0042.json'],
        load: () => commandModule('people'),
        export: 'runExport',
      },
      {
        name: 'match',
        summary: 'match people to needs, and propose skill swaps',
        options: [json, { flags: '--write', description: 'record the proposals as contributors' }, includePersonal],
        examples: ['costar people match', 'costar people match --json', 'costar people match --write'],
        load: () => commandModule('people'),
        export: 'runMatch',
      },
    ],
  },
];
