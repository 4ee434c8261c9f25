import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import { chartMarkup } from '../markup';
import { FONT_SIZE, PLOT_WIDTH } from './layout';

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
