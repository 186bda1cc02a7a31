import { describe, expect, it } from 'vitest';
import { keyOrder, orderAt, orderRecord } from '../../src/core/key-order.js';

describe('canonical key order from the schemas', () => {
  it('orders a person as SPEC 4 lists the fields and drops empty lists when asked', () => {
    const rec = { checks: [], offers: ['cooking'], ward: 'abbey', id: 'p-1', kind: 'individual', consent: true };
    expect(Object.keys(orderRecord('person', rec, { dropEmpty: true }))).toEqual(['id', 'kind', 'ward', 'consent', 'offers']);
    expect(Object.keys(orderRecord('person', rec))).toEqual(['id', 'kind', 'ward', 'consent', 'offers', 'checks']);
  });

  it('orders nested parts of an initiative, Co levels in the order of the Four Cos', () => {
    const ini = { cos: { 'co-delivery': { how: 'x', level: 'emerging' }, 'co-commissioning': { level: 'potential' } }, status: 'idea', title: 'T', id: 'a', serviceArea: 's' };
    const out = orderRecord('initiative', ini);
    expect(Object.keys(out)).toEqual(['id', 'title', 'serviceArea', 'status', 'cos']);
    expect(Object.keys(out.cos)).toEqual(['co-commissioning', 'co-delivery']);
    expect(Object.keys(out.cos['co-delivery'])).toEqual(['level', 'how']);
  });

  it('orders a cost line at its path and keeps unknown keys after the known ones', () => {
    const line = { zz: 1, priceYear: 2026, amount: 5, kind: 'staff', item: 'Coordinator', payer: undefined };
    expect(Object.keys(orderAt('initiative', ['focus', 'businessCase', 'costs', 0], line))).toEqual(['item', 'kind', 'amount', 'priceYear', 'zz']);
    expect(keyOrder('initiative', ['focus', 'businessCase', 'benefits', 0]).slice(0, 5)).toEqual(['item', 'kind', 'cashable', 'beneficiary', 'amount']);
  });

  it('leaves values that are not objects as they are', () => {
    expect(orderAt('initiative', ['wards'], ['b', 'a'])).toEqual(['b', 'a']);
    expect(orderRecord('person', 'x' as unknown)).toBe('x');
  });
});
