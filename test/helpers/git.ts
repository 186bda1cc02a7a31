/** Temporary git repositories of portfolios for diff and history tests. */
import { execFileSync } from 'node:child_process';

const ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.org' };

/** Runs git in `dir`; `date` (ISO) sets both author and committer dates. */
export function git(dir: string, args: string[], date?: string): string {
  const env = { ...process.env, ...ENV, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, env, encoding: 'utf8' });
}

/** Stages everything and commits; returns the commit id. */
export function commitAll(dir: string, message: string, date?: string): string {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message], date);
  return git(dir, ['rev-parse', 'HEAD']).trim();
}
