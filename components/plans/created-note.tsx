import { getTranslations } from 'next-intl/server';
import type { PlanDetail } from '@/types/plans';

/** Shown once after a plan is created: what was copied, and which indicators kept their old baseline. */
export async function CreatedNote({ detail, noActual }: { detail: PlanDetail; noActual: string | string[] | undefined }) {
  const t = await getTranslations('plans.create');
  const { plan, copiedFromYear, goals } = detail;
  // Only codes of this plan are echoed back from the URL.
  const codes = new Set(goals.flatMap((g) => g.indicators.map((i) => i.code)));
  const kept = (typeof noActual === 'string' ? noActual.split(',') : []).filter((c) => codes.has(c));
  const indicators = goals.reduce((n, g) => n + g.indicators.length, 0);
  return (
    <div role="status" className="card">
      <p>
        {copiedFromYear
          ? t('copied', { year: plan.year, from: copiedFromYear, goals: goals.length, indicators })
          : t('created', { year: plan.year })}
      </p>
      {kept.length > 0 ? <p className="muted">{t('withoutActual', { codes: kept.join(', ') })}</p> : null}
    </div>
  );
}
