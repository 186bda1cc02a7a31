/** The defaults of SPEC section 2, applied field by field in this one place. */
import type { Criterion, Manifest } from './schema.js';
import { DEFAULT_MIN_COUNT } from './privacy.js';
import type { AreaTag } from './vocab.js';

export const DEFAULT_OPTIMISM_BIAS: Record<number, [number, number]> = {
  1: [0.0, 0.0],
  2: [0.05, 0.05],
  3: [0.1, 0.1],
  4: [0.15, 0.15],
  5: [0.25, 0.25],
  6: [0.4, 0.4],
};

export const DEFAULT_CRITERIA: Criterion[] = [
  { id: 'user-outcomes', axis: 'impact', weight: 3, label: 'Better outcomes for people who use the service' },
  { id: 'community-outcomes', axis: 'impact', weight: 2, label: 'Better outcomes for the wider community' },
  { id: 'efficiency', axis: 'impact', weight: 2, label: 'Cost-effectiveness and savings' },
  { id: 'resilience', axis: 'impact', weight: 1, label: 'Stronger, more resilient local system' },
  { id: 'governance', axis: 'impact', weight: 1, label: 'Inclusion, transparency, accountability' },
  { id: 'ease', axis: 'ease', weight: 2, label: 'Easy and quick to put in place' },
  { id: 'readiness', axis: 'ease', weight: 1, label: 'Citizens and staff ready and willing' },
];

export const DEFAULTS = {
  currency: 'GBP',
  discountRate: 0.035,
  discountRateLong: 0.03,
  years: 5,
  scale: [1, 5] as [number, number],
};

export interface ServiceArea {
  id: string;
  label: string;
  tags: AreaTag[];
}

export interface Ward {
  id: string;
  label: string;
}

/** A manifest with every default filled in: what the rest of core works from. */
export interface Config {
  name: string;
  organisation: string;
  serviceAreas: ServiceArea[];
  wards: Ward[];
  currency: string;
  startYear: number | null;
  discountRate: number;
  /** The Green Book rate from year 31 (SPEC 6). */
  discountRateLong: number;
  years: number;
  /** The price base of the appraisal (`appraisal.priceYear`), or null: nothing is re-based. */
  priceYear: number | null;
  /** Price indices by year (`appraisal.deflators`), e.g. { 2019: 85.1, 2025: 100 }. */
  deflators: Record<number, number>;
  /** Labels of payers and beneficiaries by id: the built-in ones merged with `payers:`. */
  payers: Record<string, string>;
  optimismBias: Record<number, [number, number]>;
  scale: [number, number];
  criteria: Required<Criterion>[];
  /** `privacy:` (SPEC 9); minCount defaults to 5, the rest to null (not set). */
  privacy: PrivacyConfig;
}

export interface PrivacyConfig {
  /** Counts of people from 1 to minCount − 1 are shown as "fewer than minCount". */
  minCount: number;
  /** How long a person's record may be kept after their consentDate, in months; null: not set. */
  retainMonths: number | null;
  controller: string | null;
  contact: string | null;
  purpose: string | null;
}

/** Labels for payer and beneficiary ids that many portfolios use; `payers:` in costar.yaml adds or replaces. */
export const BUILTIN_PAYERS: Record<string, string> = {
  council: 'The council',
  nhs: 'NHS',
  icb: 'Integrated care board',
  police: 'Police',
  dwp: 'Department for Work and Pensions',
  'fire-service': 'Fire and rescue service',
  'housing-association': 'Housing association',
  residents: 'Residents',
  'service-users': 'People who use the service',
  carers: 'Carers',
  volunteers: 'Volunteers',
  community: 'The community',
  'voluntary-sector': 'Voluntary sector',
  society: 'Society',
  'local-economy': 'The local economy',
  government: 'Central government',
  unspecified: 'Not specified',
};

/** The label of a payer or beneficiary id: `payers:` first, then the built-in ones, then the id made readable. */
export function payerLabel(config: Pick<Config, 'payers'>, id: string): string {
  if (Object.hasOwn(config.payers, id)) return config.payers[id]!;
  if (Object.hasOwn(BUILTIN_PAYERS, id)) return BUILTIN_PAYERS[id]!;
  return labelFromId(id);
}

