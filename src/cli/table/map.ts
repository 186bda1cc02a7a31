/** Map it: the map sessions and lists, case studies, the star and where each initiative stands. */
import { CO_LEVELS, COS, STATUSES } from '../../core/vocab.js';
import { commandModule } from '../bundles.js';
import { json, type CommandSpec } from './spec.js';

export const MAP: CommandSpec[] = [
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
];
