import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { partnerFields } from '@/components/registries/fields/partner-fields';
import { AuditTrail, StatusHistory } from '@/components/registries/record-history';
import { RecordDetails } from '@/components/registries/record-details';
import { RecordManage } from '@/components/registries/record-manage';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { LocalizedText } from '@/components/ui/localized-text';
import { can } from '@/lib/auth/policy';
import { requirePageUser } from '@/data/auth/session';
import { localized } from '@/lib/i18n/localized';
import { loadCityOptions, loadPartner, registryToday } from '@/data/registries';
import { formatDate } from '@/lib/format';
import { recordIdSchema } from '@/lib/validation/registries';
import { archivePartnerAction, deletePartnerAction, updatePartnerAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('registries.partners');
  return { title: t('one') };
}

/** One partner: details, linked cities, status history and audit trail; the edit form for staff and admins. */
export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('dashboard.read');
  const id = recordIdSchema.safeParse((await params).id);
  const data = id.success ? await loadPartner(id.data) : undefined;
  if (!data) notFound();
  const { partner, history, audit, cities } = data;
  const canEdit = can(user.role, 'registry.edit');
  const [t, locale, today, cityOptions] = await Promise.all([getTranslations(), getLocale(), registryToday(), canEdit ? loadCityOptions() : []]);
  const f = (k: string) => t(`registries.partners.fields.${k}`);
  return (
    <>
      <RegistryTabs current="partners" />
      <h1>
        <LocalizedText value={localized(locale, partner.name, partner.nameZh)} />
        {partner.archivedAt ? <span className="muted"> ({t('registries.archivedBadge')})</span> : null}
      </h1>
      <RecordDetails
        items={[
          [f('type'), t(`registries.values.partnerType.${partner.type}`)],
          [f('status'), t(`registries.values.partnerStatus.${partner.status}`)],
          [f('since'), partner.since ? formatDate(locale, partner.since) : t('registries.none')],
          [f('viaNationalPartner'), t(partner.viaNationalPartner ? 'registries.yes' : 'registries.no')],
          [f('cities'), cities.map((c) => c.name).join(', ') || t('registries.none')],
          [f('notes'), partner.notes ?? t('registries.none')],
        ]}
      />
      {canEdit ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{t('registries.edit')}</h2>
          <RegistryForm
            action={updatePartnerAction}
            fields={partnerFields(t, today, cityOptions, partner)}
            hidden={{ id: String(partner.id) }}
            idPrefix="partner"
            submitLabel={t('registries.save')}
            pendingLabel={t('registries.saving')}
          />
        </section>
      ) : null}
      <StatusHistory rows={history} title={t('registries.detail.history')} column={f('status')} label={(s) => t(`registries.values.partnerStatus.${s}`)} />
      <AuditTrail rows={audit} />
      {canEdit ? <RecordManage id={partner.id} archived={partner.archivedAt !== null} archiveAction={archivePartnerAction} deleteAction={deletePartnerAction} /> : null}
      <p>
        <Link href="/partners">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
