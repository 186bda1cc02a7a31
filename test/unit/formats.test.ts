/** validate's report formats as pure functions: diagnostics in, text out. */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { github, json, stylish, type ReportInput } from '../../src/cli/formats.js';

const d = (file: string, line: number, column: number, severity: 'error' | 'warning', code: string, message: string): Diagnostic => ({ file, line, column, severity, code, message }) as Diagnostic;

const DIAGS = [
  d('initiatives/a.yaml', 3, 12, 'error', 'unknown-service-area', 'serviceArea "hosing" is not a service area; did you mean "housing"?'),
  d('initiatives/a.yaml', 10, 5, 'warning', 'incomplete-scores', 'focus.scores lacks ease, readiness'),
  d('people/p-1.yaml', 1, 1, 'warning', 'unknown-key', 'unknown key "nmae"'),
];

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  diagnostics: DIAGS,
  files: ['costar.yaml', 'initiatives/a.yaml', 'people/p-1.yaml'],
  root: '/p',
  cwd: '/p',
  env: {},
  failOn: 'error',
  c: new Chalk({ level: 0 }),
  ...over,
});

describe('stylish', () => {
  it('groups by file, aligns positions and messages, and ends with the counts', () => {
    expect(stylish(input())).toBe(
      [
        'initiatives/a.yaml',
        '  3:12  error    serviceArea "hosing" is not a service area; did you mean "housing"?  unknown-service-area',
        '  10:5  warning  focus.scores lacks ease, readiness                                   incomplete-scores',
        '',
        'people/p-1.yaml',
        '  1:1  warning  unknown key "nmae"  unknown-key',
        '',
        '1 error, 2 warnings in 2 files (3 checked)',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report, with one file spelt singular', () => {
    expect(stylish(input({ diagnostics: [], files: ['costar.yaml'] }))).toBe('✔ no problems in 1 file\n');
  });

  it('colours only when given a colour instance', () => {
    expect(stylish(input({ c: new Chalk({ level: 1 }) }))).toContain('\u001b[31merror');
    expect(stylish(input())).not.toContain('\u001b[');
  });
});

describe('json', () => {
  it('lists every diagnostic with its position and counts errors and warnings', () => {
    const out = JSON.parse(json(input()));
    expect(out).toEqual({
      diagnostics: DIAGS.map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message })),
      errors: 1,
      warnings: 2,
    });
  });
});

describe('github', () => {
  it('writes workflow commands with paths relative to the workspace, escaped as the Actions toolkit does (other control characters shown visibly)', () => {
    const tricky = d('initiatives/a,b:c.yaml', 2, 3, 'error', 'x', '100% sure\nsecond line\r');
    const text = github(input({ diagnostics: [tricky], root: '/w/portfolio', cwd: '/elsewhere', env: { GITHUB_WORKSPACE: '/w' } }));
    expect(text).toBe('::error file=portfolio/initiatives/a%2Cb%3Ac.yaml,line=2,col=3::100%25 sure%0Asecond line\\u000d\n');
  });

  it('uses the working directory when not in a GitHub workspace', () => {
    expect(github(input({ diagnostics: [DIAGS[1]!], root: '/p', cwd: '/' }))).toBe('::warning file=p/initiatives/a.yaml,line=10,col=5::focus.scores lacks ease, readiness\n');
  });
});
