import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { BudgetForm, type BudgetField } from '@/components/budget/budget-form';
import { RevisionsTable } from '@/components/budget/budget-tables';
import { requirePageUser } from '@/data/auth/session';
import { loadBudgetLines } from '@/data/budget';
import { formatMoney } from '@/lib/budget/money';
import { localized } from '@/lib/i18n/localized';
import { createBudgetLineAction, reviseBudgetLineAction, setBudgetCurrencyAction, updateBudgetLineAction } from '../actions';
import { budgetPlanParam } from '../params';

export async function generateMetadata() {
  const t = await getTranslations('budget.lines');
  return { title: t('title') };
}

/** Admins keep the plan's budget lines; an endorsed plan's amounts change by dated revisions with a reason. */
export default async function BudgetLinesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('budget.edit');
  const { plan: year } = budgetPlanParam.parse(await searchParams);
  const [data, t, locale] = await Promise.all([loadBudgetLines(year), getTranslations('budget'), getLocale()]);
  if (!data) return <p>{t('noPlanBody')}</p>;
  const { plan, lines, goals, currency } = data;
  const f = (k: string) => t(`lines.fields.${k}`);
  const goalOptions = [{ value: '', label: t('programmeWide') }, ...goals.map((g) => ({ value: String(g.id), label: `${g.code} ${localized(locale, g.title, g.titleZh).text}` }))];
  const endorsed = plan.status === 'endorsed';
  const lineFields = (line?: (typeof lines)[number]): BudgetField[] => [
    { name: 'code', label: f('code'), required: true, defaultValue: line?.code },
    { name: 'title', label: f('title'), required: true, defaultValue: line?.title },
    { name: 'titleZh', label: f('titleZh'), defaultValue: line?.titleZh ?? '' },
    { name: 'goalId', label: f('goalId'), type: 'select', options: goalOptions, defaultValue: line?.goalId ? String(line.goalId) : '' },
    { name: 'fundingSource', label: f('fundingSource'), required: true, defaultValue: line?.fundingSource },
    { name: 'amount', label: `${f('amount')} (${currency})`, required: true, inputMode: 'decimal', defaultValue: line?.amount },
    { name: 'currency', label: f('currency'), required: true, defaultValue: currency },
    ...(endorsed ? [{ name: 'effectiveOn', label: f('effectiveOn'), type: 'date' as const }, { name: 'reason', label: f('reason'), type: 'textarea' as const }] : []),
  ];
  return (
    <>
      <h1>{t('lines.title')}</h1>
      <p className="muted">
        {localized(locale, plan.title, plan.titleZh).text} · {t('lines.intro', { currency })}
      </p>
      {endorsed ? <p className="card notice">{t('lines.endorsedNote')}</p> : null}
      {plan.status === 'closed' ? <p className="card notice">{t('lines.closedNote')}</p> : null}
      <p>
        <Link href={`/budget?plan=${plan.year}`}>{t('title')}</Link>
      </p>
      {lines.length === 0 ? <p className="muted">{t('lines.empty')}</p> : null}
      {lines.map((line) => (
        <section key={line.id} className="card" aria-labelledby={`line-${line.id}`}>
          <h2 id={`line-${line.id}`}>
            {line.code} {localized(locale, line.title, line.titleZh).text} — {formatMoney(locale, line.amount, currency)}
          </h2>
          <details>
            <summary>{t('lines.edit', { code: line.code })}</summary>
            <BudgetForm action={updateBudgetLineAction} hidden={{ planId: String(plan.id), id: String(line.id) }} fields={lineFields(line)} submitLabel={t('lines.save')} />
          </details>
          {endorsed ? (
            <details>
              <summary>{t('lines.revise', { code: line.code })}</summary>
              <BudgetForm
                action={reviseBudgetLineAction}
                hidden={{ lineId: String(line.id) }}
                fields={[
                  { name: 'newAmount', label: `${f('newAmount')} (${currency})`, required: true, inputMode: 'decimal' },
                  { name: 'effectiveOn', label: f('revisionDate'), type: 'date', required: true },
                  { name: 'reason', label: f('revisionReason'), type: 'textarea', required: true },
                ]}
                submitLabel={t('lines.reviseSubmit')}
              />
            </details>
          ) : null}
        </section>
      ))}
      <section className="card" aria-labelledby="new-line">
        <h2 id="new-line">{t('lines.new')}</h2>
        <BudgetForm action={createBudgetLineAction} hidden={{ planId: String(plan.id) }} fields={lineFields()} submitLabel={t('lines.add')} testId="new-budget-line" />
      </section>
      <section className="card" aria-labelledby="budget-revisions">
        <h2 id="budget-revisions">{t('revisions.heading')}</h2>
        <RevisionsTable rows={data.revisions} currency={currency} />
      </section>
      <section className="card" aria-labelledby="budget-currency">
        <h2 id="budget-currency">{t('lines.currencyHeading')}</h2>
        <BudgetForm
          action={setBudgetCurrencyAction}
          hidden={{ planId: String(plan.id) }}
          fields={[{ name: 'baseCurrency', label: f('baseCurrency'), defaultValue: currency, required: true, help: t('lines.currencyHelp') }]}
          submitLabel={t('lines.currencySave')}
        />
      </section>
    </>
  );
}
