import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editText } from '../../src/store/edit.js';
import { renderFlow, renderScalar } from '../../src/store/yaml-text.js';

const SOURCE = `# A hand-written initiative: comments must survive every edit.
id: dementia-walks   # the id
title: Supported walks
serviceArea: adult-social-care
status: running

cos:
  co-design: { level: established, how: "Routes chosen with carers" }
  co-delivery:
    level: emerging   # volunteers lead
    how: Volunteers lead the walks
focus:
  scores: { user-outcomes: 4, ease: 3 }
  challenges:
    - by: Finance partner   # raised in March
      challenge: Savings assume fewer day-care places
      status: open
people:
  contributors: [p-0001, p-0002]
  needs:
    - { skill: walk-leading, count: 6 }

# trailing comment that belongs to no key
`;

function edit(text: string, ops: Parameters<typeof editText>[2], eol: '\n' | '\r\n' = '\n') {
  return editText(text, parse(text), ops, eol);
}

/** Lines of `after` that are not in `before` (a multiset difference). */
function addedLines(before: string, after: string): string[] {
  const pool = before.split('\n');
  const out: string[] = [];
  for (const l of after.split('\n')) {
    const i = pool.indexOf(l);
    if (i === -1) out.push(l);
    else pool.splice(i, 1);
  }
  return out;
}

describe('surgical YAML edits', () => {
  it('changes one scalar inside a flow map and nothing else', () => {
    const out = edit(SOURCE, [{ op: 'set', path: ['focus', 'scores', 'ease'], value: 5 }]);
    expect(out).toBe(SOURCE.replace('ease: 3 }', 'ease: 5 }'));
  });

  it('changes a block scalar keeping its trailing comment', () => {
    const out = edit(SOURCE, [{ op: 'set', path: ['cos', 'co-delivery', 'level'], value: 'established' }]);
    expect(out).toBe(SOURCE.replace('level: emerging   # volunteers lead', 'level: established   # volunteers lead'));
  });

  it('adds a key to a flow map in place', () => {
    const out = edit(SOURCE, [{ op: 'set', path: ['focus', 'scores', 'readiness'], value: 2 }]);
    expect(out).toBe(SOURCE.replace('{ user-outcomes: 4, ease: 3 }', '{ user-outcomes: 4, ease: 3, readiness: 2 }'));
  });

  it('adds a flow map beside flow siblings', () => {
    const flowCos = SOURCE.replace('  co-delivery:\n    level: emerging   # volunteers lead\n    how: Volunteers lead the walks\n', '');
    const out = edit(flowCos, [{ op: 'set', path: ['cos', 'co-assessment'], value: { level: 'potential' } }]);
    expect(addedLines(flowCos, out)).toEqual(['  co-assessment: { level: potential }']);
  });

  it('adds a new Co in the style of its siblings, after them', () => {
    const out = edit(SOURCE, [{ op: 'set', path: ['cos', 'co-assessment'], value: { level: 'potential' } }]);
    // The last sibling is a block mapping, so the new Co is one too.
    expect(addedLines(SOURCE, out)).toEqual(['  co-assessment:', '    level: potential']);
    expect(parse(out).cos['co-assessment']).toEqual({ level: 'potential' });
    expect(out.indexOf('co-assessment')).toBeGreaterThan(out.indexOf('Volunteers lead the walks'));
  });

  it('creates missing parents as block mappings', () => {
    const out = edit(SOURCE, [{ op: 'set', path: ['grow', 'review', 'date'], value: '2027-01-15' }]);
    expect(parse(out).grow).toEqual({ review: { date: '2027-01-15' } });
    expect(addedLines(SOURCE, out)).toEqual(['grow:', '  review:', '    date: 2027-01-15']);
    // Added after the last key, before the comment that closes the file.
    expect(out.endsWith('    date: 2027-01-15\n\n# trailing comment that belongs to no key\n')).toBe(true);
  });

  it('appends to a flow list and to a block list', () => {
    let out = edit(SOURCE, [{ op: 'append', path: ['people', 'contributors'], value: 'p-0003' }]);
    expect(out).toBe(SOURCE.replace('[p-0001, p-0002]', '[p-0001, p-0002, p-0003]'));
    out = edit(SOURCE, [{ op: 'append', path: ['focus', 'challenges'], value: { by: 'Public health', challenge: 'Who walks?' } }]);
    expect(addedLines(SOURCE, out)).toEqual(['    - by: Public health', '      challenge: Who walks?']);
    expect(parse(out).focus.challenges[1]).toEqual({ by: 'Public health', challenge: 'Who walks?' });
  });

  it('appends a flow map item after flow map siblings', () => {
    const out = edit(SOURCE, [{ op: 'append', path: ['people', 'needs'], value: { skill: 'driving', count: 2, ward: 'north' } }]);
    expect(addedLines(SOURCE, out)).toEqual(['    - { skill: driving, count: 2, ward: north }']);
  });

  it('deletes a list item and keeps an empty list a list', () => {
    let out = edit(SOURCE, [{ op: 'delete', path: ['people', 'contributors', 0] }]);
    expect(out).toBe(SOURCE.replace('[p-0001, p-0002]', '[p-0002]'));
    out = edit(out, [{ op: 'delete', path: ['people', 'contributors', 0] }]);
    expect(parse(out).people.contributors).toEqual([]);
    out = edit(SOURCE, [{ op: 'delete', path: ['focus', 'challenges', 0] }]);
    expect(parse(out).focus.challenges).toEqual([]);
  });

  it('keeps CRLF line ends', () => {
    const crlf = SOURCE.replace(/\n/g, '\r\n');
    const out = edit(crlf, [{ op: 'set', path: ['grow', 'competencies'], value: ['community-catalyst'] }], '\r\n');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(parse(out).grow.competencies).toEqual(['community-catalyst']);
    expect(out.startsWith(crlf.split('\r\n# trailing')[0]!.split('\r\n').slice(0, 5).join('\r\n'))).toBe(true);
  });

  it('writes text that needs quoting safely', () => {
    const tricky = ['Walks: north', '#1 priority', 'yes', '12', 'a, b', "it's", '- dash', 'multi\nline', '{{title}}', '<script>'];
    for (const t of tricky) {
      const out = edit(SOURCE, [{ op: 'set', path: ['summary'], value: t }]);
      expect(parse(out).summary).toBe(t);
      const out2 = edit(SOURCE, [{ op: 'append', path: ['people', 'contributors'], value: t }]);
      expect(parse(out2).people.contributors[2]).toBe(t);
    }
  });

  it('refuses a path through a scalar', () => {
    expect(() => edit(SOURCE, [{ op: 'set', path: ['title', 'x'], value: 1 }])).toThrow(/not a mapping/);
    expect(() => edit(SOURCE, [{ op: 'append', path: ['title'], value: 1 }])).toThrow(/not a list/);
  });

  it('renders scalars and flow values', () => {
    expect(renderScalar('plain text')).toBe('plain text');
    expect(renderScalar('a: b')).toBe('"a: b"');
    expect(renderFlow({ item: 'X', years: [0, 1] })).toBe('{ item: X, years: [0, 1] }');
    expect(parse(renderFlow(['a, b', 'c']))).toEqual(['a, b', 'c']);
  });
});
