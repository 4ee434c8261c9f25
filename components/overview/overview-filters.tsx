import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import type { Period } from '@/lib/periods';
import { localized } from '@/lib/i18n/localized';
import { periodLabel } from '@/lib/i18n/periods';
import { sdgTagView } from '@/lib/sdg';
import { overviewHref, type OverviewSearch } from './filters-schema';

interface PlanOption {
  id: number;
  year: number;
  title: string;
}

/** A plain GET form: filters end up in the URL, work without JavaScript and can be shared. */
export async function OverviewFilters({
  plans,
  clusters,
  periods,
  sdgChoices,
  selectedYear,
  search,
}: {
  plans: PlanOption[];
  clusters: { id: number; name: string; nameZh: string | null }[];
  periods: Period[];
  /** The SDG goals the plan is tagged with; the filter shows only when there are some (or one is chosen). */
  sdgChoices: string[];
  selectedYear: number;
  search: OverviewSearch;
}) {
  const [t, tAll, locale] = await Promise.all([getTranslations('overview'), getTranslations(), getLocale()]);
  const years = [...new Set(plans.map((p) => p.year))];
  const samePlan = search.plan === undefined || search.plan === selectedYear;
  const label = (p: Period) => periodLabel(tAll, locale, p, 'quarterly');
  const open = search.open === undefined ? '' : typeof search.open === 'string' ? search.open : search.open.join(',');
  return (
    <form className="toolbar overview-filters" method="get" action="/" aria-label={tAll('dashboards.overview.filtersLabel')}>
      <label>
        {t('planLabel')}
        <select name="plan" defaultValue={String(selectedYear)}>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tAll('dashboards.overview.from')}
        <select name="from" defaultValue={samePlan ? (search.from ?? '') : ''}>
          <option value="">{tAll('dashboards.overview.planStart')}</option>
          {periods.map((p) => (
            <option key={p.start} value={p.start}>
              {label(p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tAll('dashboards.overview.to')}
        <select name="to" defaultValue={samePlan ? (search.to ?? '') : ''}>
          <option value="">{tAll('dashboards.overview.asOfToday')}</option>
          {periods.map((p) => (
            <option key={p.end} value={p.end}>
              {label(p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {tAll('dashboards.overview.region')}
        <select name="region" defaultValue={search.region ?? ''}>
          <option value="">{tAll('dashboards.overview.allRegions')}</option>
          <option value="maritime">{tAll('dashboards.overview.regions.maritime')}</option>
          <option value="continental">{tAll('dashboards.overview.regions.continental')}</option>
        </select>
      </label>
      <label>
        {tAll('dashboards.overview.cluster')}
        <select name="cluster" defaultValue={search.cluster !== undefined ? String(search.cluster) : ''}>
          <option value="">{tAll('dashboards.overview.allClusters')}</option>
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {localized(locale, c.name, c.nameZh).text}
            </option>
          ))}
        </select>
      </label>
      {sdgChoices.length > 0 || search.sdg ? (
        <label>
          {tAll('sdg.filterLabel')}
          <select name="sdg" defaultValue={search.sdg ?? ''}>
            <option value="">{tAll('sdg.filterAll')}</option>
            {[...new Set([...sdgChoices, ...(search.sdg ? [search.sdg] : [])])].map((code) => (
              <option key={code} value={code}>
                {tAll('sdg.goalOption', { code, title: sdgTagView(code, locale)?.goalTitle ?? '' })}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="checkbox">
        <input type="checkbox" name="submitted" value="1" defaultChecked={search.submitted} />
        {t('includeSubmitted')}
      </label>
      {open ? <input type="hidden" name="open" value={open} /> : null}
      <button className="button" type="submit">
        {t('apply')}
      </button>
      <Link href={overviewHref({ submitted: false, open: search.open })}>{tAll('dashboards.overview.clear')}</Link>
    </form>
  );
}
