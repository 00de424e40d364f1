import { CELL_HEIGHT, CELL_WIDTH } from '../stream/sheet';

/**
 * Printer-cell text as SVG: every character centred in its own cell (12 dots for a half-width
 * character, 24 for a full-width one, times the magnification), bottoms on a common line, as a
 * printer's bitmap font places them. Shared by the rasteriser (lines the printer's font lacks)
 * and the simulator's picture of a printed receipt.
 */
export interface CellRun {
  x: number;
  text: string;
  width: number;
  height: number;
  bold: boolean;
  /** Chinese mode: characters ≥ U+0080 are full width. Default true. */
  chinese?: boolean;
}

/**
 * Faces in order of preference; resvg takes each character from the first listed face that has
 * it, so a Latin face may come before a CJK-only one (DejaVu Sans Mono, then Droid Sans Fallback).
 */
export const GLYPH_FONT_FAMILY =
  "'WenQuanYi Zen Hei Mono', 'DejaVu Sans Mono', 'Droid Sans Fallback', 'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', 'NSimSun', 'SimSun', 'Microsoft YaHei', monospace";

/** Noto CJK: ascent 0.88 em, descent 0.12 em → 3 of 24 dots below the baseline. */
const DESCENT = 3;

const escapeXml = (c: string) =>
  c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c;

/**
 * One `<text>` per run, every character placed at the centre of its own cell (`x` list; each
 * absolutely placed character is its own chunk, so `text-anchor="middle"` centres it whatever
 * the face's advance). Spaces are left out, with their cells: nothing to draw, and XML would
 * collapse them anyway.
 */
export function glyphsSvg(runs: readonly CellRun[], bottom: number): string {
  let out = '';
  for (const run of runs) {
    let x = run.x;
    const xs: string[] = [];
    let text = '';
    for (const char of run.text) {
      const wide = (run.chinese ?? true) && (char.codePointAt(0) ?? 0) >= 0x80;
      const cell = (wide ? 2 : 1) * CELL_WIDTH * run.width;
      if (char.trim() !== '') {
        xs.push(String((x + cell / 2) / run.width));
        text += escapeXml(char);
      }
      x += cell;
    }
    if (text === '') continue;
    const baseline = (bottom - DESCENT * run.height) / run.height;
    const stroke = run.bold ? ' stroke="#000" stroke-width="1"' : '';
    out +=
      `<text transform="scale(${run.width},${run.height})" x="${xs.join(' ')}" y="${baseline}"` +
      ` text-anchor="middle"${stroke}>${text}</text>`;
  }
  return out;
}

/** The SVG root every picture shares: white paper, black text in printer cells. */
export function svgDocument(width: number, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<g font-family="${GLYPH_FONT_FAMILY}" font-size="${CELL_HEIGHT}" fill="#000">${body}</g></svg>`
  );
}
