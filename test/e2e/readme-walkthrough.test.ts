/**
 * The README's walk through the demo (issue 15): every ```sh block marked `<!-- walkthrough -->`
 * is read from README.md, in order, and each command runs in-process on a copy of the demo, as a
 * reader would type it. The walk starts by copying the demo, which here is copyFixture('demo').
 * Every command must succeed (exit 0), and at the end the dementia walks are still ready to grow.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, REPO } from '../helpers/cli.js';
import { costarIn } from '../helpers/in-process.js';

const COPY = 'cp -R fixtures/demo midshire && cd midshire';

/** Splits a shell command line into words: single and double quotes, backslash escapes, # comments. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k]!;
    if (ch === "'") {
      const end = line.indexOf("'", k + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      cur += line.slice(k + 1, end);
      inWord = true;
      k = end;
    } else if (ch === '"') {
      k++;
      for (; k < line.length && line[k] !== '"'; k++) {
        if (line[k] === '\\' && /["\\$`]/.test(line[k + 1] ?? '')) k++;
        cur += line[k];
      }
      if (k >= line.length) throw new Error(`unclosed " in: ${line}`);
      inWord = true;
    } else if (ch === '\\') {
      cur += line[++k] ?? '';
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else if (ch === '#' && !inWord) {
      break;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return words;
}

/** The walkthrough's command lines, in order: marked sh blocks, continuation lines joined. */
function walkthroughCommands(readme: string): string[] {
  const out: string[] = [];
  const re = /<!-- walkthrough -->\n```sh\n([\s\S]*?)```/g;
  for (const m of readme.matchAll(re)) {
    const joined = m[1]!.replace(/\s*\\\n\s*/g, ' ');
    for (const line of joined.split('\n')) if (line.trim() && !line.trim().startsWith('#')) out.push(line.trim());
  }
  return out;
}

describe('the README walkthrough', { timeout: 180_000 }, () => {
  it('reads the commands as a shell would', () => {
    expect(shellWords(`costar focus challenge x --by "Highways engineer" --text 'It''s fine' # note`)).toEqual(['costar', 'focus', 'challenge', 'x', '--by', 'Highways engineer', '--text', 'Its fine']);
    expect(shellWords('costar map add --how co-assessment="Residents grade streets" --ward oakfield')).toEqual(['costar', 'map', 'add', '--how', 'co-assessment=Residents grade streets', '--ward', 'oakfield']);
    expect(walkthroughCommands('<!-- walkthrough -->\n```sh\ncostar a \\\n  --b c\ncostar d\n```\n```sh\ncostar e\n```\n')).toEqual(['costar a --b c', 'costar d']);
  });

  it('runs every command of the walk through the demo and the Grow example, in order, on a copy of the demo', async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const commands = walkthroughCommands(readme);
    // The walk starts by copying the demo; the rest are costar commands, the Grow example among them.
    expect(commands[0]).toBe(COPY);
    expect(commands.length).toBeGreaterThan(15);
    expect(commands.some((c) => c.startsWith('costar grow add-indicator dementia-walks'))).toBe(true);
    expect(commands.some((c) => c.startsWith('costar generate report'))).toBe(true);
    const dir = copyFixture('demo');
    // The new indicator is new to the demo (the old example added one the demo already had).
    const added = commands.filter((c) => c.startsWith('costar grow add-indicator')).map((c) => shellWords(c)[shellWords(c).indexOf('--name') + 1]!);
    const demoWalks = readFileSync(join(dir, 'initiatives', 'dementia-walks.yaml'), 'utf8');
    for (const name of added) expect(demoWalks).not.toContain(name);

    for (const line of commands.slice(1)) {
      const words = shellWords(line);
      expect(words[0], line).toBe('costar');
      const r = await costarIn(words.slice(1), { cwd: dir });
      expect(r.code, `${line}\n${r.stderr}`).toBe(0);
    }
    // What the walk wrote is there, and the dementia walks are still ready to grow.
    expect(existsSync(join(dir, 'initiatives', 'street-audit.yaml'))).toBe(true);
    for (const f of ['report.html', 'street-audit.business-case.html', 'dementia-walks.grow-plan.html']) expect(existsSync(join(dir, 'out', f)), f).toBe(true);
    const check = JSON.parse((await costarIn(['grow', 'check', '--json', '--as-of', '2026-12-01'], { cwd: dir })).stdout) as { initiatives: Array<{ id: string; ready: boolean }> };
    expect(check.initiatives.find((i) => i.id === 'dementia-walks')!.ready).toBe(true);
    // Validation finds nothing wrong with what the walk wrote.
    const v = await costarIn(['validate'], { cwd: dir });
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });
});
