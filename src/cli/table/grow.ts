/** Grow it: indicators, readings, reviews and readiness to grow. */
import { INDICATOR_KINDS } from '../../core/vocab.js';
import { commandModule } from '../bundles.js';
import { json, type CommandSpec } from './spec.js';

export const GROW: CommandSpec[] = [
  {
    name: 'grow',
    summary: 'Grow it: indicators, reviews and readiness (interactive)',
    examples: ['costar grow', 'costar grow check', 'costar grow check --json --as-of 2027-03-31', 'costar generate grow-plan --all --format html'],
    load: () => commandModule('grow'),
    subcommands: [
      {
        name: 'add-indicator',
        summary: 'add an outcome or process indicator',
        args: ['<id>'],
        options: [
          { flags: '--name <name>', description: 'indicator name (unique in the initiative)' },
          { flags: '--kind <kind>', description: 'indicator kind', choices: INDICATOR_KINDS },
          { flags: '--unit <unit>', description: 'unit, e.g. %' },
          { flags: '--baseline <n>', description: 'baseline value' },
          { flags: '--target <n>', description: 'target value' },
          { flags: '--co-designed', description: 'designed with people who use the service' },
        ],
        examples: ['costar grow add-indicator dementia-walks --name "Walkers who feel less isolated" --kind outcome --unit % --baseline 38 --target 60 --co-designed'],
        load: () => commandModule('grow'),
        export: 'runAddIndicator',
      },
      {
        name: 'reading',
        summary: 'record a measured value of an indicator',
        args: ['<id>'],
        options: [
          { flags: '--indicator <name>', description: 'indicator name' },
          { flags: '--date <date>', description: 'date of the reading, e.g. 30/06/2027 or 2027-06-30' },
          { flags: '--value <n>', description: 'the value' },
          { flags: '--as-of <date>', description: 'a date after this is refused (default SOURCE_DATE_EPOCH, else today)' },
          { flags: '--allow-future', description: 'record a date after the as-of date (a planned reading)' },
        ],
        examples: ['costar grow reading dementia-walks --indicator "Walkers who feel less isolated" --date 2026-11-30 --value 52'],
        load: () => commandModule('grow'),
        export: 'runReading',
      },
      {
        name: 'review',
        summary: 'record a 360-degree review (appended to the history; the newest counts)',
        args: ['<id>'],
        options: [
          { flags: '--date <date>', description: 'date of the review, e.g. 30/06/2027 or 2027-06-30 (one review a day)' },
          { flags: '--by <list>', description: 'who took part: users, staff, partners, councillors (comma-separated)' },
          { flags: '--as-of <date>', description: 'a date after this is refused (default SOURCE_DATE_EPOCH, else today)' },
          { flags: '--allow-future', description: 'record a date after the as-of date (a planned review)' },
        ],
        examples: ['costar grow review dementia-walks --date 2026-11-30 --by users,staff,partners', 'costar grow review dementia-walks --date 2027-10-01 --by users,staff --allow-future   # a planned review'],
        load: () => commandModule('grow'),
        export: 'runReview',
      },
      {
        name: 'check',
        summary: 'growth readiness of running and scaled initiatives',
        description:
          'Growth readiness of every running and scaled initiative: an outcome indicator with a target, a co-designed indicator, a 360-degree review by users and staff in the 12 months before --as-of, outcome readings moving towards their targets, competencies (scaled), a councillor connector in every ward. Each gap comes with the command that closes it. Exits 0 whatever it finds.',
        options: [json, { flags: '--as-of <date>', description: 'judge as of this date, e.g. 30/06/2027 (default today)' }],
        examples: ['costar grow check', 'costar grow check --json --as-of 2027-03-31'],
        load: () => commandModule('grow'),
        export: 'runCheck',
      },
    ],
  },
];
