/** Record ids: reserved device names, and fresh person ids handed out one after another. */
import { describe, expect, it } from 'vitest';
import { nextPersonId, personIdAllocator } from '../../src/core/people.js';
import { didYouMean } from '../../src/core/diagnostics.js';
import { isReservedName, recordIdProblem } from '../../src/core/vocab.js';

describe('reserved names', () => {
  it('refuses the Windows device names in any case, and nothing else', () => {
    for (const id of ['con', 'PRN', 'Aux', 'nul', 'com1', 'COM9', 'lpt1', 'LPT9']) expect(isReservedName(id), id).toBe(true);
    for (const id of ['cons', 'con-1', 'icon', 'com', 'lpt', 'com10', 'auxiliary', 'p-0001', 'null']) expect(isReservedName(id), id).toBe(false);
    expect(recordIdProblem('nul')).toMatch(/reserves/);
    expect(recordIdProblem('Nul')).toMatch(/not a valid id/);
    expect(recordIdProblem('nul-walks')).toBeUndefined();
  });
});

describe('personIdAllocator', () => {
  it('gives the same ids as asking nextPersonId again after taking each one', () => {
    const existing = ['p-0001', 'p-0003', 'p-0010', 'walkers', 'p-12'];
    const skip = new Set(['p-0011', 'p-0013']);
    const fresh = personIdAllocator(existing, skip);
    const taken = new Set(skip);
    for (let i = 0; i < 50; i++) {
      const expected = nextPersonId(existing, taken);
      taken.add(expected);
      expect(fresh()).toBe(expected);
    }
    expect(personIdAllocator([])()).toBe('p-0001');
    expect(personIdAllocator(['p-9999'])()).toBe('p-10000');
  });
});

describe('near misses', () => {
  it('are not searched for keys longer than 200 characters', () => {
    expect(didYouMean('statsu', ['status'])).toBe('status');
    expect(didYouMean('status' + 'x'.repeat(200), ['status'])).toBeUndefined();
  });
});
