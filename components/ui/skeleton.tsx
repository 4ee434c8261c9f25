/** A placeholder of the same size as the content it stands for, so the layout does not jump. */
export function SkeletonBlock({ label, height = '14rem' }: { label: string; height?: string }) {
  return (
    <div className="skeleton skeleton-block" style={{ height }} role="status" aria-live="polite">
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
