import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '@/db/client';
import { createUpdate } from '@/db/queries/updates/create';
import { newInput, seedUpdatesWorld } from '../integration/updates-support';
import { changedTables, checksumSql, tableChecksums, tablesSql, toChecksums, type Checksums } from './support/checksums';
import { createPgDatabase } from './support/db';
import { record } from './support/figures';

/**
 * Backup and restore through the real `npm run db:backup` / `db:restore` scripts. On
 * PostgreSQL the backup is taken while writers keep logging progress; the test exports the snapshot the dump
 * uses, so "the backup's moment" is exact: every table's row count and checksum there must equal the restore's.
 */
const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const work = mkdtempSync(path.join(tmpdir(), 'srm-backup-'));
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => {});
  rmSync(work, { recursive: true, force: true });
});

function compare(expected: Checksums, actual: Checksums): string[] {
  const differing = changedTables(expected, actual);
  record('restore checksum matches', Object.keys(expected).length - differing.length);
  record('restore checksum mismatches', differing.length);
  return differing;
}

describe('backup and restore', () => {
  it('PostgreSQL: a backup under write load restores to exactly the backup moment, table by table', async () => {
    const source = await createPgDatabase('srm_rel_src');
    cleanups.push(source.drop);
    const handle = openPostgres(source.url, { max: 6 });
    cleanups.push(() => handle.close());
    await handle.migrate();
    const w = await seedUpdatesWorld(handle.db);
    for (let i = 0; i < 50; i++) {
      await createUpdate(handle.db, newInput(w, { indicatorCode: 'G1.2', note: `before ${i}`, figures: { value: String(i) }, confirmed: true }));
    }

    // Writers keep logging progress during the whole backup.
    let writing = true;
    let written = 0;
    const writers = Array.from({ length: 4 }, async (_, n) => {
      while (writing) {
        const result = await createUpdate(handle.db, newInput(w, { indicatorCode: 'G1.2', place: { cityId: w.cities[n % 3]!.id }, figures: { value: String(n + 1) }, confirmed: true, note: 'checked' }));
        if (result.ok) written++;
      }
    });

    const file = path.join(work, 'pg.dump');
    const snapshotClient = postgres(source.url, { max: 1, onnotice: () => {} });
    let atBackup: Checksums = {};
    await snapshotClient.begin('isolation level repeatable read', async (tx) => {
      const [{ id }] = (await tx.unsafe('select pg_export_snapshot() as id')) as unknown as [{ id: string }];
      const tables = ((await tx.unsafe(tablesSql)) as unknown as { name: string }[]).map((r) => r.name);
      atBackup = toChecksums((await tx.unsafe(checksumSql(tables))) as unknown as { name: string; rows: number; sum: string }[]);
      await run(tsx, ['db/scripts/backup.ts', file, '--snapshot', id], { cwd: root, env: { ...process.env, DATABASE_URL: source.url } });
    });
    await snapshotClient.end();
    const beforeStop = written;
    await new Promise((r) => setTimeout(r, 300));
    writing = false;
    await Promise.all(writers);
    expect(beforeStop).toBeGreaterThan(0);
    // The source went on changing after the backup's moment: the restore must not have those rows.
    const now = await tableChecksums(handle.db);
    expect(changedTables(atBackup, now)).toContain('progress_updates');

    const target = await createPgDatabase('srm_rel_dst');
    cleanups.push(target.drop);
    await run(tsx, ['db/scripts/restore.ts', file], { cwd: root, env: { ...process.env, DATABASE_URL: target.url } });
    const restored = openPostgres(target.url, { max: 1 });
    cleanups.push(() => restored.close());
    const after = await tableChecksums(restored.db);
    expect(Object.keys(after).sort()).toEqual(Object.keys(atBackup).sort());
    expect(compare(atBackup, after)).toEqual([]);
    expect(after.progress_updates!.rows).toBeGreaterThan(0);

    // The restored database is a working one: migrations up to date, audit log still append-only.
    await restored.migrate();
    await expect(restored.db.execute(sql`delete from audit_log`)).rejects.toThrow();

    // Restoring over a database that is not empty is refused.
    const again = await run(tsx, ['db/scripts/restore.ts', file], { cwd: root, env: { ...process.env, DATABASE_URL: target.url } }).catch((e: { stderr: string }) => e);
    expect((again as { stderr: string }).stderr).toMatch(/is not empty/);
  });

  it('PGlite: the embedded store backs up to a data-folder dump and restores into a new folder', async () => {
    const dataDir = path.join(work, 'pglite-src');
    const handle = await openPglite(dataDir);
    await handle.migrate();
    const w = await seedUpdatesWorld(handle.db);
    for (let i = 0; i < 20; i++) {
      await createUpdate(handle.db, newInput(w, { indicatorCode: 'G1.2', note: `note ${i} ${randomUUID()}`, figures: { value: String(i) }, confirmed: true }));
    }
    const atBackup = await tableChecksums(handle.db);
    await handle.close();

    const file = path.join(work, 'pglite.tar.gz');
    await run(tsx, ['db/scripts/backup.ts', file], { cwd: root, env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: dataDir } });
    const targetDir = path.join(work, 'pglite-dst');
    await run(tsx, ['db/scripts/restore.ts', file], { cwd: root, env: { ...process.env, DATABASE_URL: '', PGLITE_DATA_DIR: targetDir } });
    const restored = await openPglite(targetDir);
    try {
      expect(compare(atBackup, await tableChecksums(restored.db))).toEqual([]);
    } finally {
      await restored.close();
    }
  });
});
