import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ImportForm } from '@/components/registries/import-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { requirePageUser } from '@/data/auth/session';
import { IO_COLUMNS } from '@/lib/validation/registries-io';
import { importCitiesAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('registries');
  return { title: t('import.title', { registry: t('cities.title') }) };
}

export default async function ImportCitiesPage() {
  await requirePageUser('registry.import');
  const t = await getTranslations('registries');
  return (
    <>
      <RegistryTabs current="cities" />
      <h1>{t('import.title', { registry: t('cities.title') })}</h1>
      <p className="muted">{t('import.intro')}</p>
      <p>
        <code>{IO_COLUMNS['cities'].filter((c) => c.field).map((c) => c.header).join(', ')}</code>
      </p>
      <section className="card">
        <ClientMessages scope="registryImport">
          <ImportForm action={importCitiesAction} />
        </ClientMessages>
      </section>
      <p>
        <Link href="/cities">{t('backToList')}</Link>
      </p>
    </>
  );
}
