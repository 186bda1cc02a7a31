/** The Markdown escape, checked against the plain chain of replacements it is a faster form of. */
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/generate/engine.js';

function reference(s: string): string {
  const t = s
    .replace(/\s+/g, ' ')
    .replace(/^ /, '')
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/\b(https?|ftp):\/\//gi, '$1\\://')
    .replace(/\bwww\./gi, 'www\\.')
    .replace(/^(#{1,6}|[-+])(?= |$)/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2');
  return /^[-= ]+$/.test(t) ? `\\${t}` : t;
}

describe('escapeMarkdown', () => {
  it('gives what the chain of replacements gives, on typed text and 20,000 random strings', () => {
    const typed = ['[link](http://evil.example) *x* _y_ `code` <b>bold</b> | pipe ~~gone~~ &amp; www.evil.example', '# not a heading', '- item', '1. one', '  12) x', '---', '= =', 'Dementia walks', 'a\n\nb\t c', '\u00a0lead', 'HTTP://A www.B WWW.c', '&#39; &x &amp;'];
    const pieces = [' ', '  ', '\n', '\t', '\u00a0', '#', '-', '+', '=', '1', '23', '.', ')', '&', 'amp;', '#39;', '<', '>', '\\', '`', '*', '_', '[', ']', '|', '~', 'http://', 'FTP://', 'www.', 'a', 'Z', 'é'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const random = Array.from({ length: 20000 }, () => Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(''));
    const differ = [...typed, ...random].filter((s) => escapeMarkdown(s) !== reference(s));
    expect(differ).toEqual([]);
  });
});
