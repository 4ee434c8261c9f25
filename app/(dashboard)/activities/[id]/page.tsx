import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { activityFields } from '@/components/registries/fields/activity-fields';
import { AuditTrail } from '@/components/registries/record-history';
import { RecordDetails } from '@/components/registries/record-details';
import { RecordManage } from '@/components/registries/record-manage';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { can } from '@/lib/auth/policy';
import { requirePageUser } from '@/data/auth/session';
import { loadActivity, loadCityOptions, registryToday } from '@/data/registries';
import { formatDate } from '@/lib/format';
import { recordIdSchema } from '@/lib/validation/registries';
import { archiveActivityAction, deleteActivityAction, updateActivityAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('registries.activities');
  return { title: t('one') };
}

/** One activity: details, cities and audit trail (activities have no status); editing for staff and admins. */
export default async function ActivityPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('dashboard.read');
  const id = recordIdSchema.safeParse((await params).id);
  const data = id.success ? await loadActivity(id.data) : undefined;
  if (!data) notFound();
  const { activity, audit, cities } = data;
  const canEdit = can(user.role, 'registry.edit');
  const [t, locale, today, cityOptions] = await Promise.all([getTranslations(), getLocale(), registryToday(), canEdit ? loadCityOptions() : []]);
  const f = (k: string) => t(`registries.activities.fields.${k}`);
  const none = t('registries.none');
  return (
    <>
      <RegistryTabs current="activities" />
      <h1>
        {activity.title}
        {activity.archivedAt ? <span className="muted"> ({t('registries.archivedBadge')})</span> : null}
      </h1>
      <RecordDetails
        items={[
          [f('heldOn'), formatDate(locale, activity.heldOn)],
          [f('topic'), activity.topic],
          [f('format'), t(`registries.values.activityFormat.${activity.format}`)],
          [f('participantsTotal'), String(activity.participantsTotal)],
          [f('participantsFemale'), activity.participantsFemale === null ? none : String(activity.participantsFemale)],
          [f('participantsMale'), activity.participantsMale === null ? none : String(activity.participantsMale)],
          [f('cities'), cities.map((c) => c.name).join(', ') || none],
          [f('notes'), activity.notes ?? none],
        ]}
      />
      {canEdit ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{t('registries.edit')}</h2>
          <RegistryForm
            action={updateActivityAction}
            fields={activityFields(t, today, cityOptions, activity)}
            hidden={{ id: String(activity.id) }}
            idPrefix="activity"
            submitLabel={t('registries.save')}
            pendingLabel={t('registries.saving')}
          />
        </section>
      ) : null}
      <AuditTrail rows={audit} />
      {canEdit ? <RecordManage id={activity.id} archived={activity.archivedAt !== null} archiveAction={archiveActivityAction} deleteAction={deleteActivityAction} /> : null}
      <p>
        <Link href="/activities">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
