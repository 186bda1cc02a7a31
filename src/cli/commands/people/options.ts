/**
 * The flags of `costar people add` and `import`, parsed into typed values. Every value passes the
 * parser a typed answer or a CSV cell passes (core/people.ts); a bad one is a usage error naming
 * the flag (exit 2).
 */
import { usageError } from '../../../core/errors.js';
import { canonicalSkill, knownSkills, nearMissSkill, parseColumnMap, parsePersonChoice, parseWard, PERSON_FIELDS, splitList, type PersonField } from '../../../core/people.js';
import { parseDate, unwrap, type Parsed } from '../../../core/values.js';
import type { Portfolio } from '../../../store/portfolio.js';
import { flagValue as checkedFlag } from '../../check-values.js';
import { checkRecordId } from '../../records.js';

/** The flags that give a field of the return; with none of them, `people add` is a session. */
export const FIELD_FLAGS = ['id', 'kind', 'name', 'contact', 'ward', 'consent', 'consentDate', 'willingness', 'under18', 'offer', 'want', 'availability', 'check'] as const;

export const givenFields = (opts: Record<string, unknown>): string[] => FIELD_FLAGS.filter((f) => opts[f] !== undefined);

/** Values whose messages already name their flag (given as the subject to the parser). */
const flagValue = <T>(p: Parsed<T>, hint?: string): T => checkedFlag(undefined, p, hint);

/** A skill given as a flag that looks like a slip for a known one (kept as given, with a warning). */
export interface SkillWarning {
  flag: '--offer' | '--want';
  skill: string;
  near: string;
}

/** A person from the flags of `people add` (the id is checked here; the caller allocates one when absent). */
/** `today`: the consentDate recorded with --consent when --consent-date is not given. */
export function personFromFlags(opts: Record<string, any>, p: Portfolio, today?: string): { rec: Record<string, unknown>; warnings: SkillWarning[] } {
  const rec: Record<string, unknown> = {};
  const warnings: SkillWarning[] = [];
  if (opts.id !== undefined) {
    checkRecordId(String(opts.id), '--id');
    if (p.fileOf('person', opts.id)) throw usageError('id-exists', `--id ${opts.id}: people/${opts.id}.yaml already exists`, `Change it with: costar set people/${opts.id} <field>=<value>`);
    rec.id = opts.id;
  }
  if (opts.kind !== undefined) rec.kind = flagValue(parsePersonChoice('kind', String(opts.kind), `--kind ${JSON.stringify(opts.kind)}`));
  for (const f of ['name', 'contact'] as const) if (opts[f] !== undefined && String(opts[f]).trim() !== '') rec[f] = String(opts[f]).trim();
  if (opts.ward !== undefined) rec.ward = unwrap(parseWard(String(opts.ward), p.config, '--ward'), (m) => usageError('unknown-ward', m));
  if (opts.consent !== undefined) rec.consent = Boolean(opts.consent);
  if (opts.consentDate !== undefined) {
    if (rec.consent !== true) throw usageError('bad-value', '--consent-date records when consent was given: give --consent with it', 'e.g. --consent --consent-date 14/03/2026');
    rec.consentDate = flagValue(parseDate(String(opts.consentDate), 'the date consent was given'), 'e.g. --consent-date 14/03/2026');
  } else if (rec.consent === true && today !== undefined) rec.consentDate = today;
  if (opts.willingness !== undefined) rec.willingness = flagValue(parsePersonChoice('willingness', String(opts.willingness), `--willingness ${JSON.stringify(opts.willingness)}`));
  if (opts.under18) rec.under18 = true;
  const known = knownSkills(p);
  for (const [flag, field, opt] of [
    ['--offer', 'offers', 'offer'],
    ['--want', 'wants', 'want'],
  ] as const) {
    const list = splitList(opts[opt]).map((s) => canonicalSkill(s, known));
    for (const skill of list) {
      const near = nearMissSkill(skill, known);
      if (near) warnings.push({ flag, skill, near });
    }
    if (list.length) rec[field] = list;
  }
  const avail = splitList(opts.availability).map((a) => flagValue(parsePersonChoice('availability', a, `--availability ${JSON.stringify(a)}`)));
  if (avail.length) rec.availability = [...new Set(avail)];
  const checks = splitList(opts.check);
  if (checks.length) rec.checks = checks;
  return { rec, warnings };
}

export interface ImportFlags {
  file: string;
  map: Map<string, PersonField | null>;
  newSkills: Set<string>;
  update: boolean;
  dryRun: boolean;
}

/** The flags of `people import`: --map <column>=<field> (an empty field ignores the column). */
export function importFlags(args: unknown[], opts: Record<string, any>): ImportFlags {
  const map = new Map<string, PersonField | null>();
  for (const raw of (opts.map ?? []) as string[]) {
    const r = parseColumnMap(raw);
    if (!r.ok) {
      throw usageError(
        'bad-value',
        `--map ${r.message}`,
        r.valid ? `Fields: ${PERSON_FIELDS.join(', ')}` : 'For example: --map "Home ward=ward" --map Timestamp=   (an empty field ignores the column)',
      );
    }
    map.set(r.value[0], r.value[1]);
  }
  return { file: String(args[0]), map, newSkills: new Set(splitList(opts.newSkill)), update: Boolean(opts.update), dryRun: Boolean(opts.dryRun) };
}

/** The id `people remove` was given, also as people/<id>.yaml. */
export const removeId = (arg: unknown): string =>
  String(arg)
    .replace(/^people\//, '')
    .replace(/\.ya?ml$/, '');
