import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { clusterFields } from '@/components/registries/fields/cluster-fields';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { requirePageUser } from '@/data/auth/session';
import { loadCityOptions, registryToday } from '@/data/registries';
import { createClusterAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('registries.clusters');
  return { title: t('newTitle') };
}

export default async function NewClusterPage() {
  await requirePageUser('registry.edit');
  const [t, today, cities] = await Promise.all([getTranslations(), registryToday(), loadCityOptions()]);
  return (
    <>
      <RegistryTabs current="clusters" />
      <h1>{t('registries.clusters.newTitle')}</h1>
      <section className="card">
        <RegistryForm action={createClusterAction} fields={clusterFields(t, today, cities)} idPrefix="cluster" submitLabel={t('registries.save')} pendingLabel={t('registries.saving')} />
      </section>
      <p>
        <Link href="/clusters">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
