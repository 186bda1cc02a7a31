import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { GRADE_NOTES } from '../../core/business-case.js';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_CRITERIA, DEFAULT_OPTIMISM_BIAS, DEFAULTS, labelFromId } from '../../core/config.js';
import { CostarError, usageError } from '../../core/errors.js';
import { validatePortfolio } from '../../core/validate.js';
import { duplicateId, financialYearOf, parseIdLabelList, parseIdOrLabel, parseStartYear, tagsFor, type IdLabel } from '../../core/init.js';
import { formatYear, plural } from '../../core/format.js';
import { promptCheck, unwrap } from '../../core/values.js';
import { MANIFEST } from '../../store/portfolio.js';
import { ensureSchemas, MANIFEST_HEADER, writeTextAtomic } from '../../store/write.js';
import { Document, isMap, isSeq, parse, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { loadPrompts, requireFlag } from '../ask.js';
import { steps } from '../prompt-guard.js';
import type { CommandContext } from '../program.js';
import { fitErr } from '../render.js';

/**
 * The new costar.yaml, emitted by the YAML library (so any name or label round-trips), in the
 * SPEC's layout: lists of mappings as block lists of flow maps, comments explaining each part.
 */
export function manifestText(name: string, organisation: string, areas: IdLabel[], wards: IdLabel[], startYear: number): string {
  const doc = new Document({
    schema: 'costar/v1',
    name,
    organisation,
    serviceAreas: areas.map((a) => ({ id: a.id, label: a.label, ...(tagsFor(a).length ? { tags: tagsFor(a) } : {}) })),
    ...(wards.length ? { wards: wards.map((w) => (w.label === labelFromId(w.id) ? w.id : { id: w.id, label: w.label })) } : {}),
    appraisal: { currency: DEFAULTS.currency, startYear, discountRate: DEFAULTS.discountRate, years: DEFAULTS.years, optimismBias: new Map() },
    focus: { scale: [...DEFAULTS.scale], criteria: DEFAULT_CRITERIA.map((c) => ({ id: c.id, axis: c.axis, weight: c.weight, label: c.label })) },
  });
  const node = (...path: Array<string | number>) => doc.getIn(path, true) as Scalar | YAMLMap | YAMLSeq;
  const bias = node('appraisal', 'optimismBias') as YAMLMap;
  for (let g = 1; g <= 6; g++) {
    const pair = doc.createPair(g, DEFAULT_OPTIMISM_BIAS[g]!.map((x) => Object.assign(doc.createNode(x) as Scalar, { minFractionDigits: 2 })));
    (pair.value as YAMLSeq).flow = true;
    (pair.value as YAMLSeq).comment = ` ${GRADE_NOTES[g]}`;
    bias.items.push(pair);
  }
  for (const path of [['serviceAreas'], ['wards'], ['focus', 'criteria']]) {
    const seq = doc.getIn(path, true);
    if (isSeq(seq)) for (const item of seq.items) if (isMap(item)) item.flow = !path.includes('serviceAreas');
  }
  const areaSeq = node('serviceAreas') as YAMLSeq;
  for (const item of areaSeq.items) {
    const tags = isMap(item) ? item.get('tags', true) : undefined;
    if (isSeq(tags)) tags.flow = true;
  }
  (node('focus', 'scale') as YAMLSeq).flow = true;
  node('serviceAreas').commentBefore = ' initiatives refer to these ids; tags: case-library areas that fit (costar explore --area <id>)';
  if (wards.length) node('wards').commentBefore = ' localities: initiatives, people and needs refer to these ids';
  node('appraisal', 'currency').comment = ' ISO 4217 code: money in documents';
  node('appraisal', 'startYear').comment = ` year 0 is financial year ${formatYear(startYear, 0)} in documents`;
  node('appraisal', 'discountRate').comment = ' Green Book social time preference rate';
  node('appraisal', 'years').comment = ` appraisal period: years 0 to ${DEFAULTS.years - 1}`;
  bias.commentBefore = ' confidence grade: [cost uplift, benefit reduction]; set your own policy';
  node('focus', 'scale').comment = ' scores are whole numbers on this scale';
  node('focus', 'criteria').commentBefore = ' the impact matrix; axis: impact | ease';
  doc.commentBefore = ` ${MANIFEST_HEADER.replace(/^# /, '')}\n A costar portfolio. Every field is explained in the README; costar validate checks it.`;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export async function run({ io, args, opts }: CommandContext): Promise<number> {
  const dir = resolve(io.cwd, args[0] ?? '.');
  if (existsSync(join(dir, MANIFEST))) {
    throw new CostarError('portfolio-exists', `${relative(io.cwd, join(dir, MANIFEST)) || MANIFEST} already exists; costar init never overwrites a portfolio`, {
      hint: 'Choose another folder, or change the existing one with costar set costar.yaml …',
    });
  }
  const bad = (message: string) => usageError('bad-value', message);
  let name: string | undefined = opts.name?.trim() || undefined;
  let organisation: string | undefined = opts.organisation?.trim() || undefined;
  let areas: IdLabel[] = (opts.area ?? []).map((a: string) => unwrap(parseIdOrLabel(a, '--area'), bad));
  let wards: IdLabel[] = (opts.ward ?? []).map((w: string) => unwrap(parseIdOrLabel(w, '--ward'), bad));
  let startYear: number | undefined = opts.startYear === undefined ? undefined : unwrap(parseStartYear(String(opts.startYear)), (m) => bad(`--start-year ${m}`));
  for (const [list, flag] of [[areas, '--area'], [wards, '--ward']] as const) {
    const dup = duplicateId(list);
    if (dup) throw usageError('duplicate-id', `${flag} ${dup} is given twice`);
  }
  if (name === undefined) requireFlag(io, '--name', 'the portfolio name');
  if (organisation === undefined) requireFlag(io, '--organisation', 'the organisation');
  if (!areas.length) requireFlag(io, '--area', 'at least one service area');
  const thisYear = financialYearOf(new Date());
  if (name === undefined || organisation === undefined || !areas.length) {
    const p = await loadPrompts();
    // Escape goes back to the question before, its answer kept as the default.
    const given = { name: name !== undefined, organisation: organisation !== undefined, areas: areas.length > 0, wards: wards.length > 0, startYear: startYear !== undefined };
    let areasRaw = '';
    let wardsRaw = '';
    await steps([
      async () => {
        if (given.organisation) return 'skip';
        organisation = (await p.input({ message: 'Organisation (e.g. Eastshire Council)', default: organisation, validate: (s) => (s.trim() ? true : 'Give the organisation') })).trim();
      },
      async () => {
        if (given.name) return 'skip';
        name = (await p.input({ message: 'Portfolio name', default: name ?? `${organisation} co-production portfolio`, validate: (s) => (s.trim() ? true : 'Give a name') })).trim();
      },
      async () => {
        if (given.areas) return 'skip';
        areasRaw = await p.input({ message: 'Service areas (comma-separated labels or ids, e.g. Adult social care, Housing)', default: areasRaw || undefined, validate: promptCheck((s) => parseIdLabelList(s, 'service area')) });
        areas = unwrap(parseIdLabelList(areasRaw, 'service area'), bad);
      },
      async () => {
        if (given.wards) return 'skip';
        wardsRaw = await p.input({ message: 'Wards or localities (comma-separated, e.g. North, South; empty for none)', default: wardsRaw || undefined, validate: promptCheck((s) => parseIdLabelList(s, 'ward', { min: 0 })) });
        wards = unwrap(parseIdLabelList(wardsRaw, 'ward', { min: 0 }), bad);
      },
      async () => {
        if (given.startYear) return 'skip';
        const raw = await p.input({ message: 'First financial year of the appraisal (year 0)', default: String(startYear ?? thisYear), validate: promptCheck(parseStartYear) });
        startYear = unwrap(parseStartYear(raw), bad);
      },
    ]);
  }
  startYear ??= thisYear;
  const text = manifestText(name!, organisation!, areas, wards, startYear);
  const problems = validatePortfolio([{ file: MANIFEST, kind: 'manifest', value: parse(text) }]).filter((d) => d.severity === 'error');
  if (problems.length) throw usageError('bad-value', problems[0]!.message);
  mkdirSync(dir, { recursive: true });
  for (const sub of ['initiatives', 'people', 'cases']) {
    mkdirSync(join(dir, sub), { recursive: true });
    if (!existsSync(join(dir, sub, '.gitkeep'))) writeFileSync(join(dir, sub, '.gitkeep'), '');
  }
  if (!existsSync(join(dir, '.gitignore'))) writeTextAtomic(join(dir, '.gitignore'), GITIGNORE);
  ensureSchemas(dir);
  writeTextAtomic(join(dir, MANIFEST), text);
  const rel = relative(io.cwd, dir) || '.';
  io.err(fitErr(io, `${io.ce.green('✔')} Created a portfolio in ${rel} with ${plural(areas.length, 'service area')}${wards.length ? ` and ${plural(wards.length, 'ward')}` : ''}; year 0 is ${formatYear(startYear, 0)}\n`));
  const set = `costar set${rel === '.' ? '' : ` -C ${rel}`} costar.yaml`;
  for (const [i, a] of areas.entries()) {
    const tags = tagsFor(a);
    io.err(fitErr(io, `  ${a.id}: ${tags.length ? `tags ${tags.join(', ')}` : `no case-library tags fit; add some with ${set} serviceAreas.${i}.tags="[…]"`}\n`));
  }
  if (areas.some((a) => tagsFor(a).length)) io.err(fitErr(io, `  (change tags with ${set} serviceAreas.N.tags="[…]")\n`));
  io.err(fitErr(io, `Next: costar map${rel === '.' ? '' : ` -C ${rel}`}   (or unattended: costar map add --title … --area ${areas[0]!.id})\n`));
  return 0;
}

/** Generated documents, and costar's working files (the lock, a half-done commit, temporary files). */
const GITIGNORE = `# Generated documents: make them again with costar generate
out/
# costar's working files
.costar/lock
.costar/journal.json
.costar/session-*.json
.*.tmp
`;
