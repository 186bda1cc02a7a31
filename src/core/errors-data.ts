/**
 * Every error a command can stop with, listed once: a title, when it happens (an example
 * message), what to do, and its exit code. `CostarError` takes only these codes, so a misspelt
 * code does not compile; docs/diagnostics.md is generated from this list (with the portfolio
 * diagnostics of diagnostics.ts). Messages at the throw sites say the specifics.
 */
import { EXIT } from './exit-codes.js';

export interface ErrorInfo {
  title: string;
  /** A message as costar prints it, for the documentation. */
  example: string;
  /** What to do about it, in general (throw sites give a specific hint). */
  fix: string;
  exit: (typeof EXIT)[keyof typeof EXIT];
}

const usage = EXIT.usage;
const failed = EXIT.failed;

export const ERRORS = {
  // ---------------------------------------------------------------- usage (exit 2)
  'bad-value': { title: 'A flag or argument value fails its check', example: '--amount "lots" is not an amount; write a number such as 12000', fix: 'Give the value in one of the forms the message lists.', exit: usage },
  'missing-value': { title: 'A required value is missing and cannot be asked for', example: 'say which initiatives: give their ids or --all', fix: 'Give the flag the message names, or run at a terminal to be asked.', exit: usage },
  'not-interactive': { title: 'An interactive command was run without a terminal', example: 'costar people is interactive and needs a terminal', fix: 'Use the unattended subcommands the hint lists.', exit: usage },
  'no-portfolio': { title: 'No portfolio was found', example: 'no costar portfolio found here or in any folder above (looked for costar.yaml)', fix: 'Run inside a portfolio, pass -C <dir>, or create one with costar init.', exit: usage },
  'portfolio-exists': { title: 'costar init was pointed at an existing portfolio', example: 'midshire already holds a costar.yaml', fix: 'Choose another folder, or edit the existing costar.yaml.', exit: failed },
  'unknown-initiative': { title: 'An initiative id names no initiative', example: 'there is no initiative "dementia-walk"; did you mean "dementia-walks"?', fix: 'See the ids with costar map list.', exit: usage },
  'unknown-person': { title: 'A person id names no people record', example: 'there is no people/p-0999.yaml in this portfolio', fix: 'See the ids in people/.', exit: usage },
  'unknown-ward': { title: 'A ward is not one of the portfolio\'s wards', example: '--ward "north" is not a ward of this portfolio', fix: 'Use a ward listed in costar.yaml, or add it there.', exit: usage },
  'unknown-criterion': { title: 'A score names a criterion that is not configured', example: '"eas" is not a criterion; did you mean "ease"?', fix: 'Use one of the criteria in costar.yaml (focus.criteria).', exit: usage },
  'unknown-indicator': { title: 'A reading names an indicator the initiative does not define', example: 'dementia-walks has no indicator "Walks hled"', fix: 'Add the indicator first (costar grow add-indicator), or correct the name.', exit: usage },
  'unknown-payer': { title: 'A payer named by a flag pays for nothing in the portfolio', example: '--payer "nhs-trust" pays for no cost line; payers: council, nhs', fix: 'Use one of the payers the message lists.', exit: usage },
  'unknown-record': { title: 'A record named for a change does not exist', example: 'there is no initiatives/walks.yaml in this portfolio', fix: 'Check the kind and id: <kind>/<id>, e.g. initiatives/dementia-walks.', exit: usage },
  'unknown-template': { title: 'A template name is not one costar knows', example: 'there is no template letter.md.hbs', fix: 'See the names with costar templates export.', exit: failed },
  'unknown-shell': { title: 'Completion was asked for a shell costar does not support', example: '"tcsh" is not a shell costar completes', fix: 'Use bash, zsh, fish or powershell.', exit: usage },
  'missing-shell': { title: 'Completion was asked for without naming a shell', example: 'say which shell: costar completion bash', fix: 'Name the shell.', exit: usage },
  'bad-kind': { title: 'A document kind is not one costar generates', example: '"charters" is not a kind of document; did you mean "charter"?', fix: 'Use one of the kinds the message lists.', exit: usage },
  'bad-argument': { title: 'An argument is not allowed here', example: 'the report covers the whole portfolio; give no ids', fix: 'Leave the argument out.', exit: usage },
  'bad-id': { title: 'An id does not match ^[a-z0-9][a-z0-9-]{0,63}$ or is a reserved name', example: '"Dementia Walks" is not a valid id', fix: 'Use lower-case letters, digits and hyphens (not con, nul, com1 …).', exit: usage },
  'bad-date': { title: 'A date is not a real date', example: '--date "31/02/2027" is not a real date', fix: 'Give a real date as 2027-06-30 or 30/06/2027 (day first); files keep YYYY-MM-DD.', exit: usage },
  'bad-record': { title: 'costar set was given something other than <kind>/<id>', example: '"/etc/passwd" does not name a record', fix: 'Write <kind>/<id>, e.g. initiatives/dementia-walks, or costar.yaml.', exit: usage },
  'bad-path': { title: 'costar set was given a path that is no field of the record', example: 'focus.scores.eas: "eas" is not a criterion', fix: 'Use a field of the schema (costar schema).', exit: usage },
  'bad-assignment': { title: 'costar set was given something other than <path>=<value>', example: '"ease 4" is not an assignment', fix: 'Write <path>=<value> or <path>+=<value>.', exit: usage },
  'score-out-of-scale': { title: 'A score lies outside the focus scale', example: 'ease=7 is outside the scale 1–5', fix: 'Give a whole number inside focus.scale.', exit: usage },
  'amount-and-cohort': { title: 'A benefit line was given both an amount and a cohort', example: 'give --amount, or --cohort with --unit-value, not both', fix: 'Choose one way of valuing the benefit.', exit: usage },
  'duplicate-indicator': { title: 'An indicator of that name already exists', example: 'dementia-walks already has an indicator "Walks held"', fix: 'Choose another name, or record a reading of the existing one.', exit: usage },
  'duplicate-id': { title: 'A new record would share an id with an existing one', example: 'an initiative with the id dementia-walks already exists', fix: 'Give --id another id.', exit: usage },
  'duplicate-reading': { title: 'A reading of that indicator on that day already exists', example: 'dementia-walks already has a reading of "Walks held" on 2027-03-31', fix: 'Correct it with costar set instead of adding a second one.', exit: usage },
  'duplicate-review': { title: 'A 360-degree review on that day is already recorded', example: 'dementia-walks already has a review on 2027-01-15 (by users, staff)', fix: 'One review a day: change who took part with costar set, or give the date the review was held.', exit: usage },
  'future-date': { title: 'A reading or review is dated after the as-of date', example: '--date 2028-03-31 is after 2026-12-02, the as-of date', fix: 'Give the date it happened; add --allow-future to record a planned date on purpose.', exit: usage },
  'no-challenges': { title: 'A response was given to a challenge that does not exist', example: 'dementia-walks has no challenge 3', fix: 'See the challenges with costar focus case <id>.', exit: usage },
  'no-file': { title: 'A file named on the command line does not exist', example: 'returns.csv does not exist', fix: 'Check the path.', exit: usage },
  'port-in-use': { title: 'costar serve cannot listen on the port', example: 'port 4321 is in use already', fix: 'Choose another port with --port, e.g. --port 4322, or --port 0 for any free port.', exit: usage },
  'cancelled': { title: 'Cancelled at a prompt (Ctrl-C)', example: 'Cancelled; nothing was changed.', fix: 'Nothing to fix: every file is as it was.', exit: EXIT.cancelled },

  // ---------------------------------------------------------------- failures (exit 1)
  'portfolio-invalid': { title: 'The portfolio has errors, so results computed from it would be wrong', example: 'the portfolio has 2 errors; fix them first', fix: 'See every problem with costar validate.', exit: failed },
  'record-invalid': { title: 'The record a command needs has errors', example: 'initiatives/mens-shed.yaml has an error, so costar will not change it until it is fixed', fix: 'Fix the problems listed, then run the command again.', exit: failed },
  'no-initiatives': { title: 'The portfolio has no initiative for this command', example: 'the portfolio has no initiatives yet', fix: 'Add one with costar map add.', exit: failed },
  'missing-section': { title: 'An initiative lacks what a document needs', example: 'dementia-walks has no business case (focus.businessCase)', fix: 'Fill in the section, or leave the initiative out.', exit: failed },
  'id-exists': { title: 'A record of that id already exists', example: 'people/p-0041.yaml already exists', fix: 'Choose another id, or change the record with costar set.', exit: failed },
  'would-not-validate': { title: 'A change was refused because the file would not validate', example: 'nothing was written: the change would leave a problem', fix: 'Correct the value and try again.', exit: usage },
  'cannot-edit': { title: 'A file that does not parse cannot be changed', example: 'initiatives/a.yaml cannot be changed while it does not parse', fix: 'Fix it first; see costar validate.', exit: failed },
  'cannot-erase': { title: 'An erasure was refused because a file that may name the person does not parse', example: 'initiatives/a.yaml does not parse and may name p-0002; nothing was erased', fix: 'Fix the file, then erase again so the erasure is complete.', exit: failed },
  'edit-failed': { title: 'An edit could not be made without changing more than asked', example: 'could not change focus.scores in initiatives/a.yaml without rewriting what surrounds it', fix: 'Make the change by hand in an editor.', exit: failed },
  'file-changed': { title: 'A file changed on disk while costar was working', example: 'initiatives/a.yaml changed on disk since costar read it; nothing was written', fix: 'Run the command again to apply the change on top of the other one.', exit: failed },
  'portfolio-locked': { title: 'Another costar command is changing the portfolio', example: 'another costar command is changing this portfolio (process 4242, since …); nothing was changed', fix: 'Wait for it to finish; if none is running, delete .costar/lock.', exit: failed },
  'write-failed': { title: 'The disk refused a write', example: 'could not write initiatives/a.yaml: the disk is full; nothing was changed', fix: 'Free space or fix permissions, then run the command again.', exit: failed },
  'read-only-file': { title: 'A file without write permission was left alone', example: 'initiatives/a.yaml is read-only, so costar will not replace it', fix: 'Make it writable first if the change is wanted.', exit: failed },
  'outside-portfolio': { title: 'A path leads outside the portfolio through a link', example: 'templates/charter.md.hbs leads outside the portfolio through a link', fix: 'Replace the link with a real file or folder inside the portfolio.', exit: failed },
  'output-is-portfolio-file': { title: 'A report or document would overwrite a file of the portfolio', example: 'initiatives/a.yaml is a file of the portfolio; costar will not write a report over it', fix: 'Write it somewhere else, e.g. into out/.', exit: failed },
  'unsafe-path': { title: 'A document would be written outside its folder', example: 'refusing to write outside out/', fix: 'Use ids and kinds as costar writes them.', exit: failed },
  'not-a-file': { title: 'A path is not a regular file', example: 'templates/charter.md.hbs cannot be used: it is not a regular file', fix: 'Replace it with a regular file.', exit: failed },
  'file-too-large': { title: 'A file is larger than costar reads', example: 'templates/report.html.hbs cannot be used: it is 12.0 MiB', fix: 'Split it or remove what does not belong.', exit: failed },
  'unreadable-file': { title: 'A file could not be read', example: 'returns.csv cannot be imported: it is unreadable (permission denied)', fix: 'Check the path and its permissions.', exit: failed },
  'not-utf8': { title: 'A file is not UTF-8 text', example: 'returns.csv is not UTF-8 text', fix: 'Save it again as "CSV UTF-8" (Excel) or with UTF-8 encoding.', exit: failed },
  'csv-syntax': { title: 'A survey file is not valid CSV', example: 'returns.csv, row 12: the file is not valid CSV: Quote Not Closed', fix: 'Check the row named and the rows after it.', exit: failed },
  'csv-empty': { title: 'A survey file has no header row', example: 'returns.csv is empty: it needs a header row naming the fields', fix: 'Add a header row naming the fields.', exit: failed },
  'csv-no-header': { title: 'A survey file\'s first row names no field', example: 'returns.csv: row 1 names no field a person record has', fix: 'Add a header row, or map columns with --map column=field.', exit: failed },
  'bad-rows': { title: 'Rows of a survey file have problems; nothing was imported', example: 'nothing was imported: 2 rows have problems', fix: 'Correct the rows listed (the header is row 1) and import again.', exit: failed },
  'template-syntax': { title: 'A template does not compile', example: 'template templates/charter.md.hbs has a syntax error', fix: 'Correct the template, or remove it to use the built-in one.', exit: failed },
  'template-error': { title: 'A document could not be rendered from its template', example: 'template templates/charter.md.hbs names "titel", which this document\'s data does not have', fix: 'See docs/templates.md for the data each template receives.', exit: failed },
  'no-lan-address': { title: 'costar serve --lan found no network address', example: 'this machine has no network address to serve the LAN on', fix: 'Connect to the room\'s network, or leave out --lan to serve this machine only.', exit: failed },

  // ---------------------------------------------------------------- git (diff, history)
  'not-a-git-repository': { title: 'The portfolio is not in a git repository', example: 'the portfolio is not in a git repository', fix: 'Run git init, or run costar diff and history inside a clone.', exit: usage },
  'unknown-ref': { title: 'A git reference does not exist here', example: 'git knows no "origin/main" here', fix: 'In CI, fetch the history (actions/checkout with fetch-depth: 0).', exit: usage },
  'no-portfolio-at-ref': { title: 'The portfolio did not exist at a git reference', example: 'there is no portfolio at HEAD~40', fix: 'Choose a later reference.', exit: usage },
  'git-not-found': { title: 'git is not installed', example: 'git is not installed or not on the PATH', fix: 'Install git.', exit: failed },
  'git-failed': { title: 'git failed', example: 'git cat-file failed: …', fix: 'Run the git command named yourself to see why.', exit: failed },
} as const satisfies Record<string, ErrorInfo>;

export type ErrorCode = keyof typeof ERRORS;

/** Warnings a session prints and goes on (cli/session.ts): nothing is applied from what they name. */
export const SESSION_WARNINGS = {
  'session-journal-unreadable': {
    title: 'A saved session could not be read, so it was ignored',
    example: '.costar/session-focus.json was ignored: it is not JSON; nothing in it was applied',
    fix: 'Nothing to fix: the file is replaced when the session next has unsaved changes. Delete it if you like.',
  },
  'session-record-changed': {
    title: 'A record changed on disk while a session had unsaved changes to it; those changes were left out',
    example: 'initiatives/mens-shed.yaml changed on disk since this session read it, so 2 changes to it were left out',
    fix: 'Make the changes again on top of the new file.',
  },
} as const satisfies Record<string, Omit<ErrorInfo, 'exit'>>;

export type SessionWarning = keyof typeof SESSION_WARNINGS;
