import { getLocale, getTranslations } from 'next-intl/server';
import { Link } from '@/components/ui/link';
import { z } from 'zod';
import { can } from '@/lib/auth/policy';
import { requirePageUser } from '@/data/auth/session';
import { formatDate } from '@/lib/format';
import { loadMeetingList } from '@/data/meetings';
import { meetingKinds } from '@/lib/validation/meetings';

export async function generateMetadata() {
  const t = await getTranslations('meetings');
  return { title: t('title') };
}

const listParams = z.object({
  kind: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.enum(meetingKinds).optional().catch(undefined)),
});

/** The meetings register: Steering Committee and working-level meetings, newest first, with their items' state. */
export default async function MeetingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('dashboard.read');
  const { kind } = listParams.parse(await searchParams);
  const [{ meetings, asOf }, t, locale] = await Promise.all([loadMeetingList(kind), getTranslations('meetings'), getLocale()]);
  const canEdit = can(user.role, 'meeting.edit');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { date: formatDate(locale, asOf) })}</p>
      {canEdit ? (
        <p>
          <Link className="button" href="/meetings/new">
            {t('new')}
          </Link>
        </p>
      ) : null}
      <form className="toolbar" method="get">
        <label>
          {t('filterKind')}{' '}
          <select name="kind" defaultValue={kind ?? ''}>
            <option value="">{t('allKinds')}</option>
            {meetingKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('apply')}</button>
      </form>
      {meetings.length === 0 ? (
        <p className="card">{canEdit ? t('emptyEdit') : t('empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.date')}</th>
                <th scope="col">{t('columns.title')}</th>
                <th scope="col">{t('columns.kind')}</th>
                <th scope="col" className="num">{t('columns.items')}</th>
                <th scope="col" className="num">{t('columns.open')}</th>
                <th scope="col" className="num">{t('columns.overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id} data-meeting={m.id}>
                  <td>{formatDate(locale, m.heldOn)}</td>
                  <th scope="row">
                    <Link href={`/meetings/${m.id}`}>{m.title}</Link>
                  </th>
                  <td>{t(`kind.${m.kind}`)}</td>
                  <td className="num">{m.items}</td>
                  <td className="num">{m.open}</td>
                  <td className="num">{m.overdue > 0 ? <span className="overdue-flag">{m.overdue}</span> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
