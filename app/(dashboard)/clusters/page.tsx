import { getLocale, getTranslations } from 'next-intl/server';
import { valueOptions } from '@/components/registries/fields/options';
import { ListTable } from '@/components/registries/list-table';
import { RegistryListPage } from '@/components/registries/registry-list-page';
import { LocalizedText } from '@/components/ui/localized-text';
import { requirePageUser } from '@/data/auth/session';
import { localized } from '@/lib/i18n/localized';
import { loadClusterFilters, loadClusters } from '@/data/registries';
import { clusterStages, registryListParams, type RegistryListParams } from '@/lib/validation/registries';

export async function generateMetadata() {
  const t = await getTranslations('registries.clusters');
  return { title: t('title') };
}

async function ClustersTable({ params }: { params: RegistryListParams }) {
  const [page, t, locale] = await Promise.all([loadClusters(params), getTranslations(), getLocale()]);
  const f = (k: string) => t(`registries.clusters.fields.${k}`);
  return (
    <ListTable
      path="/clusters"
      params={params}
      caption={t('registries.clusters.title')}
      defaultSort={{ key: 'name', dir: 'asc' }}
      columns={[
        { key: 'name', label: f('name'), sortable: true },
        { key: 'sector', label: f('sector'), sortable: true },
        { key: 'stage', label: f('status'), sortable: true },
        { key: 'leadCity', label: f('leadCity') },
        { key: 'members', label: f('members'), numeric: true },
      ]}
      rows={page.rows.map((c) => ({
        id: c.id,
        href: `/clusters/${c.id}`,
        archived: c.archivedAt !== null,
        cells: {
          name: <LocalizedText value={localized(locale, c.name, c.nameZh)} />,
          sector: c.sector,
          stage: t(`registries.values.clusterStage.${c.stage}`),
          leadCity: c.leadCity ? <LocalizedText value={localized(locale, c.leadCity, c.leadCityZh)} /> : '',
          members: String(c.memberCount),
        },
      }))}
      page={page}
    />
  );
}

export default async function ClustersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('dashboard.read');
  const params = registryListParams.parse(await searchParams);
  const [t, { sectors }] = await Promise.all([getTranslations(), loadClusterFilters()]);
  return (
    <>
      <RegistryListPage
        registry="clusters"
        role={user.role}
        params={params}
        filters={[
          { name: 'status', label: t('registries.filters.stage'), options: valueOptions(t, 'clusterStage', clusterStages) },
          { name: 'sector', label: t('registries.filters.sector'), options: sectors.map((s) => ({ value: s, label: s })) },
        ]}
      >
        <ClustersTable params={params} />
      </RegistryListPage>
    </>
  );
}
