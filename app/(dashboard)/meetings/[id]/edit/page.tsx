import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { requirePageUser } from '@/data/auth/session';
import { loadMeetingForEditing } from '@/data/meetings';
import { updateMeetingAction } from '../../actions';

export async function generateMetadata() {
  const t = await getTranslations('meetings');
  return { title: t('edit') };
}

export default async function EditMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser('meeting.edit');
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const data = await loadMeetingForEditing(id);
  if (!data) notFound();
  const t = await getTranslations('meetings');
  const m = data.meeting;
  return (
    <>
      <p>
        <Link href={`/meetings/${m.id}`}>{t('backTo', { title: m.title })}</Link>
      </p>
      <h1>{t('edit')}</h1>
      <MeetingForm
        action={updateMeetingAction}
        meetingId={m.id}
        people={data.people}
        initialParticipants={data.participantIds}
        initial={{ kind: m.kind, heldOn: m.heldOn, title: m.title, participants: m.participants ?? '', agenda: m.agenda ?? '', minutes: m.minutes ?? '' }}
      />
    </>
  );
}
