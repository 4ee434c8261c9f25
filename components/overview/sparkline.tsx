/**
 * A tiny server-drawn line of an indicator's recent periods: no JavaScript, no chart library. The points are
 * read out in its accessible name, so it is never the only way to get the numbers.
 */
export function Sparkline({ values, label, width = 96, height = 28 }: { values: (number | null)[]; label: string; width?: number; height?: number }) {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const pad = 3;
  if (finite.length === 0) {
    return (
      <svg className="sparkline" width={width} height={height} role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`}>
        <line x1={pad} x2={width - pad} y1={height / 2} y2={height / 2} stroke="currentColor" strokeDasharray="2 3" opacity={0.4} />
      </svg>
    );
  }
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min || 1;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const point = (v: number, i: number) => ({
    x: pad + (values.length > 1 ? i * step : (width - 2 * pad) / 2),
    y: max === min ? height / 2 : height - pad - ((v - min) / span) * (height - 2 * pad),
  });
  // Gaps (periods with nothing counted) break the line rather than being drawn as zero.
  const segments: { x: number; y: number }[][] = [];
  let current: { x: number; y: number }[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push(point(v, i));
  });
  if (current.length) segments.push(current);
  const lastIndex = values.reduce<number>((acc, v, i) => (v !== null && Number.isFinite(v) ? i : acc), -1);
  const last = lastIndex >= 0 ? point(values[lastIndex] as number, lastIndex) : null;
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`}>
      {segments.map((seg, k) =>
        seg.length === 1 ? (
          <circle key={k} cx={seg[0]!.x} cy={seg[0]!.y} r={1.8} fill="currentColor" />
        ) : (
          <polyline key={k} points={seg.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')} fill="none" stroke="currentColor" strokeWidth={1.8} />
        ),
      )}
      {last ? <circle cx={last.x} cy={last.y} r={2.6} fill="currentColor" /> : null}
    </svg>
  );
}
