import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { IndicatorForm } from '@/components/plans/indicator-form';
import { requirePageUser } from '@/data/auth/session';
import { loadPlan, loadPlanFormOptions } from '@/data/plans';
import { yearField } from '@/lib/validation/plans';
import { saveIndicatorAction } from '../../../indicator-actions';

export async function generateMetadata() {
  const t = await getTranslations('plans.indicator');
  return { title: t('add') };
}

export default async function NewIndicatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('plan.edit');
  const year = yearField.safeParse((await params).year);
  if (!year.success) notFound();
  const [detail, { owners }, t] = await Promise.all([loadPlan(year.data), loadPlanFormOptions(), getTranslations('plans.indicator')]);
  if (!detail || detail.plan.status === 'closed') notFound();
  const goals = detail.goals.filter((g) => !g.retiredAt);
  if (goals.length === 0) notFound();
  const wanted = Number((await searchParams).goal);
  const goal = goals.find((g) => g.id === wanted) ?? goals[0]!;
  const { plan } = detail;
  return (
    <>
      <h1>{t('newTitle', { year: plan.year })}</h1>
      <IndicatorForm
        action={saveIndicatorAction}
        plan={plan}
        goals={goals}
        owners={owners}
        locked={false}
        indicator={{
          id: null,
          goalId: goal.id,
          code: `${goal.code}.${goal.indicators.length + 1}`,
          name: '',
          nameZh: null,
          description: null,
          descriptionZh: null,
          unit: '',
          valueKind: 'count',
          accumulation: 'cumulative',
          direction: 'increase',
          baselineValue: 0,
          baselineDate: plan.startDate,
          targetValue: null,
          targetDate: plan.endDate,
          frequency: 'quarterly',
          ownerId: null,
          source: 'manual',
          derivedKey: null,
          disaggregations: [],
          definition: null,
          meansOfVerification: null,
          collectionMethod: null,
          targetRationale: null,
        }}
      />
    </>
  );
}
