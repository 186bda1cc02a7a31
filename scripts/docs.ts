// npm run docs: regenerate the documentation pages made from code.
import { writeFileSync } from 'node:fs';
import { renderCodesMarkdown } from '../src/core/codes-doc.js';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), renderCodesMarkdown());
console.log('docs/diagnostics.md');
