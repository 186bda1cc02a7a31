/** Market it: incentives and charters. */
import { INCENTIVE_KINDS, STAKEHOLDERS } from '../../core/vocab.js';
import { commandModule } from '../bundles.js';
import { json, type CommandSpec } from './spec.js';

export const MARKET: CommandSpec[] = [
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
];
