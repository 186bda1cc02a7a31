import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { GRADE_NOTES } from '../../core/business-case.js';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_CRITERIA, DEFAULT_OPTIMISM_BIAS, DEFAULTS, labelFromId } from '../../core/config.js';
import { CostarError, usageError } from '../../core/errors.js';
import { validatePortfolio } from '../../core/validate.js';
import { ID_PATTERN } from '../../core/vocab.js';
import { MANIFEST } from '../../store/portfolio.js';
import { ensureSchemas, MANIFEST_HEADER, writeTextAtomic } from '../../store/write.js';
import { Document, isMap, isSeq, parse, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { loadPrompts, requireFlag } from '../ask.js';
import type { CommandContext } from '../program.js';

interface IdLabel {
  id: string;
  label: string;
}

/** Parses `id[:label]`; usage error naming the flag when the id is not valid. */
export function parseIdLabel(raw: string, flag: string): IdLabel {
  const i = raw.indexOf(':');
  const id = (i === -1 ? raw : raw.slice(0, i)).trim();
  const label = (i === -1 ? '' : raw.slice(i + 1)).trim();
  if (!ID_PATTERN.test(id)) {
    throw usageError('bad-id', `${flag} ${JSON.stringify(raw)}: "${id}" is not a valid id; use lower-case letters, digits and hyphens, e.g. adult-social-care:"Adult social care"`);
  }
  return { id, label: label || labelFromId(id) };
}


/**
 * The new costar.yaml, emitted by the YAML library (so any name or label round-trips), in the
 * SPEC's layout: lists of mappings as block lists of flow maps, comments explaining each part.
 */
export function manifestText(name: string, organisation: string, areas: IdLabel[], wards: IdLabel[]): string {
  const doc = new Document({
    schema: 'costar/v1',
    name,
    organisation,
    serviceAreas: areas.map((a) => ({ id: a.id, label: a.label })),
    ...(wards.length ? { wards: wards.map((w) => (w.label === labelFromId(w.id) ? w.id : { id: w.id, label: w.label })) } : {}),
    appraisal: { currency: DEFAULTS.currency, discountRate: DEFAULTS.discountRate, years: DEFAULTS.years, optimismBias: new Map() },
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
  (node('focus', 'scale') as YAMLSeq).flow = true;
  node('serviceAreas').commentBefore = ' initiatives refer to these ids';
  if (wards.length) node('wards').commentBefore = ' localities: initiatives, people and needs refer to these ids';
  node('appraisal', 'currency').comment = ' ISO 4217 code: money in documents';
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
  let name: string | undefined = opts.name;
  let organisation: string | undefined = opts.organisation;
  let areas: IdLabel[] = (opts.area ?? []).map((a: string) => parseIdLabel(a, '--area'));
  const wards: IdLabel[] = (opts.ward ?? []).map((w: string) => parseIdLabel(w, '--ward'));
  if (name === undefined) requireFlag(io, '--name', 'the portfolio name');
  if (organisation === undefined) requireFlag(io, '--organisation', 'the organisation');
  if (!areas.length) requireFlag(io, '--area', 'at least one service area');
  if (name === undefined || organisation === undefined || !areas.length) {
    const p = await loadPrompts();
    organisation ??= await p.input({ message: 'Organisation', default: 'Midshire Council', validate: (s) => (s.trim() ? true : 'Give the organisation') });
    name ??= await p.input({ message: 'Portfolio name', default: `${organisation} co-production portfolio`, validate: (s) => (s.trim() ? true : 'Give a name') });
    while (!areas.length) {
      const raw = await p.input({
        message: 'Service areas (comma-separated, e.g. adult-social-care, housing)',
        validate: (s) => {
          try {
            const list = s.split(',').map((x) => x.trim()).filter(Boolean).map((x) => parseIdLabel(x, 'service area'));
            return list.length ? true : 'Give at least one';
          } catch (e) {
            return (e as Error).message;
          }
        },
      });
      areas = raw.split(',').map((x) => x.trim()).filter(Boolean).map((x) => parseIdLabel(x, 'service area'));
    }
  }
  const seen = new Set<string>();
  for (const a of areas) {
    if (seen.has(a.id)) throw usageError('duplicate-id', `--area ${a.id} is given twice`);
    seen.add(a.id);
  }
  const text = manifestText(name!, organisation!, areas, wards);
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
  io.err(`${io.ce.green('✔')} Created a portfolio in ${rel} with ${areas.length} service area${areas.length === 1 ? '' : 's'}\n`);
  io.err(`Next: costar map${rel === '.' ? '' : ` -C ${rel}`}   (or unattended: costar map add --title … --area ${areas[0]!.id})\n`);
  return 0;
}

/** Generated documents, and costar's working files (the lock, a half-done commit, temporary files). */
const GITIGNORE = `# Generated documents: make them again with costar generate
out/
# costar's working files
.costar/lock
.costar/journal.json
.*.tmp
`;
