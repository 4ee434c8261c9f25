import { getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { MeetingForm } from '@/components/meetings/meeting-form';
import { requirePageUser } from '@/data/auth/session';
import { loadNewMeetingChoices } from '@/data/meetings';
import { createMeetingAction } from '../actions';

export async function generateMetadata() {
  const t = await getTranslations('meetings');
  return { title: t('new') };
}

/** Recording a meeting (staff and admins); its items are added on its page afterwards. */
export default async function NewMeetingPage() {
  await requirePageUser('meeting.edit');
  const [t, { people }] = await Promise.all([getTranslations('meetings'), loadNewMeetingChoices()]);
  return (
    <>
      <p>
        <Link href="/meetings">{t('back')}</Link>
      </p>
      <h1>{t('new')}</h1>
      <MeetingForm action={createMeetingAction} people={people} initialParticipants={[]} initial={{ kind: 'steering_committee', heldOn: '', title: '', participants: '', agenda: '', minutes: '' }} />
    </>
  );
}
