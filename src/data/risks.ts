/**
 * The built-in risk library for co-production charters (SPEC 3 `market.charter.risks`): common
 * risks with a starting likelihood, impact, mitigation and owner, and the facts about an initiative
 * that make each one worth offering. Written in our own words; a council should adjust the ratings
 * to its own situation.
 */
import type { RiskLevel } from '../core/vocab.js';

export const RISK_TRIGGERS = [
  'always',
  'needs-dbs',
  'has-people',
  'under18',
  'volunteers',
  'financial-incentives',
  'co-delivery',
  'co-assessment',
  'co-commissioning',
] as const;
export type RiskTrigger = (typeof RISK_TRIGGERS)[number];

export interface LibraryRisk {
  id: string;
  risk: string;
  likelihood: RiskLevel;
  impact: RiskLevel;
  mitigation: string;
  owner: string;
  /** When to offer the risk: any one matching trigger is enough; 'always' means every initiative. */
  triggers: RiskTrigger[];
  /** One short sentence on why the risk was suggested. */
  why: string;
}

/** A charter risk-register row (SPEC 3), as written into an initiative file. */
export interface CharterRisk {
  risk: string;
  likelihood: RiskLevel;
  impact: RiskLevel;
  mitigation: string;
  owner: string;
}

export const RISK_LIBRARY: readonly LibraryRisk[] = Object.freeze([
  {
    id: 'safeguarding-checks',
    risk: 'Someone in a position of trust has not had the right safeguarding (DBS) check',
    likelihood: 'low',
    impact: 'high',
    mitigation:
      'Decide the DBS level each role needs before recruiting; keep a register of checks and renewal dates; no unsupervised contact until the check has come back',
    owner: 'volunteer coordinator',
    triggers: ['needs-dbs', 'under18'],
    why: 'Roles ask for DBS checks or involve children, so checks must be in place.',
  },
  {
    id: 'children-young-people',
    risk: 'Children or young people taking part are not kept safe or take part without parental consent',
    likelihood: 'low',
    impact: 'high',
    mitigation:
      'Get parental consent for under-16s; follow the council safeguarding policy; two adults present at sessions; name a designated safeguarding lead everyone can contact',
    owner: 'designated safeguarding lead',
    triggers: ['under18'],
    why: 'Some contributors are under 18.',
  },
  {
    id: 'data-protection',
    risk: 'Personal data about contributors or service users is shared or kept without a lawful basis',
    likelihood: 'medium',
    impact: 'high',
    mitigation:
      'Record consent and the lawful basis under UK GDPR; keep contact details only in the people register; ask contributors who see case details to sign a confidentiality agreement; complete a data protection impact assessment where needed; delete data when no longer needed',
    owner: 'data protection officer',
    triggers: ['has-people', 'co-assessment'],
    why: 'Personal details of contributors or users are held, so UK GDPR applies.',
  },
  {
    id: 'volunteer-insurance',
    risk: 'A volunteer is hurt, or causes injury or damage, and no insurance covers it',
    likelihood: 'low',
    impact: 'high',
    mitigation:
      'Confirm with the insurance officer that public-liability and personal-accident cover extends to registered volunteers; keep an up-to-date list of who is registered; check partners hold their own cover',
    owner: 'council insurance officer',
    triggers: ['volunteers', 'co-delivery'],
    why: 'Volunteers or citizens help deliver the work, so insurance must cover them.',
  },
  {
    id: 'benefits-and-payments',
    risk: 'Payments, vouchers or credits affect a contributor’s welfare benefits or tax',
    likelihood: 'medium',
    impact: 'high',
    mitigation:
      'Repay expenses at cost against receipts; offer independent benefits advice before any payment beyond expenses; let people choose non-cash recognition or none; keep clear records of what was paid and why',
    owner: 'council finance team',
    triggers: ['financial-incentives'],
    why: 'The initiative offers financial incentives to contributors.',
  },
  {
    id: 'money-handling',
    risk: 'Grant money or cash handled by community members is lost or misused',
    likelihood: 'low',
    impact: 'medium',
    mitigation:
      'Use simple grant agreements; pay suppliers directly where possible; two signatures for spending; ask for receipts and a short end-of-project return',
    owner: 'council finance team',
    triggers: ['financial-incentives', 'co-commissioning'],
    why: 'Money passes to citizens or community groups.',
  },
  {
    id: 'lone-working',
    risk: 'A volunteer or worker is at risk while working alone',
    likelihood: 'medium',
    impact: 'medium',
    mitigation:
      'Follow the lone-working policy: buddy system or check-in and check-out calls; share the plan of visits; avoid home visits alone where a risk is known; give everyone an emergency contact',
    owner: 'service manager',
    triggers: ['co-delivery'],
    why: 'Citizens help deliver the service, sometimes without staff present.',
  },
  {
    id: 'health-and-safety',
    risk: 'Someone is injured because hazards in an activity were not assessed',
    likelihood: 'low',
    impact: 'high',
    mitigation:
      'Carry out and share a risk assessment for each activity; give a safety briefing before people start; keep a first-aid kit and a trained first-aider on hand; record and review incidents',
    owner: 'health and safety officer',
    triggers: ['co-delivery'],
    why: 'Citizens take part in practical delivery, so activities need a risk assessment.',
  },
  {
    id: 'equipment-and-premises',
    risk: 'Equipment or premises are unsafe, unavailable or not accessible when needed',
    likelihood: 'low',
    impact: 'medium',
    mitigation:
      'Book venues well ahead and have a back-up; check venues are step-free with accessible toilets; inspect and test equipment; agree in the charter who looks after what',
    owner: 'facilities manager',
    triggers: ['co-delivery'],
    why: 'Delivery depends on kit and places that someone has to look after.',
  },
  {
    id: 'volunteer-burnout',
    risk: 'Volunteers or carers burn out or drop out because too much is asked of them',
    likelihood: 'medium',
    impact: 'medium',
    mitigation:
      'Agree realistic roles and hours; build a rota with cover; check in with people regularly; thank them often; recruit and train successors before they are needed',
    owner: 'volunteer coordinator',
    triggers: ['volunteers', 'co-delivery'],
    why: 'The initiative relies on unpaid time that can run out.',
  },
  {
    id: 'job-substitution',
    risk: 'Volunteers are seen as replacing paid staff, leading to staff or union objections',
    likelihood: 'medium',
    impact: 'medium',
    mitigation:
      'Agree with staff and unions which tasks volunteers add to rather than replace; write role descriptions for volunteers; involve front-line staff in designing the roles',
    owner: 'service manager',
    triggers: ['volunteers', 'co-delivery'],
    why: 'Volunteers work alongside paid staff.',
  },
  {
    id: 'conflict-of-interest',
    risk: 'A contributor or partner has a conflict of interest in a decision about funding or providers',
    likelihood: 'medium',
    impact: 'medium',
    mitigation:
      'Ask for declarations of interest at the start of each meeting; people with an interest leave that decision; keep a register of interests; explain the rules to citizens in plain words',
    owner: 'commissioning lead',
    triggers: ['co-commissioning', 'co-assessment'],
    why: 'Citizens help decide on funding, providers or performance.',
  },
  {
    id: 'unfair-assessment',
    risk: 'Citizen ratings are unrepresentative or single out individual staff unfairly',
    likelihood: 'medium',
    impact: 'medium',
    mitigation:
      'Agree with staff and users how results will be used; rate services, not named people; combine ratings with other evidence; give teams a chance to respond before publication',
    owner: 'performance and insight team',
    triggers: ['co-assessment'],
    why: 'Citizens assess or rate the service.',
  },
  {
    id: 'tokenism',
    risk: 'Citizens feel their views are not acted on and stop taking part',
    likelihood: 'medium',
    impact: 'high',
    mitigation:
      'Agree at the start which decisions citizens can influence; involve them from the beginning, not at the end; report back what changed and why some ideas were not taken up',
    owner: 'service manager',
    triggers: ['always'],
    why: 'Every co-production initiative depends on people feeling heard.',
  },
  {
    id: 'seldom-heard-excluded',
    risk: 'Seldom-heard groups are left out, so only the usual voices shape the work',
    likelihood: 'medium',
    impact: 'high',
    mitigation:
      'Go to where people already meet; cover travel, care and childcare costs; offer easy-read formats, interpreters and step-free venues; compare who takes part with the local population and act on gaps',
    owner: 'community engagement officer',
    triggers: ['always'],
    why: 'Any initiative can miss the people it most needs to hear from.',
  },
  {
    id: 'funding-ends',
    risk: 'Funding ends and the initiative stops, leaving contributors let down',
    likelihood: 'medium',
    impact: 'high',
    mitigation:
      'Plan how the work will continue from the start; seek funding from more than one source; review the position at each charter review; tell contributors early if things must change',
    owner: 'budget holder',
    triggers: ['always'],
    why: 'Every initiative needs a plan for when its money runs out.',
  },
  {
    id: 'reputation',
    risk: 'Something goes wrong in public and damages trust in the council and its partners',
    likelihood: 'low',
    impact: 'medium',
    mitigation:
      'Agree a communications plan and one spokesperson for each partner; tell partners about problems early; share good news and lessons openly',
    owner: 'communications team',
    triggers: ['always'],
    why: 'Public initiatives carry reputational risk for every party.',
  },
] satisfies LibraryRisk[]);

