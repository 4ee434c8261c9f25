import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { cityFields } from '@/components/registries/fields/city-fields';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { requirePageUser } from '@/data/auth/session';
import { registryToday } from '@/data/registries';
import { createCityAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('registries.cities');
  return { title: t('newTitle') };
}

export default async function NewCityPage() {
  // Staff and admins only, decided before anything streams: committee members get a real 403.
  await requirePageUser('registry.edit');
  const [t, today] = await Promise.all([getTranslations(), registryToday()]);
  return (
    <>
      <RegistryTabs current="cities" />
      <h1>{t('registries.cities.newTitle')}</h1>
      <section className="card">
        <RegistryForm
          action={createCityAction}
          fields={cityFields(t, today)}
          idPrefix="city"
          submitLabel={t('registries.save')}
          pendingLabel={t('registries.saving')}
        />
      </section>
      <p>
        <Link href="/cities">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
