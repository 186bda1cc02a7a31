/**
 * `costar grow`: Grow it. Indicators, readings and 360-degree reviews, unattended or in an
 * interactive session, and `grow check`, the readiness of every running and scaled initiative.
 * Wiring only: options (options.ts) -> store -> core (core/grow.ts, core/grow-input.ts) ->
 * prompts (session.ts) and words (render.ts). The check table and JSON go to stdout; everything
 * said to a person, the session included, to stderr.
 */
import { usageError } from '../../../core/errors.js';
import { growCheck, indicatorProgress, initiativeFindings, isGrowing, latestReview, nextReviewDue, reviewsOf, shellArg } from '../../../core/grow.js';
import { applyGrowChange, checkNewIndicatorName, findIndicator, indicatorEntry, isThreeSixty, newReview, readingEntry, type GrowChange, type IndicatorInput } from '../../../core/grow-input.js';
import { REVIEWERS, INDICATOR_KINDS } from '../../../core/vocab.js';
import type { EditOp } from '../../../store/edit.js';
import { findPortfolio, type Portfolio, readPortfolio, readValidPortfolio } from '../../../store/portfolio.js';
import { commit } from '../../../store/write.js';
import { loadPrompts, requireFlag } from '../../ask.js';
import type { Io } from '../../io.js';
import { Room, SAVED_BEFORE } from '../../session.js';
import type { Initiative } from '../../../core/schema.js';
import type { CommandContext } from '../../program.js';
import { findInitiative } from '../../records.js';
import { next, plural, say } from '../../render.js';
import { addIndicatorOptions, checkOptions, flagValue, readingOptions, reviewOptions, asOfOption } from './options.js';
import { describeChange, renderCheck, trendWords } from './render.js';
import { askIndicator, askReading, askReview, confirmSave, growSession } from './session.js';

const toEdit = (c: GrowChange): EditOp => ({ op: c.op, path: ['grow', c.key], value: c.value });

/** Writes the changes to the initiative's file through the one write path, and says so. */
function save(io: Io, p: Portfolio, id: string, changes: GrowChange[], what: string): void {
  const res = commit(p, [{ kind: 'initiative', id, edit: changes.map(toEdit) }]);
  for (const f of res.written) say(io, `${io.ce.green('✔')} Updated ${f}: ${what}`);
}

const note = (io: Io, text: string) => say(io, `${io.ce.dim('note:')} ${text}`);

// ---------------------------------------------------------------- costar grow add-indicator

export async function runAddIndicator({ io, global, args, opts }: CommandContext): Promise<number> {
  const id = String(args[0]);
  const o = addIndicatorOptions(opts);
  const p = await readPortfolio(findPortfolio(io.cwd, global.portfolio), { forChange: true });
  const initiative = findInitiative(p, id);
  if (o.name !== undefined) flagValue(checkNewIndicatorName(initiative, o.name, '--name'));
  if (o.name === undefined) requireFlag(io, '--name', 'the indicator name');
  if (o.kind === undefined) requireFlag(io, '--kind', `the indicator kind (${INDICATOR_KINDS.join(' or ')})`);
  const v: IndicatorInput = o.name === undefined || o.kind === undefined ? await askIndicator(await loadPrompts(), initiative, o) : { ...o, name: o.name, kind: o.kind };
  save(io, p, id, [{ op: 'append', key: 'indicators', value: indicatorEntry(v) }], describeChange.indicator(v));
  const position = (initiative.grow?.indicators ?? []).length;
  if (v.kind === 'outcome' && v.target === undefined) note(io, `an outcome indicator needs a target to count for readiness: costar set initiatives/${id} grow.indicators.${position}.target=…`);
  next(io, `costar grow reading ${id} --indicator ${shellArg(v.name)} --date … --value …`);
  return 0;
}

// ---------------------------------------------------------------- costar grow reading

export async function runReading({ io, global, args, opts }: CommandContext): Promise<number> {
  const id = String(args[0]);
  const o = readingOptions(opts, io.env);
  const p = await readPortfolio(findPortfolio(io.cwd, global.portfolio), { forChange: true });
  const initiative = findInitiative(p, id);
  const given = { indicator: o.indicator === undefined ? undefined : flagValue(findIndicator(initiative, o.indicator, '--indicator')), date: o.date, value: o.value };
  if (given.indicator === undefined) requireFlag(io, '--indicator', 'the indicator name');
  if (given.date === undefined) requireFlag(io, '--date', 'the date of the reading');
  if (given.value === undefined) requireFlag(io, '--value', 'the value');
  const r = given.indicator === undefined || given.date === undefined || given.value === undefined ? await askReading(await loadPrompts(), initiative, given, o.asOf, o.allowFuture) : { ...given, indicator: given.indicator, date: given.date, value: given.value };
  const change: GrowChange = { op: 'append', key: 'readings', value: flagValue(readingEntry(initiative, r.indicator, r.date, r.value)) };
  save(io, p, id, [change], describeChange.reading(change.value, r.indicator.unit));
  say(io, `  Trend: ${trendWords(indicatorProgress(applyGrowChange(initiative, change), r.indicator))}`);
  next(io, 'costar grow check   (readiness of every running and scaled initiative)');
  return 0;
}

