import { Link } from '@/components/ui/link';
import { getLocale, getTimeZone, getTranslations } from 'next-intl/server';
import { connection } from 'next/server';
import { loadUsers } from '@/data/users';
import { formatDateTime } from '@/lib/format';
import type { UserSortColumn, UsersSearchParams } from '@/lib/validation/users';
import { UserRowActions } from '@/components/admin/user-row-actions';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** The URL that sorts by a column: ascending first, then toggling; the search is kept. */
function sortHref(params: UsersSearchParams, column: UserSortColumn, active: boolean, dir: 'asc' | 'desc'): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  query.set('sort', column);
  query.set('dir', active && dir === 'asc' ? 'desc' : 'asc');
  return `/admin/users?${query.toString()}`;
}

function SortHeader({ t, params, column }: { t: T; params: UsersSearchParams; column: UserSortColumn }) {
  const sort = params.sort ?? 'name';
  const dir = params.dir ?? 'asc';
  const active = sort === column;
  const label = t(`admin.users.columns.${column}`);
  return (
    <th scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={sortHref(params, column, active, dir)} title={t('admin.users.sortBy', { column: label })}>
        {label}
        {active ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
      </Link>
    </th>
  );
}

/** The users, searched and sorted as the URL says, with their per-user actions. */
export async function UsersTable({ params, actorId }: { params: UsersSearchParams; actorId: string }) {
  await connection();
  const [rows, t, locale, timeZone] = await Promise.all([loadUsers(params), getTranslations(), getLocale(), getTimeZone()]);
  if (rows.length === 0) {
    return (
      <p className="card" role="status">
        {params.q ? t('admin.users.empty', { query: params.q }) : t('admin.users.emptyAll')}
      </p>
    );
  }
  const sortLabel = t(`admin.users.columns.${params.sort ?? 'name'}`);
  const direction = t(params.dir === 'desc' ? 'admin.users.sortDescending' : 'admin.users.sortAscending');
  return (
    <>
      <p className="muted">
        {t('admin.users.count', { count: rows.length })}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">
            {t('admin.users.tableCaption', { column: sortLabel, direction })}
          </caption>
          <thead>
            <tr>
              <SortHeader t={t} params={params} column="name" />
              <SortHeader t={t} params={params} column="email" />
              <SortHeader t={t} params={params} column="role" />
              <SortHeader t={t} params={params} column="status" />
              <SortHeader t={t} params={params} column="lastSignIn" />
              <th scope="col">{t('admin.users.columns.twoFactor')}</th>
              <th scope="col">{t('admin.users.columns.lock')}</th>
              <th scope="col">{t('admin.users.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((user) => {
              const isSelf = user.id === actorId;
              return (
                <tr key={user.id} data-user={user.email}>
                  <th scope="row">
                    {user.name}
                    {isSelf ? <span className="muted"> {t('admin.users.you')}</span> : null}
                  </th>
                  <td>{user.email}</td>
                  <td>{t(`auth.roles.${user.role}`)}</td>
                  <td>{t(`admin.users.status.${user.status}`)}</td>
                  <td>
                    {user.lastSignInAt ? formatDateTime(locale, user.lastSignInAt, timeZone) : t('admin.users.never')}
                    {user.passwordSet ? null : <div className="muted">{t('admin.users.invitePending')}</div>}
                  </td>
                  <td>{user.totpEnabled ? t('admin.users.twoFactorOn') : t('admin.users.twoFactorOff')}</td>
                  <td>
                    {user.lockedUntil ? (
                      <strong className="error-text">
                        {t('admin.users.lockedUntil', { time: formatDateTime(locale, user.lockedUntil, timeZone) })}
                      </strong>
                    ) : (
                      t('admin.users.notLocked')
                    )}
                  </td>
                  <td>
                    <UserRowActions user={user} isSelf={isSelf} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
