import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Repeatable SQL (db/sql/*.sql): the current definitions of the functions, triggers and views the read model
 * depends on, one file per concern. After the drizzle migrations (which keep the history of tables), each file
 * whose text changed since it was last applied — or that was never applied — runs again, in file-name order, in
 * its own transaction with its new hash (like Flyway's repeatable migrations). So the body you read in db/sql is
 * the body that runs. Files must therefore be re-runnable: CREATE OR REPLACE, DROP … IF EXISTS.
 */

export const repeatableSqlFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'sql');

export interface RepeatableFile {
  name: string;
  text: string;
  sha256: string;
}

export function repeatableFiles(folder = repeatableSqlFolder): RepeatableFile[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      return { name, text, sha256: createHash('sha256').update(text).digest('hex') };
    });
}

/** What a driver offers the runner: a transaction in which to run a script and parameterised statements. */
export interface RepeatableTx {
  /** Several statements, no parameters. */
  script(text: string): Promise<void>;
  query<T>(text: string, params: unknown[]): Promise<T[]>;
}

const LEDGER = `create table if not exists repeatable_sql_applied (
  name text primary key,
  sha256 text not null,
  applied_at timestamptz not null default now()
)`;

/** Applies the changed files; returns the names applied. Concurrent migrators wait on one advisory lock. */
export async function applyRepeatableSql(
  transaction: (fn: (tx: RepeatableTx) => Promise<void>) => Promise<void>,
  files: RepeatableFile[] = repeatableFiles(),
): Promise<string[]> {
  const applied: string[] = [];
  for (const file of files) {
    await transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtext('repeatable_sql_applied'))`, []);
      await tx.script(LEDGER);
      const [row] = await tx.query<{ sha256: string }>(`select sha256 from repeatable_sql_applied where name = $1`, [file.name]);
      if (row?.sha256 === file.sha256) return;
      await tx.script(file.text);
      await tx.query(
        `insert into repeatable_sql_applied (name, sha256) values ($1, $2)
         on conflict (name) do update set sha256 = excluded.sha256, applied_at = now()`,
        [file.name, file.sha256],
      );
      applied.push(file.name);
    });
  }
  return applied;
}
