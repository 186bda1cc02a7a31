/**
 * commander wiring only. Every command is declared once as data (summary, arguments, options,
 * examples) and its module is imported only when it runs, so start-up stays fast.
 */
import { releaseAll } from '../store/lock.js';
import { Command, CommanderError, Option } from 'commander';
import { BENEFIT_KINDS, CHALLENGE_STATUSES, CO_LEVELS, COS, COST_KINDS, INCENTIVE_KINDS, INDICATOR_KINDS, PERSON_KINDS, STAKEHOLDERS, STATUSES, WILLINGNESS } from '../core/vocab.js';
import { EXIT } from '../core/errors.js';
import { commandModule } from './bundles.js';
import { renderError } from './exit.js';
import { makeIo, type GlobalOptions, type Io } from './io.js';

import { VERSION } from './version.js';
export { VERSION };

export interface OptionSpec {
  flags: string;
  description: string;
  choices?: readonly string[];
  repeatable?: boolean;
  default?: unknown;
}

export interface CommandContext {
  io: Io;
  global: GlobalOptions;
  /** Positional arguments in declaration order (variadic ones as arrays). */
  args: any[];
  opts: Record<string, any>;
  /** Full command path, e.g. "focus score". */
  name: string;
}

export type RunFn = (ctx: CommandContext) => Promise<number | void>;

export interface CommandSpec {
  name: string;
  summary: string;
  description?: string;
  args?: string[];
  options?: OptionSpec[];
  examples?: string[];
  load?: () => Promise<Record<string, unknown>>;
  /** Export name of the run function in the module (default "run"). */
  export?: string;
  subcommands?: CommandSpec[];
}

const json: OptionSpec = { flags: '--json', description: 'print JSON to stdout (stderr stays empty unless the command fails)' };
const includePersonal: OptionSpec = { flags: '--include-personal', description: 'show names and contact details (personal data) too' };

