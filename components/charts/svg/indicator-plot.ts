import { scaleBand, scaleLinear } from 'd3-scale';
import { curveStep, line } from 'd3-shape';
import type { Element } from 'hast';
import { s } from 'hastscript';
import type { Accumulation } from '@/lib/progress/types';
import { chartPalette } from '../palette';
import { AXIS_TEXT, GRID, labelStep, PLOT_WIDTH, px, textWidth, type LegendItem } from './layout';
import { legendHeight, svgLegend } from './legend';
import { plotFrame, rowsArea } from './plot-frame';

export interface PlotRow {
  key: string;
  label: string;
  actual: number | null;
  target: number;
  originalTarget: number | null;
  projection: number | null;
  needed: number | null;
}

export interface IndicatorPlotProps {
  id: string;
  title: string;
  description: string;
  accumulation: Accumulation;
  baseline: number;
  rows: PlotRow[];
  height: number;
  names: { actual: string; target: string; originalTarget: string; projection: string; needed: string; yAxis: string; baseline: string };
  /** A value as the page writes it (unit, locale). */
  format: (v: number | null) => string;
}

type Series = 'actual' | 'target' | 'originalTarget' | 'projection' | 'needed';
const finite = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/**
 * One indicator's actual per period against its stepped target line, its baseline, the original target when it
 * was revised and the dashed forecast, drawn on the server as plain SVG. Bars for per-period indicators, a line
 * for running totals and levels. Pointing at a period shows its figures, read from the data table beside the chart.
 */
