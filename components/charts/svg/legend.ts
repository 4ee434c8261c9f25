import { s } from 'hastscript';
import { AXIS_TEXT, legendRows, px, type LegendItem } from './layout';
import type { SvgNode } from './plot-frame';

export const LEGEND_ROW = 20;

/** The series' names and marks, inside the picture so that a downloaded SVG or PNG carries them. */
export function svgLegend({ items, top, left, width }: { items: LegendItem[]; top: number; left: number; width: number }): SvgNode {
  return s(
    'g',
    { className: 'chart-legend', fill: AXIS_TEXT, dominantBaseline: 'central' },
    legendRows(items, left, width).flatMap((row, r) =>
      row.map(({ item, x: at }) => {
        const x = px(at);
        const y = top + r * LEGEND_ROW + LEGEND_ROW / 2;
        return s('g', [
          item.mark === 'bar'
            ? s('rect', { x, y: y - 6, width: 18, height: 12, fill: item.color })
            : s('line', { x1: x, x2: x + 18, y1: y, y2: y, stroke: item.color, strokeWidth: item.mark.width, strokeDasharray: item.mark.dash }),
          s('text', { x: x + 24, y }, item.name),
        ]);
      }),
    ),
  );
}

export function legendHeight(items: LegendItem[], left: number, width: number) {
  return legendRows(items, left, width).length * LEGEND_ROW;
}
