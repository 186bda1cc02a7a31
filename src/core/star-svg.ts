/**
 * The Co-production Star as a standalone SVG picture: the Four Co's as the points of an inner
 * star shaded by how many service areas practise them, the five steps as an outer ring shaded by
 * how many initiatives completed them. Pure: data in, text out; no fonts or files from outside.
 */
import type { Config } from './config.js';
import type { Initiative } from './schema.js';
import { CELL_WORDS, coShares, ringSteps, stepShares, summariseCoverage, type CoShare, type StarCoverage, type StepShare } from './star.js';
import { CO_LABELS, STEP_LABELS, type Co } from './vocab.js';

export interface StarPicture {
  /** Portfolio name. */
  name: string;
  organisation: string;
  /** What the picture covers, e.g. "All 7 service areas" or "Adult social care". */
  scope: string;
  initiatives: number;
  cos: CoShare[];
  steps: StepShare[];
  /** Cells with existing co-production, of all cells. */
  cells: { existing: number; of: number };
}

/** The shading bands, lightest first; the first is "none yet". */
export const BANDS = [
  { label: 'None yet', fill: '#f3f4f6', ink: '#1f2937' },
  { label: '1–25%', fill: '#c6dbef', ink: '#0b2545' },
  { label: '26–50%', fill: '#6baed6', ink: '#0b2545' },
  { label: '51–75%', fill: '#2f7ebc', ink: '#ffffff' },
  { label: '76–100%', fill: '#08457e', ink: '#ffffff' },
] as const;

/** The band of a share in 0..1. */
export function band(share: number): (typeof BANDS)[number] {
  if (!(share > 0)) return BANDS[0];
  if (share <= 0.25) return BANDS[1];
  if (share <= 0.5) return BANDS[2];
  if (share <= 0.75) return BANDS[3];
  return BANDS[4];
}

/** Escapes text for XML and drops characters XML 1.0 does not allow. */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The text alternative of one of costar's pictures: its <desc> (else its <title>, else the
 * fallback), unescaped, for an alt attribute or a Word picture's description.
 */
