/** Case studies as readable cards in a terminal, for the explorer and for gap suggestions. */
import type { ChalkInstance } from 'chalk';
import { firstSentence, type SourcedCase } from '../core/explore.js';
import { CO_LABELS, type Co } from '../core/vocab.js';
import { columnsErr, fitText, wrapLines } from './render.js';

/** Wraps text to `width` columns, each line starting with `indent`. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat ? wrapLines(flat, Math.max(10, width - indent.length)).map((l) => indent + l) : [];
}

/** Width for running text: the terminal's (see columns), at most 100 columns to stay readable. */
export function textWidth(io: { env?: NodeJS.ProcessEnv } = {}): number {
  return Math.min(100, columnsErr(io));
}

const coNames = (cos: readonly string[]) => cos.map((c) => CO_LABELS[c as Co] ?? c).join(', ');

/** A full card: everything the explorer knows about a case. */
export function caseCard(s: SourcedCase, c: ChalkInstance, width: number): string[] {
  const k = s.case;
  const where = [k.place, k.country, k.year != null ? String(k.year) : null].filter(Boolean).join(', ');
  const lines: string[] = [];
  lines.push(`${c.bold(k.title)}  ${c.dim(`[${k.id}]`)}${s.local ? `  ${c.green('from this portfolio')}` : ''}`);
  if (where) lines.push(`  ${where}`);
  lines.push(`  ${c.cyan(coNames(k.cos))} · ${k.areas.join(', ')}${k.mode ? ` · ${k.mode}` : ''}`);
  if (k.roles.length) lines.push(`  ${c.dim('Who takes part:')} ${k.roles.join(', ')}`);
  lines.push(...wrap(k.summary, width, '  '));
  if (k.results) lines.push(...wrap(`Results: ${k.results}`, width, '  '));
  if (k.source) lines.push(`  ${c.dim('Source:')} ${k.source}`);
  return fitted(lines, width);
}

/** A short card for a suggestion: title, place, one sentence, the result, the source. */
export function shortCard(s: SourcedCase, c: ChalkInstance, width: number, number?: number): string[] {
  const k = s.case;
  const where = [k.place, k.year != null ? String(k.year) : null].filter(Boolean).join(', ');
  const head = `${number !== undefined ? `${number}. ` : ''}${c.bold(k.title)}${where ? ` — ${where}` : ''}${s.local ? `  ${c.green('(this portfolio)')}` : ''}`;
  const lines = [head];
  lines.push(...wrap(firstSentence(k.summary), width, '   '));
  if (k.results) lines.push(...wrap(`Result: ${firstSentence(k.results)}`, width, '   '));
  if (k.source) lines.push(`   ${c.dim(k.source)}`);
  return fitted(lines, width);
}

/** A card's lines within the width: a long title or place wraps; an address stays whole. */
const fitted = (lines: string[], width: number): string[] => lines.flatMap((l) => fitText(l, width).split('\n'));
