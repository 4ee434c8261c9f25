import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/queries/raw';
import type { Client, ServerAction } from './http';

export interface Sent {
  key: string;
  value: number;
  /** The update id the server acknowledged (its redirect), or undefined when no answer came. */
  ackId?: number;
  /** The HTTP status of the answer; undefined when none came (in time). */
  status?: number;
}

/** A manual count or currency indicator of the demo plan, with a place of each kind it is reported by. */
export async function validTarget(db: Db) {
  const [target] = await queryRows<{ code: string; year: number; place: Record<string, string> }>(
    db,
    sql`select i.code, p.year, jsonb_strip_nulls(jsonb_build_object(
          'cityId', case when 'city' = any(i.disaggregations) then (select min(id)::text from cities) end,
          'partnerId', case when 'partner' = any(i.disaggregations) then (select min(id)::text from partners) end,
          'clusterId', case when 'cluster' = any(i.disaggregations) then (select min(id)::text from clusters) end)) as place
        from indicators i join work_plans p on p.id = i.plan_id
        where i.source = 'manual' and i.retired_at is null and i.value_kind in ('count', 'currency') and p.year = 2020
        order by i.code limit 1`,
  );
  if (!target) throw new Error('the demo has no manual count or currency indicator');
  return target;
}

/**
 * Writers logging progress through the real form action until `stop()` says so or the server stops
 * answering. Each write's idempotency key and value are remembered, with the id if it was acknowledged.
 */
export function startWriteStream(
  client: Client,
  action: ServerAction,
  target: { code: string; year: number; place: Record<string, string> },
  writers = 6,
  answerWithinMs = 60_000,
) {
  const sent: Sent[] = [];
  let running = true;
  let n = 0;
  const loops = Array.from({ length: writers }, async () => {
    while (running) {
      const entry: Sent = { key: randomUUID(), value: 1 + (n++ % 97) };
      sent.push(entry);
      const form = new FormData();
      for (const [k, v] of Object.entries({
        indicator: target.code,
        plan: String(target.year),
        period: ['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'][n % 4]!,
        value: String(entry.value),
        intent: 'submit',
        idempotencyKey: entry.key,
        confirmPlausibility: 'on',
        note: 'stream',
        ...target.place,
      })) form.append(k, v);
      try {
        const response = await client.action({ ...action, page: '/updates/new' }, [{}, form], {}, false, AbortSignal.timeout(answerWithinMs));
        entry.status = response.status;
        const location = response.headers.get('x-action-redirect') ?? response.headers.get('location') ?? '';
        const saved = /saved=(\d+)/.exec(location);
        if (saved) entry.ackId = Number(saved[1]);
        else if (response.status < 500) entry.ackId = undefined;
      } catch {
        // No answer: not acknowledged. Keep going; the caller decides when to stop.
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  });
  return {
    sent,
    acknowledged: () => sent.filter((s) => s.ackId !== undefined),
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Acknowledged writes missing (or changed), and updates without their audit row or audit rows without them. */
export async function durabilityCheck(db: Db, sent: Sent[]) {
  const rows = await queryRows<{ id: number; key: string; value: number }>(
    db,
    sql`select id::int as id, idempotency_key as key, value::float8 as value from progress_updates where note = 'stream'`,
  );
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const lost = sent
    .filter((s) => s.ackId !== undefined && (byKey.get(s.key)?.id !== s.ackId || byKey.get(s.key)?.value !== s.value))
    .map((s) => ({ ...s, stored: byKey.get(s.key) ?? null, storedRows: rows.length }));
  const [half] = await queryRows<{ withoutAudit: number; auditWithout: number }>(
    db,
    sql`select
      (select count(*)::int from progress_updates u where u.note = 'stream' and not exists (
         select 1 from audit_log a where a.entity_type = 'progress_update' and a.entity_id = u.id::text and a.action = 'progress.create')) as "withoutAudit",
      (select count(*)::int from audit_log a where a.entity_type = 'progress_update' and a.action = 'progress.create'
         and not exists (select 1 from progress_updates u where u.id::text = a.entity_id)) as "auditWithout"`,
  );
  return { lost, halfWritten: Number(half!.withoutAudit) + Number(half!.auditWithout), stored: rows.length };
}
