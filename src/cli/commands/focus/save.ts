/** Writing the edits of a focus command: one initiative, through the store's one write path. */
import type { EditOp } from '../../../store/edit.js';
import type { Portfolio } from '../../../store/portfolio.js';
import { commit } from '../../../store/write.js';
import type { Io } from '../../io.js';
import { say } from '../../render.js';

/** Writes the edits to one initiative and says so (stderr); refuses (exit 2) when they would not validate. */
export function saveEdits(io: Io, p: Portfolio, id: string, ops: EditOp[], what: string): void {
  const res = commit(p, [{ kind: 'initiative', id, edit: ops }]);
  for (const f of res.written) say(io, `${io.ce.green('✔')} Updated ${f}: ${what}`);
}
