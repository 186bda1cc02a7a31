/**
 * Records for commands. A portfolio's typed lists (p.initiatives, p.people, p.cases) hold only
 * records that pass their own checks; a command that needs one of the others refuses with that
 * record's diagnostics, so no wrong-typed value reaches code that assumes its type.
 */
import type { Diagnostic } from '../core/diagnostics.js';
import { didYouMean, editDistance, problemLine } from '../core/diagnostics.js';
import { CostarError, usageError } from '../core/errors.js';
import type { Initiative, RecordKind } from '../core/schema.js';
import { recordIdProblem } from '../core/vocab.js';
import type { Portfolio, PortfolioFile } from '../store/portfolio.js';

type RecordKindOf = Exclude<RecordKind, 'manifest'>;

const listOf = (p: Portfolio, kind: RecordKindOf): readonly unknown[] => (kind === 'initiative' ? p.initiatives : kind === 'person' ? p.people : p.cases);

/** The error diagnostics of one file, as lines for a message. */
function errorLines(p: Portfolio, rel: string, max = 5): string {
  const errs: Diagnostic[] = p.diagnostics.filter((d) => d.file === rel && d.severity === 'error');
  const lines = errs.slice(0, max).map(problemLine);
  if (errs.length > max) lines.push(`  … and ${errs.length - max} more`);
  return lines.join('\n');
}

/** The refusal for a record that is needed but does not pass its checks (exit 1). */
export function invalidRecordError(p: Portfolio, file: PortfolioFile, doing = 'use'): CostarError {
  const n = p.diagnostics.filter((d) => d.file === file.rel && d.severity === 'error').length;
  return new CostarError(
    'record-invalid',
    `${file.rel} has ${n === 1 ? 'an error' : `${n} errors`}, so costar will not ${doing} it until ${n === 1 ? 'it is' : 'they are'} fixed:\n${errorLines(p, file.rel)}`,
    { hint: 'See every problem with: costar validate' },
  );
}

/** Files of a kind whose record is not in the portfolio's typed list (it has errors of its own). */
export function invalidFiles(p: Portfolio, kind: RecordKindOf): PortfolioFile[] {
  const valid = new Set(listOf(p, kind));
  return p.files.filter((f) => f.kind === kind && !valid.has(f.value));
}

/**
 * The typed record with this id; undefined when the portfolio has no file for it (the caller
 * says so in its own words); a refusal with the file's diagnostics when it has errors.
 */
export function validRecord<T>(p: Portfolio, kind: RecordKindOf, id: string, doing?: string): T | undefined {
  const file = p.fileOf(kind, id);
  if (!file) return undefined;
  if (!validSet(p, kind).has(file.value)) throw invalidRecordError(p, file, doing);
  return file.value as T;
}

/** The typed records of a kind as a set, made once per portfolio (a batch looks up thousands). */
const VALID = new WeakMap<Portfolio, Map<RecordKindOf, Set<unknown>>>();
function validSet(p: Portfolio, kind: RecordKindOf): Set<unknown> {
  let byKind = VALID.get(p);
  if (!byKind) VALID.set(p, (byKind = new Map()));
  let set = byKind.get(kind);
  if (!set) byKind.set(kind, (set = new Set(listOf(p, kind))));
  return set;
}

/** Every id a file of this kind has, valid or not: ids a new record must not take. */
export function takenIds(p: Portfolio, kind: RecordKindOf): Set<string> {
  const out = new Set<string>();
  for (const f of p.files) if (f.kind === kind && f.stem !== undefined) out.add(f.stem);
  return out;
}

/** A record id given as a flag, a prompt answer or a CSV cell: usage error when it cannot be one. */
export function checkRecordId(id: string, what: string): string {
  const problem = recordIdProblem(id);
  if (problem) throw usageError('bad-value', `${what} ${JSON.stringify(id.length > 70 ? id.slice(0, 67) + '…' : id)} ${problem}`);
  return id;
}

/**
 * The initiative with this id, ready to be `doing`-ed: a usage error with "did you mean" and the
 * nearest ids when there is none, a refusal with its diagnostics when its file has errors.
 */
export function findInitiative(p: Portfolio, id: string, doing?: string): Initiative {
  const ini = validRecord<Initiative>(p, 'initiative', id, doing);
  if (ini) return ini;
  const ids = p.initiatives.map((i) => i.id);
  const guess = didYouMean(id, ids);
  const near = [...ids].sort((a, b) => editDistance(id, a) - editDistance(id, b) || (a < b ? -1 : 1)).slice(0, 5);
  throw usageError(
    'unknown-initiative',
    `there is no initiative "${id}" in this portfolio${guess ? `; did you mean "${guess}"?` : ''}`,
    ids.length ? `Nearest ids: ${near.join(', ')}${ids.length > near.length ? ` (all ${ids.length}: costar map list)` : ''}` : 'Add one with: costar map add --title … --area …',
  );
}
