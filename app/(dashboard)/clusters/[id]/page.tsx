import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ClusterMembers } from '@/components/registries/cluster-members';
import { clusterFields } from '@/components/registries/fields/cluster-fields';
import { AuditTrail, StatusHistory } from '@/components/registries/record-history';
import { RecordDetails } from '@/components/registries/record-details';
import { RecordManage } from '@/components/registries/record-manage';
import { RegistryForm } from '@/components/registries/registry-form';
import { RegistryTabs } from '@/components/registries/registry-tabs';
import { LocalizedText } from '@/components/ui/localized-text';
import { can } from '@/lib/auth/policy';
import { requirePageUser } from '@/data/auth/session';
import { localized } from '@/lib/i18n/localized';
import { loadCityOptions, loadCluster, registryToday } from '@/data/registries';
import { recordIdSchema } from '@/lib/validation/registries';
import { addClusterMemberAction, archiveClusterAction, deleteClusterAction, endClusterMembershipAction, updateClusterAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('registries.clusters');
  return { title: t('one') };
}

/** One cluster: details, member cities with dates, stage history and audit trail; editing for staff and admins. */
export default async function ClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser('dashboard.read');
  const id = recordIdSchema.safeParse((await params).id);
  const data = id.success ? await loadCluster(id.data) : undefined;
  if (!data) notFound();
  const { cluster, history, audit, members } = data;
  const canEdit = can(user.role, 'registry.edit');
  const [t, locale, today, cityOptions] = await Promise.all([getTranslations(), getLocale(), registryToday(), loadCityOptions()]);
  const f = (k: string) => t(`registries.clusters.fields.${k}`);
  const lead = cityOptions.find((c) => c.id === cluster.leadCityId);
  return (
    <>
      <RegistryTabs current="clusters" />
      <h1>
        <LocalizedText value={localized(locale, cluster.name, cluster.nameZh)} />
        {cluster.archivedAt ? <span className="muted"> ({t('registries.archivedBadge')})</span> : null}
      </h1>
      <RecordDetails
        items={[
          [f('sector'), cluster.sector],
          [f('status'), t(`registries.values.clusterStage.${cluster.stage}`)],
          [f('leadCity'), lead?.name ?? t('registries.none')],
          [f('description'), cluster.description ?? t('registries.none')],
        ]}
      />
      <ClusterMembers
        clusterId={cluster.id}
        members={members}
        cities={cityOptions}
        today={today}
        canEdit={canEdit}
        addAction={addClusterMemberAction}
        leaveAction={endClusterMembershipAction}
      />
      {canEdit ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{t('registries.edit')}</h2>
          <RegistryForm
            action={updateClusterAction}
            fields={clusterFields(t, today, cityOptions, cluster)}
            hidden={{ id: String(cluster.id) }}
            idPrefix="cluster"
            submitLabel={t('registries.save')}
            pendingLabel={t('registries.saving')}
          />
        </section>
      ) : null}
      <StatusHistory rows={history} title={t('registries.detail.stageHistory')} column={f('status')} label={(s) => t(`registries.values.clusterStage.${s}`)} />
      <AuditTrail rows={audit} />
      {canEdit ? <RecordManage id={cluster.id} archived={cluster.archivedAt !== null} archiveAction={archiveClusterAction} deleteAction={deleteClusterAction} /> : null}
      <p>
        <Link href="/clusters">{t('registries.backToList')}</Link>
      </p>
    </>
  );
}
