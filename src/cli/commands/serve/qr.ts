/**
 * The QR code of the phones' link, drawn in the terminal with half blocks (two rows of modules a
 * line) and a quiet zone. The code itself comes from the `qrcode` package's encoder (its core
 * only: no image renderers are bundled).
 */
// @ts-expect-error: the package's core module has no type declarations of its own.
import QR from 'qrcode/lib/core/qrcode.js';

interface BitMatrix {
  size: number;
  get(row: number, col: number): boolean | number;
}

/** The modules of the QR code of `text` (true: dark). */
export function qrModules(text: string): boolean[][] {
  const m = (QR as { create(text: string, opts: { errorCorrectionLevel: string }): { modules: BitMatrix } }).create(text, { errorCorrectionLevel: 'M' }).modules;
  const out: boolean[][] = [];
  for (let r = 0; r < m.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < m.size; c++) row.push(Boolean(m.get(r, c)));
    out.push(row);
  }
  return out;
}

/**
 * The code as lines of text. With colour, black modules on a white ground whatever the terminal's
 * colours; without, dark modules are drawn in the text colour (on a dark terminal the code comes
 * out inverted, which most phone cameras still read).
 */
export function qrLines(text: string, colour: boolean): string[] {
  const mods = qrModules(text);
  const quiet = 2;
  const size = mods.length + quiet * 2;
  const dark = (r: number, c: number) => r >= quiet && c >= quiet && r < size - quiet && c < size - quiet && mods[r - quiet]![c - quiet]!;
  const lines: string[] = [];
  for (let r = 0; r < size; r += 2) {
    let line = '';
    for (let c = 0; c < size; c++) {
      const top = dark(r, c);
      const bottom = r + 1 < size && dark(r + 1, c);
      if (colour) line += top && bottom ? ' ' : top ? '▄' : bottom ? '▀' : '█';
      else line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(colour ? `\x1b[97;40m${line}\x1b[0m` : line);
  }
  return lines;
}
