/** Focus it: scores, ranks, the budget plan, business cases and challenges. */
import { BENEFIT_KINDS, CHALLENGE_STATUSES, COST_KINDS } from '../../core/vocab.js';
import { commandModule } from '../bundles.js';
import { json, type CommandSpec } from './spec.js';

export const FOCUS: CommandSpec[] = [
  {
    name: 'focus',
    summary: 'Focus it: score options and build business cases (interactive)',
    load: () => commandModule('focus'),
    examples: ['costar focus', 'costar focus score dementia-walks --set ease=4 --set readiness=3', 'costar focus rank', 'costar focus case dementia-walks --json'],
    subcommands: [
      {
        name: 'score',
        summary: 'score an initiative on the impact matrix criteria',
        args: ['<id>'],
        options: [
          { flags: '--set <criterion=n>', description: 'a score (repeatable)', repeatable: true },
          { flags: '--rater <name>', description: "record the scores as one rater's (focus.ratings), replacing that rater's earlier ones" },
        ],
        examples: ['costar focus score dementia-walks --set user-outcomes=4 --set ease=3', 'costar focus score dementia-walks --rater "Finance partner" --set ease=2 --set readiness=3'], load: () => commandModule('focus'),
        export: 'runScore',
      },
      {
        name: 'rank',
        summary: 'rank initiatives on the impact matrix',
        options: [
          json,
          { flags: '--with-sensitivity', description: 'with --json: print { "ranking": [...], "sensitivity": {...} } instead of the bare ranking array' },
        ],
        examples: ['costar focus rank', 'costar focus rank --json', 'costar focus rank --json --with-sensitivity'],
        load: () => commandModule('focus'),
        export: 'runRank',
      },
      {
        name: 'plan',
        summary: 'the NPV-maximising set of initiatives within a budget',
        options: [
          { flags: '--budget <amount>', description: 'present-value budget in the portfolio currency, e.g. 250000, 250,000 or £250,000' },
          { flags: '--payer <id>', description: 'count only the costs this payer pays (default: all payers)' },
          json,
        ],
        examples: ['costar focus plan --budget 250000', 'costar focus plan --budget 100000 --payer council --json'],
        load: () => commandModule('focus-plan'),
      },
      { name: 'case', summary: 'the business case of an initiative', args: ['<id>'], options: [json], examples: ['costar focus case dementia-walks', 'costar focus case dementia-walks --json'], load: () => commandModule('focus'), export: 'runCase' },
      {
        name: 'challenge',
        summary: 'record a critical friend\'s challenge',
        args: ['<id>'],
        options: [
          { flags: '--by <who>', description: 'who raises it, e.g. "Finance partner"' },
          { flags: '--text <challenge>', description: 'the challenge' },
        ],
        examples: ['costar focus challenge dementia-walks --by "Finance partner" --text "Savings assume fewer day-care places"'], load: () => commandModule('focus'),
        export: 'runChallenge',
      },
      {
        name: 'respond',
        summary: 'respond to a challenge (n counts from 1)',
        args: ['<id>', '<n>'],
        options: [
          { flags: '--text <response>', description: 'the response' },
          { flags: '--status <status>', description: 'answered or accepted', choices: CHALLENGE_STATUSES, default: 'answered' },
        ],
        examples: ['costar focus respond dementia-walks 1 --text "We used the Frome figures" --status answered'], load: () => commandModule('focus'),
        export: 'runRespond',
      },
      {
        name: 'add-cost',
        summary: 'add a cost line to a business case',
        args: ['<id>'],
        options: [
          { flags: '--item <item>', description: 'what it is' },
          { flags: '--kind <kind>', description: 'cost kind', choices: COST_KINDS },
          { flags: '--amount <n>', description: 'amount per year, e.g. 12000, 12,000 or £12,000' },
          { flags: '--years <list>', description: 'years it applies, e.g. 0,1,2 or, with a start year, 2026/27,2027/28 (default: every year)' },
          { flags: '--payer <who>', description: 'who pays, e.g. council' },
          { flags: '--confidence <grade>', description: 'confidence grade 1 (audited local data, the best) to 6 (an unsupported estimate)' },
          { flags: '--price-year <year>', description: 'price year of the amount (re-based to appraisal.priceYear)' },
        ],
        examples: ['costar focus add-cost dementia-walks --item Coordinator --kind revenue --amount 12000 --years 0,1,2,3,4 --payer council'], load: () => commandModule('focus'),
        export: 'runAddCost',
      },
      {
        name: 'add-benefit',
        summary: 'add a benefit line to a business case',
        args: ['<id>'],
        options: [
          { flags: '--item <item>', description: 'what it is' },
          { flags: '--kind <kind>', description: 'benefit kind', choices: BENEFIT_KINDS },
          { flags: '--amount <n>', description: 'value per year, e.g. 12,000 or £12,000 (or give --cohort and --unit-value)' },
          { flags: '--cohort <n>', description: 'people reached per year' },
          { flags: '--unit-value <n>', description: 'value per person' },
          { flags: '--engagement <share>', description: 'share of the cohort that engages (0.2 or 20%)' },
          { flags: '--success <share>', description: 'share of those engaged who succeed (0.2 or 20%)' },
          { flags: '--deadweight <share>', description: 'share that would have happened anyway (0.2 or 20%)' },
          { flags: '--displacement <share>', description: 'share moved from elsewhere (0.2 or 20%)' },
          { flags: '--attribution <share>', description: 'share owed to others (0.2 or 20%)' },
          { flags: '--drop-off <share>', description: 'yearly decay after the first year (0.2 or 20%)' },
          { flags: '--years <list>', description: 'years it applies, e.g. 1,2,3 or 2027/28,2028/29' },
          { flags: '--beneficiary <who>', description: 'who benefits, e.g. nhs' },
          { flags: '--confidence <grade>', description: 'confidence grade 1 (audited local data, the best) to 6 (an unsupported estimate)' },
          { flags: '--cashable', description: 'a fiscal saving that can be taken from a budget' },
          { flags: '--source <text>', description: 'where the value comes from' },
          { flags: '--price-year <year>', description: 'price year of the value (re-based to appraisal.priceYear)' },
        ],
        examples: ['costar focus add-benefit dementia-walks --item "Fewer day-care places" --kind fiscal --cashable --amount 9000 --deadweight 0.2 --years 1,2,3,4', 'costar focus add-benefit dementia-walks --item Wellbeing --kind social --cohort 40 --unit-value 250 --engagement 0.8 --success 0.5'], load: () => commandModule('focus'),
        export: 'runAddBenefit',
      },
    ],
  },
];
