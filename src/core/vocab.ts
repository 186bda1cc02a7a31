/** The fixed vocabularies of the method: every enum the portfolio files use. */

export const COS = ['co-commissioning', 'co-design', 'co-delivery', 'co-assessment'] as const;
export type Co = (typeof COS)[number];
export const CO_LABELS: Record<Co, string> = {
  'co-commissioning': 'Co-commissioning',
  'co-design': 'Co-design',
  'co-delivery': 'Co-delivery',
  'co-assessment': 'Co-assessment',
};

export const CO_LEVELS = ['potential', 'emerging', 'established'] as const;
export type CoLevel = (typeof CO_LEVELS)[number];

export const STEPS = ['map', 'focus', 'people', 'market', 'grow'] as const;
export type Step = (typeof STEPS)[number];
export const STEP_LABELS: Record<Step, string> = {
  map: 'Map it',
  focus: 'Focus it',
  people: 'People it',
  market: 'Market it',
  grow: 'Grow it',
};

export const STATUSES = ['idea', 'planned', 'pilot', 'running', 'scaled', 'stopped'] as const;
export type Status = (typeof STATUSES)[number];

export const COST_KINDS = ['revenue', 'capital', 'in-kind'] as const;
export const BENEFIT_KINDS = ['fiscal', 'economic', 'social'] as const;
export const CHALLENGE_STATUSES = ['open', 'answered', 'accepted'] as const;

export const STAKEHOLDERS = [
  'service-users',
  'carers',
  'volunteers',
  'residents',
  'frontline-staff',
  'managers',
  'commissioners',
  'councillors',
  'partners',
] as const;
export type Stakeholder = (typeof STAKEHOLDERS)[number];

export const INCENTIVE_KINDS = ['financial', 'non-financial', 'deterrent'] as const;
export type IncentiveKind = (typeof INCENTIVE_KINDS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const INDICATOR_KINDS = ['outcome', 'process'] as const;
export const REVIEWERS = ['users', 'staff', 'partners', 'councillors'] as const;

export const PERSON_KINDS = ['individual', 'group', 'organisation'] as const;
export const WILLINGNESS = ['already', 'more', 'maybe', 'no'] as const;
export type Willingness = (typeof WILLINGNESS)[number];
export const AVAILABILITY = ['weekday-day', 'weekday-evening', 'weekends'] as const;

/** Case-library area tags: what a service area's `tags` and a case's `areas` use. */
export const AREA_TAGS = [
  'social-care',
  'health',
  'mental-health',
  'public-health',
  'children',
  'young-people',
  'older-people',
  'disability',
  'housing',
  'environment',
  'community-safety',
  'transport',
  'education',
  'employment',
  'digital-inclusion',
  'democracy',
  'whole-council',
] as const;
export type AreaTag = (typeof AREA_TAGS)[number];

/** Who takes part in a case study. */
export const CITIZEN_ROLES = [
  'service-users',
  'carers',
  'families',
  'volunteers',
  'residents',
  'young-people',
  'older-people',
  'patients',
  'tenants',
  'councillors',
  'community-groups',
  'frontline-staff',
] as const;
export type CitizenRole = (typeof CITIZEN_ROLES)[number];

export const CASE_MODES = ['individual', 'collective'] as const;

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Names Windows reserves for devices, in any case and with any extension (`con.yaml` cannot be
 * created there), so an id that is one of them could never be a record's file.
 */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

export function isReservedName(id: string): boolean {
  return RESERVED_NAMES.test(id);
}

/** Why a record id cannot be used, for a message; undefined when it can. */
export function recordIdProblem(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return 'is not a valid id: use lower-case letters, digits and hyphens (at most 64), e.g. p-0042 or dementia-walks';
  if (isReservedName(id)) return 'is a name Windows reserves for a device (con, prn, aux, nul, com1–com9, lpt1–lpt9), so no file can have it; choose another id';
  return undefined;
}

/** An id from any text: lower-case letters, digits and hyphens, at most 64 ("item" when nothing is left). */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return s || 'item';
}
