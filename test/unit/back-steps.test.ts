/**
 * Escape inside a multi-question step, in-process with scripted answers: a scripted Escape goes
 * back one question, the earlier answer comes back as the default, questions that no longer
 * apply are passed over, and Escape at the first question leaves the step.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Prompts } from '../../src/cli/ask.js';
import { askIndicator, askReading } from '../../src/cli/commands/grow/session.js';
import { askBenefit, askTheoryOfChange } from '../../src/cli/commands/focus/questions.js';
import type { Io } from '../../src/cli/io.js';
import { backable, BackSignal } from '../../src/cli/prompt-guard.js';
import { resolveConfig } from '../../src/core/config.js';
import type { Initiative } from '../../src/core/schema.js';

const config = resolveConfig({ schema: 'costar/v1', name: 'Test', organisation: 'Test Council', serviceAreas: [{ id: 'care' }] });
const ini: Initiative = { id: 'walks', title: 'Walks', serviceArea: 'care', status: 'running' };

const ESC = Symbol('Escape');

/** Prompts answering from a script: [part of the question, answer or ESC, the default it must offer]. */
function scripted(script: Array<[string, unknown, unknown?]>) {
  const asked: string[] = [];
  const ask = async (q: { message: string; default?: unknown; choices?: Array<{ value: unknown; checked?: boolean }> }) => {
    const step = script.shift();
    if (!step) throw new Error(`no answer left for "${q.message}"`);
    const [part, answer, ...def] = step;
    expect(q.message).toContain(part);
    asked.push(q.message);
    if (def.length) expect(q.choices?.some((c) => 'checked' in c) ? q.choices.filter((c) => c.checked).map((c) => c.value) : q.default).toEqual(def[0]);
    if (answer === ESC) throw new BackSignal();
    return answer;
  };
  return { pr: { input: ask, select: ask, confirm: ask, checkbox: ask } as unknown as Prompts, asked, left: script };
}

function fakeIo() {
  const err: string[] = [];
  const c = new Chalk({ level: 0 });
  return { io: { cwd: '.', env: {}, canPrompt: true, c, ce: c, out: () => undefined, err: (t: string) => err.push(t) } as unknown as Io, err };
}

describe('Escape goes back one question', () => {
  it('a benefit line: back past the value to the kind; questions that no longer apply are passed over and left out', async () => {
    const s = scripted([
      ['Benefit item', 'Fewer falls'],
      ['Kind', 'fiscal'],
      ['Cashable', true],
      ['How is it valued?', 'amount'],
      ['Value per year', ESC],
      ['How is it valued?', ESC, 'amount'],
      ['Cashable', ESC, true],
      ['Kind', 'social', 'fiscal'],
      // Cashable no longer applies: passed over.
      ['How is it valued?', 'cohort', 'amount'],
      ['People reached a year', '40'],
      ['Value per person', '£100'],
      ['Share who engage', ESC],
      ['Value per person', '£120', '£100'],
      ['Share who engage', '50%'],
      ['Share of those who succeed', ''],
      ['Deadweight', ''],
      ['Displacement', ''],
      ['Attribution', ''],
      ['Drop-off', ''],
      ['Years it applies', ''],
      ['Who benefits?', ''],
      ['Confidence grade', 0],
      ['Source of the value', ESC],
      ['Confidence grade', 2, 0],
      ['Source of the value', ''],
      ['Price year', ''],
    ]);
    const line = await askBenefit(s.pr, config, ini);
    expect(s.left).toEqual([]);
    expect(line).toEqual({ item: 'Fewer falls', kind: 'social', cohort: 40, unitValue: 120, engagement: 0.5, confidence: 2 });
  });

  it('the theory of change: Escape at a list goes back to the list before, whose items stay and are shown again', async () => {
    const { io, err } = fakeIo();
    const s = scripted([
      ['Inputs', 'Two staff'],
      ['Inputs', ''],
      ['Activities', 'Weekly walks'],
      ['Activities', ESC],
      ['Inputs', 'A minibus'],
      ['Inputs', ''],
      ['Activities', ''],
      ['Outputs', ''],
      ['Outcomes', ''],
      ['Impact', 'Less loneliness'],
      ['Assumptions', ESC],
      ['Impact', '', 'Less loneliness'],
      ['Assumptions', ''],
    ]);
    const edits = await askTheoryOfChange(io, s.pr, ini);
    expect(s.left).toEqual([]);
    expect(err.join('')).toContain('Inputs: what goes in\n  · Two staff');
    expect(err.join('')).toContain('Activities: what is done\n  · Weekly walks');
    expect(edits.map((e) => e.note)).toEqual(['inputs: Two staff', 'inputs: A minibus', 'activities: Weekly walks']);
  });

  it('grow: what a flag gave is not asked; Escape at the first question asked leaves the step', async () => {
    const s = scripted([['Kind', ESC]]);
    expect(await backable(() => askIndicator(s.pr, ini, { name: 'Walkers' }))).toEqual({ back: true });
    const t = scripted([
      ['Kind', 'process'],
      ['Unit', 'walks'],
      ['Baseline', ''],
      ['Target', ESC],
      ['Baseline', '3', undefined],
      ['Target', '40'],
      ['Was it designed', ESC, false],
      ['Target', '45', '40'],
      ['Was it designed', true, false],
    ]);
    expect(await askIndicator(t.pr, ini, { name: 'Walkers' })).toEqual({ name: 'Walkers', kind: 'process', unit: 'walks', baseline: 3, target: 45, coDesigned: true });
    expect(t.left).toEqual([]);
  });

  it('grow: a reading goes back from the value to the date, the date typed offered again', async () => {
    const walks: Initiative = { ...ini, grow: { indicators: [{ name: 'Walks held', kind: 'process' }] } };
    const s = scripted([
      ['Indicator', walks.grow!.indicators![0]],
      ['Date of the reading', '31/10/2026', '2027-01-15'],
      ['Value', ESC],
      ['Date of the reading', '30/10/2026', '31/10/2026'],
      ['Value', '12'],
    ]);
    expect(await askReading(s.pr, walks, {}, '2027-01-15')).toEqual({ indicator: walks.grow!.indicators![0], date: '2026-10-30', value: 12 });
    expect(s.left).toEqual([]);
  });
});
