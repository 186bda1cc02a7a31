/** Whether a second thread can run beside this one (on one processor it would only take turns). */
import { availableParallelism } from 'node:os';

export function canRunBeside(): boolean {
  return availableParallelism() > 1;
}
