import { describe, expect, it } from 'vitest';
import { breakdownPlot } from '@/components/charts/svg/breakdown-plot';
import { indicatorPlot, type IndicatorPlotProps, type PlotRow } from '@/components/charts/svg/indicator-plot';
import { svgMarkup } from '@/components/charts/svg/plot-frame';
import { fitText, labelStep, legendRows, textWidth } from '@/components/charts/svg/layout';

// The server-drawn charts: what each series becomes in the SVG, with its accessible name and description.

const names = { actual: 'Actual', target: 'Target', originalTarget: 'Original', projection: 'Projected', needed: 'Needed', yAxis: 'Cities', baseline: 'Baseline 2' };
const row = (k: number, actual: number | null, extra: Partial<PlotRow> = {}): PlotRow => ({
  key: `2025-Q${k}`,
  label: `Q${k} 2025`,
  actual,
  target: k * 10,
  originalTarget: null,
  projection: null,
  needed: null,
  ...extra,
});
const draw = (props: Partial<IndicatorPlotProps>) =>
  svgMarkup(
    indicatorPlot({
      id: 'chart-G1.1',
      title: 'G1.1 · Cities engaged',
      description: 'As of 15 Nov 2025: 12 against 20 expected.',
      accumulation: 'cumulative',
      baseline: 2,
      rows: [row(1, 5), row(2, 12), row(3, null), row(4, null)],
      height: 320,
      names,
      format: (v) => (v === null ? '—' : String(v)),
      ...props,
    }),
  );

describe('IndicatorPlot', () => {
  it('is an image named by its title and described by its caption', () => {
    const svg = draw({});
    expect(svg).toMatch(/^<svg[^>]*role='img'[^>]*aria-labelledby='chart-G1.1-title chart-G1.1-desc'/);
    expect(svg).toContain("<title id='chart-G1.1-title'>G1.1 · Cities engaged</title>");
    expect(svg).toContain("<desc id='chart-G1.1-desc'>As of 15 Nov 2025: 12 against 20 expected.</desc>");
  });

  it('draws a running total as a line with a dot per reported period, and the target as steps', () => {
    const svg = draw({});
    // One vertex per reported period, each dotted by the line's marker.
    const actual = /<g class='chart-actual'><marker id='chart-G1.1-dot'[^>]*><circle [^>]*\/><\/marker><path d='([^']+)'([^>]*)\/>/.exec(svg)!;
    expect(actual[1]!.split(/[ML]/).filter(Boolean)).toHaveLength(2);
    for (const at of ['start', 'mid', 'end']) expect(actual[2]).toContain(`marker-${at}='url(#chart-G1.1-dot)'`);
    // A stepped path has more vertices than periods.
    const target = /<g class='chart-target'><path d='([^']+)'/.exec(svg)![1]!;
    expect(target.split(/[ML]/).filter(Boolean).length).toBeGreaterThan(4);
    expect(svg).not.toContain('chart-original-target');
    expect(svg).not.toContain('chart-projection');
  });

  it('draws per-period figures as bars, one per reported period', () => {
    const svg = draw({ accumulation: 'non_cumulative' });
    const bars = /<g class='chart-actual'[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    expect(bars.match(/<rect /g)).toHaveLength(2);
  });

  it('keeps the revised target dashed and the forecast dashed and dotted, each in the legend', () => {
    const svg = draw({
      rows: [row(1, 5, { originalTarget: 15 }), row(2, 12, { originalTarget: 25 }), row(3, null, { projection: 14, needed: 25 }), row(4, null, { projection: 16, needed: 40 })],
    });
    expect(svg).toMatch(/<g class='chart-original-target'><path d='M[^']+'[^>]*stroke-dasharray='6 4'/);
    expect(svg).toMatch(/<g class='chart-projection'><path d='M[^']+'[^>]*stroke-dasharray='6 4'/);
    expect(svg).toMatch(/<g class='chart-needed'><path d='M[^']+'[^>]*stroke-dasharray='2 3'/);
    for (const name of ['Original', 'Projected', 'Needed']) expect(svg).toContain(`>${name}</text>`);
  });

  it('lays one pointer area over the periods, for the tooltip that reads their figures from the data table', () => {
    const svg = draw({});
    // The periods' bands, gaps included, from the plot's left edge to its right (96 to 704).
    expect(svg).toContain("<rect class='chart-hover' fill='transparent' x='96' width='608' y='28' height='242' data-rows='4' data-across='x'/>");
    // The figures are not written into the picture a second time.
    expect(svg.match(/<title/g)).toHaveLength(1);
  });

  it('draws the baseline as a labelled dashed line', () => {
    expect(draw({})).toMatch(/<g class='chart-baseline'[^>]*><line [^>]*stroke-dasharray='2 4'[^>]*\/><text [^>]*>Baseline 2<\/text>/);
  });

  it('thins the period labels when they would overlap', () => {
    const rows = Array.from({ length: 60 }, (_, k) => row(k + 1, k));
    const axis = /<g class='chart-x-axis'[^>]*>(.*?)<\/g>/.exec(draw({ rows }))![1]!;
    const ticks = axis.match(/<text /g)!.length;
    expect(ticks).toBeLessThan(60);
    expect(ticks).toBeGreaterThan(5);
  });
});

