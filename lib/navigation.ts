import { can, type Action, type Role } from './auth/policy';

/** The main navigation: each entry shows only to roles the policy lets through (the pages check again). */
const entries: { href: string; key: string; action: Action }[] = [
  { href: '/', key: 'overview', action: 'dashboard.read' },
  { href: '/plans', key: 'plans', action: 'dashboard.read' },
  { href: '/cities', key: 'registries', action: 'dashboard.read' },
  { href: '/map', key: 'map', action: 'dashboard.read' },
  { href: '/budget', key: 'budget', action: 'dashboard.read' },
  { href: '/reports/committee', key: 'reports', action: 'dashboard.read' },
  { href: '/meetings', key: 'meetings', action: 'dashboard.read' },
  { href: '/my-reporting', key: 'myReporting', action: 'progress.log' },
  { href: '/review', key: 'review', action: 'progress.approve' },
  { href: '/admin/users', key: 'users', action: 'users.manage' },
  { href: '/admin/tokens', key: 'apiTokens', action: 'users.manage' },
  { href: '/admin/share-links', key: 'shareLinks', action: 'share.manage' },
  { href: '/admin/settings', key: 'settings', action: 'settings.manage' },
  { href: '/admin/audit', key: 'audit', action: 'audit.read' },
  { href: '/admin/jobs', key: 'jobs', action: 'settings.manage' },
  { href: '/account', key: 'account', action: 'account.manage' },
];

export function navigationFor(role: Role) {
  return entries.filter((entry) => can(role, entry.action)).map(({ href, key }) => ({ href, key }));
}
