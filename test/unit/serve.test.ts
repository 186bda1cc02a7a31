/** The pure parts of `costar serve`: reading a score's body, the small-number rule, escaping, --port, the QR code. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { esc, peopleCount } from '../../src/cli/commands/serve/html.js';
import { parsePort } from '../../src/cli/commands/serve/index.js';
import { qrLines, qrModules } from '../../src/cli/commands/serve/qr.js';
import { checkSubmission, parseBody, ScoreError } from '../../src/cli/commands/serve/score.js';
import { loadPortfolio } from '../../src/store/portfolio.js';
import { FIXTURES } from '../helpers/cli.js';

const demo = loadPortfolio(join(FIXTURES, 'demo'));
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ScoreError);
    expect((e as ScoreError).status).toBe(400);
    return (e as Error).message;
  }
  throw new Error('not refused');
};

describe('a score\'s body', () => {
  it('reads a form or JSON (flat, or with the scores in "scores") to the same fields', () => {
    const form = parseBody('application/x-www-form-urlencoded; charset=UTF-8', 'rater=Finance+partner&ease=2&readiness=');
    expect({ ...form }).toEqual({ rater: 'Finance partner', ease: '2', readiness: '' });
    expect({ ...parseBody('application/json', '{"rater":"A","ease":2}') }).toEqual({ rater: 'A', ease: '2' });
    expect({ ...parseBody('application/json', '{"rater":"A","scores":{"ease":2,"readiness":4}}') }).toEqual({ rater: 'A', ease: '2', readiness: '4' });
  });

  it('refuses a body that is malformed, has a field twice, holds other types or comes in another format', () => {
    expect(refusal(() => parseBody('application/json', '{'))).toMatch(/not valid JSON/);
    expect(refusal(() => parseBody('application/json', '"text"'))).toMatch(/JSON object/);
    expect(refusal(() => parseBody('application/json', '{"rater":"A","ease":[2]}'))).toMatch(/"ease" must be a number or text/);
    expect(refusal(() => parseBody('application/json', '{"ease":2,"scores":{"ease":3}}'))).toMatch(/"ease" is given twice/);
    expect(refusal(() => parseBody('application/x-www-form-urlencoded', 'rater=A&rater=B'))).toMatch(/"rater" is given twice/);
    expect(refusal(() => parseBody('application/x-www-form-urlencoded', 'rater=%E0%A4%A'))).toMatch(/not well-formed/);
    expect(refusal(() => parseBody('multipart/form-data; boundary=x', '--x'))).toMatch(/as a form or as JSON, not as multipart\/form-data/);
  });

  it('checks the fields against the portfolio: a label, known criteria, whole numbers on the scale', () => {
    expect(checkSubmission(demo, { rater: '  Finance   partner ', ease: '2', readiness: ' 5 ', governance: '' })).toEqual({
      rater: 'Finance partner',
      scores: [
        ['ease', 2],
        ['readiness', 5],
      ],
      raw: { rater: '  Finance   partner ', ease: '2', readiness: ' 5 ', governance: '' },
    });
    expect(refusal(() => checkSubmission(demo, { rater: '', ease: '2' }))).toMatch(/Give a rater label/);
    expect(refusal(() => checkSubmission(demo, { ease: '2' }))).toMatch(/Give a rater label/);
    expect(refusal(() => checkSubmission(demo, { rater: 'x'.repeat(81), ease: '2' }))).toMatch(/81 characters long; keep it to 80/);
    expect(checkSubmission(demo, { rater: 'x'.repeat(80), ease: '2' }).rater).toHaveLength(80);
    expect(refusal(() => checkSubmission(demo, { rater: 'A\u0007', ease: '2' }))).toMatch(/control characters/);
    expect(refusal(() => checkSubmission(demo, { rater: 'A', eas: '2' }))).toMatch(/"eas" is not a criterion of this portfolio. Criteria: user-outcomes, /);
    expect(refusal(() => checkSubmission(demo, { rater: 'A', ease: '6' }))).toBe('The score 6 for ease is outside the scale 1–5; give a whole number from 1 to 5.');
    expect(refusal(() => checkSubmission(demo, { rater: 'A', ease: '1.5' }))).toBe('The score for ease: 1.5 is not a whole number; give a whole number from 1 to 5.');
    expect(refusal(() => checkSubmission(demo, { rater: 'A', ease: 'four' }))).toMatch(/"four" is not a number/);
    expect(refusal(() => checkSubmission(demo, { rater: 'A', ease: '' }))).toMatch(/at least one criterion/);
  });
});

describe('the pages\' small helpers', () => {
  it('counts of people under the small-number rule', () => {
    expect([0, 1, 4, 5, 40].map((n) => peopleCount(n, 5))).toEqual(['0', 'fewer than 5', 'fewer than 5', '5', '40']);
    expect(peopleCount(9, 10)).toBe('fewer than 10');
  });

  it('escapes text for HTML content and attributes, and drops control characters', () => {
    expect(esc(`<a href="x">Tom & Jerry's</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('--port: 0 to 65535, 4321 when not given', () => {
    expect(parsePort(undefined)).toBe(4321);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    for (const bad of ['65536', '-1', '80a', '', '1e3', 'http']) expect(() => parsePort(bad), bad).toThrow(/is not a port/);
  });
});

describe('the QR code', () => {
  it('has the three finder patterns, and is drawn two rows a line with a quiet zone', () => {
    const url = 'http://192.168.1.20:4321/score?token=AbCdEfGhIjKlMnOpQrStUvWx';
    const m = qrModules(url);
    const n = m.length;
    expect(n).toBeGreaterThanOrEqual(21);
    expect((n - 17) % 4).toBe(0); // sizes are 4 × version + 17
    // A finder: a dark 7 × 7 ring, a light ring inside it, a dark 3 × 3 centre.
    const finder = (r0: number, c0: number) => {
      for (let r = 0; r < 7; r++) {
        for (let c = 0; c < 7; c++) {
          const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
          expect(m[r0 + r]![c0 + c], `${r0 + r},${c0 + c}`).toBe(ring !== 2);
        }
      }
    };
    finder(0, 0);
    finder(0, n - 7);
    finder(n - 7, 0);
    const lines = qrLines(url, false);
    expect(lines).toHaveLength(Math.ceil((n + 4) / 2));
    expect(lines.every((l) => l.length === n + 4)).toBe(true);
    expect(lines[0]!.trim()).toBe('');
    // With colour: black on white whatever the terminal's colours.
    expect(qrLines(url, true)[0]).toMatch(/^\x1b\[97;40m█+\x1b\[0m$/);
  });
});

describe('the wall star (issue 15: one truth)', () => {
  it('leaves stopped initiatives out of the ring and its totals, as star and the report do', async () => {
    const { wallPage } = await import('../../src/cli/commands/serve/wall.js');
    const p = loadPortfolio(join(FIXTURES, 'demo'));
    const live = p.initiatives.filter((i) => i.status !== 'stopped').length;
    expect(live).toBeLessThan(p.initiatives.length);
    const body = wallPage(p).body;
    const svg = Buffer.from(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(body)![1]!, 'base64').toString('utf8');
    expect(svg).toContain(`All 7 service areas, ${live} initiatives.`);
    expect(body).toContain(`<th scope="row" colspan="2">Done</th><td>${live} of ${live}</td>`);
  });
});
