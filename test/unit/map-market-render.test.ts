/**
 * The screens of map and market rendered in-process, without colour, at the width used when the
 * output is not a terminal: the incentive menu in the one table style is pinned with a snapshot
 * file; the pieces of a session and of a write are checked as text.
 */
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { caseCard, shortCard } from '../../src/cli/cards.js';
import { draftCard, listJson, listText } from '../../src/cli/commands/map/render.js';
import { visibleWidth } from '../../src/cli/render.js';
import { describeIncentive, marketState, menuText, nextSteps, summariseAdditions } from '../../src/cli/commands/market/render.js';
import type { Io } from '../../src/cli/io.js';
import { emptyAdditions } from '../../src/core/market.js';
import type { Initiative } from '../../src/core/schema.js';
import { INCENTIVE_MENU } from '../../src/data/incentives.js';

function fakeIo(): Io & { stdout: string; stderr: string } {
  const plain = new Chalk({ level: 0 });
  const io = { c: plain, ce: plain, color: false, colorErr: false, env: {}, stdout: '', stderr: '' } as unknown as Io & { stdout: string; stderr: string };
  io.out = (s: string) => void (io.stdout += s);
  io.err = (s: string) => void (io.stderr += s);
  return io;
}

const walks: Initiative = {
  id: 'walks',
  title: 'Supported walks',
  serviceArea: 'care',
  status: 'running',
  wards: ['north'],
  cos: { 'co-design': { level: 'emerging' }, 'co-delivery': { level: 'established', how: 'Volunteers lead' } },
};
const config = { serviceAreas: [{ id: 'care', label: 'Adult social care' }] } as never;

describe('market menu', () => {
  it('prints a table per group in the one borderless style, a blank row between incentives', async () => {
    const io = fakeIo();
    const text = await menuText(io, INCENTIVE_MENU.filter((x) => x.for === 'carers'), 'carers', undefined);
    expect(text).not.toMatch(/[│┌┐└┘├┤┬┴┼]/);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    await expect(text).toMatchFileSnapshot(join(__dirname, '__snapshots__', 'market-menu-carers.txt'));
  });
});

describe('market lines', () => {
  it('describes an incentive with its yearly cost in the one money format', () => {
    expect(describeIncentive({ for: 'volunteers', kind: 'non-financial', what: 'Training', cost: 300 }, 'GBP')).toBe('Volunteers · non-financial · Training (£300 a year)');
    expect(describeIncentive({ for: 'carers', kind: 'financial', what: 'Vouchers', cost: 12.5 }, 'GBP')).toBe('Carers · financial · Vouchers (£12.50 a year)');
    expect(describeIncentive({ for: 'carers', kind: 'financial', what: 'Vouchers' }, 'GBP')).toBe('Carers · financial · Vouchers');
  });

  it('says where Market it stands and what comes next, on stderr', () => {
    expect(marketState(walks)).toBe('0 incentives · no charter yet');
    const io = fakeIo();
    nextSteps(io, walks);
    expect(io.stdout).toBe('');
    expect(io.stderr).toBe(
      // Fitted to 80 columns (no terminal, no COLUMNS): the long line wraps, indented under itself.
      '  Market it still needs an incentive, a commitment of the service and a\n    commitment of the community.\nNext: costar market menu, then costar market add-incentive walks --from-menu <menu id>\n',
    );
  });

  it('sums up what a charter write added', () => {
    const a = emptyAdditions();
    a.parties.push('Council', 'Friends');
    a.serviceCommitments.push('Insure');
    a.risks.push({ risk: 'Injury' });
    a.review = '2027-06-30';
    expect(summariseAdditions(a)).toBe('added 2 parties, 1 service commitment, 1 risk; review date 30 June 2027');
    expect(summariseAdditions(emptyAdditions())).toBe('');
  });
});

describe('map list', () => {
  it('prints the table, its key and the count; JSON in the SPEC shape', async () => {
    const io = fakeIo();
    const text = await listText({ ...io, env: { COLUMNS: '100' } }, config, [walks], 'care');
    expect(text.split('\n')).toEqual([
      'Initiative  Status   Co-commissioning  Co-design  Co-delivery  Co-assessment  Service area',
      '──────────────────────────────────────────────────────────────────────────────────────────',
      'walks       running                        ◐           ●                      care',
      '● established  ◐ emerging  ○ potential',
      '1 initiative in Adult social care',
      '',
    ]);
    expect(JSON.parse(listJson([walks]))).toEqual([
      { id: 'walks', title: 'Supported walks', serviceArea: 'care', status: 'running', wards: ['north'], cos: walks.cos },
    ]);
  });
});

describe('cards in a narrow terminal', () => {
  const long = 'Residents, carers and staff redesign together how home care visits are planned, reviewed and improved across every ward';
  it('a draft card and a case card keep every line within the width (a web address to copy excepted)', () => {
    const io = { ...fakeIo(), env: { COLUMNS: '60' } } as ReturnType<typeof fakeIo>;
    const draft = { id: 'a-very-long-initiative-id-for-the-home-care-redesign', title: long, serviceArea: 'care', status: 'idea', wards: ['north', 'south'], cos: { 'co-design': { level: 'potential', how: long } }, summary: long } as never;
    const card = draftCard(io, config, draft, 'New initiative');
    const sourced = { local: true, case: { id: 'x', title: long, place: long, country: 'UK', year: 2020, cos: ['co-design'], areas: ['social-care'], roles: ['residents'], summary: long, results: long, source: 'https://example.org/a/very/long/address/that/must/stay/whole/to/be/copied/and/opened' } } as never;
    const lines = [...card.split('\n'), ...caseCard(sourced, io.c, 60), ...shortCard(sourced, io.c, 60, 1)];
    for (const l of lines) if (!/^ *(Source: )?https:\/\//.test(l)) expect(visibleWidth(l), l).toBeLessThanOrEqual(60);
    expect(lines.join('\n')).toContain('https://example.org/a/very/long/address/that/must/stay/whole/to/be/copied/and/opened');
  });
});