/** Plain facts about an initiative that decide which risks to offer. */
export interface RiskContext {
  needsDbs: boolean;
  hasPeople: boolean;
  under18: boolean;
  volunteers: boolean;
  financialIncentives: boolean;
  /** The Co names the initiative practises (any level). */
  cos: string[];
}

const LEVEL_SCORE: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3 };

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function triggerHolds(trigger: RiskTrigger, ctx: RiskContext): boolean {
  switch (trigger) {
    case 'always':
      return false; // counted separately: 'always' never makes a risk more relevant
    case 'needs-dbs':
      return ctx.needsDbs;
    case 'has-people':
      return ctx.hasPeople;
    case 'under18':
      return ctx.under18;
    case 'volunteers':
      return ctx.volunteers;
    case 'financial-incentives':
      return ctx.financialIncentives;
    case 'co-delivery':
    case 'co-assessment':
    case 'co-commissioning':
      return ctx.cos.includes(trigger);
  }
}

/**
 * The library risks that fit, most relevant first, each once, in a deterministic order, leaving
 * out risks whose `risk` text is already in `existing` (compared ignoring case and spacing).
 * Risks matched by a specific trigger come first, ordered by how many triggers match, then by
 * severity (likelihood times impact), then by library order; 'always' risks follow in library order.
 */
