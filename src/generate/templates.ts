/**
 * Built-in templates. The bundle carries them inline (scripts/build.mjs defines
 * __COSTAR_TEMPLATES__), so the CLI and the single executable never look for files; when the
 * sources run directly (tests), they are read from the package's templates/ folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __COSTAR_TEMPLATES__: Record<string, string> | undefined;

let cache: Record<string, string> | undefined;

function all(): Record<string, string> {
  if (cache) return cache;
  if (typeof __COSTAR_TEMPLATES__ !== 'undefined') {
    cache = __COSTAR_TEMPLATES__;
    return cache;
  }
  const dir = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'templates');
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) if (name.endsWith('.hbs')) out[name] = readFileSync(join(dir, name), 'utf8');
  cache = out;
  return out;
}

export function builtinTemplate(name: string): string | undefined {
  return all()[name];
}

/** Every built-in template name, sorted. */
export function templateNames(): string[] {
  return Object.keys(all()).sort();
}
