import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';
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

/**
 * The picture as SVG markup, every text and attribute escaped. Pages insert it as it is: it is drawn once on the
 * server and never changes in the browser, so React has nothing in it to hydrate (only the toolbar around it).
 */
export function svgMarkup(plot: Element): string {
  // Single quotes and self-closed empty elements: the markup also travels in the page's React payload as a JSON
  // string inside a script, where every double quote is escaped twice over, and a page of charts carries thousands.
  return toHtml(plot, { space: 'svg', quote: "'", closeEmptyElements: true, tightSelfClosing: true });
}