export function suggestRisks(ctx: RiskContext, existing: readonly string[] = []): LibraryRisk[] {
  const taken = new Set(existing.map(normalise));
  const matched: { risk: LibraryRisk; hits: number; severity: number; index: number }[] = [];
  const always: LibraryRisk[] = [];
  const seen = new Set<string>();
  RISK_LIBRARY.forEach((risk, index) => {
    const key = normalise(risk.risk);
    if (taken.has(key) || seen.has(key)) return;
    const hits = risk.triggers.filter((t) => triggerHolds(t, ctx)).length;
    if (hits > 0) {
      seen.add(key);
      matched.push({ risk, hits, severity: LEVEL_SCORE[risk.likelihood] * LEVEL_SCORE[risk.impact], index });
    } else if (risk.triggers.includes('always')) {
      seen.add(key);
      always.push(risk);
    }
  });
  matched.sort((a, b) => b.hits - a.hits || b.severity - a.severity || a.index - b.index);
  return [...matched.map((m) => m.risk), ...always];
}

/** A library risk as a charter risk-register row (SPEC 3), without the library-only fields. */
export function toCharterRisk(risk: LibraryRisk): CharterRisk {
  return {
    risk: risk.risk,
    likelihood: risk.likelihood,
    impact: risk.impact,
    mitigation: risk.mitigation,
    owner: risk.owner,
  };
}
