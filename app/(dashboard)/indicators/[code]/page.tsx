import { Link } from '@/components/ui/link';
import { SdgTagsLines } from '@/components/plans/sdg-tags-lines';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { IndicatorChartLoader } from '@/app/(dashboard)/indicators/chart-panel';
import { CommentThread } from '@/app/(dashboard)/meetings/comment-thread';
import { ConcerningItems } from '@/app/(dashboard)/meetings/concerning-items';
import { figureText } from '@/components/updates/display';
import { LocksPanel } from '@/components/updates/locks-panel';
import { WindowsPanel } from '@/components/cycle/windows-panel';
import { loadWindows } from '@/data/cycle';
import { Pager } from '@/components/ui/pager';
import { UpdatesTable } from '@/components/updates/updates-table';
import { can } from '@/lib/auth/policy';
import { derivationInfo, derivedDimensions } from '@/lib/derivations';
import { requirePageUser } from '@/data/auth/session';
import { loadIndicatorPage } from '@/data/updates';
import { pageParam } from '@/lib/paging';
import { filtersQuery, updateListFilters } from '@/lib/validation/updates-filters';

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }) {
  const t = await getTranslations('updates.indicator');
  return { title: t('title', { code: decodeURIComponent((await params).code) }) };
}

/** One indicator: its definition, targets by period, every update with its history, locks, and exports. */
export default async function IndicatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser('dashboard.read');
  const code = decodeURIComponent((await params).code);
  const query = await searchParams;
  const filters = updateListFilters.parse(query);
  const updatesPage = pageParam(query.updatesPage);
  const data = await loadIndicatorPage(code, filters.plan, updatesPage);
  if (!data) notFound();
  const [t, locale, windows] = await Promise.all([getTranslations(), getLocale(), data.indicator.source === 'manual' ? loadWindows(data.plan, data.indicator) : undefined]);
  const { plan, indicator: i, goal, updates, evidence, updatesPaging, locks, periods } = data;
  const updatesHref = (n: number) => `?${new URLSearchParams({ plan: String(plan.year), updatesPage: String(n) })}#updates-title`;
  const fig = (v: number | null) => figureText(t, locale, v, i.valueKind, i.unit);
  const savedId = Number(Array.isArray(query.saved) ? query.saved[0] : query.saved) || undefined;
  const canLog = can(user.role, 'progress.log') && i.source === 'manual';
  const exportQuery = filtersQuery({ plan: plan.year, indicator: i.code });
  // A derived indicator's breakdown dimension; one it does not carry is refused on the page, never a 500.
  const derivation = i.source === 'derived' ? derivationInfo(i.derivedKey) : undefined;
  const breakdownBy = typeof query.by === 'string' && query.by !== '' ? query.by : undefined;
  return (
    <>
      <p className="muted">
        {goal ? `${goal.code} · ${goal.title}` : null} · {t('updates.indicator.planLine', { year: plan.year })}
      </p>
      <h1>
        {i.code} · {i.name}
      </h1>
      {canLog ? (
        <p>
          <Link className="button" href={`/updates/new?indicator=${encodeURIComponent(i.code)}&plan=${plan.year}`}>
            {t('updates.logProgress')}
          </Link>
        </p>
      ) : null}
      {savedId ? (
        <p role="status" className="card">
          {t('updates.indicator.saved')}
        </p>
      ) : null}
      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title">{t('updates.indicator.details')}</h2>
        <dl className="details">
          <dt>{t('updates.indicator.kind')}</dt>
          <dd>
            {t(`updates.valueKind.${i.valueKind}`)} · {t(`updates.accumulation.${i.accumulation}`)} · {i.unit}
          </dd>
          <dt>{t('updates.indicator.frequency')}</dt>
          <dd>{t(`updates.frequency.${i.frequency}`)}</dd>
          <dt>{t('updates.indicator.baseline')}</dt>
          <dd>{t('updates.indicator.onDate', { value: fig(i.baselineValue), date: i.baselineDate })}</dd>
          <dt>{t('updates.indicator.target')}</dt>
          <dd>{t('updates.indicator.onDate', { value: fig(i.targetValue), date: i.targetDate })}</dd>
          <dt>{t('updates.indicator.owner')}</dt>
          <dd>{data.ownerName ?? '—'}</dd>
          <dt>{t('updates.indicator.disaggregations')}</dt>
          <dd>{i.disaggregations.map((d) => t(`updates.disaggregations.${d}`)).join(', ') || '—'}</dd>
          {derivation ? (
            <>
              <dt>{t('updates.indicator.derivation')}</dt>
              <dd data-derivation={i.derivedKey}>{t(`plans.derivations.name.${i.derivedKey}`)}</dd>
              <dt>{t('updates.indicator.derivationRegistry')}</dt>
              <dd>{t(`registries.derived.registry.${derivation.registry}`)}</dd>
              <dt>{t('updates.indicator.derivationFilter')}</dt>
              <dd>{t(`plans.derivations.filter.${derivation.filter}`)}</dd>
              <dt>{t('updates.indicator.derivationDimensions')}</dt>
              <dd>{derivedDimensions(i.derivedKey).map((d) => t(`dashboards.breakdown.dimension.${d}`)).join(', ') || '—'}</dd>
            </>
          ) : null}
          {i.definition ? (
            <>
              <dt>{t('updates.indicator.definition')}</dt>
              <dd>{i.definition}</dd>
            </>
          ) : null}
          <dt>{t('sdg.title')}</dt>
          <dd data-sdg-section>
            <SdgTagsLines own={data.sdgTags.own} goal={data.sdgTags.goal} goalCode={data.goal?.code ?? ''} locale={locale} t={t} />
          </dd>
        </dl>
      </section>
      <IndicatorChartLoader code={i.code} year={plan.year} breakdownBy={breakdownBy} chooseBreakdown />
      <section className="card" aria-labelledby="targets-title">
        <h2 id="targets-title">{t('updates.indicator.targetsTitle')}</h2>
        <ul>
          {periods.map((p) => (
            <li key={p.key}>{t('updates.indicator.periodTarget', { period: p.key, target: fig(p.target) })}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="updates-title">
        <h2 id="updates-title">{t('updates.indicator.updatesTitle')}</h2>
        <p className="toolbar">
          <a href={`/api/updates/export?${exportQuery}&format=csv`}>{t('updates.export.csv')}</a>
          <a href={`/api/updates/export?${exportQuery}&format=xlsx`}>{t('updates.export.xlsx')}</a>
        </p>
        <UpdatesTable items={updates} kind={i.valueKind} unit={i.unit} canEdit={canLog} savedId={savedId} evidence={evidence} />
        {updatesPaging.pages > 1 ? (
          <Pager
            label={t('updates.indicator.pagesLabel')}
            summary={t('updates.indicator.pageOf', { page: updatesPaging.page, pages: updatesPaging.pages, total: updatesPaging.total })}
            previous={updatesPaging.page > 1 ? { href: updatesHref(updatesPaging.page - 1), label: t('updates.indicator.newer') } : undefined}
            next={updatesPaging.page < updatesPaging.pages ? { href: updatesHref(updatesPaging.page + 1), label: t('updates.indicator.older') } : undefined}
          />
        ) : null}
      </section>
      {windows ? <WindowsPanel {...windows} /> : null}
      <LocksPanel planYear={plan.year} indicatorId={i.id} periods={periods} locks={locks} canLock={can(user.role, 'period.lock')} />
      <ConcerningItems indicatorId={i.id} />
      <CommentThread subject="indicator" subjectId={i.id} />
    </>
  );
}
