import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { chartMarkup } from '../markup';
import { FONT_SIZE, PLOT_WIDTH, px } from './layout';

/** What a plot is drawn as: an SVG tree (hastscript), serialized once by `svgMarkup`. */
export type SvgNode = ElementContent;

/** A chart picture: one accessible image (its title and description read as its name) at the plot's width. */
export function plotFrame({ id, height, title, description }: { id: string; height: number; title: string; description: string }, children: (SvgNode | null)[]): Element {
  return s(
    'svg',
    {
      dataPlot: '',
      className: 'chart-plot',
      role: 'img',
      ariaLabelledBy: `${id}-title ${id}-desc`,
      viewBox: `0 0 ${PLOT_WIDTH} ${height}`,
      width: '100%',
      height,
      preserveAspectRatio: 'xMinYMin meet',
      fontSize: FONT_SIZE,
    },
    [s('title', { id: `${id}-title` }, title), s('desc', { id: `${id}-desc` }, description), ...children],
  );
}

/** The picture as SVG markup (../markup.ts), self-closed empty elements keeping it short. */
export function svgMarkup(plot: Element): string {
  return chartMarkup(plot, 'svg');
}

/**
 * One invisible area over a plot's rows (an indicator's periods side by side, a breakdown's bars one under the
 * other), each `step` long from `start`: pointing at a row shows that row of the chart's data table
 * (../chart-tooltip.ts), so the figures are written once, in the table, and not again in the picture.
 */
export function rowsArea(o: { across: 'x' | 'y'; start: number; step: number; count: number; from: number; to: number }): SvgNode | null {
  if (o.count === 0) return null;
  const [start, length] = [px(o.start), px(o.step * o.count)];
  const box = o.across === 'x' ? { x: start, width: length, y: o.from, height: o.to - o.from } : { x: o.from, width: o.to - o.from, y: start, height: length };
  return s('rect', { className: 'chart-hover', fill: 'transparent', ...box, dataRows: o.count, dataAcross: o.across });
}
