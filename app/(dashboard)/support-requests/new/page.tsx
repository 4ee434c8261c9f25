import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { supportRequestFields } from '@/components/registries/fields/support-request-fields';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { requirePageUser } from '@/data/auth/session';
import { loadCityOptions, registryToday } from '@/data/registries';
import { createSupportRequestAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('registries.support-requests');
  return { title: t('newTitle') };
}

export default async function NewSupportRequestPage() {
  await requirePageUser('registry.edit');
  const [t, today, cities] = await Promise.all([getTranslations(), registryToday(), loadCityOptions()]);
  return (
    <>
      <RegistryTabs current="support-requests" />
      <h1>{t('registries.support-requests.newTitle')}</h1>
      <section className="card">
        <RegistryForm action={createSupportRequestAction} fields={supportRequestFields(t, today, cities)} idPrefix="request" submitLabel={t('registries.save')} pendingLabel={t('registries.saving')} />
      </section>
      <p>
        <Link href="/support-requests">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
