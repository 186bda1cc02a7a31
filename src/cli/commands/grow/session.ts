/**
 * The prompts of `costar grow`: what the flags left out of an indicator, a reading or a review,
 * and the interactive session that gathers changes to one initiative. Answers pass the same
 * core checks as flags (core/grow-input.ts). Everything said goes to stderr; nothing is written
 * here: the session returns its changes and the command saves them.
 */
import type { Config } from '../../../core/config.js';
import { growCheck, isGrowing } from '../../../core/grow.js';
import {
  applyGrowChange,
  buildCouncillor,
  checkNewIndicatorName,
  DEFAULT_COUNCILLOR_ROLE,
  findIndicator,
  indicatorEntry,
  parseCompetencies,
  parseDate,
  parseIndicatorName,
  parseNumber,
  parseReadingDate,
  readingEntry,
  checkNotFuture,
  newReview,
  uncoveredWards,
  type Checked,
  type Councillor,
  type GrowChange,
  type IndicatorInput,
  type Reviewer,
} from '../../../core/grow-input.js';
import type { Indicator, Initiative } from '../../../core/schema.js';
import { REVIEWERS } from '../../../core/vocab.js';
import type { Prompts } from '../../ask.js';
import type { Io } from '../../io.js';
import { backable, stepIf, steps } from '../../prompt-guard.js';
import { say } from '../../render.js';
import { flagValue, type AddIndicatorOptions } from './options.js';
import { changesSummary, describeChange, describeInitiative, indicatorChoiceName, initiativeChoiceName, sessionHeader } from './render.js';

/** A core check as a prompt's validator: true, or the message to show under the question. */
function validator(check: (s: string) => Checked<unknown>, optional = false): (s: string) => true | string {
  return (s: string) => {
    if (optional && s.trim() === '') return true;
    const r = check(s);
    return r.ok ? true : r.message;
  };
}

/**
 * Prompts for what the flags left out of an indicator. Escape goes back to the question before,
 * its answer kept as the default; what a flag gave is not asked (and passed over going back).
 */
export async function askIndicator(pr: Prompts, initiative: Initiative, given: AddIndicatorOptions): Promise<IndicatorInput> {
  let name = given.name ?? '';
  let kind = given.kind;
  let unit = given.unit ?? '';
  const raw: Partial<Record<'baseline' | 'target', string>> = {};
  let coDesigned = given.coDesigned;
  const num = (key: 'baseline' | 'target', message: () => string, subject: string) =>
    stepIf(
      () => given[key] === undefined,
      async () => {
        raw[key] = (await pr.input({ message: message(), default: raw[key] || undefined, validate: validator((x) => parseNumber(x, subject), true) })).trim();
      },
    );
  await steps([
    stepIf(
      () => given.name === undefined,
      async () => {
        name = (
          await pr.input({
            message: 'Indicator name',
            default: name || undefined,
            validate: validator((s) => {
              const n = parseIndicatorName(s, 'The name');
              return n.ok ? checkNewIndicatorName(initiative, n.value, 'the name') : n;
            }),
          })
        ).trim();
      },
    ),
    stepIf(
      () => given.kind === undefined,
      async () => {
        kind = await pr.select<Indicator['kind']>({
          message: 'Kind',
          default: kind,
          choices: [
            { name: "outcome — a change in people's lives (needed to be ready to grow)", value: 'outcome', short: 'outcome' },
            { name: 'process — activity, e.g. sessions held', value: 'process', short: 'process' },
          ],
        });
      },
    ),
    stepIf(
      () => given.unit === undefined,
      async () => {
        unit = (await pr.input({ message: 'Unit (e.g. %, walks, people; Enter for none)', default: unit || undefined })).trim();
      },
    ),
    num('baseline', () => 'Baseline (the value before the initiative; Enter to skip)', 'The baseline'),
    num('target', () => (kind === 'outcome' ? 'Target (needed to be ready to grow)' : 'Target (Enter to skip)'), 'The target'),
    stepIf(
      () => given.coDesigned === undefined,
      async () => {
        coDesigned = (await pr.confirm({ message: 'Was it designed with the people who use the service?', default: coDesigned ?? false })) || undefined;
      },
    ),
  ]);
  const value = (key: 'baseline' | 'target', subject: string) => given[key] ?? (raw[key] ? flagValue(parseNumber(raw[key]!, subject)) : undefined);
  return { name, kind: kind!, unit: unit || undefined, baseline: value('baseline', 'The baseline'), target: value('target', 'The target'), coDesigned };
}

