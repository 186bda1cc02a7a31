/**
 * The impact matrix as an accessible SVG scatter plot: ease across, impact up, the four quadrants
 * named in text, each scored initiative a numbered point, and a key that names every number.
 * Pure: data in, markup out; every piece of user text is escaped. No fonts or files from outside.
 */
import { QUADRANT_LABELS, type Quadrant } from './matrix.js';
import { xml } from './star-svg.js';

export interface MatrixPoint {
  id: string;
  impact: number;
  ease: number;
  quadrant: Quadrant;
  rank: number;
}

export interface MatrixPicture {
  /** Portfolio name, for the title. */
  name: string;
  /** focus.scale: [min, max]. */
  scale: [number, number];
  /** Scored initiatives, in rank order. */
  points: MatrixPoint[];
  /** Ids of initiatives not (fully) scored: named in the description and under the key. */
  unscored: string[];
  /** Prefix for element ids, so several pictures can share one page. */
  idPrefix?: string;
}

const W = 760;
const LEFT = 86;
const RIGHT = 36;
const TOP = 78;
const PLOT_H = 440;
const PLOT_W = W - LEFT - RIGHT;
const KEY_ROW = 21;
const POINT_R = 12;

const QUADRANT_FILL: Record<Quadrant, string> = {
  'quick-win': '#e3f1e6',
  'major-project': '#e5edf8',
  'fill-in': '#fbf3dc',
  reconsider: '#f1f1f1',
};

const n = (v: number): string => (Math.round(v * 100) / 100).toString();
const num = (v: number): string => (Math.round(v * 100) / 100).toFixed(2).replace(/\.?0+$/, '');

function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Where each numbered marker goes. Markers are placed in rank order at their true position; one
 * that would overlap a marker already placed moves to the nearest free spot on rings around it
 * (a leader line then joins it to its true position). The order fixes the result, so the picture
 * is the same every time.
 */
function layout(points: MatrixPoint[], place: (p: MatrixPoint) => [number, number]): Map<string, { x: number; y: number; moved: boolean }> {
  const placed: Array<[number, number]> = [];
  const out = new Map<string, { x: number; y: number; moved: boolean }>();
  const free = (x: number, y: number) => placed.every(([px, py]) => (px - x) ** 2 + (py - y) ** 2 >= (2 * POINT_R + 1) ** 2);
  for (const p of points) {
    const [x, y] = place(p);
    let at: [number, number] = [x, y];
    if (!free(x, y)) {
      search: for (let ring = 1; ring <= 12; ring++) {
        const r = ring * (POINT_R + 2);
        const steps = 8 * ring;
        for (let k = 0; k < steps; k++) {
          const a = -Math.PI / 2 + (2 * Math.PI * k) / steps;
          const cx = x + r * Math.cos(a);
          const cy = y + r * Math.sin(a);
          if (free(cx, cy)) {
            at = [cx, cy];
            break search;
          }
        }
      }
    }
    placed.push(at);
    out.set(p.id, { x: at[0], y: at[1], moved: at[0] !== x || at[1] !== y });
  }
  return out;
}

