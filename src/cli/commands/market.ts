/**
 * Market it: the incentive menu, adding incentives, building a co-production charter from flags,
 * and the interactive session that walks both with suggestions from the risk library.
 */
import { isRealDate } from '../../core/validate.js';
import { didYouMean } from '../../core/diagnostics.js';
import { CostarError, EXIT, usageError } from '../../core/errors.js';
import {
  CHARTER_LIST_LABELS,
  CHARTER_LISTS,
  countAdditions,
  emptyAdditions,
  hasIncentive,
  INCENTIVE_KIND_LABELS,
  marketGaps,
  newCharterItems,
  parseCost,
  parseGroup,
  parseKind,
  parseRisk,
  riskContext,
  riskReasons,
  RISK_LEVEL_LABELS,
  sameText,
  STAKEHOLDER_LABELS,
  type CharterAdditions,
  type CharterList,
  type CharterRiskInput,
  type IncentiveRecord,
  type Parsed,
} from '../../core/market.js';
import type { Initiative } from '../../core/schema.js';
import { INCENTIVE_KINDS, RISK_LEVELS, STAKEHOLDERS, type IncentiveKind, type RiskLevel, type Stakeholder } from '../../core/vocab.js';
import { COST_BAND_LABELS, INCENTIVE_MENU, type MenuIncentive } from '../../data/incentives.js';
import { suggestRisks, toCharterRisk } from '../../data/risks.js';
import type { EditOp } from '../../store/edit.js';
import { findPortfolio, loadPortfolio, type Portfolio } from '../../store/portfolio.js';
import { commit } from '../../store/write.js';
import { loadPrompts, type Prompts } from '../ask.js';
import { findInitiative, invalidRecordError, validRecord } from '../records.js';
import { textWidth, wrap } from '../cards.js';
import type { Io } from '../io.js';
import type { CommandContext } from '../program.js';

// ------------------------------------------------------------------------------------- shared

/** A parse failure as a usage error that names the flag (exit 2). */
function flagValue<T>(flag: string, r: Parsed<T>): T {
  if (r.ok) return r.value;
  throw usageError('bad-value', `${flag} ${r.message}`, r.valid ? `Valid values: ${r.valid.join(', ')}` : undefined);
}

function money(n: number, currency: string): string {
  const whole = Number.isInteger(n);
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(n);
}

function describeIncentive(x: IncentiveRecord, currency: string): string {
  return `${STAKEHOLDER_LABELS[x.for]} · ${x.kind} · ${x.what}${x.cost !== undefined ? ` (${money(x.cost, currency)} a year)` : ''}`;
}

/** The portfolio and the initiative a write is about; unknown ids are usage errors with a suggestion. */
function openInitiative(io: Io, portfolioFlag: string | undefined, id: string, forChange = true): { p: Portfolio; i: Initiative; rel: string } {
  const p = loadPortfolio(findPortfolio(io.cwd, portfolioFlag), { forChange });
  const i = findInitiative(p, id, 'change');
  const file = p.fileOf('initiative', id)!;
  if (p.diagnostics.some((d) => d.file === file.rel && d.severity === 'error')) throw invalidRecordError(p, file, 'change');
  return { p, i, rel: file.rel };
}

function incentiveOp(x: IncentiveRecord): EditOp {
  const value: Record<string, unknown> = { for: x.for, kind: x.kind, what: x.what };
  if (x.cost !== undefined) value.cost = x.cost;
  return { op: 'append', path: ['market', 'incentives'], value };
}

function charterOps(add: CharterAdditions): EditOp[] {
  const ops: EditOp[] = [];
  for (const list of CHARTER_LISTS) for (const v of add[list]) ops.push({ op: 'append', path: ['market', 'charter', list], value: v });
  for (const r of add.risks) {
    const value: Record<string, unknown> = { risk: r.risk };
    for (const k of ['likelihood', 'impact', 'mitigation', 'owner'] as const) if (r[k] !== undefined) value[k] = r[k];
    ops.push({ op: 'append', path: ['market', 'charter', 'risks'], value });
  }
  if (add.review !== undefined) ops.push({ op: 'set', path: ['market', 'charter', 'review'], value: add.review });
  return ops;
}

