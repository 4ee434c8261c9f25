/** A bar for achievement; the percentage is also written out, so the bar itself is decorative. */
export function AchievementBar({ ratio, label }: { ratio: number | null; label: string }) {
  const width = ratio === null ? 0 : Math.max(0, Math.min(1, ratio)) * 100;
  return (
    <span className="bar">
      <span className="bar-track" aria-hidden="true">
        <span className="bar-fill" style={{ width: `${width}%`, display: 'block' }} />
      </span>
      <span>{label}</span>
    </span>
  );
}
