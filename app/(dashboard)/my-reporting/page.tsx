import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { figureText } from '@/components/updates/display';
import { requirePageUser } from '@/data/auth/session';
import { loadMyReporting } from '@/data/updates';
import { formatDate } from '@/lib/format';

export async function generateMetadata() {
  const t = await getTranslations('updates.mine');
  return { title: t('title') };
}

/** What is due: each entry one click from its form. */
export default async function MyReportingPage() {
  await requirePageUser('progress.log');
  const data = await loadMyReporting();
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  if (!data) return <p>{t('updates.review.noPlan')}</p>;
  const logHref = (code: string, period: string) =>
    `/updates/new?indicator=${encodeURIComponent(code)}&plan=${data.plan.year}&period=${encodeURIComponent(period)}`;
  const dueList = (items: typeof data.due, empty: string) =>
    items.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <ul>
        {items.map((d) => (
          <li key={`${d.indicatorCode}-${d.periodKey}`}>
            <Link href={logHref(d.indicatorCode, d.periodKey)}>
              {t('updates.mine.logFor', { code: d.indicatorCode, period: d.periodKey })}
            </Link>{' '}
            <span className="muted">
              {d.indicatorName} · {t('cycle.windows.dueOn', { date: formatDate(locale, d.dueOn) })} · {t('cycle.windows.closesOn', { date: formatDate(locale, d.closesOn) })}
            </span>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <h1>{t('updates.mine.title')}</h1>
      <p className="muted">{t('updates.mine.asOf', { date: formatDate(locale, data.asOf) })}</p>
      <p className="toolbar">
        <Link href="/updates/new">{t('updates.logProgress')}</Link>
        <Link href="/updates/import">{t('updates.import.title')}</Link>
      </p>
      <section className="card" aria-labelledby="due-title">
        <h2 id="due-title">{t('updates.mine.dueTitle')}</h2>
        {dueList(data.due, t('updates.mine.noneDue'))}
      </section>
      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t('updates.mine.overdueTitle')}</h2>
        {dueList(data.overdue, t('updates.mine.noneOverdue'))}
      </section>
      <section className="card" aria-labelledby="open-title">
        <h2 id="open-title">{t('updates.mine.openTitle')}</h2>
        {data.open.length === 0 ? (
          <p className="muted">{t('updates.mine.noneOpen')}</p>
        ) : (
          <ul>
            {data.open.map((u) => {
              const figure = u.value ?? (u.numerator !== null && u.denominator ? (100 * u.numerator) / u.denominator : null);
              return (
                <li key={u.id} data-update={u.id}>
                  <Link href={`/updates/${u.id}`}>
                    {t('updates.mine.openEntry', {
                      code: u.indicatorCode,
                      period: u.periodEnd,
                      status: t(`updates.status.${u.status}`),
                      value: figureText(t, locale, figure, u.valueKind, u.unit),
                    })}
                  </Link>
                  {u.status === 'returned' && u.reviewComment ? (
                    <div className="error-text">{t('updates.correct.returnedWith', { comment: u.reviewComment })}</div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
