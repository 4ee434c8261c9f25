import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { queryRows } from '../raw';
import type { ItemKind, ItemStatus } from './items';

/**
 * The items recorded at a meeting as they stood on a date (the pack's as-of date): each item's latest status
 * change on or before it (ties: the later recorded wins), read through meeting_item_status_history_item_idx.
 */
export interface PackItem {
  id: number;
  kind: ItemKind;
  text: string;
  owner: string | null;
  dueOn: string | null;
  status: ItemStatus;
  statusSince: string;
  overdue: boolean;
}

/**
 * `s.status` and `s.changed_on`: item `i`'s latest status change on or before a date (none: it was open since its
 * meeting). Shared by the pack and the narrative's open items, so both read an item's status on a date alike.
 */
export const itemStatusOn = (asOf: string) => sql`left join lateral (
          select h.status::text as status, h.changed_on from meeting_item_status_history h
          where h.item_id = i.id and h.changed_on <= ${asOf}::date
          order by h.changed_on desc, h.id desc limit 1
        ) s on true`;

export async function packItems(db: Db, meetingId: number, asOf: string): Promise<PackItem[]> {
  return queryRows<PackItem>(
    db,
    sql`select i.id, i.kind::text as kind, i.text, coalesce(u.name, i.owner_name) as owner, i.due_on::text as "dueOn",
          coalesce(s.status, 'open') as status, coalesce(s.changed_on, m.held_on)::text as "statusSince",
          coalesce(coalesce(s.status, 'open') in ('open', 'in_progress') and i.due_on < ${asOf}::date, false) as overdue
        from meeting_items i
        join meetings m on m.id = i.meeting_id
        left join users u on u.id = i.owner_id
        ${itemStatusOn(asOf)}
        where i.meeting_id = ${meetingId}
        order by i.id`,
  );
}
