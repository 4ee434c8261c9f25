import { AXIS_TEXT, legendRows, type LegendItem } from './layout';

export const LEGEND_ROW = 20;

/** The series' names and marks, inside the picture so that a downloaded SVG or PNG carries them. */
export function SvgLegend({ items, top, left, width }: { items: LegendItem[]; top: number; left: number; width: number }) {
  return (
    <g className="chart-legend" fill={AXIS_TEXT} dominantBaseline="central">
      {legendRows(items, left, width).map((row, r) =>
        row.map(({ item, x }) => {
          const y = top + r * LEGEND_ROW + LEGEND_ROW / 2;
          return (
            <g key={item.name}>
              {item.mark === 'bar' ? (
                <rect x={x} y={y - 6} width={18} height={12} fill={item.color} />
              ) : (
                <line x1={x} x2={x + 18} y1={y} y2={y} stroke={item.color} strokeWidth={item.mark.width} strokeDasharray={item.mark.dash} />
              )}
              <text x={x + 24} y={y}>
                {item.name}
              </text>
            </g>
          );
        }),
      )}
    </g>
  );
}

export function legendHeight(items: LegendItem[], left: number, width: number) {
  return legendRows(items, left, width).length * LEGEND_ROW;
}
