import { useLocale, useTranslations } from 'next-intl';
import { formatDate } from '@/lib/format';
import { formatMoney, formatRatio } from '@/lib/budget/money';

export interface BudgetSummaryProps {
  currency: string;
  budget: string;
  spent: string;
  remaining: string;
  projectedYearEnd: string;
  utilisation: number | null;
  timeElapsed: number;
  delivery: number | null;
  planEnd: string;
}

/** The headline: spent against time gone and targets delivered, as tiles and as one sentence. */
export function BudgetSummary(props: BudgetSummaryProps & { headingId?: string }) {
  const t = useTranslations('budget.summary');
  const locale = useLocale();
  const money = (v: string) => formatMoney(locale, v, props.currency, 0);
  const tiles: [string, string][] = [
    ['budget', money(props.budget)],
    ['spent', money(props.spent)],
    ['utilisation', formatRatio(locale, props.utilisation)],
    ['timeElapsed', formatRatio(locale, props.timeElapsed)],
    ['delivery', formatRatio(locale, props.delivery)],
    ['projected', money(props.projectedYearEnd)],
  ];
  return (
    <>
      <ul className="tiles" data-budget-summary>
        {tiles.map(([key, value]) => (
          <li key={key} className="tile" data-tile={`budget-${key}`}>
            <span className="tile-value">{value}</span>
            <span>{t(key)}</span>
          </li>
        ))}
      </ul>
      <p data-budget-sentence>
        {t('sentence', {
          spent: formatRatio(locale, props.utilisation),
          elapsed: formatRatio(locale, props.timeElapsed),
          delivery: formatRatio(locale, props.delivery),
        })}{' '}
        {t('pace', { projected: money(props.projectedYearEnd), budget: money(props.budget), end: formatDate(locale, props.planEnd) })}
      </p>
      <p className="muted">{t('deliveryNote')}</p>
    </>
  );
}

/** The overview's tile: one line and a link to the budget page. */
export function BudgetTile({ summary, href }: { summary: BudgetSummaryProps | null; href: string }) {
  const t = useTranslations('budget.tile');
  const locale = useLocale();
  return (
    <section aria-labelledby="budget-tile-title" className="card" data-tile="budget">
      <h2 id="budget-tile-title">{t('title')}</h2>
      {summary ? (
        <p>
          {t('body', {
            spent: formatMoney(locale, summary.spent, summary.currency, 0),
            budget: formatMoney(locale, summary.budget, summary.currency, 0),
            utilisation: formatRatio(locale, summary.utilisation),
            elapsed: formatRatio(locale, summary.timeElapsed),
          })}
        </p>
      ) : (
        <p className="muted">{t('empty')}</p>
      )}
      <p>
        <a href={href}>{t('link')}</a>
      </p>
    </section>
  );
}
