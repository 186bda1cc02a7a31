import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCodesMarkdown } from '../../src/core/codes-doc.js';
import { CODES } from '../../src/core/diagnostics.js';

describe('generated documentation', () => {
  it('docs/diagnostics.md is up to date with the code catalogue (npm run docs)', () => {
    expect(readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8')).toBe(renderCodesMarkdown());
  });
  it('every code is kebab-case with a summary and an example', () => {
    for (const [code, c] of Object.entries(CODES)) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.summary.length).toBeGreaterThan(10);
      expect(c.example.length).toBeGreaterThan(3);
    }
  });
});

describe('docs/templates.md', () => {
  it('is up to date with the data the templates receive (npm run docs)', async () => {
    const { renderTemplateDoc } = await import('../../src/generate/template-doc.js');
    const { loadValidPortfolio } = await import('../../src/store/portfolio.js');
    const demo = loadValidPortfolio(new URL('../../fixtures/demo', import.meta.url).pathname);
    expect(readFileSync(new URL('../../docs/templates.md', import.meta.url), 'utf8')).toBe(await renderTemplateDoc(demo));
  });
});
