import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { decideWithdrawalAction } from '@/app/(dashboard)/review/actions';
import type { OpenWithdrawal } from '@/types/updates';
import { formatDateTime } from '@/lib/format';
import { DecisionForms } from './decision-forms';
import { figureText } from './display';
import { DataTable } from '@/components/ui/data-table';

/**
 * Requests to withdraw approved (counted) updates, for a reviewer to approve or refuse. The one who asked sees
 * their request without the buttons: someone else decides.
 */
export async function WithdrawalQueue({ requests, userId }: { requests: OpenWithdrawal[]; userId: string }) {
  const [t, locale, timeZone] = await Promise.all([getTranslations(), getLocale(), getTimeZone()]);
  return (
    <section aria-labelledby="withdrawals-title">
      <h2 id="withdrawals-title">{t('updates.withdrawal.queueTitle', { count: requests.length })}</h2>
      <DataTable
        empty={requests.length === 0 && t('updates.withdrawal.empty')}
        head={
          <>
            <th scope="col">{t('updates.withdrawal.indicator')}</th>
            <th scope="col">{t('updates.withdrawal.period')}</th>
            <th scope="col" className="num">{t('updates.withdrawal.value')}</th>
            <th scope="col">{t('updates.withdrawal.requestedBy')}</th>
            <th scope="col">{t('updates.withdrawal.why')}</th>
            <th scope="col">{t('updates.withdrawal.decision')}</th>
          </>
        }
      >
        {requests.map((w) => (
          <tr key={w.request.id} data-withdrawal={w.request.updateId}>
            <th scope="row">
              <Link href={`/indicators/${encodeURIComponent(w.indicatorCode)}#update-${w.request.updateId}`}>{w.indicatorCode}</Link>
              <div className="muted">{w.indicatorName}</div>
            </th>
            <td>
              {w.periodStart} – {w.periodEnd}
            </td>
            <td className="num">{figureText(t, locale, w.figure, w.valueKind, w.unit)}</td>
            <td>
              {w.requesterName ?? t('updates.withdrawal.someone')}
              <div className="muted">{formatDateTime(locale, w.request.requestedAt, timeZone)}</div>
            </td>
            <td>{w.request.reason}</td>
            <td>
              <DecisionForms
                own={w.request.requestedBy === userId}
                ownText={t('updates.withdrawal.yours')}
                action={decideWithdrawalAction}
                hidden={{ requestId: w.request.id }}
                approveLabel={t('updates.withdrawal.approve')}
                other={{ decision: 'refuse', label: t('updates.withdrawal.refuse'), commentLabel: t('updates.withdrawal.comment') }}
                pendingLabel={t('updates.form.saving')}
              />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
