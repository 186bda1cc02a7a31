/** html-validate 9 with its document-structure and accessibility presets, for generated HTML. */
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({ extends: ['html-validate:document', 'html-validate:a11y'] });

/** Whether the page is valid, and every problem as "line:column rule message". */
export async function htmlProblems(html: string): Promise<{ valid: boolean; messages: string[] }> {
  const report = await validator.validateString(html);
  return { valid: report.valid, messages: report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)) };
}
