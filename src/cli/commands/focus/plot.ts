/**
 * The impact matrix as a terminal plot: impact up, ease across, the quadrants named in their
 * corners, midpoint lines, and each ranked initiative marked by its rank.
 */
import type { Config } from '../../../core/config.js';
import { midpoint, QUADRANT_LABELS, type MatrixRow, type Quadrant } from '../../../core/matrix.js';
import type { Io } from '../../io.js';

/** A number without binary noise: 3, 2.5, 0.333333. */
export const trimNum = (n: number) => String(Math.round(n * 1e6) / 1e6);

const PLOT_W = 49; // columns 0..48, the midpoint line at 24
const PLOT_H = 17; // rows 0..16, the midpoint line at 8

/** A terminal plot of impact (up) against ease (across), quadrant names, midpoint lines, rank markers. */
export function renderPlot(io: Io, config: Config, rows: MatrixRow[]): string[] {
  const { c } = io;
  const [min, max] = config.scale;
  const midC = (PLOT_W - 1) / 2;
  const midR = (PLOT_H - 1) / 2;
  const grid: string[][] = Array.from({ length: PLOT_H }, (_, r) =>
    Array.from({ length: PLOT_W }, (_, col) => (r === midR && col === midC ? '┼' : r === midR ? '─' : col === midC ? '│' : ' ')),
  );
  const style: Array<Array<'line' | 'name' | 'mark' | null>> = grid.map((row, r) => row.map((_, col) => (r === midR || col === midC ? 'line' : null)));
  const put = (r: number, col: number, text: string, kind: 'name' | 'mark') => {
    for (let i = 0; i < text.length; i++) {
      grid[r]![col + i] = text[i]!;
      style[r]![col + i] = kind;
    }
  };
  const names: Record<Quadrant, [number, number, 'left' | 'right']> = {
    'major-project': [0, 1, 'left'],
    'quick-win': [0, PLOT_W - 2, 'right'],
    reconsider: [PLOT_H - 1, 1, 'left'],
    'fill-in': [PLOT_H - 1, PLOT_W - 2, 'right'],
  };
  for (const [q, [r, col, align]] of Object.entries(names) as Array<[Quadrant, [number, number, 'left' | 'right']]>) {
    const text = QUADRANT_LABELS[q];
    put(r, align === 'left' ? col : col - text.length + 1, text, 'name');
  }
  // Markers: the ranks; options on the same spot share one marker ("2,3").
  const spots = new Map<string, { r: number; col: number; ranks: number[] }>();
  for (const row of rows) {
    if (row.rank === null) continue;
    let col = Math.round(((row.ease! - min) / (max - min)) * (PLOT_W - 1));
    let r = Math.round(((max - row.impact!) / (max - min)) * (PLOT_H - 1));
    // Only a point exactly on a midpoint sits on its line; others stay on their side of it.
    const m = midpoint(config);
    if (r === midR && row.impact !== m) r += row.impact! > m ? -1 : 1;
    if (col === midC && row.ease !== m) col += row.ease! > m ? 1 : -1;
    const key = `${r}:${col}`;
    const s = spots.get(key) ?? { r, col, ranks: [] };
    s.ranks.push(row.rank);
    spots.set(key, s);
  }
  const placed = [...spots.values()].sort((a, b) => a.ranks[0]! - b.ranks[0]!);
  for (const s of placed) {
    const text = s.ranks.join(',');
    // The first free place at or near the point: right, then left.
    // A marker keeps a blank cell either side, so "5" and "4" never read as "54".
    const free = (col: number) =>
      col >= 0 && col + text.length <= PLOT_W && Array.from({ length: text.length + 2 }, (_, i) => style[s.r]![col - 1 + i]).every((k) => k !== 'mark');
    let col = Math.min(s.col, PLOT_W - text.length);
    for (let d = 0; d < PLOT_W; d++) {
      if (free(col + d)) {
        col += d;
        break;
      }
      if (free(col - d)) {
        col -= d;
        break;
      }
    }
    put(s.r, col, text, 'mark');
  }
  const paint = (r: number) =>
    grid[r]!.map((ch, col) => {
      const k = style[r]![col];
      return k === 'mark' ? c.bold.cyan(ch) : k === 'name' ? c.dim(ch) : k === 'line' ? c.dim(ch) : ch;
    }).join('');
  const lab = (n: number) => trimNum(n).padStart(4);
  const out: string[] = [`${'Impact'.padStart(6)}`];
  for (let r = 0; r < PLOT_H; r++) {
    const edge = r === 0 ? `${lab(max)} ┤` : r === midR ? `${lab(midpoint(config))} ┼` : r === PLOT_H - 1 ? `${lab(min)} ┤` : `${' '.repeat(4)} │`;
    out.push(`${edge}${paint(r)}`.trimEnd());
  }
  out.push(`${' '.repeat(5)}└${'─'.repeat(midC)}┴${'─'.repeat(PLOT_W - midC - 1)}`);
  const mid = trimNum(midpoint(config));
  const maxS = trimNum(max);
  const axis = `${' '.repeat(6)}${trimNum(min)}`.padEnd(6 + midC) + mid;
  out.push(`${axis.padEnd(6 + PLOT_W - maxS.length)}${maxS}  Ease`);
  return out;
}
