import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { reopenPeriodAction, setCycleAction, setWindowAction } from '@/app/(dashboard)/plans/window-actions';
import { ActionForm } from '@/components/updates/action-form';
import { formatDate, formatDateTime } from '@/lib/format';

export interface WindowsPanelProps {
  enforced: boolean;
  reminderDays: number;
  today: string;
  planYear: number;
  indicatorId?: number;
  canManage: boolean;
  periods: { key: string; start: string; end: string; frequency: string; opensOn: string; dueOn: string; closesOn: string; custom: boolean; phase: string; reopenedUntil: string | null }[];
  reopenings: { id: number; indicatorCode: string | null; periodEnd: string; reopenedUntil: string; reason: string; reopenedByName: string | null; createdAt: Date }[];
}

/**
 * Submission windows: each period's opening, due and closing dates and where today falls, with a data table
 * (no chart). Admins turn the plan's windows on, change a period's dates and reopen a closed period with a reason.
 */
export async function WindowsPanel(props: WindowsPanelProps) {
  const [t, locale, timeZone] = await Promise.all([getTranslations('cycle.windows'), getLocale(), getTimeZone()]);
  const date = (d: string) => formatDate(locale, d);
  const scope: Record<string, number> = props.indicatorId === undefined ? { plan: props.planYear } : { plan: props.planYear, indicatorId: props.indicatorId };
  const periodOptions = props.periods.map((p) => (
    <option key={`${p.frequency}-${p.key}`} value={`${p.frequency}_${p.start}_${p.end}`}>
      {p.key}
    </option>
  ));
  return (
    <section className="card" aria-labelledby="windows-title" data-windows>
      <h2 id="windows-title">{t('title')}</h2>
      <p className="muted">{props.enforced ? t('enforcedNote', { today: date(props.today) }) : t('offNote')}</p>
      {props.periods.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('period')}</th>
                <th scope="col">{t('opens')}</th>
                <th scope="col">{t('due')}</th>
                <th scope="col">{t('closes')}</th>
                <th scope="col">{t('state')}</th>
              </tr>
            </thead>
            <tbody>
              {props.periods.map((p) => (
                <tr key={`${p.frequency}-${p.key}`} data-period={p.key} data-phase={p.phase}>
                  <th scope="row">{p.key}</th>
                  <td>{date(p.opensOn)}</td>
                  <td>{date(p.dueOn)}</td>
                  <td>
                    {date(p.closesOn)}
                    {p.custom ? <span className="muted"> {t('custom')}</span> : null}
                  </td>
                  <td>
                    {t(`phase.${p.phase}`)}
                    {p.reopenedUntil ? <span className="muted"> {t('reopenedUntil', { date: date(p.reopenedUntil) })}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.reopenings.length > 0 ? (
        <>
          <h3>{t('reopeningsTitle')}</h3>
          <ul>
            {props.reopenings.map((r) => (
              <li key={r.id}>
                {t('reopeningEntry', {
                  scope: r.indicatorCode ?? t('wholePlan'),
                  end: date(r.periodEnd),
                  until: date(r.reopenedUntil),
                  who: r.reopenedByName ?? '—',
                  when: formatDateTime(locale, r.createdAt, timeZone),
                  reason: r.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.canManage && props.periods.length > 0 ? (
        <details>
          <summary>{t('manage')}</summary>
          {props.indicatorId === undefined ? (
            <ActionForm action={setCycleAction} hidden={{ plan: props.planYear }} label={t('saveCycle')} pendingLabel={t('working')}>
              <label>
                <input type="checkbox" name="enforced" defaultChecked={props.enforced} /> {t('enforce')}
              </label>
              <label>
                {t('reminderDays')} <input type="number" name="reminderDays" min={1} max={60} defaultValue={props.reminderDays} required />
              </label>
            </ActionForm>
          ) : null}
          {props.indicatorId === undefined ? (
            <ActionForm action={setWindowAction} hidden={{ plan: props.planYear }} label={t('saveDates')} pendingLabel={t('working')}>
              <label>
                {t('period')} <select name="period">{periodOptions}</select>
              </label>
              <label>
                {t('opens')} <input type="date" name="opensOn" required />
              </label>
              <label>
                {t('due')} <input type="date" name="dueOn" required />
              </label>
              <label>
                {t('closes')} <input type="date" name="closesOn" required />
              </label>
            </ActionForm>
          ) : null}
          <ActionForm action={reopenPeriodAction} hidden={scope} label={props.indicatorId === undefined ? t('reopenPlan') : t('reopenIndicator')} pendingLabel={t('working')}>
            <label>
              {t('period')}{' '}
              <select name="periodEnd">
                {props.periods.map((p) => (
                  <option key={`${p.frequency}-${p.key}`} value={p.end}>
                    {p.key}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('until')} <input type="date" name="until" required defaultValue={props.today} />
            </label>
            <label>
              {t('reason')} <input type="text" name="reason" required maxLength={1000} />
            </label>
          </ActionForm>
        </details>
      ) : null}
    </section>
  );
}
