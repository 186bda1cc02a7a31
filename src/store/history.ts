/** The portfolio's history from git: the points of `costar history` (src/core/history.ts). */
import { resolveConfig } from '../core/config.js';
import { historyPoint, sampleCommits, type HistoryPoint, type Period } from '../core/history.js';
import type { Manifest } from '../core/schema.js';
import { commitsOf, openRepo, snapshots, type Repo } from './git.js';

/** The points of the portfolio's history (oldest first), and its latest name; none without commits. */
export function portfolioHistory(repo: Repo, every: Period): { points: HistoryPoint[]; name: string } {
  const sampled = sampleCommits(commitsOf(repo), every);
  const snaps = snapshots(repo, sampled).filter((s) => s.manifest !== undefined);
  const points = snaps.map((s) => historyPoint(s.commit, s.date, resolveConfig(s.manifest as Manifest), s.initiatives));
  return { points, name: snaps.length ? resolveConfig(snaps[snaps.length - 1]!.manifest as Manifest).name : '' };
}

/** The history when the portfolio is kept in git, else undefined (never an error: it is optional). */
export function historyIfAny(root: string, every: Period): HistoryPoint[] | undefined {
  try {
    const points = portfolioHistory(openRepo(root), every).points;
    return points.length ? points : undefined;
  } catch {
    return undefined;
  }
}
