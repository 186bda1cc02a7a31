/**
 * The grow session in-process, with scripted answers: it gathers the changes in order, checks
 * typed answers with the same core rules as flags, and says everything on stderr (nothing on
 * stdout, which is for data).
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { growSession } from '../../src/cli/commands/grow/session.js';
import type { Prompts } from '../../src/cli/ask.js';
import type { Io } from '../../src/cli/io.js';
import { resolveConfig } from '../../src/core/config.js';
import type { Initiative } from '../../src/core/schema.js';

const config = resolveConfig({ schema: 'costar/v1', name: 'Test', organisation: 'Test Council', serviceAreas: [{ id: 'care' }], wards: ['north', 'south'] });

const walks: Initiative = {
  id: 'walks',
  title: 'Walks',
  serviceArea: 'care',
  status: 'running',
  wards: ['north', 'south'],
  grow: { indicators: [{ name: 'Walks held', kind: 'process', target: 40 }], readings: [{ indicator: 'Walks held', date: '2026-09-30', value: 47 }] },
};
const idea: Initiative = { id: 'fridge', title: 'Fridge', serviceArea: 'care', status: 'idea' };

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const c = new Chalk({ level: 0 });
  const io = { cwd: '.', env: {}, canPrompt: true, c, ce: c, out: (t: string) => out.push(t), err: (t: string) => err.push(t) } as unknown as Io;
  return { io, out, err };
}

/** Prompts answering from a script, in order; each answer typed is run through the prompt's own validator first. */
function scripted(answers: Array<[string, unknown, ...string[]]>) {
  const asked: string[] = [];
  const rejected: string[] = [];
  const answer = (kind: string) => async (q: { message: string; validate?: (v: any) => true | string }) => {
    const step = answers.shift();
    if (!step) throw new Error(`no answer left for ${kind} "${q.message}"`);
    const [expected, value, ...wrong] = step;
    expect(q.message).toContain(expected);
    asked.push(q.message);
    for (const w of wrong) {
      const v = q.validate?.(w);
      expect(v).not.toBe(true);
      rejected.push(String(v));
    }
    if (q.validate) expect(q.validate(value)).toBe(true);
    return value;
  };
  const pr = { select: answer('select'), input: answer('input'), confirm: answer('confirm'), checkbox: answer('checkbox') } as unknown as Prompts;
  return { pr, asked, rejected, left: answers };
}

describe('the grow session', () => {
  it('gathers changes in order, checks answers like flags, and speaks only on stderr', async () => {
    const { io, out, err } = fakeIo();
    const s = scripted([
      ['Initiative', 'walks'],
      ['What now?', 'indicator'],
      ['Indicator name', 'Less isolated', '  ', 'walks HELD'],
      ['Kind', 'outcome'],
      ['Unit', '%'],
      ['Baseline', '38'],
      ['Target', '60', 'lots'],
      ['designed with the people', true],
      ['What now?', 'reading'],
      ['Indicator', walks.grow!.indicators![0]],
      ['Date of the reading', '31/10/2026', '2026-09-30', '30/09/2026', '2026-02-30', '10/31/2026', '16/01/2027'],
      ['Value', '52'],
      ['What now?', 'review'],
      ['Date of the review', '20/11/2026', '2027-02-01'],
      ['Who took part?', ['staff', 'users']],
      ['What now?', 'councillor'],
      ['Ward', 'south'],
      ['Role', ''],
      ['What now?', 'done'],
    ]);
    const r = await growSession(io, s.pr, config, [idea, walks], [idea, walks], '2027-01-15');
    expect(s.left).toEqual([]);
    expect(r.id).toBe('walks');
    expect(r.changes).toEqual([
      { op: 'append', key: 'indicators', value: { name: 'Less isolated', kind: 'outcome', unit: '%', baseline: 38, target: 60, coDesigned: true } },
      { op: 'append', key: 'readings', value: { indicator: 'Walks held', date: '2026-10-31', value: 52 } },
      { op: 'append', key: 'reviews', value: { date: '2026-11-20', by: ['users', 'staff'] } },
      { op: 'append', key: 'councillors', value: { ward: 'south', role: 'community connector' } },
    ]);
    expect(Object.keys(r.changes[0]!.value as object)).toEqual(['name', 'kind', 'unit', 'baseline', 'target', 'coDesigned']);
    expect(r.summary).toEqual([
      'add outcome indicator "Less isolated", target 60%, co-designed',
      'reading 52 for "Walks held" on 31 October 2026',
      '360-degree review on 20 November 2026 by users, staff',
      'councillor community connector for south',
    ]);
    expect(s.rejected).toEqual([
      'The name is empty: give the indicator a name',
      'walks already has an indicator named "Walks held"; the name must be unique in the initiative',
      'The target "lots" is not a number',
      '"Walks held" already has a reading on 2026-09-30 (47); one reading a day',
      '"Walks held" already has a reading on 2026-09-30 (47); one reading a day',
      'The date "2026-02-30" is not a real date; give a date: write it as 2027-06-30 or 30/06/2027 (day/month/year)',
      'The date "10/31/2026" looks like month/day/year; give a date with the day first: write it as 2027-06-30 or 30/06/2027 (day/month/year), e.g. 31/10/2026 is 2026-10-31',
      'The date 2027-01-16 is after 2027-01-15, the as-of date: readings and reviews record what has happened; nothing was changed',
      'The date 2027-02-01 is after 2027-01-15, the as-of date: readings and reviews record what has happened; nothing was changed',
    ]);
    expect(r.work.grow!.indicators).toHaveLength(2);
    expect(walks.grow!.indicators).toHaveLength(1);
    expect(out).toEqual([]);
    const said = err.join('');
    expect(said).toContain('Test · 1 running or scaled · 0 ready to grow');
    expect(said).toContain('Walks (walks, running)');
    expect(said).toContain('  + add outcome indicator "Less isolated", target 60%, co-designed\n');
    expect(said).toContain('Changes to initiatives/walks\n  • add outcome indicator');
  });

  it('ends with no changes when Done comes first', async () => {
    const { io, out } = fakeIo();
    const s = scripted([
      ['Initiative', 'fridge'],
      ['What now?', 'done'],
    ]);
    const r = await growSession(io, s.pr, config, [idea, walks], [idea, walks], '2027-01-15');
    expect(r).toMatchObject({ id: 'fridge', changes: [], summary: [] });
    expect(out).toEqual([]);
  });
});