describe('BreakdownPlot', () => {
  it('draws one bar per member, "others" in grey, with names and values', () => {
    const svg = svgMarkup(
      breakdownPlot({
        id: 'breakdown-G1.1',
        title: 'By city',
        description: 'Tashkent: 4; Others: 1',
        bars: [
          { label: 'Tashkent', value: 4, others: false },
          { label: 'Others', value: 1, others: true },
        ],
        height: 120,
        format: (v) => String(v),
      }),
    );
    expect(svg).toMatch(/role='img'/);
    expect(svg).toMatch(/<g class='chart-breakdown-labels'[^>]*><text [^>]*>Tashkent<\/text><text [^>]*>Others<\/text><\/g>/);
    const bars = [...svg.matchAll(/<rect x='148' y='[\d.]+' width='(\d+)' height='35' fill='(#\w+)'\/>/g)].map((m) => [m[1], m[2]]);
    expect(bars).toEqual([['548', '#0072B2'], ['137', '#999999']]);
    // Pointing at a bar or its name shows its row of the data table: one area over both rows, from the names on.
    expect(svg).toContain("<rect class='chart-hover' fill='transparent' x='0' width='696' y='3.5' height='88' data-rows='2' data-across='y'/>");
  });
});

describe('the markup pages insert as it is', () => {
  it('escapes every name and label, so a hostile indicator or city name stays text', () => {
    const hostile = `</title><script>alert(1)</script><title x="' y='`;
    const svg = svgMarkup(
      breakdownPlot({
        id: `breakdown-G1.1" onload="alert(2)' onload='alert(3)`,
        title: hostile,
        description: `${hostile} & more`,
        bars: [{ label: hostile, value: 1, others: false }],
        height: 120,
        format: (v) => String(v),
      }),
    );
    expect(svg).not.toContain('<script');
    // Attributes are single-quoted: a single quote in a value is escaped, so it cannot end the attribute.
    expect(svg).not.toContain("' onload='");
    expect(svg).toContain('&#x27; onload=&#x27;alert(3)');
    expect(svg).toContain('&#x3C;/title>&#x3C;script>');
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg.match(/<title/g)).toHaveLength(1);
  });
});

describe('layout', () => {
  it('measures CJK wider than Latin and cuts long labels', () => {
    expect(textWidth('城市')).toBeGreaterThan(textWidth('ab'));
    expect(fitText('A very long partner organisation name', 80)).toMatch(/…$/);
    expect(textWidth(fitText('A very long partner organisation name', 80))).toBeLessThanOrEqual(80);
    expect(fitText('Short', 80)).toBe('Short');
  });

  it('spaces labels and wraps the legend', () => {
    expect(labelStep(4, 40, 600)).toBe(1);
    expect(labelStep(60, 40, 600)).toBeGreaterThan(1);
    const items = Array.from({ length: 6 }, (_, k) => ({ name: `Series number ${k}`, color: '#000', mark: 'bar' as const }));
    expect(legendRows(items, 0, 300).length).toBeGreaterThan(1);
    expect(legendRows(items.slice(0, 1), 0, 300)).toHaveLength(1);
  });
});
