import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { cityFields } from '@/components/registries/fields/city-fields';
import { RecordDetails } from '@/components/registries/record-details';
import { AuditTrail, StatusHistory } from '@/components/registries/record-history';
import { RecordManage } from '@/components/registries/record-manage';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { LocalizedText } from '@/components/ui/localized-text';
import { can } from '@/lib/auth/policy';
import { requirePageUser } from '@/data/auth/session';
import { loadCity, registryToday } from '@/data/registries';
import { formatDate } from '@/lib/format';
import { localized } from '@/lib/i18n/localized';
import { recordIdSchema } from '@/lib/validation/registries';
import { archiveCityAction, deleteCityAction, updateCityAction } from '../actions';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [t, locale] = await Promise.all([getTranslations('registries.cities'), getLocale()]);
  const id = recordIdSchema.safeParse((await params).id);
  const data = id.success ? await loadCity(id.data).catch(() => undefined) : undefined;
  return { title: data ? localized(locale, data.city.name, data.city.nameZh).text : t('title') };
}

/** One city: its details, status history and audit trail; staff and admins also get the edit form. */
export default async function CityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('dashboard.read');
  const id = recordIdSchema.safeParse((await params).id);
  const data = id.success ? await loadCity(id.data) : undefined;
  if (!data) notFound();
  const { city, history, audit } = data;
  const [t, locale, today] = await Promise.all([getTranslations(), getLocale(), registryToday()]);
  const f = (k: string) => t(`registries.cities.fields.${k}`);
  const canEdit = can(user.role, 'registry.edit');
  const details: [string, string][] = [
    [f('country'), city.country],
    [f('region'), t(`registries.values.region.${city.region}`)],
    [f('status'), t(`registries.values.cityStatus.${city.status}`)],
    [f('engagedOn'), city.engagedOn ? formatDate(locale, city.engagedOn) : t('registries.none')],
    [`${f('latitude')}, ${f('longitude')}`, city.latitude !== null ? `${city.latitude}, ${city.longitude}` : t('registries.none')],
    [f('focalPoint'), city.focalPoint ?? t('registries.none')],
    [f('notes'), city.notes ?? t('registries.none')],
  ];
  return (
    <>
      <RegistryTabs current="cities" />
      <h1>
        <LocalizedText value={localized(locale, city.name, city.nameZh)} />
        {city.archivedAt ? <span className="muted"> ({t('registries.archivedBadge')})</span> : null}
      </h1>
      <RecordDetails items={details} />
      {canEdit ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{t('registries.edit')}</h2>
          <RegistryForm
            action={updateCityAction}
            fields={cityFields(t, today, city)}
            hidden={{ id: String(city.id) }}
            idPrefix="city"
            submitLabel={t('registries.save')}
            pendingLabel={t('registries.saving')}
          />
        </section>
      ) : null}
      <StatusHistory rows={history} title={t('registries.detail.history')} column={f('status')} label={(s) => t(`registries.values.cityStatus.${s}`)} />
      <AuditTrail rows={audit} />
      {canEdit ? <RecordManage id={city.id} archived={city.archivedAt !== null} archiveAction={archiveCityAction} deleteAction={deleteCityAction} /> : null}
      <p>
        <Link href="/cities">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
