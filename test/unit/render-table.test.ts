import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { columns, fitColumns, fitText, isCopyLine, makeTable, measuredWidth, plain, tableText, visibleWidth, wrapLines } from '../../src/cli/render.js';

const io = { c: new Chalk({ level: 0 }) };

describe('tableText', () => {
  it('draws the rule as wide as the table when cells hold ✔ and ✖ (one cell each in a terminal)', async () => {
    const t = await makeTable(io, ['Initiative', 'Ready'], ['left', 'left']);
    t.push(['walks', '✔ ready']);
    t.push(['litter', '✖ not yet']);
    const lines = tableText(io, t).split('\n');
    expect(lines).toEqual(['Initiative  Ready', '─'.repeat(21), 'walks       ✔ ready', 'litter      ✖ not yet']);
  });

  it('draws the rule as wide as the widest line when capped columns wrap', async () => {
    const t = await makeTable(io, ['A', 'B'], undefined, [5, 12]);
    t.push(['abc', 'a long text to wrap']);
    const lines = tableText(io, t).split('\n');
    const widest = Math.max(...lines.filter((l) => !l.startsWith('─')).map((l) => l.length));
    expect(lines[1]).toBe('─'.repeat(widest));
  });
});

describe('columns', () => {
  it('is the terminal width, else COLUMNS, else 80', () => {
    const tty = { isTTY: true, columns: 97 } as NodeJS.WriteStream;
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    expect(columns({ env: { COLUMNS: '120' } }, tty)).toBe(97);
    expect(columns({ env: { COLUMNS: '120' } }, pipe)).toBe(120);
    expect(columns({ env: {} }, pipe)).toBe(80);
    expect(columns({ env: { COLUMNS: 'wide' } }, pipe)).toBe(80);
    expect(columns({ env: { COLUMNS: '5' } }, pipe)).toBe(80);
  });
});

describe('visibleWidth', () => {
  it('counts colour as nothing, ✔ and ✖ as one cell, wide characters as two', () => {
    expect(visibleWidth('\u001b[1mbold\u001b[22m')).toBe(4);
    expect(visibleWidth('✔ ready')).toBe(7);
    expect(visibleWidth('✖')).toBe(1);
    expect(visibleWidth('日本')).toBe(4);
    expect(visibleWidth('👍')).toBe(2);
  });

  it('measures the characters it takes as one cell without string-width exactly as string-width does', () => {
    const ranges: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x203e], [0x20ac, 0x20ac], [0x2190, 0x2199], [0x2212, 0x2212], [0x2264, 0x2265], [0x2500, 0x25ff], [0x2713, 0x2716]];
    let shortcut = 0;
    for (const [from, to] of ranges) {
      for (let c = from; c <= to; c++) {
        for (const text of [String.fromCharCode(c), `a${String.fromCharCode(c)}b`, `${String.fromCharCode(c)}\ufe0f`]) {
          expect(visibleWidth(text), `U+${c.toString(16)} in ${JSON.stringify(text)}`).toBe(measuredWidth(text));
          if (visibleWidth(text) === text.length) shortcut++;
        }
      }
    }
    expect(shortcut).toBeGreaterThan(900);
  });
});

