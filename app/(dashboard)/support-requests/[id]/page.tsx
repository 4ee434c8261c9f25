import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { supportRequestFields } from '@/components/registries/fields/support-request-fields';
import { AuditTrail, StatusHistory } from '@/components/registries/record-history';
import { RecordDetails } from '@/components/registries/record-details';
import { RecordManage } from '@/components/registries/record-manage';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { can } from '@/lib/auth/policy';
import { requirePageUser } from '@/data/auth/session';
import { loadCityOptions, loadSupportRequest, registryToday } from '@/data/registries';
import { formatDate } from '@/lib/format';
import { daysBetween } from '@/lib/periods';
import { recordIdSchema } from '@/lib/validation/registries';
import { archiveSupportRequestAction, deleteSupportRequestAction, updateSupportRequestAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('registries.support-requests');
  return { title: t('one') };
}

/** One COVID-19 support request: details, status history and audit trail; editing for staff and admins. */
export default async function SupportRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('dashboard.read');
  const id = recordIdSchema.safeParse((await params).id);
  const data = id.success ? await loadSupportRequest(id.data) : undefined;
  if (!data) notFound();
  const { request, history, audit } = data;
  const canEdit = can(user.role, 'registry.edit');
  const [t, locale, today, cityOptions] = await Promise.all([getTranslations(), getLocale(), registryToday(), canEdit ? loadCityOptions() : []]);
  const f = (k: string) => t(`registries.support-requests.fields.${k}`);
  const category = t(`registries.values.needCategory.${request.category}`);
  return (
    <>
      <RegistryTabs current="support-requests" />
      <h1>
        {request.city} · {category}
        {request.archivedAt ? <span className="muted"> ({t('registries.archivedBadge')})</span> : null}
      </h1>
      <RecordDetails
        items={[
          [f('city'), `${request.city} (${request.country})`],
          [f('category'), category],
          [f('receivedOn'), formatDate(locale, request.receivedOn)],
          [f('status'), t(`registries.values.requestStatus.${request.status}`)],
          [f('respondedOn'), request.respondedOn ? formatDate(locale, request.respondedOn) : t('registries.none')],
          [f('daysToRespond'), request.respondedOn ? String(daysBetween(request.receivedOn, request.respondedOn)) : t('registries.none')],
          [f('description'), request.description],
          [f('response'), request.response ?? t('registries.none')],
        ]}
      />
      {canEdit ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{t('registries.edit')}</h2>
          <RegistryForm
            action={updateSupportRequestAction}
            fields={supportRequestFields(t, today, cityOptions, request)}
            hidden={{ id: String(request.id) }}
            idPrefix="request"
            submitLabel={t('registries.save')}
            pendingLabel={t('registries.saving')}
          />
        </section>
      ) : null}
      <StatusHistory rows={history} title={t('registries.detail.history')} column={f('status')} label={(s) => t(`registries.values.requestStatus.${s}`)} />
      <AuditTrail rows={audit} />
      {canEdit ? (
        <RecordManage id={request.id} archived={request.archivedAt !== null} archiveAction={archiveSupportRequestAction} deleteAction={deleteSupportRequestAction} />
      ) : null}
      <p>
        <Link href="/support-requests">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
