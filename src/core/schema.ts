/**
 * The portfolio's file formats as zod schemas (SPEC sections 2-4). Objects are strict so that an
 * unknown key becomes an issue (reported as a warning); the JSON Schema export relaxes that.
 */
import * as z from 'zod';
import {
  AREA_TAGS,
  AVAILABILITY,
  BENEFIT_KINDS,
  CASE_MODES,
  CHALLENGE_STATUSES,
  CITIZEN_ROLES,
  CO_LEVELS,
  COS,
  COST_KINDS,
  ID_PATTERN,
  INCENTIVE_KINDS,
  INDICATOR_KINDS,
  PERSON_KINDS,
  REVIEWERS,
  RISK_LEVELS,
  STAKEHOLDERS,
  STATUSES,
  WILLINGNESS,
} from './vocab.js';

export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

// zod compiles a fast path per schema on first use; for the few hundred records of a typical
// portfolio that costs more than it saves (about 100 ms of a CI run), and large ones gain nothing.
z.config({ jitless: true });
const id = () => z.string().regex(ID_PATTERN, { message: 'id' });
const date = () => z.string().regex(DATE_PATTERN, { message: 'date' });
const share = () => z.number().min(0).max(1);
const money = () => z.number().min(0);
const text = () => z.string();
const texts = () => z.array(z.string());
const grade = () => z.number().int().min(1).max(6);
const years = () => z.array(z.number().int().min(0));
/** A price year (SPEC 9): the year whose prices a value is in. */
const priceYear = () => z.number().int().min(1900).max(2100);

export const serviceAreaSchema = z.strictObject({
  id: id(),
  label: text().optional(),
  tags: z.array(z.enum(AREA_TAGS)).optional(),
});

export const wardSchema = z.union([id(), z.strictObject({ id: id(), label: text().optional() })]);

export const criterionSchema = z.strictObject({
  id: id(),
  axis: z.enum(['impact', 'ease']),
  weight: z.number().gt(0),
  label: text().optional(),
});

const GRADES = ['1', '2', '3', '4', '5', '6'] as const;

export const manifestSchema = z.strictObject({
  schema: z.literal('costar/v1'),
  name: text(),
  organisation: text(),
  serviceAreas: z.array(serviceAreaSchema).min(1),
  wards: z.array(wardSchema).optional(),
  appraisal: z
    .strictObject({
      currency: z.string().regex(/^[A-Z]{3}$/, { message: 'currency' }).optional(),
      startYear: z.number().int().min(1900).max(2200).optional(),
      discountRate: share().optional(),
      discountRateLong: share().optional(),
      years: z.number().int().min(1).max(50).optional(),
      optimismBias: z.partialRecord(z.enum(GRADES), z.tuple([z.number().min(0), share()])).optional(),
      priceYear: priceYear().optional(),
      // Year -> price index (e.g. GDP deflators); the keys are checked as years in validate.ts.
      deflators: z.record(z.string(), z.number().gt(0)).optional(),
    })
    .optional(),
  payers: z.record(z.string(), text()).optional(),
  // Data protection (SPEC 9): small-number suppression, retention, the survey's privacy notice.
  privacy: z
    .strictObject({
      minCount: z.number().int().min(2).optional(),
      retainMonths: z.number().int().min(1).max(1200).optional(),
      controller: text().optional(),
      contact: text().optional(),
      purpose: text().optional(),
    })
    .optional(),
  focus: z
    .strictObject({
      scale: z.tuple([z.number().int(), z.number().int()]).optional(),
      criteria: z.array(criterionSchema).min(1).optional(),
    })
    .optional(),
});

export const coEntrySchema = z.strictObject({ level: z.enum(CO_LEVELS), how: text().optional() });

export const challengeSchema = z.strictObject({
  by: text(),
  challenge: text(),
  response: text().optional(),
  status: z.enum(CHALLENGE_STATUSES).optional(),
});

export const theoryOfChangeSchema = z.strictObject({
  inputs: texts().optional(),
  activities: texts().optional(),
  outputs: texts().optional(),
  outcomes: texts().optional(),
  impact: text().optional(),
  assumptions: texts().optional(),
});

export const costLineSchema = z.strictObject({
  item: text(),
  kind: z.enum(COST_KINDS),
  amount: money(),
  years: years().optional(),
  payer: text().optional(),
  confidence: grade().optional(),
  priceYear: priceYear().optional(),
});

export const benefitLineSchema = z.strictObject({
  item: text(),
  kind: z.enum(BENEFIT_KINDS),
  cashable: z.boolean().optional(),
  beneficiary: text().optional(),
  amount: money().optional(),
  cohort: money().optional(),
  unitValue: money().optional(),
  engagement: share().optional(),
  success: share().optional(),
  deadweight: share().optional(),
  displacement: share().optional(),
  attribution: share().optional(),
  dropOff: share().optional(),
  years: years().optional(),
  confidence: grade().optional(),
  source: text().optional(),
  priceYear: priceYear().optional(),
});

export const businessCaseSchema = z.strictObject({
  confidence: grade().optional(),
  costs: z.array(costLineSchema).optional(),
  benefits: z.array(benefitLineSchema).optional(),
});