/** The initiative as it will be once the additions are written: for the step check and suggestions. */
function withAdditions(i: Initiative, incentives: IncentiveRecord[], add: CharterAdditions): Initiative {
  const ch = i.market?.charter ?? {};
  return {
    ...i,
    market: {
      ...i.market,
      incentives: [...(i.market?.incentives ?? []), ...incentives],
      charter: {
        ...ch,
        parties: [...(ch.parties ?? []), ...add.parties],
        sharedOutcomes: [...(ch.sharedOutcomes ?? []), ...add.sharedOutcomes],
        serviceCommitments: [...(ch.serviceCommitments ?? []), ...add.serviceCommitments],
        communityCommitments: [...(ch.communityCommitments ?? []), ...add.communityCommitments],
        risks: [...(ch.risks ?? []), ...add.risks],
        review: add.review ?? ch.review,
      },
    },
  };
}

/** Where Market it stands for the initiative after a write, and what to do next (stderr). */
function nextSteps(io: Io, i: Initiative): void {
  const gaps = marketGaps(i);
  const { ce } = io;
  if (!gaps.length) {
    io.err(`  Market it is complete for ${i.id}.\n`);
    io.err(`Next: ${i.market?.charter ? `costar generate charter ${i.id} --format html, then ` : ''}costar grow — indicators to show it works\n`);
    return;
  }
  const words = gaps.map((g) => (g === 'incentive' ? 'an incentive' : g === 'service-commitment' ? 'a commitment of the service' : 'a commitment of the community'));
  io.err(`  ${ce.dim('Market it still needs')} ${words.join(', ').replace(/, ([^,]*)$/, ' and $1')}.\n`);
  if (gaps.includes('incentive')) io.err(`Next: costar market menu, then costar market add-incentive ${i.id} --from-menu <menu id>\n`);
  else {
    const flags = [gaps.includes('service-commitment') ? '--service-commitment "…"' : '', gaps.includes('community-commitment') ? '--community-commitment "…"' : ''].filter(Boolean).join(' ');
    io.err(`Next: costar market charter ${i.id} ${flags}\n`);
  }
}

// ------------------------------------------------------------------------------------- menu

/** `costar market menu`: the built-in incentive menu, grouped, filtered, or as JSON. Needs no portfolio. */
export async function runMenu({ io, opts }: CommandContext): Promise<number> {
  const group = opts.for !== undefined ? flagValue('--for', parseGroup(String(opts.for))) : undefined;
  const kind = opts.kind !== undefined ? flagValue('--kind', parseKind(String(opts.kind))) : undefined;
  const found = INCENTIVE_MENU.filter((x) => (group === undefined || x.for === group) && (kind === undefined || x.kind === kind));

  if (opts.json) {
    io.out(JSON.stringify(found.map(({ id, for: f, kind: k, what, example, costBand }) => ({ id, for: f, kind: k, what, example, costBand })), null, 2) + '\n');
    return EXIT.ok;
  }
  if (!found.length) {
    io.err(`The menu has no ${kind ?? ''} incentives${group ? ` for ${STAKEHOLDER_LABELS[group].toLowerCase()}` : ''}.\nTry without --kind: costar market menu${group ? ` --for ${group}` : ''}\n`);
    return EXIT.ok;
  }
  io.out(await menuText(io, found, group, kind));
  io.err(`Next: costar market add-incentive <initiative> --from-menu <id> [--cost <yearly cost>]\n`);
  return EXIT.ok;
}

