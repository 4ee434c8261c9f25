import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { IndicatorSheet } from '@/components/plans/indicator-sheet';
import { requirePageUser } from '@/data/auth/session';
import { loadIndicatorSheet } from '@/data/plans';
import { yearField } from '@/lib/validation/plans';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations('plans.indicator');
  return { title: `${decodeURIComponent((await params).code)} · ${t('sheet')}` };
}

/** The indicator definition sheet: readable by every role that reads the dashboards (committee members included). */
export default async function IndicatorSheetPage({ params }: { params: Promise<{ year: string; code: string }> }) {
  await requirePageUser('dashboard.read');
  const raw = await params;
  const year = yearField.safeParse(raw.year);
  if (!year.success) notFound();
  const [sheet, t] = await Promise.all([loadIndicatorSheet(year.data, decodeURIComponent(raw.code)), getTranslations('plans')]);
  if (!sheet) notFound();
  const { plan, goal, indicator } = sheet;
  return (
    <>
      <p className="muted">
        <Link href={`/plans/${plan.year}`}>{t('sheet.plan', { year: plan.year })}</Link> · {t('sheet.goal', { code: goal.code, title: goal.title })}
      </p>
      <h1>
        {t('sheet.title', { code: indicator.code, name: indicator.name })}
        {indicator.retiredAt ? <span className="muted"> ({t('plan.retired')})</span> : null}
      </h1>
      {indicator.description ? <p>{indicator.description}</p> : null}
      {sheet.canEdit && plan.status !== 'closed' && !indicator.retiredAt ? (
        <p>
          <Link className="button" href={`/plans/${plan.year}/indicators/${encodeURIComponent(indicator.code)}/edit`}>
            {t('indicator.editLink')}
          </Link>
        </p>
      ) : null}
      <IndicatorSheet indicator={indicator} history={sheet.history} goal={goal} />
    </>
  );
}
