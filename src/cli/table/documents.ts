/** Documents: their templates and generating them. */
import { commandModule } from '../bundles.js';
import { includePersonal, type CommandSpec } from './spec.js';

export const DOCUMENTS: CommandSpec[] = [
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
];