describe('wrapLines', () => {
  it('breaks at spaces; a word wider than the line breaks after its hyphens, then is cut', () => {
    expect(wrapLines('a gap is a cell with no existing initiative', 12)).toEqual(['a gap is a', 'cell with no', 'existing', 'initiative']);
    expect(wrapLines('Co-commissioning', 13)).toEqual(['Co-', 'commissioning']);
    expect(wrapLines('thank-you notes', 10)).toEqual(['thank-you', 'notes']);
    expect(wrapLines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapLines('Co-commissioning', 13, { hyphens: false })).toEqual(['Co-commission', 'ing']);
  });

  it('indents continuation lines, and keeps colour to each line', () => {
    expect(wrapLines('one two three four five', 12, { indent: 2 })).toEqual(['one two', '  three four', '  five']);
    // Too narrow to indent: continuation lines start at the margin.
    expect(wrapLines('one two three four', 9, { indent: 2 })).toEqual(['one two', 'three', 'four']);
    const red = '\u001b[31mred words here\u001b[39m';
    const lines = wrapLines(red, 9);
    expect(lines.map((l) => plain(l))).toEqual(['red words', 'here']);
    // The first line closes the colour; the next opens it again.
    expect(lines[0]).toMatch(/\u001b\[39m$/);
    expect(lines[1]).toMatch(/^\u001b\[31m/);
  });

  it('keeps a word that must stay whole on a line of its own', () => {
    const keep = (w: string) => w.startsWith('https://');
    expect(wrapLines('see https://example.org/a/long/path now', 12, { keep })).toEqual(['see', 'https://example.org/a/long/path', 'now']);
  });
});

describe('fitText', () => {
  it('wraps long lines under their own indent and leaves lines to copy whole', () => {
    const cmd = '    costar grow add-indicator carers-rate-home-care --name … --kind outcome --target … --co-designed';
    const text = ['  Set an outcome indicator with a target, ideally designed with the people who use it:', cmd, 'short'].join('\n');
    expect(fitText(text, 40).split('\n')).toEqual(['  Set an outcome indicator with a', '    target, ideally designed with the', '    people who use it:', cmd, 'short']);
  });

  it('never splits a command inside a sentence: it moves to the next line whole', () => {
    const out = fitText('Next: start one with costar map (choose a gap), or costar map add --title … --area …', 50).split('\n');
    expect(out).toEqual(['Next: start one with costar map (choose a gap), or', '  costar map add --title … --area …']);
  });
});

describe('isCopyLine', () => {
  it('is a single command or address, with no prose after it', () => {
    expect(isCopyLine('    costar focus score walks --set ease=4')).toBe(true);
    expect(isCopyLine('Next: costar grow check')).toBe(true);
    expect(isCopyLine("    fix: costar set initiatives/walks 'grow.councillors+={ ward: north, role: community connector (lead) }'")).toBe(true);
    expect(isCopyLine('  Source: https://example.org/a/b')).toBe(true);
    expect(isCopyLine('Next: costar status — what to do next')).toBe(false);
    expect(isCopyLine('Next: costar focus score walks   (or interactively: costar focus)')).toBe(false);
    expect(isCopyLine('Offer an incentive (ideas: costar market menu)')).toBe(false);
  });
});

describe('fitColumns', () => {
  const head = ['Service area', 'Co-commissioning', 'Co-design', 'Covered'];
  const rows = [head, ['Communities, libraries and democracy', '0 · 1', '1 · 2', '3 of 4'], ['Housing', '· gap', '2', '2 of 4']];
  const nowrap = [false, true, true, true];

  it('keeps natural widths when the table fits', () => {
    expect(fitColumns(rows, 100, { nowrap })).toEqual([{ cols: [0, 1, 2, 3], widths: [36, 16, 9, 7] }]);
  });

  it('wraps headings first, then the cells of wrapping columns, widest first', () => {
    // 36 + 16 + 9 + 7 + 6 = 74 for 60: headings give 3 + 3 (Co-|commissioning, Co-|design), the labels the other 8.
    const [part] = fitColumns(rows, 60, { nowrap });
    expect(part!.widths).toEqual([28, 13, 6, 7]);
    const [narrow] = fitColumns(rows, 45, { nowrap });
    expect(narrow!.widths.reduce((a, b) => a + b, 0) + 6).toBeLessThanOrEqual(45);
    expect(narrow!.widths.slice(1)).toEqual([13, 6, 7]);
  });

  it('splits a table too wide even when wrapped into parts that each repeat the row labels', () => {
    const years = [['Year', 'Costs', 'Benefits', 'Net', 'PV net'], ['2026/27', '£26,155', '£9,072', '−£17,083', '−£17,083'], ['Total PV', '£116,800', '£122,183', '', '£5,383']];
    const parts = fitColumns(years, 30, { nowrap: [false, true, true, true, true], repeat: 1 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.cols[0]).toBe(0);
      expect(p.widths.reduce((a, b) => a + b, 0) + 2 * (p.widths.length - 1)).toBeLessThanOrEqual(30);
    }
    expect(parts.flatMap((p) => p.cols.slice(1))).toEqual([1, 2, 3, 4]);
  });

  it('cuts words only when a single column cannot fit', () => {
    const parts = fitColumns([['Initiative'], ['a-very-long-initiative-id-indeed']], 8);
    expect(parts).toEqual([{ cols: [0], widths: [8] }]);
  });
});

describe('a fitted table', () => {
  it('draws wrapped headings bottom-aligned above the rule, and every line within the width', async () => {
    const t = await makeTable(io, ['Service area', 'Co-commissioning', 'Covered'], ['left', 'center', 'center'], undefined, { width: 40 });
    t.push(['Communities, libraries and democracy', '1 · 1', '3 of 4']);
    const lines = tableText(io, t).split('\n');
    expect(lines).toEqual([
      '                       Co-',
      'Service area      commissioning  Covered',
      '─'.repeat(40),
      'Communities,          1 · 1      3 of 4',
      'libraries and',
      'democracy',
    ]);
  });
});

describe('id row labels', () => {
  it('stay whole while short: the table splits, each part with the ids', async () => {
    const t = await makeTable(io, ['Initiative', 'Co-commissioning', 'Co-design', 'Co-delivery', 'Co-assessment'], ['left', 'center', 'center', 'center', 'center'], undefined, { width: 40 });
    t.push(['time-bank', '○', '◐', '', '●']);
    const lines = tableText(io, t).split('\n');
    expect(lines.filter((l) => l.startsWith('time-bank '))).toHaveLength(2);
    for (const l of lines) expect(visibleWidth(l)).toBeLessThanOrEqual(40);
  });

  it('wrap at their hyphens when longer than a third of the width, so the table need not split', async () => {
    const t = await makeTable(io, ['Initiative', 'Status'], ['left', 'left'], undefined, { width: 30 });
    t.push(['residents-and-staff-redesign-home-care-visits', 'idea']);
    expect(tableText(io, t).split('\n')).toEqual(['Initiative              Status', '─'.repeat(30), 'residents-and-staff-    idea', 'redesign-home-care-', 'visits']);
  });
});
