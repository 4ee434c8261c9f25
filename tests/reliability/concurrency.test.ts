import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { countedStatuses, currentKnowledge, planActuals } from '@/db/read-model';
import { queryRows } from '@/db/queries/raw';
import { correctUpdate } from '@/db/queries/updates/changes';
import { createUpdate } from '@/db/queries/updates/create';
import { auditLog, progressUpdates, progressUpdateVersions } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from './support/db';
import { newInput, seedUpdatesWorld, type World } from '../integration/updates-support';
import { record } from './support/figures';

/**
 * Concurrency, through the same db/queries/updates functions the server actions call. On
 * PostgreSQL the requests really overlap (a pool of connections); PGlite runs them one after the other.
 * RELIABILITY_SOAK_SECONDS sets how long the 20 writers run (60 s by default; CI uses 20 s).
 */
const soakSeconds = Number(process.env.RELIABILITY_SOAK_SECONDS ?? 60);

let handle: DbHandle;
let db: Db;
let w: World;

beforeAll(async () => {
  handle = await createTestDatabase({ max: 20 });
  db = handle.db;
  w = await seedUpdatesWorld(db);
});

afterAll(async () => {
  await handle?.close();
});

describe(`concurrency on ${driverUnderTest}`, () => {
  it('50 concurrent edits of one update from the same stale version: exactly one succeeds, 49 conflict', async () => {
    const created = await createUpdate(db, newInput(w, { indicatorCode: 'G1.2', period: '2020-Q1', figures: { value: '10' }, confirmed: true, note: 'checked' }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const id = created.update.id;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        correctUpdate(db, { updateId: id, version: 1, actorId: w.staff.id, figures: { value: String(100 + i) }, note: `edit ${i}`, evidenceUrl: '', reason: `edit ${i}` }),
      ),
    );
    const ok = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok && r.error === 'conflict');
    record('concurrent edits: succeeded', ok.length);
    record('concurrent edits: conflicts', conflicts.length);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const [row] = await db.select().from(progressUpdates).where(eq(progressUpdates.id, id));
    expect(row!.version).toBe(2);
    expect(row!.value).toBe(ok[0]!.ok ? ok[0]!.update.value : NaN);
    const versions = await db.select().from(progressUpdateVersions).where(eq(progressUpdateVersions.updateId, id));
    expect(versions).toHaveLength(1);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'progress_update'), eq(auditLog.entityId, String(id))));
    expect(audits.map((a) => a.action).sort()).toEqual(['progress.correct', 'progress.create']);
  });

  it('100 concurrent submissions with one idempotency key: one row, one audit row, every caller told the same id', async () => {
    const key = randomUUID();
    const input = newInput(w, { indicatorCode: 'G1.2', period: '2020-Q2', place: { cityId: w.cities[1]!.id }, figures: { value: '7' }, idempotencyKey: key, confirmed: true, note: 'checked' });
    const results = await Promise.all(Array.from({ length: 100 }, () => createUpdate(db, { ...input })));
    const ids = new Set(results.map((r) => (r.ok ? r.update.id : -1)));
    expect([...ids]).toHaveLength(1);
    expect(ids.has(-1)).toBe(false);
    const rows = await db.select().from(progressUpdates).where(eq(progressUpdates.idempotencyKey, key));
    record('idempotent submissions: rows', rows.length);
    expect(rows).toHaveLength(1);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'progress.create'), eq(auditLog.entityId, String(rows[0]!.id))));
    expect(audits).toHaveLength(1);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
  });

  it(`20 writers logging one indicator for ${soakSeconds} s: every acknowledged write present once, totals equal the rows`, async () => {
    const indicatorCode = 'G1.5';
    const acknowledged: { id: number; key: string; value: number }[] = [];
    const refused: unknown[] = [];
    const deadline = Date.now() + soakSeconds * 1000;
    const periods = ['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4'];
    const writer = async (n: number) => {
      let i = 0;
      while (Date.now() < deadline) {
        const key = randomUUID();
        const value = 1 + ((n * 7919 + i * 104729) % 1000);
        const result = await createUpdate(
          db,
          newInput(w, {
            indicatorCode,
            period: periods[i % 4]!,
            place: { cityId: w.cities[n % 3]!.id },
            figures: { value: String(value) },
            idempotencyKey: key,
            confirmed: true,
            note: 'concurrent writer',
            actorId: n % 2 ? w.staff.id : w.other.id,
          }),
        );
        if (result.ok) acknowledged.push({ id: result.update.id, key, value });
        else refused.push(result);
        i++;
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, n) => writer(n)));
    record('writes acknowledged', acknowledged.length);
    expect(refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(20);

    const ids = acknowledged.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const stored = await db.select().from(progressUpdates).where(eq(progressUpdates.indicatorId, w.currency.id));
    const byKey = new Map(stored.map((r) => [r.idempotencyKey, r]));
    const lost = acknowledged.filter((a) => byKey.get(a.key)?.id !== a.id || byKey.get(a.key)?.value !== a.value);
    record('acknowledged writes lost', lost.length);
    expect(lost).toEqual([]);
    expect(stored).toHaveLength(acknowledged.length);

    // Every write has exactly its one audit row.
    const audits = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'progress.create' and entity_id in (
            select id::text from progress_updates where indicator_id = ${w.currency.id})`,
    );
    expect(Number(audits[0]!.n)).toBe(acknowledged.length);

    // The dashboard's total (SQL aggregate) equals the sum recomputed from the rows and from the acknowledgements.
    const statuses = countedStatuses(true);
    const totals = await planActuals(db, w.plan.id, currentKnowledge('2020-12-31'), statuses);
    const [fromRows] = await db
      .select({ total: sql<number>`coalesce(sum(${progressUpdates.value}), 0)::float8` })
      .from(progressUpdates)
      .where(and(eq(progressUpdates.indicatorId, w.currency.id), inArray(progressUpdates.status, statuses)));
    const fromAcks = acknowledged.reduce((s, a) => s + a.value, 0);
    expect(totals.get(w.currency.id)?.value).toBe(Number(fromRows!.total));
    expect(Number(fromRows!.total)).toBe(fromAcks);
  });
});
