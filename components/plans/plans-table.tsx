import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { PlanListItem } from '@/types/plans';
import { formatDate } from '@/lib/format';

/** Every plan, newest year first, with its status and size. */
export async function PlansTable({ plans }: { plans: PlanListItem[] }) {
  const [t, locale] = await Promise.all([getTranslations('plans'), getLocale()]);
  if (plans.length === 0) return <p className="muted">{t('empty')}</p>;
  const date = (d: string | null) => (d ? formatDate(locale, d) : t('none'));
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.year')}</th>
            <th scope="col">{t('columns.title')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col" className="num">{t('columns.goals')}</th>
            <th scope="col" className="num">{t('columns.indicators')}</th>
            <th scope="col">{t('columns.endorsed')}</th>
            <th scope="col">{t('columns.closed')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id} data-plan={p.year}>
              <th scope="row">
                <Link href={`/plans/${p.year}`}>{p.year}</Link>
              </th>
              <td>{p.title}</td>
              <td>{t(`status.${p.status}`)}</td>
              <td className="num">{p.goals}</td>
              <td className="num">{p.indicators}</td>
              <td>{date(p.endorsedOn)}</td>
              <td>{date(p.closedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
