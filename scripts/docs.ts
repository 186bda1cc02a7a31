// npm run docs: regenerate the documentation pages made from code.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCodesMarkdown } from '../src/core/codes-doc.js';
import { renderTemplateDoc } from '../src/generate/template-doc.js';
import { loadValidPortfolio } from '../src/store/portfolio.js';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), renderCodesMarkdown());
console.log('docs/diagnostics.md');
const demo = loadValidPortfolio(fileURLToPath(new URL('../fixtures/demo', import.meta.url)));
writeFileSync(new URL('../docs/templates.md', import.meta.url), await renderTemplateDoc(demo));
console.log('docs/templates.md');
