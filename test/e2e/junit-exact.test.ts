/** JUnit with a real parser and xmllint; control characters and hostile file names in every format. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'junit2json';
import { describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** No raw control character (other than line feed) anywhere in the text. */
function expectNoControl(text: string, what: string): void {
  expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text), what).toBe(false);
}

describe('validate reports: exact JUnit, control characters shown visibly', () => {
  it('counts test cases, not problems, and lists each problem in its test case', async () => {
    const dir = copyFixture('demo');
    // One file with four errors, one with a hostile key, two files with hostile names.
    writeFileSync(join(dir, 'initiatives', 'four.yaml'), 'id: Four\nstatus: runing\nwards: [7]\n');
    writeFileSync(join(dir, 'initiatives', 'bell.yaml'), 'id: bell\ntitle: Bell\nserviceArea: housing\nstatus: idea\n"bell\u0007key\u001b[31m": 1\n');
    writeFileSync(join(dir, 'initiatives', 'line\nbreak.yaml'), 'id: x\n');
    writeFileSync(join(dir, 'people', 'ctl\u0001name.yaml'), 'id: y\n');

    const r = await costarIn(['validate', '--format', 'junit', '--fail-on', 'warning'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expectNoControl(r.stdout, 'junit');
    const parsed = (await parse(r.stdout)) as any;
    const suite = parsed.testsuite[0];
    const cases = suite.testcase as any[];
    expect(suite.tests).toBe(cases.length);
    const failing = cases.filter((c) => c.failure);
    expect(suite.failures).toBe(failing.length);
    expect(parsed.failures).toBe(failing.length);
    expect(suite.tests - suite.failures).toBeGreaterThan(0); // "passed" is never negative
    for (const c of failing) expect(c.failure.length).toBe(1);
    const four = cases.find((c) => c.name === 'initiatives/four.yaml');
    const body: string = four.failure[0].inner;
    expect(body.split('\n').length).toBeGreaterThanOrEqual(3); // one problem a line
    expect(body).toContain('missing-field');
    expect(body).toContain('bad-enum');
    expect(four.failure[0].message).toMatch(/^\d+ problems: /);
    expect(cases.some((c) => c.name === 'initiatives/line\\u000abreak.yaml' && c.failure[0].type === 'bad-file-name')).toBe(true);
    expect(cases.some((c) => c.name === 'people/ctl\\u0001name.yaml')).toBe(true);
    expect(cases.find((c) => c.name === 'initiatives/bell.yaml').failure[0].inner).toContain('bell\\u0007key\\u001b[31m');

    if (hasXmllint) {
      const file = join(mkdtempSync(join(tmpdir(), 'costar-junit-')), 'report.xml');
      writeFileSync(file, r.stdout);
      const x = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
      expect(x.stderr).toBe('');
      expect(x.status).toBe(0);
    }

    // Every other format: no crash, nothing raw, the same hostile names shown visibly.
    for (const format of ['stylish', 'json', 'github']) {
      const o = await costarIn(['validate', '--format', format], { cwd: dir });
      expect(o.code, format).toBe(1);
      expect(o.stderr, format).toBe('');
      expectNoControl(o.stdout, format);
      const text = format === 'json' ? JSON.parse(o.stdout).diagnostics.map((d: any) => `${d.file} ${d.message}`).join('\n') : o.stdout;
      expect(text, format).toContain('line\\u000abreak.yaml');
      expect(text, format).toContain('bell\\u0007key\\u001b[31m');
    }
  });
});
