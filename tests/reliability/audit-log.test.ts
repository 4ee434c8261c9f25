import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { writeAudit } from '@/db/queries/audit';
import { auditBatches, auditFilterOptions, auditPage } from '@/db/queries/audit-log';
import { revokeSession } from '@/db/queries/auth/revoked-sessions';
import { auditLog, revokedSessions, users } from '@/db/schema';
import { createTestDatabase, driverUnderTest } from './support/db';

let handle: DbHandle;
let db: Db;
let alice: string;
let bob: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  const [a, b] = await db
    .insert(users)
    .values([
      { email: `alice-${randomUUID()}@t.org`, name: 'Alice', role: 'admin' },
      { email: `bob-${randomUUID()}@t.org`, name: 'Bob', role: 'staff' },
    ])
    .returning();
  alice = a!.id;
  bob = b!.id;
  await writeAudit(db, { actorId: alice, action: 'city.create', entityType: 'city', entityId: 1, after: { name: '<b>Xi’an</b>' } });
  await writeAudit(db, { actorId: bob, action: 'progress.create', entityType: 'progress_update', entityId: 7, after: { value: 5 } });
  await writeAudit(db, { actorId: bob, action: 'progress.correct', entityType: 'progress_update', entityId: 7, before: { value: 5 }, after: { value: 6 } });
  await writeAudit(db, { actorId: null, action: 'plan.import', entityType: 'work_plan', entityId: 2020 });
});

afterAll(async () => {
  await handle?.close();
});

async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return 'allowed';
  } catch (error) {
    let e: unknown = error;
    while ((e as { cause?: unknown }).cause) e = (e as { cause: unknown }).cause;
    return (e as Error).message;
  }
}

describe(`the audit log on ${driverUnderTest}`, () => {
  it('is append-only in the database: UPDATE, DELETE and TRUNCATE are refused, rows unchanged', async () => {
    const before = await db.select().from(auditLog).orderBy(auditLog.id);
    expect(await refusal(db.update(auditLog).set({ action: 'forged' }).where(eq(auditLog.actorId, bob)))).toMatch(/append-only \(UPDATE refused\)/);
    expect(await refusal(db.delete(auditLog))).toMatch(/append-only \(DELETE refused\)/);
    expect(await refusal(db.execute(sql`truncate audit_log`))).toMatch(/append-only \(TRUNCATE refused\)/);
    expect(await refusal(db.execute(sql`delete from audit_log where id = (select min(id) from audit_log)`))).toMatch(/append-only/);
    expect(await db.select().from(auditLog).orderBy(auditLog.id)).toEqual(before);
  });

  it('a refused change inside a transaction rolls the whole transaction back', async () => {
    const count = async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n);
    const n = await count();
    const outcome = await refusal(
      db.transaction(async (tx) => {
        await writeAudit(tx, { actorId: alice, action: 'x.create', entityType: 'x' });
        await tx.delete(auditLog).where(eq(auditLog.action, 'x.create'));
      }),
    );
    expect(outcome).toMatch(/append-only/);
    expect(await count()).toBe(n);
  });

  it('filters by who, record type and id, action and dates; pages newest first', async () => {
    const ids = (rows: { action: string }[]) => rows.map((r) => r.action);
    expect(ids((await auditPage(db, { actorId: bob })).rows)).toEqual(['progress.correct', 'progress.create']);
    expect(ids((await auditPage(db, { entityType: 'city' })).rows)).toEqual(['city.create']);
    expect(ids((await auditPage(db, { entityType: 'progress_update', entityId: '7', action: 'progress.correct' })).rows)).toEqual(['progress.correct']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await auditPage(db, { from: today, to: today })).rows).toHaveLength(4);
    expect((await auditPage(db, { to: '2000-01-01' })).rows).toHaveLength(0);
    const first = await auditPage(db, {}, { limit: 3 });
    expect(first.rows).toHaveLength(3);
    expect(first.nextBeforeId).not.toBeNull();
    const second = await auditPage(db, {}, { limit: 3, beforeId: first.nextBeforeId! });
    expect(ids(second.rows)).toEqual(['city.create']);
    expect(second.nextBeforeId).toBeNull();
    const [system] = (await auditPage(db, { action: 'plan.import' })).rows;
    expect(system).toMatchObject({ actorId: null, actorName: null, entityId: '2020' });
  });

  it('exports every matching row in batches and lists the filter choices', async () => {
    const all: number[] = [];
    for await (const batch of auditBatches(db, {}, 100, 2)) all.push(...batch.map((r) => r.id));
    expect(all).toHaveLength(4);
    expect([...all].sort((a, b) => b - a)).toEqual(all);
    const options = await auditFilterOptions(db);
    expect(options.actors.map((a) => a.name)).toEqual(['Alice', 'Bob']);
    expect(options.entityTypes).toEqual(['city', 'progress_update', 'work_plan']);
  });

  it('records signed-out sessions once and prunes the expired ones', async () => {
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    await revokeSession(db, { sid: 'old-session', userId: bob, now: old });
    await revokeSession(db, { sid: 'session-1', userId: bob });
    await revokeSession(db, { sid: 'session-1', userId: bob });
    const rows = await db.select().from(revokedSessions);
    expect(rows.map((r) => r.sid)).toEqual(['session-1']);
  });
});
