import { getLocale, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { loadOverview } from '@/lib/data/overview';
import { formatDate, formatPercent } from '@/lib/format';
import { STATUS_THRESHOLDS } from '@/lib/progress';
import { localized } from '@/lib/i18n/localized';
import { LocalizedText } from '@/components/ui/localized-text';
import { GoalSection } from './goal-section';
import { OverviewFilters } from './overview-filters';
import { StatusTiles } from './status-tiles';

export async function OverviewContent({ year, includeSubmitted }: { year?: number; includeSubmitted: boolean }) {
  await connection();
  const [{ overview, plans }, t, locale] = await Promise.all([
    loadOverview({ year, includeSubmitted }),
    getTranslations(),
    getLocale(),
  ]);

  if (!overview) {
    return (
      <section className="card">
        <h2>{t('overview.noPlanTitle')}</h2>
        <p>{t('overview.noPlanBody')}</p>
      </section>
    );
  }

  const { plan, asOf, goals, statusCounts } = overview;
  return (
    <>
      <p className="muted">
        <LocalizedText value={localized(locale, plan.title, plan.titleZh)} /> · {t('overview.planStatus', { status: t(`planStatus.${plan.status}`) })} ·{' '}
        {t('overview.asOf', { date: formatDate(locale, asOf) })}
      </p>
      <OverviewFilters plans={plans} selectedYear={plan.year} includeSubmitted={includeSubmitted} />
      <p className="muted">{includeSubmitted ? t('overview.countingSubmitted') : t('overview.countingApproved')}</p>
      <StatusTiles counts={statusCounts} />
      <details className="card">
        <summary>{t('overview.legendTitle')}</summary>
        <p>
          {t('overview.legend', {
            ahead: formatPercent(locale, STATUS_THRESHOLDS.ahead),
            onTrack: formatPercent(locale, STATUS_THRESHOLDS.onTrack),
            atRisk: formatPercent(locale, STATUS_THRESHOLDS.atRisk),
          })}
        </p>
      </details>
      {goals.map((goal) => (
        <GoalSection key={goal.id} goal={goal} />
      ))}
    </>
  );
}
