import { getLocale, getTranslations } from 'next-intl/server';
import { valueOptions } from '@/components/registries/fields/options';
import { ListTable } from '@/components/registries/list-table';
import { RegistryListPage } from '@/components/registries/registry-list-page';
import { LocalizedText } from '@/components/ui/localized-text';
import { requirePageUser } from '@/data/auth/session';
import { loadCityFilters, loadSupportRequests } from '@/data/registries';
import { formatDate } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { daysBetween } from '@/lib/periods';
import { needCategories, regions, registryListParams, requestStatuses, type RegistryListParams } from '@/lib/validation/registries';

export async function generateMetadata() {
  const t = await getTranslations('registries.support-requests');
  return { title: t('title') };
}

async function RequestsTable({ params }: { params: RegistryListParams }) {
  const [page, t, locale] = await Promise.all([loadSupportRequests(params), getTranslations(), getLocale()]);
  const f = (k: string) => t(`registries.support-requests.fields.${k}`);
  return (
    <ListTable
      path="/support-requests"
      params={params}
      caption={t('registries.support-requests.title')}
      defaultSort={{ key: 'receivedOn', dir: 'desc' }}
      columns={[
        { key: 'receivedOn', label: f('receivedOn'), sortable: true },
        { key: 'city', label: f('city'), sortable: true },
        { key: 'category', label: f('category'), sortable: true },
        { key: 'status', label: f('status'), sortable: true },
        { key: 'respondedOn', label: f('respondedOn'), sortable: true },
        { key: 'days', label: f('daysToRespond'), numeric: true },
        { key: 'description', label: f('description') },
      ]}
      rows={page.rows.map((r) => ({
        id: r.id,
        href: `/support-requests/${r.id}`,
        archived: r.archivedAt !== null,
        cells: {
          receivedOn: formatDate(locale, r.receivedOn),
          city: (
            <>
              <LocalizedText value={localized(locale, r.city, r.cityZh)} /> ({r.country})
            </>
          ),
          category: t(`registries.values.needCategory.${r.category}`),
          status: t(`registries.values.requestStatus.${r.status}`),
          respondedOn: r.respondedOn ? formatDate(locale, r.respondedOn) : '',
          days: r.respondedOn ? String(daysBetween(r.receivedOn, r.respondedOn)) : '',
          description: r.description,
        },
      }))}
      page={page}
    />
  );
}

export default async function SupportRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('dashboard.read');
  const params = registryListParams.parse(await searchParams);
  const [t, { countries }] = await Promise.all([getTranslations(), loadCityFilters()]);
  return (
    <>
      <RegistryListPage
        registry="support-requests"
        role={user.role}
        params={params}
        dateFilter={t('registries.support-requests.fields.receivedOn')}
        filters={[
          { name: 'status', label: t('registries.filters.status'), options: valueOptions(t, 'requestStatus', requestStatuses) },
          { name: 'category', label: t('registries.filters.category'), options: valueOptions(t, 'needCategory', needCategories) },
          { name: 'region', label: t('registries.filters.region'), options: valueOptions(t, 'region', regions) },
          { name: 'country', label: t('registries.filters.country'), options: countries.map((c) => ({ value: c, label: c })) },
        ]}
      >
        <RequestsTable params={params} />
      </RegistryListPage>
    </>
  );
}
