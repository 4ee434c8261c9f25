import { getTranslations } from 'next-intl/server';
import type { RegistryFormState } from '@/types/forms';
import { RecordActionForm } from './record-action-form';

type Action = (state: RegistryFormState, formData: FormData) => Promise<RegistryFormState>;

/** Archive or restore, and delete (refused with the reasons when something refers to the record). */
export async function RecordManage({
  id,
  archived,
  archiveAction,
  deleteAction,
}: {
  id: number;
  archived: boolean;
  archiveAction: Action;
  deleteAction: Action;
}) {
  const t = await getTranslations('registries');
  const pendingLabel = t('actions.working');
  return (
    <section className="card" aria-labelledby="manage-title">
      <h2 id="manage-title">{t('detail.manage')}</h2>
      <div style={{ display: 'flex', flexDirection: 'column', gap: '0.6rem' }}>
        <RecordActionForm
          action={archiveAction}
          hidden={{ id: String(id), archived: archived ? '0' : '1' }}
          label={archived ? t('actions.restore') : t('actions.archive')}
          pendingLabel={pendingLabel}
        />
        <p className="muted">{t('actions.deleteHint')}</p>
        <RecordActionForm action={deleteAction} hidden={{ id: String(id) }} label={t('actions.delete')} pendingLabel={pendingLabel} />
      </div>
    </section>
  );
}
