/**
 * Watching a portfolio for `costar serve`: one watcher per folder (not `recursive`, whose Linux
 * support in Node 20 walks the tree in JavaScript): the root (costar.yaml, and folders
 * appearing) and each record folder. A folder removed and made again (a git checkout) is
 * watched afresh. Changes close together are reported once, after `debounceMs`.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

const WATCHED = ['initiatives', 'people', 'cases'];

export function watchPortfolio(root: string, onChange: () => void, debounceMs: number): { close(): void } {
  const watchers = new Map<string, { w: FSWatcher; ino: number }>();
  let timer: NodeJS.Timeout | undefined;
  function changed(): void {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      armFolders();
      onChange();
    }, debounceMs);
  }
  function watchDir(dir: string): void {
    const ino = statSync(dir, { throwIfNoEntry: false })?.ino;
    const had = watchers.get(dir);
    if (had && had.ino === ino) return;
    if (had) {
      had.w.close();
      watchers.delete(dir);
    }
    if (ino === undefined) return; // not there (yet): the root's watcher sees it appear
    try {
      const w = watch(dir, { persistent: false }, () => changed());
      w.on('error', () => {
        w.close();
        if (watchers.get(dir)?.w === w) watchers.delete(dir);
        changed();
      });
      watchers.set(dir, { w, ino });
    } catch {
      // Gone between the stat and the watch: the next change arms it again.
    }
  }
  function armFolders(): void {
    for (const f of WATCHED) watchDir(join(root, f));
  }
  watchDir(root);
  armFolders();
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const { w } of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
