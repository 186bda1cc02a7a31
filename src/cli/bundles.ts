/**
 * Each command, and the finance workbook, is a bundle of its own (scripts/build.mjs), loaded
 * only when it runs so start-up stays close to a bare `node`. The path is given as a value, so
 * esbuild leaves the require alone and the bundles stay apart; it is relative to the bundle that
 * calls this (dist/cli/main.cjs, dist/cli/program.cjs, or dist/cli/commands/<name>.cjs).
 */
export function requireBundle<T = Record<string, unknown>>(path: string): T {
  return require(path) as T;
}

/** The module of a command, by name: dist/cli/commands/<name>.cjs (called from program.cjs). */
export function commandModule(name: string): Promise<Record<string, unknown>> {
  return Promise.resolve().then(() => requireBundle(`./commands/${name}.cjs`));
}
