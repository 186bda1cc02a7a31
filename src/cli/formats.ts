/** validate's report formats: pure functions from diagnostics to text, in one registry. */
import { relative, resolve, sep } from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../core/diagnostics.js';

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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const stylish: Formatter = ({ diagnostics, files, c }) => {
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

export const json: Formatter = ({ diagnostics }) => {
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

export const github: Formatter = ({ diagnostics, root, cwd, env }) => {
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

export const junit: Formatter = ({ diagnostics, files, failOn }) => {
  const counts = (d: Diagnostic) => d.severity === 'error' || failOn === 'warning';
  const failures = diagnostics.filter(counts).length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="costar validate" tests="${files.length}" failures="${failures}">`);
  out.push(`  <testsuite name="costar validate" tests="${files.length}" failures="${failures}" errors="0" skipped="0">`);
  for (const file of files) {
    const list = diagnostics.filter((d) => d.file === file && counts(d));
    if (!list.length) {
      out.push(`    <testcase classname="costar.validate" name="${xml(file)}"/>`);
      continue;
    }
    out.push(`    <testcase classname="costar.validate" name="${xml(file)}">`);
    for (const d of list) {
      out.push(`      <failure message="${xml(d.message)}" type="${xml(d.code)}">${xml(`${file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.code}]`)}</failure>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>');
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

export const FORMATTERS: Record<string, Formatter> = { stylish, json, github, junit };
