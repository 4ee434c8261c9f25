import { getLocale, getTranslations } from 'next-intl/server';
import type { RegistryFormState } from '@/types/forms';
import { formatDate } from '@/lib/format';
import { cityChoices } from './fields/options';
import { RecordActionForm } from './record-action-form';
import { RegistryForm } from './registry-form';
import { DataTable } from '@/components/ui/data-table';

type Action = (state: RegistryFormState, formData: FormData) => Promise<RegistryFormState>;

interface Member {
  id: number;
  city: string;
  country: string;
  joinedOn: string;
  leftOn: string | null;
}

/** A cluster's member cities with joining and leaving dates; staff and admins add members and record leaving. */
export async function ClusterMembers({
  clusterId,
  members,
  cities,
  today,
  canEdit,
  addAction,
  leaveAction,
}: {
  clusterId: number;
  members: Member[];
  cities: { id: number; name: string; country: string }[];
  today: string;
  canEdit: boolean;
  addAction: Action;
  leaveAction: Action;
}) {
  const [t, locale] = await Promise.all([getTranslations('registries'), getLocale()]);
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('clusters.members.title')}</h2>
      <DataTable
        empty={members.length === 0 && t('clusters.members.none')}
        caption={t('clusters.members.caption')}
        head={
          <>
            <th scope="col">{t('clusters.members.city')}</th>
            <th scope="col">{t('clusters.members.joinedOn')}</th>
            <th scope="col">{t('clusters.members.leftOn')}</th>
          </>
        }
      >
        {members.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              {m.city} <span className="muted">({m.country})</span>
            </th>
            <td>{formatDate(locale, m.joinedOn)}</td>
            <td>
              {m.leftOn ? formatDate(locale, m.leftOn) : <span className="muted">{t('clusters.members.current')}</span>}
              {canEdit && !m.leftOn ? (
                <RecordActionForm action={leaveAction} hidden={{ memberId: String(m.id) }} label={t('clusters.members.leaveSubmit')} pendingLabel={t('actions.working')}>
                  <label className="visually-hidden" htmlFor={`left-on-${m.id}`}>
                    {t('clusters.members.leftOn')}
                  </label>
                  <input id={`left-on-${m.id}`} type="date" name="leftOn" defaultValue={today} />
                </RecordActionForm>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
      {canEdit ? (
        <>
          <h3>{t('clusters.members.add')}</h3>
          <RegistryForm
            action={addAction}
            hidden={{ clusterId: String(clusterId) }}
            idPrefix="member"
            submitLabel={t('clusters.members.addSubmit')}
            pendingLabel={t('actions.working')}
            fields={[
              { name: 'cityId', label: t('clusters.members.cityId'), type: 'select', required: true, options: cityChoices(cities) },
              { name: 'joinedOn', label: t('clusters.members.joinedOn'), type: 'date', required: true, defaultValue: today },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
