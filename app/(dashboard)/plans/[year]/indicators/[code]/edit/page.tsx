import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { IndicatorForm } from '@/components/plans/indicator-form';
import { SdgTagsForm } from '@/components/plans/sdg-tags-form';
import { sdgChoiceGroups } from '@/lib/sdg';
import { TargetsForm } from '@/components/plans/targets-form';
import { requirePageUser } from '@/data/auth/session';
import { loadIndicatorSheet, loadPlan, loadPlanFormOptions } from '@/data/plans';
import { clampAsOf, periodKey, periodsBetween } from '@/lib/periods';
import { yearField } from '@/lib/validation/plans';
import { saveIndicatorAction, setTargetsAction } from '../../../../indicator-actions';
import { setSdgTagsAction } from '../../../../sdg-actions';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations('plans.indicator');
  return { title: t('editTitle', { code: decodeURIComponent((await params).code) }) };
}

export default async function EditIndicatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string; code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('plan.edit');
  const created = (await searchParams).created === '1';
  const raw = await params;
  const year = yearField.safeParse(raw.year);
  if (!year.success) notFound();
  const code = decodeURIComponent(raw.code);
  const [sheet, detail, { owners }, t, tAll, locale] = await Promise.all([
    loadIndicatorSheet(year.data, code),
    loadPlan(year.data),
    loadPlanFormOptions(),
    getTranslations('plans'),
    getTranslations(),
    getLocale(),
  ]);
  if (!sheet || !detail || sheet.plan.status === 'closed' || sheet.indicator.retiredAt) notFound();
  const { plan, indicator } = sheet;
  const periods = periodsBetween(indicator.frequency, plan.startDate, plan.endDate).map((p) => ({
    ...p,
    label: periodKey(p, indicator.frequency),
  }));
  const today = clampAsOf(new Date().toISOString().slice(0, 10), plan.startDate, plan.endDate);
  return (
    <>
      <h1>{t('indicator.editTitle', { code: indicator.code })}</h1>
      <p>
        <Link href={`/plans/${plan.year}/indicators/${encodeURIComponent(indicator.code)}`}>{t('indicator.sheet')}</Link>
        {' · '}
        <Link href={`/plans/${plan.year}`}>{plan.title}</Link>
      </p>
      {created ? (
        <p role="status" className="card">
          {t('indicator.created', { code: indicator.code })} {t('indicator.hints.targetLater')}
        </p>
      ) : null}
      <section className="card" aria-labelledby="targets-title">
        <h2 id="targets-title">{t('targets.title')}</h2>
        <TargetsForm action={setTargetsAction} indicator={indicator} periods={periods} endorsed={plan.status === 'endorsed'} today={today} />
      </section>
      <section className="card" aria-labelledby="sdg-title">
        <h2 id="sdg-title">{tAll('sdg.formTitle')}</h2>
        <SdgTagsForm action={setSdgTagsAction} entity="indicator" id={indicator.id} selected={indicator.sdgTags} groups={sdgChoiceGroups(locale)} idPrefix="indicator" />
      </section>
      <IndicatorForm
        action={saveIndicatorAction}
        plan={plan}
        goals={detail.goals.filter((g) => !g.retiredAt)}
        owners={owners}
        locked={indicator.hasUpdates}
        indicator={indicator}
      />
    </>
  );
}