async function menuText(io: Io, found: readonly MenuIncentive[], group: Stakeholder | undefined, kind: IncentiveKind | undefined): Promise<string> {
  const { default: Table } = await import('cli-table3');
  const { c } = io;
  const width = Math.max(70, textWidth());
  const kindW = 15;
  const bandW = 19;
  const whatW = width - kindW - bandW - 4;
  const groups = STAKEHOLDERS.filter((g) => found.some((x) => x.for === g));
  const filter = [group ? `for ${STAKEHOLDER_LABELS[group].toLowerCase()}` : '', kind ? `of kind ${kind}` : ''].filter(Boolean).join(', ');
  const out: string[] = [
    c.bold(`Incentive menu: ${found.length} incentive${found.length === 1 ? '' : 's'}${filter ? ` ${filter}` : ` for ${groups.length} stakeholder groups`}`),
    c.dim('Cost bands are per year, per initiative, and only a guide.'),
    '',
  ];
  for (const g of groups) {
    const t = new Table({
      head: ['Kind', 'Incentive', 'Cost band'].map((h) => c.bold(h)),
      colWidths: [kindW, whatW, bandW],
      wordWrap: true,
      style: io.color ? { 'padding-left': 1, 'padding-right': 1 } : { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    });
    let lastKind = '';
    for (const x of found.filter((y) => y.for === g)) {
      const inner = whatW - 2;
      const cell = [c.bold(x.what), ...wrap(x.example, inner).map((l) => c.dim(l)), c.cyan(`id: ${x.id}`)];
      t.push([x.kind === lastKind ? '' : INCENTIVE_KIND_LABELS[x.kind], cell.join('\n'), COST_BAND_LABELS[x.costBand]]);
      lastKind = x.kind;
    }
    out.push(c.bold(STAKEHOLDER_LABELS[g]), t.toString(), '');
  }
  return out.join('\n');
}

// ------------------------------------------------------------------------------------- add-incentive

/** `costar market add-incentive <id>`: one incentive, from flags or from the menu. */
export async function runAddIncentive({ io, global, args, opts }: CommandContext): Promise<number> {
  const id = String(args[0]);
  let menu: MenuIncentive | undefined;
  if (opts.fromMenu !== undefined) {
    menu = INCENTIVE_MENU.find((x) => x.id === opts.fromMenu);
    if (!menu) {
      const near = didYouMean(String(opts.fromMenu), INCENTIVE_MENU.map((x) => x.id));
      throw usageError('bad-value', `--from-menu ${JSON.stringify(opts.fromMenu)} is not on the incentive menu${near ? `; did you mean "${near}"?` : ''}`, 'See the ids with: costar market menu');
    }
  }
  let group = opts.for !== undefined ? flagValue('--for', parseGroup(String(opts.for))) : menu?.for;
  let kind = opts.kind !== undefined ? flagValue('--kind', parseKind(String(opts.kind))) : menu?.kind;
  let what = opts.what !== undefined ? String(opts.what).trim() : menu?.what;
  if (opts.what !== undefined && !what) throw usageError('bad-value', '--what is empty: say what the incentive is');
  let cost = opts.cost !== undefined ? flagValue('--cost', parseCost(String(opts.cost))) : undefined;

  const missing = [group === undefined ? '--for' : '', kind === undefined ? '--kind' : '', what === undefined ? '--what' : ''].filter(Boolean);
  if (missing.length && !io.canPrompt) {
    throw usageError(
      'missing-value',
      `the incentive needs ${missing.join(', ').replace(/, ([^,]*)$/, ' and $1')}`,
      `Or take one from the menu: costar market add-incentive ${id} --from-menu <menu id> (see costar market menu)${io.env.CI ? '. Prompts are off because CI is set.' : ''}`,
    );
  }
  const { p, i, rel } = openInitiative(io, global.portfolio, id);
  if (missing.length) {
    const pr = await loadPrompts();
    group ??= await askGroup(pr, 'Who is the incentive for?');
    kind ??= await askKind(pr);
    what ??= await pr.input({ message: 'The incentive, in a short phrase', validate: (s) => (s.trim() ? true : 'Say what the incentive is') }).then((s) => s.trim());
    if (opts.cost === undefined) cost = await askCost(pr, p.config.currency);
  }
  const inc: IncentiveRecord = { for: group!, kind: kind!, what: what!, ...(cost !== undefined ? { cost } : {}) };
  if (hasIncentive(i, inc)) {
    io.err(`${id} already offers this incentive (${describeIncentive(inc, p.config.currency)}); nothing was changed.\n`);
    return EXIT.ok;
  }
  commit(p, [{ kind: 'initiative', id, edit: [incentiveOp(inc)] }]);
  io.err(`${io.ce.green('✔')} Added an incentive to ${rel}: ${describeIncentive(inc, p.config.currency)}\n`);
  nextSteps(io, withAdditions(i, [inc], emptyAdditions()));
  return EXIT.ok;
}

// ------------------------------------------------------------------------------------- charter

const CHARTER_FLAGS: Record<CharterList, { flag: string; opt: string }> = {
  parties: { flag: '--party', opt: 'party' },
  sharedOutcomes: { flag: '--outcome', opt: 'outcome' },
  serviceCommitments: { flag: '--service-commitment', opt: 'serviceCommitment' },
  communityCommitments: { flag: '--community-commitment', opt: 'communityCommitment' },
};

/** `costar market charter <id>`: appends to the charter's lists from repeatable flags, in one write. */
export async function runCharter(ctx: CommandContext): Promise<number> {
  const { io, global, args, opts } = ctx;
  const id = String(args[0]);
  const add = emptyAdditions();
  for (const list of CHARTER_LISTS) {
    const { flag, opt } = CHARTER_FLAGS[list];
    for (const raw of (opts[opt] as string[] | undefined) ?? []) {
      const v = String(raw).trim();
      if (!v) throw usageError('bad-value', `${flag} is empty: give the ${CHARTER_LIST_LABELS[list]} as text`);
      add[list].push(v);
    }
  }
  for (const raw of (opts.risk as string[] | undefined) ?? []) add.risks.push(flagValue('--risk', parseRisk(String(raw))));
  if (opts.review !== undefined) {
    const r = String(opts.review).trim();
    if (!isRealDate(r)) throw usageError('bad-value', `--review ${JSON.stringify(opts.review)} is not a real date in the form YYYY-MM-DD`, 'For example: --review 2027-06-30');
    add.review = r;
  }

  if (countAdditions(add) === 0) {
    if (io.canPrompt) return interactive(io, global.portfolio, id, { charterOnly: true });
    throw usageError(
      'missing-value',
      'nothing to add to the charter: give at least one of --party, --outcome, --service-commitment, --community-commitment, --risk or --review',
      `For example: costar market charter ${id} --party "Midshire Council" --service-commitment "Insure registered volunteers"`,
    );
  }
  const { p, i, rel } = openInitiative(io, global.portfolio, id);
  const { added, repeated } = newCharterItems(i.market?.charter, add);
  for (const r of repeated) io.err(`${io.ce.dim('note:')} the charter already has the ${r}; left as it is\n`);
  if (countAdditions(added) === 0) {
    io.err(`Nothing new to add to the charter of ${id}; nothing was changed.\n`);
    return EXIT.ok;
  }
  commit(p, [{ kind: 'initiative', id, edit: charterOps(added) }]);
  io.err(`${io.ce.green('✔')} Updated the charter in ${rel}: ${summariseAdditions(added)}\n`);
  nextSteps(io, withAdditions(i, [], added));
  return EXIT.ok;
}

function summariseAdditions(a: CharterAdditions): string {
  const parts: string[] = [];
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  if (a.parties.length) parts.push(n(a.parties.length, 'party', 'parties'));
  if (a.sharedOutcomes.length) parts.push(n(a.sharedOutcomes.length, 'shared outcome', 'shared outcomes'));
  if (a.serviceCommitments.length) parts.push(n(a.serviceCommitments.length, 'service commitment', 'service commitments'));
  if (a.communityCommitments.length) parts.push(n(a.communityCommitments.length, 'community commitment', 'community commitments'));
  if (a.risks.length) parts.push(n(a.risks.length, 'risk', 'risks'));
  const head = parts.length ? `added ${parts.join(', ')}` : '';
  const review = a.review !== undefined ? `review date ${a.review}` : '';
  return [head, review].filter(Boolean).join('; ');
}

// ------------------------------------------------------------------------------------- interactive

/** `costar market`: the interactive session (workshops). */
export async function run({ io, global }: CommandContext): Promise<number> {
  if (!io.canPrompt) {
    throw usageError(
      'not-interactive',
      'costar market asks questions, so it needs a terminal (and no --no-input or CI)',
      'Unattended, use: costar market menu, costar market add-incentive <id> --from-menu <menu id>, costar market charter <id> --party … --service-commitment … --community-commitment …',
    );
  }
  return interactive(io, global.portfolio, undefined, { charterOnly: false });
}

async function askGroup(pr: Prompts, message: string, counts?: (g: Stakeholder) => number): Promise<Stakeholder> {
  return pr.select<Stakeholder>({
    message,
    choices: STAKEHOLDERS.map((g) => ({ value: g, name: counts ? `${STAKEHOLDER_LABELS[g]} (${counts(g)} on the menu)` : STAKEHOLDER_LABELS[g] })),
    pageSize: STAKEHOLDERS.length,
  });
}

async function askKind(pr: Prompts): Promise<IncentiveKind> {
  return pr.select<IncentiveKind>({
    message: 'What kind of incentive?',
    choices: INCENTIVE_KINDS.map((k) => ({
      value: k,
      name: INCENTIVE_KIND_LABELS[k],
      description: k === 'financial' ? 'Money, or costs paid' : k === 'non-financial' ? 'Recognition, learning, influence, time' : 'A consequence that discourages not taking part',
    })),
  });
}

async function askCost(pr: Prompts, currency: string, band?: string): Promise<number | undefined> {
  const raw = await pr.input({
    message: `Yearly cost in ${currency}${band ? ` (menu guide: ${band})` : ''}; leave empty if not known`,
    validate: (s) => {
      if (!s.trim()) return true;
      const r = parseCost(s);
      return r.ok ? true : r.message;
    },
  });
  if (!raw.trim()) return undefined;
  const r = parseCost(raw);
  return r.ok ? r.value : undefined;
}

/** Asks for items of one list until an empty answer; refuses repeats of what is there already. */
async function askList(pr: Prompts, message: string, existing: readonly string[], added: string[]): Promise<void> {
  for (;;) {
    const v = (
      await pr.input({
        message: `${message}${added.length ? ' (another, or empty to go on)' : ' (empty to go on)'}`,
        validate: (s) => ([...existing, ...added].some((x) => sameText(x, s)) ? 'That is already in the charter' : true),
      })
    ).trim();
    if (!v) return;
    added.push(v);
  }
}

interface Session {
  incentives: IncentiveRecord[];
  add: CharterAdditions;
}

async function interactive(io: Io, portfolioFlag: string | undefined, presetId: string | undefined, mode: { charterOnly: boolean }): Promise<number> {
  const root = findPortfolio(io.cwd, portfolioFlag);
  const p = loadPortfolio(root);
  const { c, ce } = io;
  if (!p.initiatives.length) {
    throw new CostarError('no-initiatives', 'the portfolio has no initiatives yet', { hint: 'Add one first: costar map (or costar map add --title … --area …)' });
  }
  const pr = await loadPrompts();
  const done = p.initiatives.filter((i) => !marketGaps(i).length).length;
  io.err(`${c.bold(p.config.name)} · ${p.initiatives.length} initiatives · Market it complete for ${done}\n\n`);

  const id =
    presetId ??
    (await pr.search<string>({
      message: 'Which initiative?',
      pageSize: 10,
      source: (term) => {
        const t = (term ?? '').trim().toLowerCase();
        return p.initiatives
          .filter((i) => !t || i.id.includes(t) || i.title.toLowerCase().includes(t))
          .map((i) => ({ value: i.id, name: `${i.title}  ${ce.dim(`(${i.id})`)}`, description: marketState(i) }));
      },
    }));
  const { i, rel } = openInitiative(io, portfolioFlag, id, false);
  io.err(`\n${c.bold(i.title)}  ${ce.dim(i.id)}\n  ${marketState(i)}\n\n`);

  const s: Session = { incentives: [], add: emptyAdditions() };
  if (!mode.charterOnly) await incentivesStep(io, pr, p, i, s);
  const doCharter = mode.charterOnly || (await pr.confirm({ message: i.market?.charter ? 'Add to the charter now?' : 'Build the co-production charter now?', default: true }));
  if (doCharter) await charterStep(io, pr, p, i, s);

  // Summary, then one write.
  const { added } = newCharterItems(i.market?.charter, s.add);
  const total = s.incentives.length + countAdditions(added);
  if (!total) {
    io.err(`\nNothing to save; nothing was changed.\n`);
    nextSteps(io, i);
    return EXIT.ok;
  }
  io.err(`\n${c.bold(`Changes to ${rel}`)}\n`);
  for (const x of s.incentives) io.err(`  + incentive  ${describeIncentive(x, p.config.currency)}\n`);
  for (const list of CHARTER_LISTS) for (const v of added[list]) io.err(`  + ${CHARTER_LIST_LABELS[list]}  ${v}\n`);
  for (const r of added.risks) io.err(`  + risk  ${r.risk}${r.likelihood || r.impact ? ` (likelihood ${r.likelihood ?? 'not rated'}, impact ${r.impact ?? 'not rated'})` : ''}\n`);
  if (added.review !== undefined) io.err(`  review date  ${i.market?.charter?.review ? `${i.market.charter.review} → ` : ''}${added.review}\n`);
  if (!(await pr.confirm({ message: 'Save these changes?', default: true }))) {
    io.err(`Nothing was changed.\n`);
    return EXIT.ok;
  }
  commit(p, [{ kind: 'initiative', id, edit: [...s.incentives.map(incentiveOp), ...charterOps(added)] }]);
  io.err(`${ce.green('✔')} Wrote ${rel}\n`);
  nextSteps(io, withAdditions(i, s.incentives, added));
  return EXIT.ok;
}

function marketState(i: Initiative): string {
  const n = (i.market?.incentives ?? []).length;
  const ch = i.market?.charter;
  const charter = ch
    ? `charter: ${(ch.parties ?? []).length} parties, ${(ch.serviceCommitments ?? []).length} service and ${(ch.communityCommitments ?? []).length} community commitments, ${(ch.risks ?? []).length} risks${ch.review ? `, review ${ch.review}` : ''}`
    : 'no charter yet';
  return `${n} incentive${n === 1 ? '' : 's'} · ${charter}${marketGaps(i).length ? '' : ' · Market it complete'}`;
}

async function incentivesStep(io: Io, pr: Prompts, p: Portfolio, i: Initiative, s: Session): Promise<void> {
  const currency = p.config.currency;
  const held = (x: IncentiveRecord) => hasIncentive(i, x) || s.incentives.some((y) => y.for === x.for && y.kind === x.kind && sameText(y.what, x.what));
  for (;;) {
    const action = await pr.select<'menu' | 'own' | 'done'>({
      message: s.incentives.length ? 'Add another incentive?' : 'Add an incentive?',
      choices: [
        { value: 'menu', name: 'Pick one from the incentive menu', description: 'Built-in ideas for each stakeholder group, with an example and a cost guide' },
        { value: 'own', name: 'Write my own' },
        { value: 'done', name: s.incentives.length || (i.market?.incentives ?? []).length ? 'No more incentives' : 'Not now' },
      ],
      default: s.incentives.length ? 'done' : 'menu',
    });
    if (action === 'done') return;
    if (action === 'own') {
      const group = await askGroup(pr, 'Who is it for?');
      const kind = await askKind(pr);
      const what = (await pr.input({ message: 'The incentive, in a short phrase', validate: (t) => (t.trim() ? true : 'Say what the incentive is') })).trim();
      const cost = await askCost(pr, currency);
      const inc: IncentiveRecord = { for: group, kind, what, ...(cost !== undefined ? { cost } : {}) };
      if (held(inc)) io.err(`  ${io.ce.dim('already offered; left out')}\n`);
      else {
        s.incentives.push(inc);
        io.err(`  ${io.ce.green('+')} ${describeIncentive(inc, currency)}\n`);
      }
      continue;
    }
    const group = await askGroup(pr, 'Incentives for whom?', (g) => INCENTIVE_MENU.filter((x) => x.for === g).length);
    const width = textWidth();
    const picked = await pr.select<MenuIncentive | null>({
      message: `Incentives for ${STAKEHOLDER_LABELS[group].toLowerCase()}`,
      pageSize: 12,
      choices: [
        ...INCENTIVE_MENU.filter((x) => x.for === group).map((x) => {
          const taken = held({ for: x.for, kind: x.kind, what: x.what });
          return {
            value: x,
            name: `${INCENTIVE_KIND_LABELS[x.kind]}: ${x.what}  ${io.ce.dim(`[${COST_BAND_LABELS[x.costBand]}]`)}`,
            description: [...wrap(`e.g. ${x.example}`, width), `Cost band: ${COST_BAND_LABELS[x.costBand]}`].join('\n'),
            ...(taken ? { disabled: '(already offered)' } : {}),
          };
        }),
        { value: null, name: 'Back: choose another group' },
      ],
    });
    if (!picked) continue;
    const cost = await askCost(pr, currency, COST_BAND_LABELS[picked.costBand]);
    const inc: IncentiveRecord = { for: picked.for, kind: picked.kind, what: picked.what, ...(cost !== undefined ? { cost } : {}) };
    s.incentives.push(inc);
    io.err(`  ${io.ce.green('+')} ${describeIncentive(inc, currency)}\n`);
  }
}

async function charterStep(io: Io, pr: Prompts, p: Portfolio, i: Initiative, s: Session): Promise<void> {
  const ch = i.market?.charter;
  const { c } = io;
  const show = (label: string, items: readonly string[]) => {
    if (items.length) io.err(`${c.bold(label)} so far: ${items.join('; ')}\n`);
  };
  io.err(`\n${c.bold('The co-production charter')}: who takes part, what you share, what each side promises, and the risks.\n`);
  show('Parties', ch?.parties ?? []);
  await askList(pr, `A party to the charter, e.g. ${p.config.organisation}`, ch?.parties ?? [], s.add.parties);
  show('Shared outcomes', ch?.sharedOutcomes ?? []);
  await askList(pr, 'An outcome both sides want', ch?.sharedOutcomes ?? [], s.add.sharedOutcomes);
  show('Service commitments', ch?.serviceCommitments ?? []);
  await askList(pr, 'What the service commits to', ch?.serviceCommitments ?? [], s.add.serviceCommitments);
  show('Community commitments', ch?.communityCommitments ?? []);
  await askList(pr, 'What the community commits to', ch?.communityCommitments ?? [], s.add.communityCommitments);

  // Risks: suggestions from the library, chosen by what the initiative holds (with this session's incentives).
  const existingRisks = (ch?.risks ?? []).map((r) => r.risk);
  show('Risks', existingRisks);
  const ctx = riskContext(withAdditions(i, s.incentives, emptyAdditions()), p.people);
  const offered = suggestRisks(ctx, existingRisks);
  if (offered.length) {
    const width = textWidth();
    const chosen = await pr.checkbox({
      message: 'Risks from the library that fit this initiative (space to pick, enter to go on; the reason shows below)',
      pageSize: 12,
      choices: offered.map((r) => ({
        value: r,
        name: r.risk,
        short: r.risk.length > 48 ? `${r.risk.slice(0, 47)}…` : r.risk,
        description: [
          ...wrap(`Suggested because ${riskReasons(r, ctx).join('; ')}. ${r.why}`, width),
          `Likelihood ${r.likelihood}, impact ${r.impact}; owner: ${r.owner}`,
          ...wrap(`Mitigation: ${r.mitigation}`, width),
        ].join('\n'),
      })),
    });
    for (const r of chosen) s.add.risks.push(toCharterRisk(r));
  }
  for (;;) {
    const text = (
      await pr.input({
        message: 'A risk in your own words (empty to go on)',
        validate: (t) => ([...existingRisks, ...s.add.risks.map((r) => r.risk)].some((x) => sameText(x, t)) ? 'That risk is already in the register' : true),
      })
    ).trim();
    if (!text) break;
    const level = (message: string) =>
      pr.select<RiskLevel>({ message, choices: RISK_LEVELS.map((l) => ({ value: l, name: RISK_LEVEL_LABELS[l] })), default: 'medium' });
    const risk: CharterRiskInput = { risk: text, likelihood: await level('Likelihood'), impact: await level('Impact') };
    const mitigation = (await pr.input({ message: 'How will it be reduced? (empty to skip)' })).trim();
    const owner = (await pr.input({ message: 'Who owns it? (empty to skip)' })).trim();
    if (mitigation) risk.mitigation = mitigation;
    if (owner) risk.owner = owner;
    s.add.risks.push(risk);
  }

  const review = (
    await pr.input({
      message: ch?.review ? `Review date (YYYY-MM-DD; empty keeps ${ch.review})` : 'Review date (YYYY-MM-DD; empty to leave unset)',
      validate: (t) => (!t.trim() || isRealDate(t.trim()) ? true : 'A real date in the form YYYY-MM-DD, e.g. 2027-06-30'),
    })
  ).trim();
  if (review) s.add.review = review;
}