/** Turns an id into a readable label: `adult-social-care` -> `Adult social care`. */
export function labelFromId(id: string): string {
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Applies the defaults to a manifest. Tolerates a manifest that failed validation: any field
 * that has the wrong shape falls back to its default, so later checks can still run.
 */
export function resolveConfig(manifest: Partial<Manifest> | Record<string, unknown> | null | undefined): Config {
  const m = (manifest ?? {}) as Record<string, any>;
  const appraisal = isObject(m.appraisal) ? m.appraisal : {};
  const focus = isObject(m.focus) ? m.focus : {};
  const ob: Record<number, [number, number]> = { ...DEFAULT_OPTIMISM_BIAS };
  if (isObject(appraisal.optimismBias)) {
    for (const [k, v] of Object.entries(appraisal.optimismBias)) {
      const g = Number(k);
      if (g >= 1 && g <= 6 && Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number')) {
        ob[g] = [v[0], v[1]];
      }
    }
  }
  const scaleOk =
    Array.isArray(focus.scale) &&
    focus.scale.length === 2 &&
    focus.scale.every((x: unknown) => Number.isInteger(x)) &&
    focus.scale[0] < focus.scale[1];
  const criteriaOk =
    Array.isArray(focus.criteria) &&
    focus.criteria.length > 0 &&
    focus.criteria.every(
      (c: any) => isObject(c) && typeof c.id === 'string' && (c.axis === 'impact' || c.axis === 'ease') && typeof c.weight === 'number' && c.weight > 0,
    );
  const areas: ServiceArea[] = Array.isArray(m.serviceAreas)
    ? m.serviceAreas
        .filter((a: any) => isObject(a) && typeof a.id === 'string')
        .map((a: any) => ({
          id: a.id,
          label: typeof a.label === 'string' ? a.label : labelFromId(a.id),
          tags: Array.isArray(a.tags) ? a.tags.filter((t: unknown) => typeof t === 'string') : [],
        }))
    : [];
  const wards: Ward[] = Array.isArray(m.wards)
    ? m.wards
        .map((w: any) =>
          typeof w === 'string'
            ? { id: w, label: labelFromId(w) }
            : isObject(w) && typeof w.id === 'string'
              ? { id: w.id, label: typeof w.label === 'string' ? w.label : labelFromId(w.id) }
              : null,
        )
        .filter((w: Ward | null): w is Ward => w !== null)
    : [];
  return {
    name: typeof m.name === 'string' ? m.name : 'Portfolio',
    organisation: typeof m.organisation === 'string' ? m.organisation : '',
    serviceAreas: areas,
    wards,
    currency: typeof appraisal.currency === 'string' && /^[A-Z]{3}$/.test(appraisal.currency) ? appraisal.currency : DEFAULTS.currency,
    startYear: Number.isInteger(appraisal.startYear) ? appraisal.startYear : null,
    discountRate:
      typeof appraisal.discountRate === 'number' && appraisal.discountRate >= 0 && appraisal.discountRate <= 1
        ? appraisal.discountRate
        : DEFAULTS.discountRate,
    discountRateLong:
      typeof appraisal.discountRateLong === 'number' && appraisal.discountRateLong >= 0 && appraisal.discountRateLong <= 1
        ? appraisal.discountRateLong
        : DEFAULTS.discountRateLong,
    priceYear: Number.isInteger(appraisal.priceYear) ? appraisal.priceYear : null,
    deflators: deflatorsOf(appraisal.deflators),
    payers: payersOf(m.payers, typeof m.organisation === 'string' ? m.organisation : undefined),
    years: Number.isInteger(appraisal.years) && appraisal.years >= 1 && appraisal.years <= 50 ? appraisal.years : DEFAULTS.years,
    optimismBias: ob,
    scale: scaleOk ? [focus.scale[0], focus.scale[1]] : [...DEFAULTS.scale],
    privacy: privacyOf(m.privacy),
    criteria: (criteriaOk ? focus.criteria : DEFAULT_CRITERIA).map((c: Criterion) => ({
      id: c.id,
      axis: c.axis,
      weight: c.weight,
      label: c.label ?? labelFromId(c.id),
    })),
  };
}

function deflatorsOf(v: unknown): Record<number, number> {
  const out: Record<number, number> = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    const y = Number(k);
    if (Number.isInteger(y) && typeof x === 'number' && Number.isFinite(x) && x > 0) out[y] = x;
  }
  return out;
}

function payersOf(v: unknown, organisation: string | undefined): Record<string, string> {
  const out: Record<string, string> = { ...BUILTIN_PAYERS };
  // "council" is the portfolio's own organisation unless costar.yaml says otherwise.
  if (organisation && organisation.trim()) out.council = organisation;
  if (isObject(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string' && x.trim()) out[k] = x;
  return out;
}

function privacyOf(v: unknown): PrivacyConfig {
  const o = isObject(v) ? v : {};
  const str = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : null);
  return {
    minCount: Number.isInteger(o.minCount) && o.minCount >= 2 ? o.minCount : DEFAULT_MIN_COUNT,
    retainMonths: Number.isInteger(o.retainMonths) && o.retainMonths >= 1 ? o.retainMonths : null,
    controller: str(o.controller),
    contact: str(o.contact),
    purpose: str(o.purpose),
  };
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