export function svgAlt(svg: string, fallback = ''): string {
  const text = /<desc[^>]*>([\s\S]*?)<\/desc>/.exec(svg)?.[1] ?? /<title[^>]*>([\s\S]*?)<\/title>/.exec(svg)?.[1];
  if (text === undefined) return fallback;
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;
const n = (v: number): string => (Math.round(v * 100) / 100).toString();

function polar(cx: number, cy: number, r: number, deg: number): [number, number] {
  const a = (deg * Math.PI) / 180;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
}

/** Shortens a line of text to at most `max` characters, with an ellipsis. */
function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

const W = 760;
const H = 975;
const CX = 380;
const CY = 465;
const RING_IN = 270;
const RING_OUT = 342;
const TIP = 142;
const WAIST = 56;
/** The Co's clockwise from the top. */
const CO_ANGLES: Record<Co, number> = { 'co-commissioning': -90, 'co-design': 0, 'co-delivery': 90, 'co-assessment': 180 };

function coDescription(c: CoShare): string {
  const more = c.potentialAreas ? `; ${CELL_WORDS['potential-only']} in ${c.potentialAreas} more` : '';
  return `${CO_LABELS[c.co]}: practised in ${c.areas} of ${c.of} service area${c.of === 1 ? '' : 's'} (${pct(c.share)})${more}`;
}

function stepDescription(s: StepShare): string {
  return `${STEP_LABELS[s.step]}: done by ${s.done} of ${s.of} initiative${s.of === 1 ? '' : 's'} (${pct(s.share)})`;
}

/** Draws the star. Every piece of user text is escaped. */
export function starSvg(p: StarPicture): string {
  const out: string[] = [];
  const title = `${p.name}: the Co-production Star`;
  const desc = [
    `${p.scope}, ${p.initiatives} initiative${p.initiatives === 1 ? '' : 's'}.`,
    `Inner star, the Four Co's: ${p.cos.map(coDescription).join('. ')}.`,
    `Outer ring, the five steps: ${p.steps.map(stepDescription).join('. ')}.`,
    `${p.cells.existing} of ${p.cells.of} cells of service area and Co have existing co-production.`,
  ].join(' ');

  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" class="cs-star" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="star-title star-desc" font-family="'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif">`,
  );
  out.push(`<title id="star-title">${xml(title)}</title>`);
  out.push(`<desc id="star-desc">${xml(desc)}</desc>`);
  out.push(
    '<style>.cs-star text{fill:#1f2937}.cs-h1{font-size:24px;font-weight:700}.cs-sub{font-size:14px;fill:#4b5563}.cs-lab{font-size:14px;font-weight:700}.cs-num{font-size:12px}.cs-small{font-size:11px;fill:#4b5563}.cs-halo{paint-order:stroke;stroke:#ffffff;stroke-width:4px;stroke-linejoin:round}@media print{.cs-bg{fill:#ffffff}}</style>',
  );
  out.push(`<rect class="cs-bg" x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);

  // Heading.
  out.push(`<text class="cs-h1" x="${CX}" y="44" text-anchor="middle">${xml(fit(p.name, 52))}</text>`);
  const sub = [p.organisation, p.scope, `${p.initiatives} initiative${p.initiatives === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
  out.push(`<text class="cs-sub" x="${CX}" y="70" text-anchor="middle">${xml(fit(sub, 96))}</text>`);
  out.push(`<text class="cs-sub" x="${CX}" y="92" text-anchor="middle">The Co-production Star: the Four Co's inside, the five steps around them</text>`);

  // Outer ring: five segments, "Map it" at the top, clockwise.
  out.push('<g aria-hidden="true">');
  const seg = 360 / p.steps.length;
  const gap = 1.5;
  p.steps.forEach((s, k) => {
    const mid = -90 + k * seg;
    const a0 = mid - seg / 2 + gap;
    const a1 = mid + seg / 2 - gap;
    const [x0, y0] = polar(CX, CY, RING_OUT, a0);
    const [x1, y1] = polar(CX, CY, RING_OUT, a1);
    const [x2, y2] = polar(CX, CY, RING_IN, a1);
    const [x3, y3] = polar(CX, CY, RING_IN, a0);
    const b = band(s.share);
    const d = `M${n(x0)} ${n(y0)}A${RING_OUT} ${RING_OUT} 0 0 1 ${n(x1)} ${n(y1)}L${n(x2)} ${n(y2)}A${RING_IN} ${RING_IN} 0 0 0 ${n(x3)} ${n(y3)}Z`;
    out.push(`<path d="${d}" fill="${b.fill}" stroke="#374151" stroke-width="1.2"${s.done === 0 ? ' stroke-dasharray="5 4"' : ''}><title>${xml(stepDescription(s))}</title></path>`);
    const [tx, ty] = polar(CX, CY, (RING_IN + RING_OUT) / 2, mid);
    out.push(`<text class="cs-lab" x="${n(tx)}" y="${n(ty - 10)}" text-anchor="middle" style="fill:${b.ink}">${xml(STEP_LABELS[s.step])}</text>`);
    out.push(`<text class="cs-lab" x="${n(tx)}" y="${n(ty + 7)}" text-anchor="middle" style="fill:${b.ink}">${pct(s.share)}</text>`);
    out.push(`<text class="cs-num" x="${n(tx)}" y="${n(ty + 22)}" text-anchor="middle" style="fill:${b.ink}">${s.done} of ${s.of}</text>`);
  });
  out.push('</g>');

  // Inner star: four points.
  out.push('<g aria-hidden="true">');
  for (const c of p.cos) {
    const ang = CO_ANGLES[c.co];
    const [tx, ty] = polar(CX, CY, TIP, ang);
    const [lx, ly] = polar(CX, CY, WAIST, ang - 45);
    const [rx, ry] = polar(CX, CY, WAIST, ang + 45);
    const b = band(c.share);
    out.push(
      `<path d="M${CX} ${CY}L${n(lx)} ${n(ly)}L${n(tx)} ${n(ty)}L${n(rx)} ${n(ry)}Z" fill="${b.fill}" stroke="#374151" stroke-width="1.2" stroke-linejoin="round"${c.areas === 0 ? ' stroke-dasharray="5 4"' : ''}><title>${xml(coDescription(c))}</title></path>`,
    );
  }
  // Labels beyond each tip, in the space between the star and the ring.
  for (const c of p.cos) {
    const ang = CO_ANGLES[c.co];
    const vertical = ang === -90 || ang === 90;
    const [lx, ly] = polar(CX, CY, vertical ? TIP + 30 : (TIP + RING_IN) / 2 + 6, ang);
    const y = ang === -90 ? ly - 12 : ang === 90 ? ly + 2 : ly - 4;
    out.push(`<text class="cs-lab cs-halo" x="${n(lx)}" y="${n(y)}" text-anchor="middle">${xml(CO_LABELS[c.co])}</text>`);
    const more = c.potentialAreas ? ` (+${c.potentialAreas})` : '';
    out.push(`<text class="cs-num cs-halo" x="${n(lx)}" y="${n(y + 16)}" text-anchor="middle">${c.areas} of ${c.of} area${c.of === 1 ? '' : 's'}${more}</text>`);
  }
  // The centre: overall coverage.
  const share = p.cells.of ? p.cells.existing / p.cells.of : 0;
  out.push(`<circle cx="${CX}" cy="${CY}" r="40" fill="#ffffff" stroke="#374151" stroke-width="1.2"/>`);
  out.push(`<text class="cs-lab" x="${CX}" y="${CY + 2}" text-anchor="middle" style="font-size:18px">${pct(share)}</text>`);
  out.push(`<text class="cs-small" x="${CX}" y="${CY + 17}" text-anchor="middle">of cells</text>`);
  out.push('</g>');

  // Legend.
  const ly = CY + RING_OUT + 40;
  out.push('<g>');
  out.push(`<text class="cs-lab" x="40" y="${ly}">How to read it</text>`);
  const notes = [
    "Inner star: the share of service areas where citizens practise each Co (emerging or established).",
    `(+n): further service areas where that Co is ${CELL_WORDS['potential-only']} (potential found, not practised yet).`,
    'Outer ring: the share of initiatives that completed each step, judged from their files; stopped ones are left out.',
  ];
  notes.forEach((t, k) => out.push(`<text class="cs-small" x="40" y="${ly + 18 + k * 15}">${xml(t)}</text>`));
  const sw = 22;
  let x = 40;
  const sy = ly + 66;
  BANDS.forEach((b, k) => {
    out.push(`<rect x="${x}" y="${sy}" width="${sw}" height="${sw - 6}" fill="${b.fill}" stroke="#374151" stroke-width="1"${k === 0 ? ' stroke-dasharray="4 3"' : ''}/>`);
    out.push(`<text class="cs-num" x="${x + sw + 6}" y="${sy + 13}">${xml(b.label)}</text>`);
    x += sw + 6 + (k === 0 ? 64 : 62) + 14;
  });
  out.push(`<text class="cs-small" x="40" y="${sy + 42}">Co-production Star method: Governance International. Drawn by costar from the portfolio files.</text>`);
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/**
 * The picture of a portfolio's star, or of one service area's (`area`): the one way `star --svg`,
 * the report and the wall draw it. Stopped initiatives are left out of the ring and its count,
 * as the picture's legend says.
 */
export function portfolioStarSvg(
  config: Pick<Config, 'name' | 'organisation' | 'serviceAreas'>,
  data: StarCoverage,
  initiatives: ReadonlyArray<Pick<Initiative, 'id' | 'status'>>,
  area?: string,
): string {
  const sum = summariseCoverage(data.coverage);
  const ring = ringSteps(data.steps, initiatives);
  const sa = area === undefined ? undefined : config.serviceAreas.find((a) => a.id === area);
  const n = config.serviceAreas.length;
  return starSvg({
    name: config.name,
    organisation: config.organisation,
    scope: sa ? sa.label : `All ${n} service area${n === 1 ? '' : 's'}`,
    initiatives: ring.length,
    cos: coShares(data.coverage),
    steps: stepShares(ring),
    cells: { existing: sum.existing, of: sum.cells },
  });
}
