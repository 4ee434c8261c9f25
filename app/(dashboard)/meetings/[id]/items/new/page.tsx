import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { ItemForm } from '@/components/meetings/item-form';
import { requirePageUser } from '@/data/auth/session';
import { loadMeetingForEditing } from '@/data/meetings';
import { localized } from '@/lib/i18n/localized';
import { createItemAction } from '../../../item-actions';

export async function generateMetadata() {
  const t = await getTranslations('meetings');
  return { title: t('item.new') };
}

/** Recording a recommendation, decision or action item of a meeting, with the goals and indicators it concerns. */
export default async function NewItemPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('meeting.edit');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const data = await loadMeetingForEditing(id);
  if (!data) notFound();
  const [t, locale] = await Promise.all([getTranslations('meetings'), getLocale()]);
  const label = (text: string, zh: string | null) => localized(locale, text, zh).text;
  return (
    <>
      <p>
        <Link href={`/meetings/${id}`}>{t('backTo', { title: data.meeting.title })}</Link>
      </p>
      <h1>{t('item.new')}</h1>
      <ItemForm
        action={createItemAction}
        hidden={{ meetingId: id }}
        initial={{ kind: 'action_item', text: '', ownerId: '', ownerName: '', dueOn: '' }}
        initialLists={{ goalIds: [], indicatorIds: [] }}
        choices={{
          owners: data.owners,
          goals: data.goals.map((g) => ({ id: g.id, code: g.code, label: label(g.title, g.titleZh) })),
          indicators: data.indicators.map((i) => ({ id: i.id, code: i.code, label: label(i.name, i.nameZh) })),
        }}
      />
    </>
  );
}