/** The whole command surface, as data: help, parsing, completion and prompts all read it. */
export const COMMANDS: CommandSpec[] = [
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
  {
    name: 'map',
    summary: 'Map it: an interactive mapping session (workshops)',
    examples: ['costar map', 'costar map add --title "Carers review home care" --area adult-social-care --co co-assessment=potential'],
    load: () => commandModule('map'),
    subcommands: [
      {
        name: 'add',
        summary: 'add an initiative, unattended',
        options: [
          { flags: '--title <title>', description: 'title of the initiative' },
          { flags: '--area <id>', description: 'service area id' },
          { flags: '--status <status>', description: `status: ${STATUSES.join(', ')}`, default: 'idea' },
          { flags: '--co <co=level>', description: `a Co and its level (repeatable): ${COS.join(', ')} = ${CO_LEVELS.join(', ')}`, repeatable: true },
          { flags: '--how <co=text>', description: 'how it practises a Co (repeatable)', repeatable: true },
          { flags: '--id <id>', description: 'id (default: made from the title)' },
          { flags: '--summary <text>', description: 'one-paragraph summary' },
          { flags: '--ward <id>', description: 'a ward it works in (repeatable)', repeatable: true },
        ],
        examples: ['costar map add --title "Supported dementia walks" --area adult-social-care --status running --co co-delivery=established --how co-delivery="Volunteers lead the walks" --ward north'],
        load: () => commandModule('map'),
        export: 'runAdd',
      },
      {
        name: 'list',
        summary: 'list initiatives with their Co\'s',
        options: [json, { flags: '--area <id>', description: 'only this service area' }],
        examples: ['costar map list', 'costar map list --area housing --json'], load: () => commandModule('map'),
        export: 'runList',
      },
    ],
  },
  {
    name: 'explore',
    summary: 'browse the case library for ideas',
    options: [
      { flags: '--co <co>', description: `only cases showing this Co: ${COS.join(', ')}` },
      { flags: '--area <tag>', description: 'only cases with this area tag (or a service area id of the portfolio)' },
      { flags: '--search <words>', description: 'only cases mentioning these words' },
      json,
    ],
    examples: ['costar explore --co co-assessment', 'costar explore --area housing --search tenants', 'costar explore --json'],
    load: () => commandModule('explore'),
  },
  {
    name: 'star',
    summary: 'star coverage: service areas × Four Co\'s, initiatives × five steps',
    options: [json, { flags: '--area <id>', description: 'only this service area' }, { flags: '--svg <file>', description: 'also draw the star as an SVG picture' }],
    examples: ['costar star', 'costar star --json', 'costar star --svg out/star.svg'],
    load: () => commandModule('star'),
  },
  {
    name: 'status',
    summary: 'where each initiative stands, and what to do next',
    options: [json],
    examples: ['costar status', 'costar status --json'],
    load: () => commandModule('status'),
  },
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
  {
    name: 'templates',
    summary: 'document templates',
    examples: ['costar templates export'],
    subcommands: [
      {
        name: 'export',
        summary: 'copy the built-in templates into the portfolio for editing',
        options: [{ flags: '--out <dir>', description: 'folder (default <portfolio>/templates)' }, { flags: '--force', description: 'overwrite templates already there' }],
        examples: ['costar templates export', 'costar generate business-case dementia-walks   # now uses templates/business-case.md.hbs'],
        load: () => commandModule('templates'),
      },
    ],
  },
  {
    name: 'generate',
    summary: 'generate documents: business-case, charter, briefing, grow-plan, report, privacy-notice',
    args: ['<kind>', '[ids...]'],
    options: [
      { flags: '--all', description: 'every initiative (or ward) that has what the document needs' },
      { flags: '--format <format>', description: 'document format (docx: a Word document; xlsx: the finance workbook of a business case, with live formulas)', choices: ['md', 'html', 'docx', 'xlsx'], default: 'md' },
      { flags: '--as-of <date>', description: 'the "as at" date the documents carry, YYYY-MM-DD (default SOURCE_DATE_EPOCH, else today)' },
      { flags: '--out <dir>', description: 'output folder (default <portfolio>/out)' },
      { flags: '--ward <id>', description: 'ward for a briefing (repeatable)', repeatable: true },
      includePersonal,
    ],
    examples: ['costar generate business-case dementia-walks', 'costar generate business-case --all --format xlsx', 'costar generate charter --all --format html', 'costar generate briefing --ward north', 'costar generate report --format docx --as-of 2027-03-31', 'costar generate privacy-notice --format html'],
    load: () => commandModule('generate'),
  },
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
  {
    name: 'market',
    summary: 'Market it: incentives and charters (interactive)',
    examples: ['costar market', 'costar market menu --for volunteers', 'costar market add-incentive dementia-walks --from-menu volunteers-accredited-training', 'costar market charter dementia-walks --service-commitment "Insure registered volunteers"'],
    load: () => commandModule('market'),
    subcommands: [
      {
        name: 'menu',
        summary: 'the incentive menu',
        options: [
          { flags: '--for <group>', description: `only incentives for this stakeholder group: ${STAKEHOLDERS.join(', ')}` },
          { flags: '--kind <kind>', description: `only this kind: ${INCENTIVE_KINDS.join(', ')}` },
          json,
        ],
        examples: ['costar market menu', 'costar market menu --for volunteers', 'costar market menu --kind deterrent --json'],
        load: () => commandModule('market'),
        export: 'runMenu',
      },
      {
        name: 'add-incentive',
        summary: 'add an incentive to an initiative',
        args: ['<id>'],
        options: [
          { flags: '--for <group>', description: `who it is for: ${STAKEHOLDERS.join(', ')}` },
          { flags: '--kind <kind>', description: `kind: ${INCENTIVE_KINDS.join(', ')}` },
          { flags: '--what <text>', description: 'the incentive, in a short phrase' },
          { flags: '--cost <n>', description: 'yearly cost in the portfolio currency, e.g. 1800, 1,800 or £1,800' },
          { flags: '--from-menu <id>', description: 'take --for, --kind and --what from the incentive menu (see costar market menu)' },
        ],
        examples: [
          'costar market add-incentive dementia-walks --from-menu volunteers-accredited-training --cost 300',
          'costar market add-incentive dementia-walks --for carers --kind non-financial --what "Respite while caring duties are covered"',
        ],
        load: () => commandModule('market'),
        export: 'runAddIncentive',
      },
      {
        name: 'charter',
        summary: 'add to an initiative\'s co-production charter (repeatable flags append; none at a terminal: asks)',
        args: ['<id>'],
        options: [
          { flags: '--party <name>', description: 'a party (repeatable)', repeatable: true },
          { flags: '--outcome <text>', description: 'a shared outcome (repeatable)', repeatable: true },
          { flags: '--service-commitment <text>', description: 'a commitment of the service (repeatable)', repeatable: true },
          { flags: '--community-commitment <text>', description: 'a commitment of the community (repeatable)', repeatable: true },
          { flags: '--risk <risk|likelihood|impact|mitigation|owner>', description: 'a risk for the register (repeatable); likelihood and impact: low, medium or high', repeatable: true },
          { flags: '--review <date>', description: 'review date, e.g. 30/06/2027 or 2027-06-30' },
        ],
        examples: [
          'costar market charter dementia-walks --party "Midshire Council adult services" --party "Midshire Walking Friends" --service-commitment "Insure registered volunteers" --community-commitment "Walk leaders attend the safety briefing"',
          'costar market charter dementia-walks --risk "A walker is injured|low|high|Public-liability cover for volunteers|council" --review 2027-06-30',
        ],
        load: () => commandModule('market'),
        export: 'runCharter',
      },
    ],
  },
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
  {
    name: 'serve',
    summary: 'the workshop wall in a browser, live, and scoring from phones',
    description:
      'Serves the workshop wall (the star, the impact matrix, the group\'s scores and what to do next) at http://127.0.0.1:<port>/, updated live as the portfolio\'s files change, and /score, where critical friends score initiatives (written to focus.ratings). With --lan it also serves the local network, behind a token carried in the printed link and its QR code. Runs until Ctrl-C; exit 0.',
    options: [
      { flags: '--port <n>', description: 'port to listen on (0: any free port)', default: '4321' },
      { flags: '--open', description: 'open the wall in the default browser' },
      { flags: '--lan', description: 'serve the local network too (phones), behind a token in the printed link and QR code' },
    ],
    examples: ['costar serve', 'costar serve --open', 'costar serve --lan --port 8080'],
    load: () => commandModule('serve'),
  },
  {
    name: 'completion',
    summary: 'print a shell completion script',
    args: ['<shell>'],
    examples: ['costar completion bash > /etc/bash_completion.d/costar', 'costar completion zsh > "${fpath[1]}/_costar"', 'costar completion fish > ~/.config/fish/completions/costar.fish'],
    load: () => commandModule('completion'),
  },
];

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function addCommand(parent: Command, spec: CommandSpec, path: string[]): void {
  const cmd = parent.command(spec.name).summary(spec.summary).description(spec.description ?? spec.summary);
  for (const a of spec.args ?? []) cmd.argument(a);
  for (const o of spec.options ?? []) {
    const opt = new Option(o.flags, o.description);
    if (o.choices) opt.choices(o.choices as string[]);
    if (o.repeatable) opt.argParser(collect);
    if (o.default !== undefined) opt.default(o.default);
    cmd.addOption(opt);
  }
  if (spec.examples?.length) cmd.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  const full = [...path, spec.name];
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, full);
  if (spec.load) {
    cmd.action(async (...all: any[]) => {
      const command = all[all.length - 1] as Command;
      const opts = command.opts();
      const g = command.optsWithGlobals() as Record<string, any>;
      const global: GlobalOptions = { portfolio: g.portfolio, input: g.input !== false, color: g.color !== false, verbose: Boolean(g.verbose) };
      const io = makeIo(global);
      const mod = await spec.load!();
      const run = mod[spec.export ?? 'run'] as RunFn;
      const code = await run({ io, global, args: all.slice(0, spec.args?.length ?? 0), opts, name: full.join(' ') });
      if (typeof code === 'number') process.exitCode = code;
    });
  }
}

