import { Link } from '@/components/ui/link';

/** The header's bell: a link to the notifications page, its unread count in the link's accessible name. */
export function NotificationBell({ count, label, unreadLabel }: { count: number; label: string; unreadLabel: string }) {
  return (
    <Link href="/notifications" className="notification-bell" aria-label={count > 0 ? unreadLabel : label} data-unread={count}>
      <span aria-hidden="true">🔔</span>
      {count > 0 ? (
        <span className="notification-count" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
