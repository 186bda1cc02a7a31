/** `costar explore`: browse the case library, merged with the portfolio's own cases when there is one. */
import { CostarError, usageError } from '../../core/errors.js';
import { filterCases, mergeCases, type ExploreCase, type SourcedCase } from '../../core/explore.js';
import type { CaseStudy } from '../../core/schema.js';
import { AREA_TAGS, COS, type AreaTag, type Co } from '../../core/vocab.js';
import { CASES } from '../../data/cases.js';
import { findPortfolio, type Portfolio, readPortfolio } from '../../store/portfolio.js';
import { caseCard } from '../cards.js';
import { checkChoice } from '../check-values.js';
import { didYouMean } from '../../core/diagnostics.js';
import type { Io } from '../io.js';
import { columns, fit, fitErr } from '../render.js';
import type { CommandContext } from '../program.js';

export interface Library {
  cases: SourcedCase[];
  portfolio?: Portfolio;
  /** Local case files left out because they have errors. */
  skipped: string[];
}

/** Finds a portfolio when there is one (explore works without). */
async function tryPortfolio(io: Io, explicit: string | undefined): Promise<Portfolio | undefined> {
  let root: string;
  try {
    root = findPortfolio(io.cwd, explicit);
  } catch (e) {
    if (explicit === undefined && e instanceof CostarError && e.code === 'no-portfolio') return undefined;
    throw e;
  }
  return await readPortfolio(root);
}

/** The library merged with the cases of a portfolio that validate; cases with errors are left out. */
export function libraryWith(p: Portfolio | undefined): Library {
  const local: CaseStudy[] = [];
  const skipped: string[] = [];
  for (const f of p?.files ?? []) {
    if (f.kind !== 'case') continue;
    const bad = f.value === undefined || p!.diagnostics.some((d) => d.file === f.rel && d.severity === 'error');
    if (bad) skipped.push(f.rel);
    else local.push(f.value as CaseStudy);
  }
  return { cases: mergeCases(CASES as readonly ExploreCase[], local), portfolio: p, skipped: skipped.sort() };
}

/** `--area`: an area tag, or a service area of the portfolio (meaning its tags). */
function areaTags(raw: string, p: Portfolio | undefined): { tags: readonly string[]; label: string; untagged?: boolean } {
  if ((AREA_TAGS as readonly string[]).includes(raw)) return { tags: [raw as AreaTag], label: raw };
  const sa = p?.config.serviceAreas.find((a) => a.id === raw);
  if (sa) return { tags: sa.tags, label: `${sa.label} (${sa.tags.join(', ') || 'no tags'})`, untagged: sa.tags.length === 0 };
  const areaIds = p?.config.serviceAreas.map((a) => a.id) ?? [];
  const near = didYouMean(raw, [...AREA_TAGS, ...areaIds]);
  throw usageError(
    'bad-value',
    `--area ${JSON.stringify(raw)} is not an area tag${p ? ' or a service area of this portfolio' : ''}${near ? `; did you mean "${near}"?` : ''}`,
    `Valid area tags: ${AREA_TAGS.join(', ')}${areaIds.length ? `\nService areas of this portfolio: ${areaIds.join(', ')}` : ''}`,
  );
}

export async function run({ io, global, opts }: CommandContext): Promise<number> {
  const co = opts.co !== undefined ? checkChoice<Co>(String(opts.co), COS, '--co', "one of the Four Co's") : undefined;
  const p = await tryPortfolio(io, global.portfolio);
  const area = opts.area !== undefined ? areaTags(String(opts.area), p) : undefined;
  const lib = libraryWith(p);
  const found = filterCases(lib.cases, { co, tags: area?.tags, search: opts.search });

  if (opts.json) {
    io.out(JSON.stringify(found.map((s) => s.case), null, 2) + '\n');
    return 0;
  }

  const { c, ce } = io;
  const local = lib.cases.filter((s) => s.local).length;
  const filters = [co ? `showing ${co}` : '', area ? `in ${area.label}` : '', opts.search ? `mentioning "${opts.search}"` : ''].filter(Boolean).join(', ');
  const width = Math.min(100, columns(io));
  const out: string[] = [];
  out.push(
    c.bold(`${found.length} case ${found.length === 1 ? 'study' : 'studies'}${filters ? ` ${filters}` : ''}`) +
      c.dim(` — from ${lib.cases.length} in the library${local ? `, ${local} of them from this portfolio` : ''}`),
  );
  out.push('');
  for (const s of found) {
    out.push(...caseCard(s, c, width), '');
  }
  io.out(fit(io, out.join('\n')));
  if (lib.skipped.length) {
    io.err(fitErr(io, `${ce.yellow('note')}  left out ${lib.skipped.join(', ')}: ${lib.skipped.length === 1 ? 'it has' : 'they have'} errors (see costar validate)\n`));
  }
  if (area?.untagged) {
    io.err(fitErr(io, `${ce.yellow('note')}  ${opts.area} has no tags in costar.yaml, so no library areas fit it; add some, e.g. costar set costar.yaml serviceAreas.N.tags="[social-care]"\n`));
  }
  if (!found.length) {
    io.err(fitErr(io, `Nothing matched. Try fewer words, another Co, or none: costar explore${co ? ` --co ${co}` : ''}\n`));
  } else if (p) {
    io.err(fitErr(io, `Next: start one in your portfolio with costar map (choose "Get ideas for a gap"), or costar map add --title … --area … --co ${co ?? found[0]!.case.cos[0]}=potential\n`));
  } else {
    io.err(fitErr(io, `Next: try one in your own portfolio: costar init, then costar map\n`));
  }
  return 0;
}