export const needSchema = z.strictObject({
  skill: text(),
  count: z.number().int().min(1).optional(),
  ward: id().optional(),
  requires: texts().optional(),
});

export const incentiveSchema = z.strictObject({
  for: z.enum(STAKEHOLDERS),
  kind: z.enum(INCENTIVE_KINDS),
  what: text(),
  cost: money().optional(),
});

export const riskSchema = z.strictObject({
  risk: text(),
  likelihood: z.enum(RISK_LEVELS).optional(),
  impact: z.enum(RISK_LEVELS).optional(),
  mitigation: text().optional(),
  owner: text().optional(),
});

export const charterSchema = z.strictObject({
  parties: texts().optional(),
  sharedOutcomes: texts().optional(),
  serviceCommitments: texts().optional(),
  communityCommitments: texts().optional(),
  risks: z.array(riskSchema).optional(),
  review: date().optional(),
});

export const indicatorSchema = z.strictObject({
  name: text(),
  kind: z.enum(INDICATOR_KINDS),
  unit: text().optional(),
  baseline: z.number().optional(),
  target: z.number().optional(),
  coDesigned: z.boolean().optional(),
});

export const readingSchema = z.strictObject({ indicator: text(), date: date(), value: z.number() });

/** A 360-degree review: when it was held and who took part. */
export const reviewSchema = z.strictObject({ date: date(), by: z.array(z.enum(REVIEWERS)).optional() });

export const initiativeSchema = z.strictObject({
  id: id(),
  title: text(),
  serviceArea: id(),
  status: z.enum(STATUSES),
  wards: z.array(id()).optional(),
  summary: text().optional(),
  cos: z.partialRecord(z.enum(COS), coEntrySchema).optional(),
  focus: z
    .strictObject({
      scores: z.record(z.string(), z.number().int()).optional(),
      ratings: z.array(z.strictObject({ rater: text(), scores: z.record(z.string(), z.number().int()) })).optional(),
      challenges: z.array(challengeSchema).optional(),
      theoryOfChange: theoryOfChangeSchema.optional(),
      businessCase: businessCaseSchema.optional(),
    })
    .optional(),
  people: z
    .strictObject({
      needs: z.array(needSchema).optional(),
      contributors: z.array(id()).optional(),
    })
    .optional(),
  market: z
    .strictObject({
      incentives: z.array(incentiveSchema).optional(),
      charter: charterSchema.optional(),
    })
    .optional(),
  grow: z
    .strictObject({
      indicators: z.array(indicatorSchema).optional(),
      readings: z.array(readingSchema).optional(),
      /** The v1 single review: still read, as one more entry of the history. */
      review: reviewSchema.optional(),
      /** Review history (v1.1), appended by `grow review`; the newest counts. */
      reviews: z.array(reviewSchema).optional(),
      competencies: texts().optional(),
      councillors: z.array(z.strictObject({ ward: id(), role: text().optional() })).optional(),
    })
    .optional(),
});

export const personSchema = z.strictObject({
  id: id(),
  kind: z.enum(PERSON_KINDS).optional(),
  name: text().optional(),
  contact: text().optional(),
  ward: id().optional(),
  consent: z.boolean().optional(),
  /** The day consent was given or last renewed (SPEC 9); with privacy.retainMonths, see consent-expired. */
  consentDate: date().optional(),
  willingness: z.enum(WILLINGNESS).optional(),
  under18: z.boolean().optional(),
  offers: texts().optional(),
  wants: texts().optional(),
  availability: z.array(z.enum(AVAILABILITY)).optional(),
  checks: texts().optional(),
});

export const caseSchema = z.strictObject({
  id: id(),
  title: text(),
  place: text().optional(),
  country: text().optional(),
  year: z.number().int().min(1800).max(2200).nullable().optional(),
  areas: z.array(z.enum(AREA_TAGS)).min(1),
  cos: z.array(z.enum(COS)).min(1),
  roles: z.array(z.enum(CITIZEN_ROLES)).optional(),
  mode: z.enum(CASE_MODES).optional(),
  summary: text(),
  results: text().nullable().optional(),
  source: text().optional(),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type Initiative = z.infer<typeof initiativeSchema>;
export type Person = z.infer<typeof personSchema>;
export type CaseStudy = z.infer<typeof caseSchema>;
export type CostLine = z.infer<typeof costLineSchema>;
export type BenefitLine = z.infer<typeof benefitLineSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Need = z.infer<typeof needSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Charter = z.infer<typeof charterSchema>;

export const RECORD_KINDS = ['manifest', 'initiative', 'person', 'case'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const SCHEMAS: Record<RecordKind, z.ZodType> = {
  manifest: manifestSchema,
  initiative: initiativeSchema,
  person: personSchema,
  case: caseSchema,
};

/** Folder of each record kind inside a portfolio. */
export const KIND_FOLDERS = { initiative: 'initiatives', person: 'people', case: 'cases' } as const;

/** Fields that hold personal data: never echoed in messages or output. */
export const PERSONAL_FIELDS = ['name', 'contact'] as const;
