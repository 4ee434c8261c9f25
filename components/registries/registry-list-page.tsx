import { getTranslations } from 'next-intl/server';
import { Suspense, type ReactNode } from 'react';
import { SkeletonBlock } from '@/components/ui/skeleton';
import { can, type Role } from '@/lib/auth/policy';
import type { Registry, RegistryListParams } from '@/lib/validation/registries';
import { ListFilters, type FilterSpec } from './list-filters';
import { RegistryTabs } from './registry-tabs';
import { RegistryToolbar } from './registry-toolbar';

/**
 * A registry's list page: the tabs, its title and intro, the toolbar (edit and import controls for the roles
 * that may), the filters, and the table, streamed in again whenever the filters change.
 */
export async function RegistryListPage({
  registry,
  role,
  params,
  filters,
  dateFilter,
  children,
}: {
  registry: Registry;
  role: Role;
  params: RegistryListParams;
  filters: FilterSpec[];
  dateFilter?: string;
  children: ReactNode;
}) {
  const t = await getTranslations('registries');
  return (
    <>
      <RegistryTabs current={registry} />
      <h1>{t(`${registry}.title`)}</h1>
      <p className="muted">{t(`${registry}.intro`)}</p>
      <RegistryToolbar registry={registry} params={params} canEdit={can(role, 'registry.edit')} canImport={can(role, 'registry.import')} />
      <ListFilters path={`/${registry}`} params={params} dateFilter={dateFilter} filters={filters} />
      <Suspense key={JSON.stringify(params)} fallback={<SkeletonBlock label={t('loading')} height="20rem" />}>
        {children}
      </Suspense>
    </>
  );
}
