import { getTranslations } from 'next-intl/server';
import {
  changeRoleAction,
  clearSignInLockAction,
  issueResetLinkAction,
  setStatusAction,
  signOutEverywhereAction,
} from '@/app/(dashboard)/admin/users/actions';
import type { UserListItem } from '@/types/users';
import { roles } from '@/lib/auth/policy';
import { UserActionForm } from './user-action-form';

/**
 * The actions on one user, in a disclosure so that the table stays readable. The server refuses what is not
 * allowed anyway (own role, own account, last admin); the buttons that cannot apply are simply not offered.
 */
export async function UserRowActions({ user, isSelf }: { user: UserListItem; isSelf: boolean }) {
  const t = await getTranslations();
  const common = { userId: user.id, userName: user.name, pendingLabel: t('admin.users.actions.working') };
  const roleSelectId = `role-${user.id}`;
  return (
    <details>
      <summary>{t('admin.users.actions.menu', { name: user.name })}</summary>
      <div style={{ display: 'flex', flexDirection: 'column', gap: '0.6rem', marginTop: '0.5rem', minWidth: '16rem' }}>
        {isSelf ? (
          <p className="muted">{t('admin.users.selfNote')}</p>
        ) : (
          <>
            <UserActionForm {...common} action={changeRoleAction} label={t('admin.users.actions.changeRole')}>
              <label className="visually-hidden" htmlFor={roleSelectId}>
                {t('admin.users.actions.roleLabel', { name: user.name })}
              </label>
              <select id={roleSelectId} name="role" defaultValue={user.role}>
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {t(`auth.roles.${role}`)}
                  </option>
                ))}
              </select>
            </UserActionForm>
            {user.status === 'active' ? (
              <UserActionForm
                {...common}
                action={setStatusAction}
                hidden={{ status: 'disabled' }}
                label={t('admin.users.actions.disable')}
              />
            ) : (
              <UserActionForm
                {...common}
                action={setStatusAction}
                hidden={{ status: 'active' }}
                label={t('admin.users.actions.enable')}
              />
            )}
          </>
        )}
        {user.status === 'active' ? (
          <UserActionForm {...common} action={issueResetLinkAction} label={t('admin.users.actions.resetLink')} />
        ) : null}
        <UserActionForm {...common} action={signOutEverywhereAction} label={t('admin.users.actions.signOutEverywhere')} />
        {user.lockedUntil ? (
          <UserActionForm {...common} action={clearSignInLockAction} label={t('admin.users.actions.clearLock')} />
        ) : null}
      </div>
    </details>
  );
}