export function indicatorPlot({ id, title, description, accumulation, baseline, rows, height, names, format }: IndicatorPlotProps): Element {
  const revised = rows.some((r) => r.originalTarget !== null);
  const forecast = rows.some((r) => r.projection !== null);
  const bars = accumulation === 'non_cumulative';
  const legend: LegendItem[] = [
    { name: names.actual, color: chartPalette.actual, mark: bars ? 'bar' : { width: 3 } },
    { name: names.target, color: chartPalette.target, mark: { width: 2 } },
    ...(revised ? [{ name: names.originalTarget, color: chartPalette.originalTarget, mark: { width: 2, dash: '6 4' } }] : []),
    ...(forecast
      ? [
          { name: names.projection, color: chartPalette.actual, mark: { width: 2, dash: '6 4' } },
          { name: names.needed, color: chartPalette.target, mark: { width: 2, dash: '2 3' } },
        ]
      : []),
  ];
  const left = 96;
  const right = 16;
  const top = 28;
  const legendTop = height - legendHeight(legend, left, PLOT_WIDTH - left - right) - 4;
  const bottom = legendTop - 26;

  const values = [baseline, 0, ...rows.flatMap((r) => [r.actual, r.target, r.originalTarget, r.projection, r.needed].filter(finite))];
  const y = scaleLinear().domain([Math.min(...values), Math.max(...values)]).nice().rangeRound([bottom, top]);
  const x = scaleBand<string>().domain(rows.map((r) => r.key)).range([left, PLOT_WIDTH - right]).paddingInner(0.1).paddingOuter(0.05);
  const center = (key: string) => px(x(key)! + x.bandwidth() / 2);
  const path = (series: Series, step = false) => {
    const draw = line<PlotRow>()
      .defined((r) => finite(r[series]))
      .x((r) => center(r.key))
      .y((r) => y(r[series] as number));
    return (step ? draw.curve(curveStep) : draw)(rows) ?? '';
  };
  const widest = Math.max(0, ...rows.map((r) => textWidth(r.label)));
  const every = labelStep(rows.length, widest, PLOT_WIDTH - left - right);
  const zero = y(Math.max(y.domain()[0]!, Math.min(0, y.domain()[1]!)));
  const ticks = y.ticks(5);

  return plotFrame({ id, height, title, description }, [
    s('text', { x: 16, y: 14, className: 'chart-axis-title', fontSize: 13, fill: AXIS_TEXT }, names.yAxis),
    // Text attributes are set once on each group and inherited: the same picture in far fewer bytes.
    s(
      'g',
      { className: 'chart-grid', fill: AXIS_TEXT, textAnchor: 'end', dominantBaseline: 'central' },
      [
        // Every grid line in one path: a picture's elements each cost bytes twice over in the page.
        s('path', { d: ticks.map((v) => `M${left},${y(v)}H${PLOT_WIDTH - right}`).join(''), fill: 'none', stroke: GRID }),
        ...ticks.map((v) => s('text', { x: left - 8, y: y(v) }, format(v))),
      ],
    ),
    s('g', { className: 'chart-x-axis', fill: AXIS_TEXT, textAnchor: 'middle' }, [
      s('line', { x1: left, x2: PLOT_WIDTH - right, y1: bottom, y2: bottom, stroke: AXIS_TEXT }),
      ...rows.map((r, i) => (i % every === 0 ? s('text', { x: center(r.key), y: bottom + 16 }, r.label) : null)),
    ]),
    s('g', { className: 'chart-baseline', fill: AXIS_TEXT, textAnchor: 'end' }, [
      s('line', { x1: left, x2: PLOT_WIDTH - right, y1: y(baseline), y2: y(baseline), stroke: chartPalette.baseline, strokeDasharray: '2 4' }),
      s('text', { x: PLOT_WIDTH - right - 4, y: y(baseline) - 6 }, names.baseline),
    ]),
    bars
      ? s(
          'g',
          { className: 'chart-actual', fill: chartPalette.actual },
          rows.filter((r) => finite(r.actual)).map((r) => {
            const w = px(x.bandwidth() * 0.8);
            const v = y(r.actual!);
            return s('rect', { x: px(center(r.key) - w / 2), width: w, y: Math.min(v, zero), height: Math.abs(zero - v) });
          }),
        )
      : s('g', { className: 'chart-actual' }, [
          // A dot on each reported period: a marker on every vertex of the line, drawn once rather than once a period.
          s(
            'marker',
            { id: `${id}-dot`, markerUnits: 'userSpaceOnUse', markerWidth: 10, markerHeight: 10, refX: 5, refY: 5, overflow: 'visible' },
            [s('circle', { cx: 5, cy: 5, r: 4, fill: '#ffffff', stroke: chartPalette.actual, strokeWidth: 2 })],
          ),
          s('path', {
            d: path('actual'),
            fill: 'none',
            stroke: chartPalette.actual,
            strokeWidth: 3,
            markerStart: `url(#${id}-dot)`,
            markerMid: `url(#${id}-dot)`,
            markerEnd: `url(#${id}-dot)`,
          }),
        ]),
    s('g', { className: 'chart-target' }, [s('path', { d: path('target', true), fill: 'none', stroke: chartPalette.target, strokeWidth: 2 })]),
    revised
      ? s('g', { className: 'chart-original-target' }, [
          s('path', { d: path('originalTarget', true), fill: 'none', stroke: chartPalette.originalTarget, strokeWidth: 2, strokeDasharray: '6 4' }),
        ])
      : null,
    ...(forecast
      ? [
          s('g', { className: 'chart-projection' }, [
            s('path', { d: path('projection'), fill: 'none', stroke: chartPalette.actual, strokeWidth: 2, strokeDasharray: '6 4' }),
          ]),
          s('g', { className: 'chart-needed' }, [
            s('path', { d: path('needed'), fill: 'none', stroke: chartPalette.target, strokeWidth: 2, strokeDasharray: '2 3' }),
          ]),
        ]
      : []),
    rowsArea({ across: 'x', start: x(rows[0]?.key ?? '')! - (x.step() - x.bandwidth()) / 2, step: x.step(), count: rows.length, from: top, to: bottom }),
    svgLegend({ items: legend, top: legendTop, left, width: PLOT_WIDTH - left - right }),
  ]);
}