/** Prompts for what the flags left out of a reading; refuses when there is no indicator to pick. Escape goes back as above. */
export async function askReading(
  pr: Prompts,
  initiative: Initiative,
  given: { indicator?: Indicator; date?: string; value?: number },
  asOf: string,
  allowFuture = false,
): Promise<{ indicator: Indicator; date: string; value: number }> {
  const list = initiative.grow?.indicators ?? [];
  if (!given.indicator && !list.length) flagValue(findIndicator(initiative, '', '--indicator'));
  let indicator = given.indicator;
  let dateRaw = '';
  let valueRaw = '';
  const readingDate = (s: string): Checked<string> => {
    const d = parseReadingDate(initiative, indicator!, s, 'The date');
    return d.ok ? checkNotFuture(d.value, asOf, 'The date', allowFuture) : d;
  };
  await steps([
    stepIf(
      () => given.indicator === undefined,
      async () => {
        indicator = await pr.select<Indicator>({
          message: 'Indicator',
          default: indicator,
          choices: list.map((i) => ({ name: indicatorChoiceName(initiative, i), value: i, short: i.name })),
        });
      },
    ),
    stepIf(
      () => given.date === undefined,
      async () => {
        dateRaw = await pr.input({ message: 'Date of the reading (e.g. 30/06/2027)', default: dateRaw || asOf, validate: validator(readingDate) });
      },
    ),
    stepIf(
      () => given.value === undefined,
      async () => {
        valueRaw = await pr.input({ message: `Value${indicator!.unit ? ` (${indicator!.unit})` : ''}`, default: valueRaw || undefined, validate: validator((s) => parseNumber(s, 'The value')) });
      },
    ),
  ]);
  const date = given.date ?? flagValue(readingDate(dateRaw));
  const value = given.value ?? flagValue(parseNumber(valueRaw, 'The value'));
  return { indicator: indicator!, date, value };
}

/**
 * Prompts for what the flags left out of a review; users and staff are ticked to start with. The
 * date is neither after the as-of date (unless allowed) nor a day that has a review already.
 * Escape goes back as above.
 */
export async function askReview(pr: Prompts, initiative: Initiative, given: { date?: string; by?: Reviewer[] }, asOf: string, allowFuture = false): Promise<{ date: string; by: Reviewer[] }> {
  const reviewDate = (s: string): Checked<string> => {
    const d = parseDate(s, 'The date');
    if (!d.ok) return d;
    const f = checkNotFuture(d.value, asOf, 'The date', allowFuture);
    if (!f.ok) return f;
    const dup = newReview(initiative, d.value, []);
    return dup.ok ? d : dup;
  };
  let dateRaw = '';
  let by = given.by;
  await steps([
    stepIf(
      () => given.date === undefined,
      async () => {
        dateRaw = await pr.input({ message: 'Date of the review (e.g. 30/06/2027)', default: dateRaw || asOf, validate: validator(reviewDate) });
      },
    ),
    stepIf(
      () => given.by === undefined,
      async () => {
        const ticked = (r: Reviewer) => (by ? by.includes(r) : r === 'users' || r === 'staff');
        by = await pr.checkbox<Reviewer>({
          message: 'Who took part? (space to pick; users and staff make it 360-degree)',
          choices: REVIEWERS.map((r) => ({ name: r, value: r, checked: ticked(r) })),
          validate: (list) => (list.length ? true : 'Pick at least one'),
        });
      },
    ),
  ]);
  const date = given.date ?? flagValue(reviewDate(dateRaw));
  return { date, by: REVIEWERS.filter((r) => by!.includes(r)) };
}

async function askCompetencies(pr: Prompts, work: Initiative): Promise<string[]> {
  const raw = await pr.input({
    message: 'Competencies (comma-separated tags, e.g. community-catalyst, asset-based-conversations)',
    default: (work.grow?.competencies ?? []).join(', ') || undefined,
    validate: validator((s) => parseCompetencies(s, 'The list')),
  });
  return flagValue(parseCompetencies(raw, 'The list'));
}

/** A councillor connector: the ward, then the role; Escape at the role goes back to the ward. */
async function askCouncillor(pr: Prompts, config: Config, work: Initiative): Promise<Councillor> {
  let ward: string | undefined;
  let role = '';
  await steps([
    async () => {
      ward = await pr.select<string>({
        message: 'Ward',
        default: ward,
        choices: uncoveredWards(work).map((w) => ({ name: config.wards.find((x) => x.id === w)?.label ?? w, value: w })),
      });
    },
    async () => {
      role = await pr.input({ message: 'Role', default: role || DEFAULT_COUNCILLOR_ROLE });
    },
  ]);
  return flagValue(buildCouncillor(work, { ward: ward!, role }));
}

/** What a session gathered: the initiative, its changes in order with their summary lines, and how it would look. */
export interface SessionResult {
  id: string;
  changes: GrowChange[];
  summary: string[];
  work: Initiative;
}