export function buildProgram(): Command {
  const program = new Command('costar')
    .description("Put the Co-production Star into practice: map, focus, people, market and grow a portfolio of co-production.")
    .version(VERSION, '-V, --version', 'print the version')
    .option('-C, --portfolio <dir>', 'portfolio folder (default: the nearest with costar.yaml)')
    .option('--no-input', 'never prompt; a missing value is an error')
    .option('--no-color', 'plain text, no colour')
    .option('--verbose', 'show details of unexpected failures')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .enablePositionalOptions(false);
  program.addHelpText(
    'after',
    `\nThe journey: costar map → costar focus → costar people → costar market → costar grow\nNot sure what to do next? Run: costar status\n`,
  );
  for (const spec of COMMANDS) addCommand(program, spec, []);
  return program;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const noColor = argv.includes('--no-color') || (process.env.NO_COLOR ?? '') !== '';
  const errIo = makeIo({ input: true, color: !noColor, verbose: argv.includes('--verbose') });
  program.exitOverride();
  const style = (p: Command) => {
    p.configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`${errIo.ce.red('error')}  ${s.replace(/^error: /, '')}`),
    });
    p.commands.forEach((c) => {
      c.exitOverride();
      style(c);
    });
  };
  style(program);
  try {
    await program.parseAsync(argv, { from: 'node' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      if (e.code === 'commander.executeSubCommandAsync') return EXIT.ok;
      return EXIT.usage;
    }
    return renderError(e, errIo);
  } finally {
    // A command that stopped with an error after taking the portfolio's lock leaves it here.
    releaseAll();
  }
}