// ---------------------------------------------------------------- costar grow review

export async function runReview({ io, global, args, opts }: CommandContext): Promise<number> {
  const id = String(args[0]);
  const o = reviewOptions(opts, io.env);
  const p = await readPortfolio(findPortfolio(io.cwd, global.portfolio), { forChange: true });
  const initiative = findInitiative(p, id);
  if (o.date !== undefined) flagValue(newReview(initiative, o.date, o.by ?? []));
  if (o.date === undefined) requireFlag(io, '--date', 'the date of the review');
  if (o.by === undefined) requireFlag(io, '--by', `who took part (${REVIEWERS.join(', ')})`);
  const r = o.date === undefined || o.by === undefined ? await askReview(await loadPrompts(), initiative, o, o.asOf, o.allowFuture) : { date: o.date, by: o.by };
  // Appended to grow.reviews; a v1 `review` stays as it is and counts as one more entry.
  const review = flagValue(newReview(initiative, r.date, r.by));
  const after = applyGrowChange(initiative, { op: 'append', key: 'reviews', value: review });
  save(io, p, id, [{ op: 'append', key: 'reviews', value: review }], describeChange.review(review));
  const newest = latestReview(after)!;
  const count = reviewsOf(after).length;
  // One review a day, so the dates tell the reviews apart.
  const counts = newest.date === review.date;
  if (!counts) note(io, `a later review (${newest.date}) is recorded, so that one still counts; ${plural(count, 'review')} kept`);
  else if (count > 1) say(io, `  ${plural(count, 'review')} recorded; this one, the newest, counts.`);
  if (review.date > o.asOf) say(io, `  Recorded as planned: it is dated after ${o.asOf}, so grow check counts it from ${review.date}.`);
  say(io, `  Next review due by ${nextReviewDue(newest.date)}`);
  if (counts && !isThreeSixty(review.by ?? [])) say(io, `${io.ce.yellow('!')} A 360-degree review hears both users and staff; this one did not, so grow check will still report it.`);
  return 0;
}

// ---------------------------------------------------------------- costar grow check

export async function runCheck({ io, global, opts }: CommandContext): Promise<number> {
  const o = checkOptions(opts, new Date(), io.env);
  const p = await readValidPortfolio(findPortfolio(io.cwd, global.portfolio));
  const res = growCheck(p.config, p.initiatives, o.asOf);
  if (o.json) {
    io.out(JSON.stringify(res, null, 2) + '\n');
    return 0;
  }
  const { text, next: hint } = await renderCheck(io, p.config, res);
  io.out(text);
  next(io, hint);
  return 0;
}

// ---------------------------------------------------------------- costar grow (interactive)

export async function run({ io, global }: CommandContext): Promise<number> {
  const root = findPortfolio(io.cwd, global.portfolio);
  if (!io.canPrompt) {
    throw usageError('not-interactive', 'costar grow is an interactive session and needs a terminal', 'Unattended, use: costar grow add-indicator | reading | review <id> …, and costar grow check');
  }
  const p = await readPortfolio(root);
  const candidates = p.initiatives.filter((i) => i.status !== 'stopped');
  if (!candidates.length) throw usageError('no-initiatives', 'there are no initiatives to grow yet', 'Start with: costar map');
  const pr = await loadPrompts();
  const asOf = asOfOption({}, io.env);
  const room = new Room(io, pr, root, 'grow');
  return room.run(async () => {
    await room.offerRecovery();
    const mine = (list: readonly Initiative[]) => list.map((i) => room.withPending('initiative', i.id, i));
    const { id, work } = await growSession(io, pr, p.config, mine(candidates), mine(p.initiatives), asOf, {
      onChange: (on, change, line) => room.add({ kind: 'initiative', id: on, edit: [toEdit(change)] }, line),
      pending: () => room.count,
      saveNow: () => room.trySave(),
    });
    if (!room.count) {
      say(io, room.savedBefore ? SAVED_BEFORE.nothingMore : 'Nothing to save; nothing was changed.');
      return room.savedBefore ? readiness(io, p.config, id, work, asOf) : 0;
    }
    if (!(await confirmSave(pr))) {
      room.discard();
      say(io, room.savedBefore ? SAVED_BEFORE.restNotSaved : 'Not saved; nothing was changed.');
      return 0;
    }
    room.save();
    return readiness(io, p.config, id, work, asOf);
  });
}

function readiness(io: Io, config: Portfolio['config'], id: string, work: Initiative, asOf: string): number {
  if (!isGrowing(work)) {
    say(io, `${id} is ${work.status}; readiness to grow is checked once it is running or scaled.`);
    return 0;
  }
  const findings = initiativeFindings(config, work, asOf);
  if (!findings.length) {
    say(io, `${io.ce.green('✔')} ${id} is ready to grow.`);
    next(io, `costar generate grow-plan ${id}`);
  } else {
    say(io, `${plural(findings.length, 'gap')} left.`);
    next(io, findings[0]!.fix);
  }
  return 0;
}
