import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { activityFields } from '@/components/registries/fields/activity-fields';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { requirePageUser } from '@/data/auth/session';
import { loadCityOptions, registryToday } from '@/data/registries';
import { createActivityAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('registries.activities');
  return { title: t('newTitle') };
}

export default async function NewActivityPage() {
  await requirePageUser('registry.edit');
  const [t, today, cities] = await Promise.all([getTranslations(), registryToday(), loadCityOptions()]);
  return (
    <>
      <RegistryTabs current="activities" />
      <h1>{t('registries.activities.newTitle')}</h1>
      <section className="card">
        <RegistryForm action={createActivityAction} fields={activityFields(t, today, cities)} idPrefix="activity" submitLabel={t('registries.save')} pendingLabel={t('registries.saving')} />
      </section>
      <p>
        <Link href="/activities">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
