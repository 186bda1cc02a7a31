/**
 * The privacy notice of the community asset survey (`costar generate privacy-notice`): what a
 * resident reads before filling in the survey, in plain English, from costar.yaml's `privacy:`
 * (controller, contact, purpose, retainMonths). Whatever is not set reads as an instruction in
 * square brackets ("[… set privacy.controller in costar.yaml]"), so a draft cannot pass for a
 * finished notice. The wording is costar's own; the council's data protection officer signs it off.
 */
import type { Person } from '../core/schema.js';
import type { Portfolio } from '../store/portfolio.js';
import { baseContext, type DocKind, type DocOptions } from './kinds.js';

/**
 * Every field of a people record, in words for the person it describes. Typed by the schema, so
 * a new field cannot reach people/ without the notice saying that it is collected.
 */
export const FIELDS_IN_WORDS: Record<Exclude<keyof Person, 'id'>, string> = {
  kind: 'whether you answer for yourself, for a group or for an organisation',
  name: 'your name (or the name of your group or organisation)',
  contact: 'how to contact you, such as an email address or phone number',
  ward: 'the ward you live in',
  consent: 'whether you agree to be matched with projects and contacted about them',
  consentDate: 'the date you gave that agreement',
  willingness: 'how much you would like to take part',
  under18: 'whether you are under 18',
  offers: 'the skills, time or other things you can offer',
  wants: 'what you would like to learn or receive',
  availability: 'when you are usually available (weekday daytimes, weekday evenings, weekends)',
  checks: 'safeguarding checks you already hold, such as a DBS check (whether you hold one, not what it says)',
};

/** The settings of `privacy:` the notice uses, and the words that stand in for each one not set. */
const PLACEHOLDERS = {
  controller: '[Name of the council as data controller — set privacy.controller in costar.yaml]',
  contact: '[How to contact the data protection officer, e.g. an email address and postal address — set privacy.contact in costar.yaml]',
  purpose:
    '[Why the council collects these answers, in a sentence or two — set privacy.purpose in costar.yaml, e.g. "to find out what residents can offer and would like to learn, and to put people who agree in touch with local co-production projects"]',
  retainMonths: '[How long the answers are kept — set privacy.retainMonths in costar.yaml, e.g. 24 for two years]',
} as const;

export type PrivacySetting = keyof typeof PLACEHOLDERS;

/** The settings of `privacy:` a notice still needs, in the order the notice uses them. */
export function missingSettings(p: Portfolio): PrivacySetting[] {
  const pr = p.config.privacy;
  return (Object.keys(PLACEHOLDERS) as PrivacySetting[]).filter((k) => pr[k] === null);
}

export function privacyNoticeContext(p: Portfolio, _target: string, opts: DocOptions): Record<string, unknown> {
  const pr = p.config.privacy;
  const months = pr.retainMonths;
  const base = baseContext(p.config, 'Privacy notice: community asset survey', p.config.organisation || null, 'privacy-notice', opts);
  return {
    generator: base.generator,
    doc: base.doc,
    portfolio: base.portfolio,
    controller: { text: pr.controller ?? PLACEHOLDERS.controller, set: pr.controller !== null },
    contact: { text: pr.contact ?? PLACEHOLDERS.contact, set: pr.contact !== null },
    purpose: { text: pr.purpose ?? PLACEHOLDERS.purpose, set: pr.purpose !== null },
    retention: {
      text:
        months === null
          ? PLACEHOLDERS.retainMonths
          : months % 12 === 0
            ? `${months / 12 === 1 ? 'one year' : `${months / 12} years`} (${months} months)`
            : `${months} month${months === 1 ? '' : 's'}`,
      set: months !== null,
    },
    lawfulBasis:
      '[The lawful basis for using the answers — for example your consent (UK GDPR Article 6(1)(a)) or a task the council carries out in the public interest (Article 6(1)(e)). Agree it with your data protection officer and replace this text in a copy of the template (costar templates export).]',
    fields: Object.values(FIELDS_IN_WORDS),
    minCount: pr.minCount,
    missing: missingSettings(p).map((k) => `privacy.${k}`),
  };
}

export const kind: DocKind = {
  kind: 'privacy-notice',
  per: 'portfolio',
  context: privacyNoticeContext,
};