/** Draws the impact matrix. */
export function matrixSvg(p: MatrixPicture): string {
  const pre = p.idPrefix ?? 'matrix';
  const [min, max] = p.scale;
  const mid = (min + max) / 2;
  const pad = (max - min) * 0.08;
  const lo = min - pad;
  const hi = max + pad;
  const x = (ease: number) => LEFT + ((ease - lo) / (hi - lo)) * PLOT_W;
  const y = (impact: number) => TOP + PLOT_H - ((impact - lo) / (hi - lo)) * PLOT_H;

  const keyTop = TOP + PLOT_H + 80;
  const half = Math.ceil(p.points.length / 2);
  const keyRows = Math.max(1, half);
  const H = keyTop + keyRows * KEY_ROW + (p.unscored.length ? 44 : 16);

  const byQuadrant = (q: Quadrant) => p.points.filter((pt) => pt.quadrant === q).map((pt) => `${pt.id} (${pt.rank})`);
  const desc = [
    `Scatter plot of ${p.points.length} scored initiative${p.points.length === 1 ? '' : 's'}: impact upwards and ease across, each on the scale ${min} to ${max}, divided at ${num(mid)} into four quadrants.`,
    ...(['quick-win', 'major-project', 'fill-in', 'reconsider'] as const).map((q) => {
      const list = byQuadrant(q);
      return `${QUADRANT_LABELS[q]}: ${list.length ? list.join(', ') : 'none'}.`;
    }),
    p.unscored.length ? `Not yet scored, so not plotted: ${p.unscored.join(', ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${pre}-title ${pre}-desc" font-family="'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif">`,
  );
  out.push(`<title id="${pre}-title">${xml(`${p.name}: impact matrix`)}</title>`);
  out.push(`<desc id="${pre}-desc">${xml(desc)}</desc>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="${LEFT}" y="30" font-size="20" font-weight="700" fill="#1f2937">Impact matrix</text>`);
  out.push(`<text x="${LEFT}" y="52" font-size="13" fill="#4b5563">${xml(fit(`Weighted scores on the ${min}–${max} scale; the numbers are the ranks (highest impact first).`, 110))}</text>`);

  // Quadrants, shaded and named in text.
  const xm = x(mid);
  const ym = y(mid);
  const x0 = x(lo);
  const x1 = x(hi);
  const y0 = y(hi);
  const y1 = y(lo);
  const quads: Array<[Quadrant, number, number, number, number, 'start' | 'end', number, number]> = [
    ['major-project', x0, y0, xm - x0, ym - y0, 'start', x0 + 8, y0 + 18],
    ['quick-win', xm, y0, x1 - xm, ym - y0, 'end', x1 - 8, y0 + 18],
    ['reconsider', x0, ym, xm - x0, y1 - ym, 'start', x0 + 8, y1 - 10],
    ['fill-in', xm, ym, x1 - xm, y1 - ym, 'end', x1 - 8, y1 - 10],
  ];
  out.push('<g aria-hidden="true">');
  for (const [q, qx, qy, qw, qh, anchor, tx, ty] of quads) {
    out.push(`<rect x="${n(qx)}" y="${n(qy)}" width="${n(qw)}" height="${n(qh)}" fill="${QUADRANT_FILL[q]}"/>`);
    out.push(`<text x="${n(tx)}" y="${n(ty)}" text-anchor="${anchor}" font-size="14" font-weight="700" fill="#374151">${xml(QUADRANT_LABELS[q])}</text>`);
  }
  out.push(`<rect x="${n(x0)}" y="${n(y0)}" width="${n(x1 - x0)}" height="${n(y1 - y0)}" fill="none" stroke="#6b7280" stroke-width="1"/>`);
  out.push(`<line x1="${n(xm)}" y1="${n(y0)}" x2="${n(xm)}" y2="${n(y1)}" stroke="#6b7280" stroke-width="1.2" stroke-dasharray="6 4"/>`);
  out.push(`<line x1="${n(x0)}" y1="${n(ym)}" x2="${n(x1)}" y2="${n(ym)}" stroke="#6b7280" stroke-width="1.2" stroke-dasharray="6 4"/>`);

  // Ticks and axis titles.
  for (let v = Math.ceil(min); v <= max; v++) {
    out.push(`<line x1="${n(x(v))}" y1="${n(y1)}" x2="${n(x(v))}" y2="${n(y1 + 6)}" stroke="#6b7280"/>`);
    out.push(`<text x="${n(x(v))}" y="${n(y1 + 21)}" text-anchor="middle" font-size="12" fill="#1f2937">${v}</text>`);
    out.push(`<line x1="${n(x0 - 6)}" y1="${n(y(v))}" x2="${n(x0)}" y2="${n(y(v))}" stroke="#6b7280"/>`);
    out.push(`<text x="${n(x0 - 10)}" y="${n(y(v) + 4)}" text-anchor="end" font-size="12" fill="#1f2937">${v}</text>`);
  }
  out.push(`<text x="${n((x0 + x1) / 2)}" y="${n(y1 + 44)}" text-anchor="middle" font-size="13" font-weight="700" fill="#1f2937">Ease: easier and quicker to the right →</text>`);
  out.push(
    `<text x="${n(LEFT - 48)}" y="${n((y0 + y1) / 2)}" text-anchor="middle" font-size="13" font-weight="700" fill="#1f2937" transform="rotate(-90 ${n(LEFT - 48)} ${n((y0 + y1) / 2)})">Impact: higher is better →</text>`,
  );

  // Points, numbered by rank. A marker moved off a crowded spot keeps a dot and a leader line at
  // its true position.
  const at = layout(p.points, (pt) => [x(pt.ease), y(pt.impact)]);
  for (const pt of p.points) {
    const m = at.get(pt.id)!;
    if (!m.moved) continue;
    const tx = x(pt.ease);
    const ty = y(pt.impact);
    out.push(`<line x1="${n(tx)}" y1="${n(ty)}" x2="${n(m.x)}" y2="${n(m.y)}" stroke="#1d4f91" stroke-width="1.2"/>`);
    out.push(`<circle cx="${n(tx)}" cy="${n(ty)}" r="2.5" fill="#1d4f91"/>`);
  }
  for (const pt of p.points) {
    const m = at.get(pt.id)!;
    out.push(`<circle cx="${n(m.x)}" cy="${n(m.y)}" r="${POINT_R}" fill="#1d4f91" stroke="#ffffff" stroke-width="1.5"/>`);
    out.push(`<text x="${n(m.x)}" y="${n(m.y + 4)}" text-anchor="middle" font-size="${pt.rank >= 10 ? 11 : 12}" font-weight="700" fill="#ffffff">${pt.rank}</text>`);
  }
  out.push('</g>');

  // The key: every number named, in two columns.
  out.push('<g aria-hidden="true">');
  out.push(`<text x="${LEFT}" y="${keyTop - 10}" font-size="13" font-weight="700" fill="#1f2937">Key</text>`);
  const colW = (W - LEFT - RIGHT) / 2;
  p.points.forEach((pt, k) => {
    const col = k < half ? 0 : 1;
    const row = k < half ? k : k - half;
    const kx = LEFT + col * colW;
    const ky = keyTop + row * KEY_ROW;
    out.push(`<circle cx="${n(kx + 9)}" cy="${n(ky + 1)}" r="9.5" fill="#1d4f91"/>`);
    out.push(`<text x="${n(kx + 9)}" y="${n(ky + 5)}" text-anchor="middle" font-size="10.5" font-weight="700" fill="#ffffff">${pt.rank}</text>`);
    out.push(`<text x="${n(kx + 25)}" y="${n(ky + 5.5)}" font-size="13" fill="#1f2937">${xml(fit(pt.id, 40))} · ${xml(QUADRANT_LABELS[pt.quadrant])}</text>`);
  });
  if (!p.points.length) out.push(`<text x="${LEFT}" y="${keyTop + 5}" font-size="12" fill="#4b5563">No initiative is fully scored yet.</text>`);
  if (p.unscored.length) {
    const uy = keyTop + keyRows * KEY_ROW + 16;
    out.push(`<text x="${LEFT}" y="${uy}" font-size="12" fill="#4b5563">${xml(fit(`Not yet scored, so not plotted: ${p.unscored.join(', ')}`, 118))}</text>`);
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}
