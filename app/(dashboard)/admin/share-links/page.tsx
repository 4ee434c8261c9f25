import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { RevokeShareLinkButton } from '@/components/admin/revoke-share-link-button';
import { ShareLinkForm } from '@/components/admin/share-link-form';
import { requirePageUser } from '@/data/auth/session';
import { loadShareLinkChoices, loadShareLinks } from '@/data/share-links';
import { formatDate, formatDateTime } from '@/lib/format';
import { MAX_SHARE_DAYS } from '@/lib/validation/share-links';
import { createShareLinkAction, revokeShareLinkAction } from './actions';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata() {
  const t = await getTranslations('share');
  return { title: t('adminTitle') };
}

/** Read-only share links: make one, see each with its views, revoke any. */
export default async function ShareLinksPage() {
  await requirePageUser('share.manage');
  const [t, locale, timeZone, links, choices] = await Promise.all([getTranslations(), getLocale(), getTimeZone(), loadShareLinks(), loadShareLinkChoices()]);
  const now = new Date();
  const time = (d: Date | null) => (d ? formatDateTime(locale, d, timeZone) : t('share.never'));
  return (
    <>
      <h1>{t('share.adminTitle')}</h1>
      <p className="muted">{t('share.adminIntro', { max: MAX_SHARE_DAYS })}</p>
      <section className="card" aria-labelledby="share-new">
        <h2 id="share-new">{t('share.newTitle')}</h2>
        <ShareLinkForm action={createShareLinkAction} maxDays={MAX_SHARE_DAYS} {...choices} />
      </section>
      <section aria-labelledby="share-list">
        <h2 id="share-list">{t('share.listTitle')}</h2>
        <DataTable
          empty={links.length === 0 && t('share.none')}
          className="table"
          head={
            <>
              <th scope="col">{t('share.label')}</th>
              <th scope="col">{t('share.shows')}</th>
              <th scope="col">{t('share.asOf')}</th>
              <th scope="col">{t('share.expires')}</th>
              <th scope="col" className="num">
                {t('share.views')}
              </th>
              <th scope="col">{t('share.lastViewed')}</th>
              <th scope="col">{t('share.createdBy')}</th>
              <th scope="col">{t('share.state')}</th>
              <td />
            </>
          }
        >
          {links.map((l) => {
            const state = l.revokedAt ? 'revoked' : l.expiresAt <= now ? 'expired' : 'active';
            return (
              <tr key={l.id} data-share-link={l.prefix}>
                <th scope="row">
                  {l.label} <span className="muted">({l.prefix}…)</span>
                </th>
                <td>{l.kind === 'goal' ? t('share.showsGoal', { year: l.year, code: l.goalCode ?? '' }) : t('share.showsReport', { year: l.year })}</td>
                <td>{formatDate(locale, l.asOf)}</td>
                <td>{time(l.expiresAt)}</td>
                <td className="num" data-views>
                  {l.viewCount}
                </td>
                <td>{time(l.lastViewedAt)}</td>
                <td>{l.createdByName ?? '—'}</td>
                <td data-state={state}>{t(`share.states.${state}`)}</td>
                <td>
                  <RevokeShareLinkButton action={revokeShareLinkAction} linkId={l.id} label={l.label} active={state === 'active'} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      </section>
    </>
  );
}
