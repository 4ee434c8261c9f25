import { getTranslations } from 'next-intl/server';
import type { Status } from '@/lib/progress/types';
import { StatusBadge } from '@/components/ui/status-badge';

const order: Status[] = ['ahead', 'on_track', 'at_risk', 'off_track', 'no_data'];

export async function StatusTiles({ counts }: { counts: Record<Status, number> }) {
  const t = await getTranslations();
  return (
    <section aria-labelledby="status-tiles-title">
      <h2 id="status-tiles-title">{t('overview.summaryTitle')}</h2>
      <ul className="tiles">
        {order.map((status) => (
          <li key={status} className="tile" data-status={status}>
            <span className="tile-value">{counts[status]}</span>
            <StatusBadge status={status} label={t(`status.${status}`)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
