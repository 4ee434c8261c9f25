import { getLocale, getTranslations } from 'next-intl/server';
import { valueOptions } from '@/components/registries/fields/options';
import { ListTable } from '@/components/registries/list-table';
import { RegistryListPage } from '@/components/registries/registry-list-page';
import { localizedLabel } from '@/lib/i18n/localized';
import { requirePageUser } from '@/data/auth/session';
import { loadActivities, loadActivityFilters, loadCityFilters } from '@/data/registries';
import { formatDate } from '@/lib/format';
import { activityFormats, registryListParams, type RegistryListParams } from '@/lib/validation/registries';

export async function generateMetadata() {
  const t = await getTranslations('registries.activities');
  return { title: t('title') };
}

async function ActivitiesTable({ params }: { params: RegistryListParams }) {
  const [page, t, locale] = await Promise.all([loadActivities(params), getTranslations(), getLocale()]);
  const f = (k: string) => t(`registries.activities.fields.${k}`);
  return (
    <ListTable
      path="/activities"
      params={params}
      caption={t('registries.activities.title')}
      defaultSort={{ key: 'heldOn', dir: 'desc' }}
      columns={[
        { key: 'heldOn', label: f('heldOn'), sortable: true },
        { key: 'title', label: f('title'), sortable: true },
        { key: 'topic', label: f('topic'), sortable: true },
        { key: 'format', label: f('format'), sortable: true },
        { key: 'participants', label: f('participants'), sortable: true, numeric: true },
        { key: 'cities', label: f('cities') },
      ]}
      rows={page.rows.map((a) => ({
        id: a.id,
        href: `/activities/${a.id}`,
        archived: a.archivedAt !== null,
        cells: {
          heldOn: formatDate(locale, a.heldOn),
          title: a.title,
          topic: a.topic,
          format: t(`registries.values.activityFormat.${a.format}`),
          participants: String(a.participantsTotal),
          cities: a.cityList.map((c) => localizedLabel(locale, c.name, c.nameZh, (lang) => t(`locale.fallback.${lang}`))).join('; '),
        },
      }))}
      page={page}
    />
  );
}

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('dashboard.read');
  const params = registryListParams.parse(await searchParams);
  const [t, { topics }, { countries }] = await Promise.all([getTranslations(), loadActivityFilters(), loadCityFilters()]);
  return (
    <>
      <RegistryListPage
        registry="activities"
        role={user.role}
        params={params}
        dateFilter={t('registries.activities.fields.heldOn')}
        filters={[
          { name: 'format', label: t('registries.filters.format'), options: valueOptions(t, 'activityFormat', activityFormats) },
          { name: 'sector', label: t('registries.filters.topic'), options: topics.map((s) => ({ value: s, label: s })) },
          { name: 'country', label: t('registries.filters.country'), options: countries.map((c) => ({ value: c, label: c })) },
        ]}
      >
        <ActivitiesTable params={params} />
      </RegistryListPage>
    </>
  );
}
