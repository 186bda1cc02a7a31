import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/core/format.js';

describe('terminalSafe', () => {
  it('shows every control character visibly but keeps line feeds and tabs', () => {
    expect(terminalSafe('a\u0007b\r\nc\td\u009be\u007f')).toBe('a\\u0007b\\u000d\nc\td\\u009be\\u007f');
  });

  it('keeps colour sequences only when asked, and never other escape sequences', () => {
    const text = '\u001b[1mBold\u001b[22m \u001b[2J\u001b]0;title\u0007';
    expect(terminalSafe(text, { keepColour: true })).toBe('\u001b[1mBold\u001b[22m \\u001b[2J\\u001b]0;title\\u0007');
    expect(terminalSafe(text)).toBe('\\u001b[1mBold\\u001b[22m \\u001b[2J\\u001b]0;title\\u0007');
  });

  it('returns plain text unchanged', () => {
    const s = 'Dementia walks — £12,000 · 3 of 4 ✔';
    expect(terminalSafe(s, { keepColour: true })).toBe(s);
  });
});
