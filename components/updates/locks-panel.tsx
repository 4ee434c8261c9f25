import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { lockPeriodAction, unlockPeriodAction } from '@/app/(dashboard)/review/actions';
import type { LockListItem } from '@/types/updates';
import { formatDateTime } from '@/lib/format';
import { ActionForm } from './action-form';
import { periodLabel } from './display';

/**
 * Period locks: the locks that apply, each with who locked it and when; admins may lock a
 * period (of this indicator, or of the whole plan when no indicator is given) and unlock one.
 */
export async function LocksPanel({
  planYear,
  indicatorId,
  periods,
  locks,
  canLock,
}: {
  planYear: number;
  indicatorId?: number;
  periods: { key: string; start: string; end: string }[];
  locks: LockListItem[];
  canLock: boolean;
}) {
  const [t, locale, timeZone] = await Promise.all([getTranslations('updates.locks'), getLocale(), getTimeZone()]);
  return (
    <section className="card" aria-labelledby="locks-title">
      <h2 id="locks-title">{t('title')}</h2>
      {locks.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul>
          {locks.map((l) => (
            <li key={l.id} data-lock={l.id}>
              {t('entry', {
                scope: l.indicatorCode ?? t('wholePlan'),
                start: l.periodStart,
                end: l.periodEnd,
                who: l.lockedByName ?? '—',
                when: formatDateTime(locale, l.lockedAt, timeZone),
              })}
              {canLock && (indicatorId === undefined || l.indicatorId !== null) ? (
                <ActionForm action={unlockPeriodAction} hidden={{ lockId: l.id }} label={t('unlock')} pendingLabel={t('working')} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canLock ? (
        <ActionForm
          action={lockPeriodAction}
          hidden={indicatorId === undefined ? { plan: planYear } : { plan: planYear, indicatorId }}
          label={indicatorId === undefined ? t('lockPlan') : t('lockIndicator')}
          pendingLabel={t('working')}
        >
          <label>
            {t('period')}
            <select name="period">
              {periods.map((p) => (
                <option key={p.key} value={`${p.start}_${p.end}`}>
                  {periodLabel(locale, p)}
                </option>
              ))}
            </select>
          </label>
        </ActionForm>
      ) : null}
    </section>
  );
}
