/**
 * Shared measures of the server-drawn charts. The pictures are drawn once, on the server, into a fixed
 * coordinate box that the browser scales to the card's width; no script measures anything.
 */

/** The drawing's width in its own units (the page scales it to the card). */
export const PLOT_WIDTH = 720;
export const FONT_SIZE = 12;
export const AXIS_TEXT = '#57606a';
export const GRID = '#e3e6ea';

/** A coordinate to a tenth of a unit: finer is invisible at any width the drawing is shown at, and costs bytes. */
export const px = (v: number) => Math.round(v * 10) / 10;

/**
 * A label's width in the drawing's units, without a browser to measure it: Latin text at about 0.58 em per
 * character, CJK at a full em. Used only to space labels and wrap the legend, so an estimate is enough.
 */
export function textWidth(text: string, size = FONT_SIZE): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.58;
  return em * size;
}

/** Every k-th label so that labels of width `labelWidth` do not overlap along `span` (the last one kept). */
export function labelStep(count: number, labelWidth: number, span: number): number {
  if (count <= 1) return 1;
  return Math.max(1, Math.ceil((count * (labelWidth + 8)) / span));
}

/** A label cut to fit `width`, with an ellipsis; the full text stays in the data table and the tooltip. */
export function fitText(text: string, width: number, size = FONT_SIZE): string {
  if (textWidth(text, size) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return `${out}…`;
}

export interface LegendItem {
  name: string;
  color: string;
  /** A line's dash pattern, or 'bar' for a filled swatch. */
  mark: 'bar' | { dash?: string; width: number };
  className?: string;
}

/** Legend items laid out in rows that fit `width`, starting at `left`. */
export function legendRows(items: LegendItem[], left: number, width: number) {
  const rows: { item: LegendItem; x: number }[][] = [[]];
  let x = left;
  for (const item of items) {
    const w = 26 + textWidth(item.name) + 18;
    if (x + w > left + width && rows.at(-1)!.length > 0) {
      rows.push([]);
      x = left;
    }
    rows.at(-1)!.push({ item, x });
    x += w;
  }
  return rows;
}
