import { Link } from '@/components/ui/link';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/updates/action-form';
import { requirePageUser } from '@/data/auth/session';
import { loadNotifications } from '@/data/notifications';
import { formatDateTime } from '@/lib/format';
import { isLocale } from '@/lib/i18n/config';
import { notificationText } from '@/lib/notifications/compose';
import { kindsFor } from '@/lib/notifications/kinds';
import { markReadAction, saveEmailChoicesAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

/** One's notifications, newest first, each in the reader's language; mark read; e-mail choices and language. */
export default async function NotificationsPage() {
  await requirePageUser('account.manage');
  const [data, t, locale, timeZone] = await Promise.all([loadNotifications(), getTranslations('notifications'), getLocale(), getTimeZone()]);
  const lang = isLocale(locale) ? locale : 'en';
  const unread = data.items.filter((n) => !n.readAt);
  return (
    <>
      <h1>{t('title')}</h1>
      {unread.length > 0 ? <ActionForm action={markReadAction} hidden={{ ids: 'all' }} label={t('markAllRead')} pendingLabel={t('working')} /> : null}
      {data.items.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="notification-list" aria-label={t('title')}>
          {data.items.map((n) => {
            const text = notificationText(lang, n.kind, n.params);
            return (
              <li key={n.id} data-notification={n.id} data-kind={n.kind} className={n.readAt ? undefined : 'notification-unread'}>
                <p>
                  {n.readAt ? null : <span className="visually-hidden">{t('unread')}: </span>}
                  {n.link ? <Link href={n.link}>{text.title}</Link> : text.title}{' '}
                  <span className="muted">{formatDateTime(locale, n.createdAt, timeZone)}</span>
                </p>
                <p>{text.body}</p>
                {n.readAt ? null : <ActionForm action={markReadAction} hidden={{ ids: String(n.id) }} label={t('markRead')} pendingLabel={t('working')} />}
              </li>
            );
          })}
        </ul>
      )}
      <section className="card" aria-labelledby="email-settings-title">
        <h2 id="email-settings-title">{t('settingsTitle')}</h2>
        <p className="muted">{t('settingsIntro')}</p>
        <ActionForm action={saveEmailChoicesAction} hidden={{}} label={t('save')} pendingLabel={t('working')} className="stack-form">
          <fieldset>
            <legend>{t('emailFor')}</legend>
            {kindsFor(data.role).map((k) => (
              <label key={k} style={{ display: 'block' }}>
                <input type="checkbox" name="email" value={k} defaultChecked={data.choices.email[k]} /> {t(`kindNames.${k}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('language')}{' '}
            <select name="locale" defaultValue={data.choices.locale ?? lang}>
              <option value="en">English</option>
              <option value="zh" lang="zh-Hans">中文</option>
            </select>
          </label>
        </ActionForm>
      </section>
    </>
  );
}