/** How a session hands its changes to the command's Room (cli/session.ts) as they are made. */
export interface SessionHooks {
  /** Each change, as soon as it is made (journalled by the room). */
  onChange(id: string, change: GrowChange, summary: string): void;
  /** Changes waiting to be saved, this session's and any recovered. */
  pending(): number;
  /** "Save now": true when saved. */
  saveNow(): boolean;
}

/**
 * The interactive session: pick an initiative (running and scaled first), then add indicators,
 * readings, reviews, competencies and councillor connectors until Done. Each change is shown
 * at once and seen by the next step. Escape in a step goes back to the menu.
 */
export async function growSession(
  io: Io,
  pr: Prompts,
  config: Config,
  candidates: readonly Initiative[],
  all: readonly Initiative[],
  asOf: string,
  hooks?: SessionHooks,
): Promise<SessionResult> {
  const c = io.ce;
  say(io, sessionHeader(c, config, growCheck(config, all, asOf)));
  const ordered = [...candidates.filter(isGrowing), ...candidates.filter((i) => !isGrowing(i))];
  const id = await pr.select<string>({
    message: 'Initiative',
    pageSize: 12,
    // The prompt library draws on stdout, so its choices take stdout's colour.
    choices: ordered.map((i) => ({ name: initiativeChoiceName(io.c, config, i, asOf), value: i.id, short: i.id, description: i.title })),
  });
  let work = structuredClone(candidates.find((i) => i.id === id)!);
  const changes: GrowChange[] = [];
  const summary: string[] = [];
  say(io, describeInitiative(c, config, work, asOf));

  for (;;) {
    const hasIndicators = (work.grow?.indicators ?? []).length > 0;
    const uncovered = uncoveredWards(work);
    const n = hooks ? hooks.pending() : changes.length;
    const action = await pr.select<string>({
      message: 'What now?',
      choices: [
        { name: 'Add an indicator', value: 'indicator' },
        { name: 'Record a reading', value: 'reading', disabled: hasIndicators ? false : '(add an indicator first)' },
        { name: 'Record a 360-degree review', value: 'review' },
        { name: 'Name staff competencies', value: 'competencies' },
        { name: 'Name a councillor connector', value: 'councillor', disabled: uncovered.length ? false : (work.wards ?? []).length ? '(every ward has one)' : '(it names no wards)' },
        { name: n ? `Done — review and save ${n} change${n === 1 ? '' : 's'}` : 'Done', value: 'done' },
        ...(hooks && n ? [{ name: `Save now (${n} change${n === 1 ? '' : 's'}), then go on`, value: 'save' }] : []),
      ],
    });
    if (action === 'done') break;
    if (action === 'save') {
      if (hooks?.saveNow()) {
        changes.length = 0;
        summary.length = 0;
      }
      continue;
    }
    // Escape in a step comes back to this menu.
    const step = await backable(() => askChange(pr, config, work, action, asOf));
    if (step.back) continue;
    const [change, line] = step.value;
    summary.push(line);
    changes.push(change);
    hooks?.onChange(id, change, line);
    work = applyGrowChange(work, change);
    say(io, `  ${c.green('+')} ${summary[summary.length - 1]}`);
  }
  if (changes.length) say(io, changesSummary(c, id, summary));
  return { id, changes, summary, work };
}

/** The questions of one step of the menu, and the change they make with its summary line. */
async function askChange(pr: Prompts, config: Config, work: Initiative, action: string, asOf: string): Promise<[GrowChange, string]> {
  let change: GrowChange;
  const summary: string[] = [];
  if (action === 'indicator') {
    const v = await askIndicator(pr, work, {});
    change = { op: 'append', key: 'indicators', value: indicatorEntry(v) };
    summary.push(describeChange.indicatorInSession(v));
  } else if (action === 'reading') {
    const r = await askReading(pr, work, {}, asOf);
    change = { op: 'append', key: 'readings', value: flagValue(readingEntry(work, r.indicator, r.date, r.value)) };
    summary.push(describeChange.reading(change.value, r.indicator.unit));
  } else if (action === 'review') {
    const r = await askReview(pr, work, {}, asOf);
    change = { op: 'append', key: 'reviews', value: flagValue(newReview(work, r.date, r.by)) };
    summary.push(describeChange.review(change.value));
  } else if (action === 'competencies') {
    change = { op: 'set', key: 'competencies', value: await askCompetencies(pr, work) };
    summary.push(describeChange.competencies(change.value));
  } else {
    const x = await askCouncillor(pr, config, work);
    change = { op: 'append', key: 'councillors', value: x };
    summary.push(describeChange.councillor(x.ward, x.role));
  }
  return [change, summary[0]!];
}

/** Whether to save the session's changes. */
export async function confirmSave(pr: Prompts): Promise<boolean> {
  return pr.confirm({ message: 'Save them?', default: true });
}
