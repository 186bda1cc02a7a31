import { join, relative, resolve, sep } from 'node:path';
import { didYouMean } from '../../core/diagnostics.js';
import { CostarError, EXIT, isCostarError, usageError } from '../../core/errors.js';
import { ID_PATTERN } from '../../core/vocab.js';
import { createEngine } from '../../generate/engine.js';
import { DOC_KIND_NAMES, loadKind, type DocKindName } from '../../generate/kinds.js';
import { asOfDate } from '../as-of.js';
import { assertInside, readPortfolioText, realIfExists } from '../../store/fsafe.js';
import { findPortfolio, readValidPortfolio } from '../../store/portfolio.js';
import { assertNotPortfolioFile, writeTextAtomic } from '../../store/write.js';
import { requireBundle } from '../bundles.js';
import { historyIfAny } from '../../store/history.js';
import type { HistoryPoint, Period } from '../../core/history.js';
import type { CommandContext } from '../program.js';
import { errorText } from '../exit.js';
import { findInitiative } from '../records.js';

export async function run({ io, global, args, opts }: CommandContext): Promise<number> {
  const kindName = args[0] as string;
  if (!(DOC_KIND_NAMES as readonly string[]).includes(kindName)) {
    const guess = didYouMean(kindName, DOC_KIND_NAMES);
    throw usageError('bad-kind', `"${kindName}" is not a kind of document${guess ? `; did you mean "${guess}"?` : ''} Kinds: ${DOC_KIND_NAMES.join(', ')}`);
  }
  const ids: string[] = args[1] ?? [];
  const format = opts.format as 'md' | 'html' | 'xlsx' | 'docx';
  const asOf = asOfDate(opts.asOf, io.env);
  if (format === 'xlsx' && kindName !== 'business-case') {
    throw usageError('bad-value', `--format xlsx is for business cases only (the finance workbook), not for a ${kindName}`, `Use --format md, html or docx for a ${kindName}.`);
  }
  // The workbook module (and exceljs) is loaded only for --format xlsx: its own bundle.
  const xlsx = format === 'xlsx' ? requireBundle<typeof import('../../generate/xlsx.js')>('../xlsx.cjs') : null;
  // Word documents: the kind's Markdown template, read into Word's own headings and tables (generate/docx.ts).
  const docx = format === 'docx' ? requireBundle<typeof import('../../generate/docx.js')>('../docx.cjs') : null;
  const textFormat = format === 'xlsx' || format === 'docx' ? 'md' : format;
  const root = findPortfolio(io.cwd, global.portfolio);
  const started = performance.now();
  const p = await readValidPortfolio(root);
  const loaded = performance.now();
  const spent = { data: 0, render: 0, write: 0 };
  const kind = await loadKind(kindName as DocKindName);

  let targets: string[] = [];
  const skipped: string[] = [];
  const notes: string[] = [];
  if (kind.per === 'initiative') {
    const known = p.initiatives.map((i) => i.id);
    for (const id of ids) findInitiative(p, id);
    if (ids.length) targets = ids;
    else if (opts.all) {
      for (const i of p.initiatives) {
        if (!kind.has || kind.has(i)) targets.push(i.id);
        else skipped.push(i.id);
      }
    } else throw usageError('missing-value', `say which initiatives: give their ids or --all`, `e.g. costar generate ${kindName} ${known[0] ?? '<id>'}`);
  } else if (kind.per === 'ward') {
    const known = p.config.wards.map((w) => w.id);
    const wanted: string[] = [...(opts.ward ?? []), ...ids];
    for (const w of wanted) {
      if (!known.includes(w)) {
        const guess = didYouMean(w, known);
        throw usageError('unknown-ward', `"${w}" is not a ward of this portfolio${guess ? `; did you mean "${guess}"?` : ''} Wards: ${known.join(', ') || 'none (add them to costar.yaml)'}`);
      }
    }
    if (wanted.length) targets = [...new Set(wanted)];
    else if (opts.all) targets = known;
    else throw usageError('missing-value', `say which wards: give --ward <id> (repeatable) or --all`, known.length ? `Wards: ${known.join(', ')}` : undefined);
  } else {
    if (ids.length) throw usageError('bad-argument', `the ${kindName} covers the whole portfolio; give no ids`);
    targets = [kindName];
  }

  const byId = new Map(p.initiatives.map((i) => [i.id, i]));
  // Targets chosen by --all already hold the section.
  const checked = new Set(opts.all && !ids.length ? targets : []);
  const outDir = resolve(io.cwd, opts.out ?? join(root, 'out'));
  // The default out/ is part of the portfolio: a link there must not lead outside it.
  if (opts.out === undefined) assertInside(root, outDir, 'out/');
  const engine = createEngine({ currency: p.config.currency, startYear: p.config.startYear, payers: p.config.payers, override: (name) => readPortfolioText(root, `templates/${name}`) });
  let failed = 0;
  let listed = '';
  // Every document is directly in outDir (names are checked ids), so the folder is shown once.
  const outShown = relative(io.cwd, outDir).split(sep).join('/');
  let checkedOut = false;
  let history: { points: HistoryPoint[]; every: Period } | undefined;
  for (const target of targets) {
    const name = kind.per === 'portfolio' ? `${kindName}.${format}` : `${target}.${kindName}.${format}`;
    try {
      if (kind.per !== 'portfolio' && !ID_PATTERN.test(target)) throw new CostarError('bad-id', `"${target}" is not a valid id`);
      const abs = resolve(outDir, name);
      if (!abs.startsWith(outDir + sep)) throw new CostarError('unsafe-path', `refusing to write outside ${outDir}`);
      if (kind.per === 'initiative' && kind.has && !checked.has(target) && !kind.has(byId.get(target)!)) {
        throw new CostarError('missing-section', `${target} ${kind.missing ?? 'lacks what this document needs'}`);
      }
      if (!checkedOut) {
        // Documents never land on the portfolio's own files (e.g. --out initiatives).
        assertNotPortfolioFile(root, join(realIfExists(outDir) ?? outDir, 'x'), outShown || '.');
        checkedOut = true;
      }
      const t0 = performance.now();
      if (xlsx) {
        // The workbook module (and exceljs) is loaded only for --format xlsx.
        const bytes = await xlsx.businessCaseXlsx(p.config, byId.get(target)!);
        const t1 = performance.now();
        writeTextAtomic(abs, bytes, { shown: name, derived: true });
        spent.render += t1 - t0;
        spent.write += performance.now() - t1;
      } else if (docx) {
        if (kindName === 'report' && history === undefined) history = { points: historyIfAny(root, 'month') ?? [], every: 'month' };
        const context = kind.context(p, target, { format: 'docx', includePersonal: Boolean(opts.includePersonal), history, asOf });
        const t1 = performance.now();
        const markdown = engine.render(kindName, 'md', context);
        let bytes: Uint8Array;
        try {
          bytes = await docx.docxFromMarkdown({ markdown, title: String((context.doc as { title: string }).title), asOf, pictures: docx.picturesOf(context), template: engine.sourceOf(`${kindName}.md.hbs`) });
        } catch (e) {
          if (e instanceof docx.DocxTemplateError) throw new CostarError('template-error', e.message, { hint: 'The Word document is made from the Markdown template; fix the template or remove your copy to use the built-in one.' });
          throw e;
        }
        const t2 = performance.now();
        writeTextAtomic(abs, bytes, { shown: name, derived: true });
        spent.data += t1 - t0;
        spent.render += t2 - t1;
        spent.write += performance.now() - t2;
      } else {
        if (kindName === 'report' && history === undefined) history = { points: historyIfAny(root, 'month') ?? [], every: 'month' };
        const context = kind.context(p, target, { format: textFormat, includePersonal: Boolean(opts.includePersonal), history, asOf });
        const t1 = performance.now();
        const text = engine.render(kindName, textFormat, context);
        const t2 = performance.now();
        // Generated documents can be made again: temporary file and rename, no flush per file.
        writeTextAtomic(abs, text, { shown: name, derived: true });
        spent.data += t1 - t0;
        spent.render += t2 - t1;
        spent.write += performance.now() - t2;
      }
      listed += outShown ? `${outShown}/${name}\n` : `${name}\n`;
      if (listed.length > 65536) {
        io.out(listed);
        listed = '';
      }
    } catch (e) {
      if (!isCostarError(e)) throw e;
      failed++;
      io.err(errorText(io.ce, e, name));
    }
  }
  if (listed) io.out(listed);
  if (skipped.length) {
    notes.push(`skipped ${skipped.length} initiative${skipped.length === 1 ? '' : 's'} that ${skipped.length === 1 ? 'has' : 'have'} nothing for this document (${skipped.join(', ')}): each ${kind.missing ?? 'lacks what this document needs'}`);
  }
  if (kindName === 'privacy-notice' && targets.length > failed) {
    const missing = (await import('../../generate/privacy-notice.js')).missingSettings(p);
    if (missing.length) notes.push(`the notice is a draft: set ${missing.map((m) => `privacy.${m}`).join(', ')} in costar.yaml (the text in square brackets says what to fill in), and agree the lawful basis with your data protection officer`);
  }
  for (const n of notes) io.err(`${io.ce.dim('note:')} ${n}\n`);
  if (!targets.length && !failed) io.err(`Nothing to generate: no initiative has what a ${kindName} needs.\n`);
  if (global.verbose) {
    const ms = (n: number) => `${Math.round(n)} ms`;
    io.err(
      `timing: read and checked ${p.files.length} files in ${ms(loaded - started)}${p.readAtOnce ? ` (${p.readAtOnce} of them many at once, the drive being slow)` : ''}; ${targets.length - failed} documents: data ${ms(spent.data)}, rendering ${ms(spent.render)}, writing ${ms(spent.write)}\n`,
    );
  }
  return failed ? EXIT.failed : EXIT.ok;
}
