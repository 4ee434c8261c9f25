import { scaleBand, scaleLinear } from 'd3-scale';
import type { Element } from 'hast';
import { s } from 'hastscript';
import { chartPalette } from '../palette';
import { AXIS_TEXT, fitText, GRID, labelStep, PLOT_WIDTH, textWidth } from './layout';
import { plotFrame, rowsArea } from './plot-frame';

export interface BreakdownPlotProps {
  id: string;
  title: string;
  description: string;
  bars: { label: string; value: number | null; others: boolean }[];
  height: number;
  format: (v: number | null) => string;
}

/** The actual to date split by city, cluster or partner as horizontal bars, drawn on the server as plain SVG. */
export function breakdownPlot({ id, title, description, bars, height, format }: BreakdownPlotProps): Element {
  const left = 148;
  const right = 24;
  const top = 4;
  const bottom = height - 28;
  const values = [0, ...bars.map((b) => b.value).filter((v): v is number => v !== null && Number.isFinite(v))];
  const x = scaleLinear().domain([Math.min(...values), Math.max(...values)]).nice().rangeRound([left, PLOT_WIDTH - right]);
  const y = scaleBand<number>().domain(bars.map((_, i) => i)).range([top, bottom]).paddingInner(0.2).paddingOuter(0.1).round(true);
  const zero = x(0);
  const ticks = x.ticks(6);
  const every = labelStep(ticks.length, Math.max(...ticks.map((v) => textWidth(format(v)))), PLOT_WIDTH - left - right);
  return plotFrame({ id, height, title, description }, [
    // Text attributes are set once on each group and inherited: the same picture in far fewer bytes.
    s(
      'g',
      { className: 'chart-grid', fill: AXIS_TEXT, textAnchor: 'middle' },
      [
        // Every grid line in one path: a picture's elements each cost bytes twice over in the page.
        s('path', { d: ticks.map((v) => `M${x(v)},${top}V${bottom}`).join(''), fill: 'none', stroke: GRID }),
        ...ticks.map((v, i) => (i % every === 0 ? s('text', { x: x(v), y: bottom + 16 }, format(v)) : null)),
      ],
    ),
    s(
      'g',
      { className: 'chart-breakdown-labels', fill: AXIS_TEXT, textAnchor: 'end', dominantBaseline: 'central' },
      bars.map((b, i) => s('text', { x: left - 8, y: y(i)! + y.bandwidth() / 2 }, fitText(b.label, left - 16))),
    ),
    s(
      'g',
      { className: 'chart-breakdown-bars' },
      bars.map((b, i) => {
        const v = b.value !== null && Number.isFinite(b.value) ? x(b.value) : zero;
        const fill = b.others ? chartPalette.others : chartPalette.actual;
        return s('rect', { x: Math.min(v, zero), y: y(i), width: Math.abs(v - zero), height: y.bandwidth(), fill });
      }),
    ),
    // Pointing at a bar or its name shows its row of the data table.
    rowsArea({ across: 'y', start: (y(0) ?? top) - (y.step() - y.bandwidth()) / 2, step: y.step(), count: bars.length, from: 0, to: PLOT_WIDTH - right }),
  ]);
}
