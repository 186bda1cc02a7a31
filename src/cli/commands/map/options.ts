/**
 * Map it, the flags: every value checked before anything is asked, with the parsers of
 * core/map.ts, so a flag and a prompt answer pass the same checks. A bad value is a usage error
 * naming the flag (exit 2).
 */
import type { Config } from '../../../core/config.js';
import { usageError } from '../../../core/errors.js';
import { parseArea, parseCo, parseCoLevel, parseNewId, parseStatus, parseTitle, parseWard, uniqueId, type Draft } from '../../../core/map.js';
import { slugify } from '../../../core/vocab.js';
import { CO_LEVELS, ID_PATTERN, type Status } from '../../../core/vocab.js';
import type { Portfolio } from '../../../store/portfolio.js';
import { flagValue, splitPair } from '../../check-values.js';
import { takenIds } from '../../records.js';

/** The flags of `map add`, checked; title and area may be left for the prompts. */
export interface AddOptions {
  status: Status;
  area?: string;
  title?: string;
  id?: string;
  summary?: string;
  wards: string[];
  cos: Draft['cos'];
}

/** `--co <co>=<level>` and `--how <co>=<text>`, each Co once, a how only for a Co with a level. */
export function parseCoFlags(coFlags: readonly string[], howFlags: readonly string[]): Draft['cos'] {
  const cos: Draft['cos'] = {};
  for (const raw of coFlags) {
    const [co, level] = splitPair(raw, '--co', '<co>=<level>', 'co-design=emerging');
    const c = flagValue('--co', parseCo(co, raw));
    const l = flagValue('--co', parseCoLevel(level, raw));
    if (cos[c]) throw usageError('bad-value', `--co ${c} is given twice`, 'Give each Co once.');
    cos[c] = { level: l };
  }
  for (const raw of howFlags) {
    const [co, how] = splitPair(raw, '--how', '<co>=<text>', 'co-delivery="Volunteers lead the walks"');
    const c = flagValue('--how', parseCo(co, raw));
    if (!cos[c]) throw usageError('bad-value', `--how ${c}=… needs a level for ${c} too: add --co ${c}=<level>`, `Levels: ${CO_LEVELS.join(', ')}`);
    if (!how) throw usageError('bad-value', `--how ${c}= is empty: say how it practises ${c}, or leave the flag out`);
    cos[c]!.how = how;
  }
  return cos;
}

/** `--ward` (repeatable): wards of the portfolio, each once. */
export function parseWardFlags(config: Config, wards: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of wards) {
    const id = flagValue('--ward', parseWard(w, config), 'Add wards to costar.yaml first, or leave --ward out.');
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** `--id`: a valid id no file has yet. */
export function parseIdFlag(p: Portfolio, raw: string): string {
  const id = flagValue('--id', parseNewId(raw), ID_PATTERN.test(raw) ? undefined : `Use lower-case letters, digits and hyphens, e.g. ${slugify(raw)}`);
  const taken = takenIds(p, 'initiative');
  if (taken.has(id) || p.fileOf('initiative', id)) {
    throw usageError('id-exists', `--id ${id}: initiatives/${id}.yaml already exists`, `Choose another id (e.g. ${uniqueId(id, taken)}), or change it with: costar set initiatives/${id} …`);
  }
  return id;
}

export function parseAddOptions(p: Portfolio, opts: Record<string, unknown>): AddOptions {
  const status = flagValue('--status', parseStatus(String(opts.status ?? 'idea')));
  const area = opts.area !== undefined ? flagValue('--area', parseArea(String(opts.area), p.config)) : undefined;
  const cos = parseCoFlags((opts.co as string[] | undefined) ?? [], (opts.how as string[] | undefined) ?? []);
  const wards = parseWardFlags(p.config, (opts.ward as string[] | undefined) ?? []);
  const id = opts.id !== undefined ? parseIdFlag(p, String(opts.id)) : undefined;
  const title = opts.title !== undefined ? flagValue('--title', parseTitle(String(opts.title))) : undefined;
  const summary = opts.summary !== undefined && String(opts.summary).trim() ? String(opts.summary).trim() : undefined;
  return { status, area, title, id, summary, wards, cos };
}

/** `map list --area`: a service area of the portfolio. */
export function parseListOptions(config: Config, opts: Record<string, unknown>): { area?: string; json: boolean } {
  return {
    area: opts.area !== undefined ? flagValue('--area', parseArea(String(opts.area), config)) : undefined,
    json: Boolean(opts.json),
  };
}
