import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { queryRows } from '@/db/queries/raw';
import { applyRepeatableSql, repeatableFiles, type RepeatableFile, type RepeatableTx } from '@/db/repeatable-sql';
import { createHash } from 'node:crypto';
import { createTestDatabase, driverUnderTest } from '../support/db';

// db/sql holds the current definitions; migrate applies each file after the drizzle migrations and again
// whenever its text changes, so the body in the file is the body that runs.

let handle: DbHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

/** A one-statement runner over the test's drizzle handle. */
const viaDrizzle = (fn: (tx: RepeatableTx) => Promise<void>) =>
  handle.db.transaction(async (tx) => {
    await fn({
      script: async (text) => void (await tx.execute(sql.raw(text))),
      query: async <T,>(text: string, params: unknown[]) => {
        const bound = text.replace(/\$(\d+)/g, (_, n: string) => `'${String(params[Number(n) - 1]).replace(/'/g, "''")}'`);
        return queryRows<T>(tx as never, sql.raw(bound));
      },
    });
  });

const file = (name: string, text: string): RepeatableFile => ({ name, text, sha256: createHash('sha256').update(text).digest('hex') });

describe(`repeatable SQL (${driverUnderTest})`, () => {
  it('records every file of db/sql with its hash after migrate, and the functions run the files’ bodies', async () => {
    const files = repeatableFiles();
    expect(files.map((f) => f.name)).toContain('progress-summary.sql');
    const rows = await queryRows<{ name: string; sha256: string }>(handle.db, sql`select name, sha256 from repeatable_sql_applied order by name`);
    expect(rows).toEqual(files.map((f) => ({ name: f.name, sha256: f.sha256 })));
    const [fn] = await queryRows<{ src: string }>(handle.db, sql`select prosrc as src from pg_proc where proname = 'progress_updates_rollup_statement'`);
    const text = files.find((f) => f.name === 'progress-rollups.sql')!.text;
    expect(text).toContain(fn!.src.trim());
  });

  it('applies nothing again when no text changed', async () => {
    const before = await queryRows<{ at: string }>(handle.db, sql`select max(applied_at)::text as at from repeatable_sql_applied`);
    await handle.migrate();
    const after = await queryRows<{ at: string }>(handle.db, sql`select max(applied_at)::text as at from repeatable_sql_applied`);
    expect(after).toEqual(before);
  });

  it('re-applies a file when its text changes, and only then', async () => {
    const v1 = file('zz-probe.sql', 'create or replace view repeatable_probe as select 1 as v');
    expect(await applyRepeatableSql(viaDrizzle, [v1])).toEqual(['zz-probe.sql']);
    expect(await applyRepeatableSql(viaDrizzle, [v1])).toEqual([]);
    const v2 = file('zz-probe.sql', 'create or replace view repeatable_probe as select 2 as v');
    expect(await applyRepeatableSql(viaDrizzle, [v2])).toEqual(['zz-probe.sql']);
    const [row] = await queryRows<{ v: number }>(handle.db, sql`select v from repeatable_probe`);
    expect(row!.v).toBe(2);
  });

  it('leaves the ledger as it was when a file fails', async () => {
    const broken = file('zz-probe.sql', 'create or replace view repeatable_probe as select 3 as v from nowhere');
    await expect(applyRepeatableSql(viaDrizzle, [broken])).rejects.toThrow();
    const [row] = await queryRows<{ v: number }>(handle.db, sql`select v from repeatable_probe`);
    expect(row!.v).toBe(2);
  });
});
