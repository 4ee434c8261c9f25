import type { Status } from '@/lib/progress/types';

/** Status is shown as colour and words together, never colour alone. */
export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return <span className={`badge badge-${status}`}>{label}</span>;
}
