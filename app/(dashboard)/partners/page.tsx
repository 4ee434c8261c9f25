import { getLocale, getTranslations } from 'next-intl/server';
import { valueOptions } from '@/components/registries/fields/options';
import { ListTable } from '@/components/registries/list-table';
import { RegistryListPage } from '@/components/registries/registry-list-page';
import { LocalizedText } from '@/components/ui/localized-text';
import { requirePageUser } from '@/data/auth/session';
import { loadCityFilters, loadPartners } from '@/data/registries';
import { formatDate } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { partnerStatuses, partnerTypes, registryListParams, type RegistryListParams } from '@/lib/validation/registries';

export async function generateMetadata() {
  const t = await getTranslations('registries.partners');
  return { title: t('title') };
}

async function PartnersTable({ params }: { params: RegistryListParams }) {
  const [page, t, locale] = await Promise.all([loadPartners(params), getTranslations(), getLocale()]);
  const f = (k: string) => t(`registries.partners.fields.${k}`);
  return (
    <ListTable
      path="/partners"
      params={params}
      caption={t('registries.partners.title')}
      defaultSort={{ key: 'name', dir: 'asc' }}
      columns={[
        { key: 'name', label: f('name'), sortable: true },
        { key: 'type', label: f('type'), sortable: true },
        { key: 'status', label: f('status'), sortable: true },
        { key: 'since', label: f('since'), sortable: true },
        { key: 'cities', label: f('cities'), numeric: true },
      ]}
      rows={page.rows.map((p) => ({
        id: p.id,
        href: `/partners/${p.id}`,
        archived: p.archivedAt !== null,
        cells: {
          name: <LocalizedText value={localized(locale, p.name, p.nameZh)} />,
          type: t(`registries.values.partnerType.${p.type}`),
          status: t(`registries.values.partnerStatus.${p.status}`),
          since: p.since ? formatDate(locale, p.since) : '',
          cities: String(p.cityCount),
        },
      }))}
      page={page}
    />
  );
}

export default async function PartnersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('dashboard.read');
  const params = registryListParams.parse(await searchParams);
  const [t, { countries }] = await Promise.all([getTranslations(), loadCityFilters()]);
  return (
    <>
      <RegistryListPage
        registry="partners"
        role={user.role}
        params={params}
        dateFilter={t('registries.partners.fields.since')}
        filters={[
          { name: 'status', label: t('registries.filters.status'), options: valueOptions(t, 'partnerStatus', partnerStatuses) },
          { name: 'type', label: t('registries.filters.type'), options: valueOptions(t, 'partnerType', partnerTypes) },
          { name: 'country', label: t('registries.filters.country'), options: countries.map((c) => ({ value: c, label: c })) },
        ]}
      >
        <PartnersTable params={params} />
      </RegistryListPage>
    </>
  );
}
