import { mkdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { didYouMean } from '../../core/diagnostics.js';
import { CostarError, EXIT, usageError } from '../../core/errors.js';
import { ID_PATTERN } from '../../core/vocab.js';
import { createEngine } from '../../generate/engine.js';
import { DOC_KIND_NAMES, loadKind, type DocKindName } from '../../generate/kinds.js';
import { findPortfolio, loadValidPortfolio } from '../../store/portfolio.js';
import { createBatchWriter } from '../../store/batch-writer.js';
import { atomicWrite, tmpNameFor } from '../../store/atomic.js';
import * as fs from 'node:fs';
import type { CommandContext } from '../program.js';

export async function run({ io, global, args, opts }: CommandContext): Promise<number> {
  const kindName = args[0] as string;
  if (!(DOC_KIND_NAMES as readonly string[]).includes(kindName)) {
    const guess = didYouMean(kindName, DOC_KIND_NAMES);
    throw usageError('bad-kind', `"${kindName}" is not a kind of document${guess ? `; did you mean "${guess}"?` : ''} Kinds: ${DOC_KIND_NAMES.join(', ')}`);
  }
  const ids: string[] = args[1] ?? [];
  const format = opts.format as 'md' | 'html' | 'xlsx';
  if (format === 'xlsx' && kindName !== 'business-case') {
    throw usageError('bad-value', `--format xlsx is for business cases only (the finance workbook), not for a ${kindName}`, `Use --format md or html for a ${kindName}.`);
  }
  // The workbook module (and exceljs) is loaded only for --format xlsx: its own bundle.
  const xlsx = format === 'xlsx' ? await import('../../generate/xlsx.js') : null;
  const textFormat = format === 'xlsx' ? 'md' : format;
  const root = findPortfolio(io.cwd, global.portfolio);
  const started = performance.now();
  const p = loadValidPortfolio(root);
  const loaded = performance.now();
  const spent = { data: 0, render: 0, write: 0 };
  const kind = await loadKind(kindName as DocKindName);

  let targets: string[] = [];
  const skipped: string[] = [];
  const notes: string[] = [];
  if (kind.per === 'initiative') {
    const known = p.initiatives.map((i) => i.id);
    for (const id of ids) {
      if (!known.includes(id)) {
        const guess = didYouMean(id, known);
        throw usageError('unknown-initiative', `there is no initiative "${id}"${guess ? `; did you mean "${guess}"?` : ''}`, 'See the ids with: costar map list');
      }
    }
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
  const engine = createEngine({ currency: p.config.currency, startYear: p.config.startYear, payers: p.config.payers, overrideDir: join(root, 'templates') });
  let failed = 0;
  // Documents are written as they are rendered (on a second thread for a large batch); what
  // happened to each is reported in target order once every write has finished.
  // (Workbooks are written here one by one, so they need no writing thread.)
  const writer = createBatchWriter(xlsx ? 0 : targets.length);
  // `direct`: written here rather than by the batch writer (workbooks are bytes, written one by one).
  const queued: Array<{ name: string; error?: CostarError; direct?: boolean }> = [];
  let madeOut = false;
  try {
    for (const target of targets) {
      const name = kind.per === 'portfolio' ? `${kindName}.${format}` : `${target}.${kindName}.${format}`;
      try {
        if (kind.per !== 'portfolio' && !ID_PATTERN.test(target)) throw new CostarError('bad-id', `"${target}" is not a valid id`);
        const abs = resolve(outDir, name);
        if (!abs.startsWith(outDir + sep)) throw new CostarError('unsafe-path', `refusing to write outside ${outDir}`);
        if (kind.per === 'initiative' && kind.has && !checked.has(target) && !kind.has(byId.get(target)!)) {
          throw new CostarError('missing-section', `${target} ${kind.missing ?? 'lacks what this document needs'}`);
        }
        if (xlsx) {
          const t0 = performance.now();
          const bytes = await xlsx.businessCaseXlsx(p.config, byId.get(target)!);
          const t1 = performance.now();
          if (!madeOut) {
            mkdirSync(outDir, { recursive: true });
            madeOut = true;
          }
          try {
            atomicWrite(fs, abs, tmpNameFor(abs), bytes, false);
          } catch (e) {
            throw new CostarError('write-failed', `could not write ${name}: ${(e as Error).message}`);
          }
          spent.render += t1 - t0;
          spent.write += performance.now() - t1;
          queued.push({ name, direct: true });
          continue;
        }
        const t0 = performance.now();
        const context = kind.context(p, target, { format: textFormat, includePersonal: Boolean(opts.includePersonal) });
        const t1 = performance.now();
        const text = engine.render(kindName, textFormat, context);
        const t2 = performance.now();
        if (!madeOut) {
          mkdirSync(outDir, { recursive: true });
          madeOut = true;
        }
        writer.write(abs, text);
        spent.data += t1 - t0;
        spent.render += t2 - t1;
        spent.write += performance.now() - t2;
        queued.push({ name });
      } catch (e) {
        if (!(e instanceof CostarError)) throw e;
        queued.push({ name, error: e });
      }
    }
  } catch (e) {
    // Something unexpected: let the documents already queued reach the disk, then report it.
    await writer.close();
    throw e;
  }
  const waited = performance.now();
  const writeFailures = await writer.close();
  spent.write += performance.now() - waited;
  // Every document is directly in outDir (names are checked ids), so the folder is shown once.
  const outShown = relative(io.cwd, outDir).split(sep).join('/');
  let listed = '';
  let w = 0;
  for (const q of queued) {
    let error = q.error;
    if (!error && !q.direct) {
      const why = writeFailures.get(w++);
      if (why !== undefined) error = new CostarError('write-failed', `could not write ${q.name}: ${why}`);
    }
    if (error) {
      failed++;
      io.err(`${io.ce.red('error')}  ${q.name}: ${error.message}  ${io.ce.dim(`[${error.code}]`)}\n`);
      if (error.hint) io.err(`${io.ce.dim('hint:')} ${error.hint}\n`);
      continue;
    }
    listed += outShown ? `${outShown}/${q.name}\n` : `${q.name}\n`;
    if (listed.length > 65536) {
      io.out(listed);
      listed = '';
    }
  }
  if (listed) io.out(listed);
  if (skipped.length) {
    notes.push(`skipped ${skipped.length} initiative${skipped.length === 1 ? '' : 's'} that ${skipped.length === 1 ? 'has' : 'have'} nothing for this document (${skipped.join(', ')}): each ${kind.missing ?? 'lacks what this document needs'}`);
  }
  for (const n of notes) io.err(`${io.ce.dim('note:')} ${n}\n`);
  if (!targets.length && !failed) io.err(`Nothing to generate: no initiative has what a ${kindName} needs.\n`);
  if (global.verbose) {
    const ms = (n: number) => `${Math.round(n)} ms`;
    io.err(
      `timing: read and checked ${p.files.length} files in ${ms(loaded - started)}; ${targets.length - failed} documents: data ${ms(spent.data)}, rendering ${ms(spent.render)}, writing ${ms(spent.write)}\n`,
    );
  }
  return failed ? EXIT.failed : EXIT.ok;
}
