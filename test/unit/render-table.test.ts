import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { makeTable, tableText } from '../../src/cli/render.js';

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
