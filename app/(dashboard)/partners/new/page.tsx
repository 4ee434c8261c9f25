import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { partnerFields } from '@/components/registries/fields/partner-fields';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { requirePageUser } from '@/data/auth/session';
import { loadCityOptions, registryToday } from '@/data/registries';
import { createPartnerAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('registries.partners');
  return { title: t('newTitle') };
}

export default async function NewPartnerPage() {
  await requirePageUser('registry.edit');
  const [t, today, cities] = await Promise.all([getTranslations(), registryToday(), loadCityOptions()]);
  return (
    <>
      <RegistryTabs current="partners" />
      <h1>{t('registries.partners.newTitle')}</h1>
      <section className="card">
        <RegistryForm action={createPartnerAction} fields={partnerFields(t, today, cities)} idPrefix="partner" submitLabel={t('registries.save')} pendingLabel={t('registries.saving')} />
      </section>
      <p>
        <Link href="/partners">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
