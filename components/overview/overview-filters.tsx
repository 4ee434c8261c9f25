import { getTranslations } from 'next-intl/server';

interface PlanOption {
  id: number;
  year: number;
  title: string;
}

/** A plain GET form: filters end up in the URL, work without JavaScript and can be shared. */
export async function OverviewFilters({
  plans,
  selectedYear,
  includeSubmitted,
}: {
  plans: PlanOption[];
  selectedYear: number;
  includeSubmitted: boolean;
}) {
  const t = await getTranslations('overview');
  const years = [...new Set(plans.map((p) => p.year))];
  return (
    <form className="toolbar" method="get" action="/">
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
      <label className="checkbox">
        <input type="checkbox" name="submitted" value="1" defaultChecked={includeSubmitted} />
        {t('includeSubmitted')}
      </label>
      <button className="button" type="submit">
        {t('apply')}
      </button>
    </form>
  );
}
