/** Map it, written: a new initiative or the changes to one, through the store's one write path. */
import { diffOps, toRecord, withDraft, type Draft } from '../../../core/map.js';
import type { Initiative } from '../../../core/schema.js';
import { starCoverage } from '../../../core/star.js';
import type { Portfolio } from '../../../store/portfolio.js';
import { commit } from '../../../store/write.js';
import type { Io } from '../../io.js';
import { saved } from './render.js';

/** Saves a new initiative and says what it changed (stderr); returns the file written. */
export function saveNew(io: Io, p: Portfolio, d: Draft, invalidExit: 1 | 2 = 2): string {
  const before = starCoverage(p.config, p.initiatives).coverage;
  const res = commit(p, [{ kind: 'initiative', id: d.id, create: toRecord(d) }], { invalidExit });
  const rel = res.written[0] ?? `initiatives/${d.id}.yaml`;
  const warnings = res.diagnostics.filter((x) => x.file === rel && x.severity === 'warning');
  const after = starCoverage(p.config, withDraft(p.initiatives.filter((i) => i.id !== d.id), d)).coverage;
  saved(io, 'Wrote', rel, warnings, p.config, before, after, [d.serviceArea]);
  return rel;
}

/** Saves the changes from `orig` to `d` and says what they changed (stderr); returns the file written. */
export function saveChanges(io: Io, p: Portfolio, orig: Initiative, d: Draft): string {
  const before = starCoverage(p.config, p.initiatives).coverage;
  const res = commit(p, [{ kind: 'initiative', id: d.id, edit: diffOps(orig, d) }]);
  const rel = res.written[0] ?? `initiatives/${d.id}.yaml`;
  const after = starCoverage(p.config, withDraft(p.initiatives, d)).coverage;
  saved(io, 'Updated', rel, [], p.config, before, after, [...new Set([orig.serviceArea, d.serviceArea])]);
  return rel;
}
