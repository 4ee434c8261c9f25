import { randomUUID } from 'node:crypto';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { LogProgressForm } from '@/components/updates/log-progress-form';
import { figureText, periodLabel } from '@/components/updates/display';
import { requirePageUser } from '@/data/auth/session';
import { loadIndicatorChoices, loadLogForm } from '@/data/updates';
import { problemTranslator } from '@/data/updates-messages';
import { updateListFilters } from '@/lib/validation/updates-filters';
import { formatDate } from '@/lib/format';
import { logProgressAction, previewFlagsAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('updates.form');
  return { title: t('title') };
}

export default async function LogProgressPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('progress.log');
  const filters = updateListFilters.parse(await searchParams);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  if (!filters.indicator) {
    const choices = await loadIndicatorChoices(filters.plan);
    return (
      <>
        <h1>{t('updates.form.title')}</h1>
        <p className="muted">{t('updates.form.chooseIndicator')}</p>
        <ul>
          {choices.map((c) => (
            <li key={c.code}>
              <Link href={`/updates/new?indicator=${encodeURIComponent(c.code)}`}>
                {c.code} · {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </>
    );
  }
  const data = await loadLogForm(filters.indicator, filters.plan);
  if (!data) notFound();
  const { plan, indicator, context, points } = data;
  const { one } = await problemTranslator();
  const periods = context.periods.map((p) => ({
    key: p.key,
    end: p.end,
    label: periodLabel(locale, p),
    targetText: figureText(t, locale, p.target, indicator.valueKind, indicator.unit),
    lockText: p.lock ? one(p.lock) : null,
    windowText: t('updates.form.windowDates', {
      opens: formatDate(locale, p.window.opensOn),
      due: formatDate(locale, p.window.dueOn),
      closes: formatDate(locale, p.window.closesOn),
    }),
    windowState: p.window.enforced ? t(`cycle.windows.phase.${p.window.phase}`) : t('updates.form.windowNotEnforced'),
  }));
  return (
    <>
      <p>
        <Link href={`/indicators/${encodeURIComponent(indicator.code)}?plan=${plan.year}`}>{t('updates.form.back', { code: indicator.code })}</Link>
      </p>
      <h1>{t('updates.form.titleFor', { code: indicator.code })}</h1>
      <p>{indicator.name}</p>
      <p className="muted">
        {t(`updates.accumulation.${indicator.accumulation}`)} · {t(`updates.frequency.${indicator.frequency}`)} · {indicator.unit}
      </p>
      <section className="card">
        <LogProgressForm
          action={logProgressAction}
          previewFlags={previewFlagsAction}
          planYear={plan.year}
          indicator={{ code: indicator.code, name: indicator.name, unit: indicator.unit, valueKind: indicator.valueKind, accumulation: indicator.accumulation }}
          periods={periods}
          currentPeriodKey={periods.some((p) => p.key === filters.period) ? filters.period : context.currentPeriodKey}
          places={{ cities: context.cities, clusters: context.clusters, partners: context.partners }}
          points={points}
          // One key per rendering of the form: a double click or a resent request stores one update.
          idempotencyKey={randomUUID()}
        />
      </section>
    </>
  );
}
