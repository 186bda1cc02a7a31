/** validate's report formats: pure functions from diagnostics to text, in one registry. */
import { relative, resolve, sep } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostics.js';
import { plural, visible } from '../core/format.js';

export interface ReportInput {
  diagnostics: Diagnostic[];
  /** Every file checked, relative to the portfolio. */
  files: string[];
  root: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  failOn: 'error' | 'warning';
  c: ChalkInstance;
}

export type Formatter = (input: ReportInput) => string;



/** The diagnostics with file names and messages safe to show (control characters made visible). */
function shown(diagnostics: Diagnostic[], keepNewlines = false): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, file: visible(d.file), message: visible(d.message, { keepNewlines }) }));
}

export const stylish: Formatter = ({ diagnostics: raw, files, c }) => {
  const diagnostics = shown(raw);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(c.underline(file));
    const posW = Math.max(...list.map((d) => `${d.line}:${d.column}`.length));
    const msgW = Math.min(72, Math.max(...list.map((d) => d.message.length)));
    for (const d of list) {
      const pos = `${d.line}:${d.column}`.padEnd(posW);
      const sev = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      lines.push(`  ${c.dim(pos)}  ${sev}  ${d.message.padEnd(msgW)}  ${c.dim(d.code)}`);
    }
    lines.push('');
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length === 0) {
    lines.push(`${c.green('✔')} no problems in ${plural(files.length, 'file')}`);
  } else {
    const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(byFile.size, 'file')} (${files.length} checked)`;
    lines.push(errors ? c.red(summary) : c.yellow(summary));
  }
  return lines.join('\n') + '\n';
};

export const json: Formatter = ({ diagnostics: raw }) => {
  // JSON escapes control characters itself; they are made visible too so that a consumer that
  // prints a message to a terminal cannot be made to send escape sequences.
  const diagnostics = shown(raw, true);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return (
    JSON.stringify(
      {
        diagnostics: diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message })),
        errors,
        warnings: diagnostics.length - errors,
      },
      null,
      2,
    ) + '\n'
  );
};

function ghEscapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghEscapeProp(s: string): string {
  return ghEscapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = ({ diagnostics: raw, root, cwd, env }) => {
  const diagnostics = shown(raw, true);
  const base = env.GITHUB_WORKSPACE ? resolve(env.GITHUB_WORKSPACE) : cwd;
  return diagnostics
    .map((d) => {
      const path = relative(base, resolve(root, d.file)).split(sep).join('/');
      return `::${d.severity} file=${ghEscapeProp(path)},line=${d.line},col=${d.column}::${ghEscapeData(d.message)}\n`;
    })
    .join('');
};

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
/** An attribute value: newlines kept as character references so parsers keep them. */
function xmlAttr(s: string): string {
  return xml(s).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * JUnit XML (the schema Jenkins, GitLab and most parsers read): one test case per file checked
 * (and per file a problem names that was not read), `tests` the number of test cases, `failures`
 * the number of test cases with at least one problem at or above --fail-on. Each failing test
 * case has one `<failure>` listing its problems, one per line; problems below --fail-on are
 * listed in the test case's `<system-out>`.
 */
export const junit: Formatter = ({ diagnostics: raw, files, failOn }) => {
  const diagnostics = shown(raw, true);
  const counts = (d: Diagnostic) => d.severity === 'error' || failOn === 'warning';
  const names = files.map((f) => visible(f));
  const seen = new Set(names);
  for (const d of diagnostics) if (!seen.has(d.file)) (seen.add(d.file), names.push(d.file));
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const line = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.code}]`;
  const failing = names.filter((f) => (byFile.get(f) ?? []).some(counts)).length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="costar validate" tests="${names.length}" failures="${failing}" errors="0">`);
  out.push(`  <testsuite name="costar validate" tests="${names.length}" failures="${failing}" errors="0" skipped="0">`);
  for (const file of names) {
    const list = byFile.get(file) ?? [];
    const fail = list.filter(counts);
    const other = list.filter((d) => !counts(d));
    if (!list.length) {
      out.push(`    <testcase classname="costar.validate" name="${xmlAttr(file)}"/>`);
      continue;
    }
    out.push(`    <testcase classname="costar.validate" name="${xmlAttr(file)}">`);
    if (fail.length) {
      const message = fail.length === 1 ? fail[0]!.message : `${plural(fail.length, 'problem')}: ${fail.map((d) => d.message.split('\n')[0]).join('; ')}`;
      const type = [...new Set(fail.map((d) => d.code))].join(' ');
      out.push(`      <failure message="${xmlAttr(message)}" type="${xmlAttr(type)}">${xml(fail.map(line).join('\n'))}</failure>`);
    }
    if (other.length) out.push(`      <system-out>${xml(other.map(line).join('\n'))}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>');
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

export const FORMATTERS: Record<string, Formatter> = { stylish, json, github, junit };
