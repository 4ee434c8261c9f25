import './meetings.css';

export type ItemStatusValue = 'open' | 'in_progress' | 'done' | 'dropped';

/** An item's status as a mark and words; `overdue` adds a flag in words. */
export function ItemStatus({ status, label, overdueLabel }: { status: ItemStatusValue; label: string; overdueLabel?: string }) {
  return (
    <>
      <span className={`item-status item-status-${status}`} data-status={status}>
        {label}
      </span>
      {overdueLabel ? (
        <>
          {' '}
          <span className="overdue-flag" data-overdue>
            {overdueLabel}
          </span>
        </>
      ) : null}
    </>
  );
}
