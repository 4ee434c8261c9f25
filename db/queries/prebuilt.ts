import type { Column, SQL } from 'drizzle-orm';
import type { Db } from '../client';

/**
 * Statements with placeholders (sql.placeholder) for what changes, prepared through drizzle's public `.prepare()`
 * once per runner — once per process on the pool, once per transaction in a transaction — and run with the
 * values of each call. Drizzle renders a query's text on every call of an ordinary query, a cost that grows with
 * every selected column and is paid on the single Node thread that serves every writer (bench/README.md has the
 * measurement): a statement run more than once on a runner renders once. Being named, it is also prepared by
 * postgres.js once per connection (no Describe round trip before each parameterised statement), and statements
 * started together on a transaction's connection are pipelined (sent at once, run in order).
 */

type Field = Column | SQL | SQL.Aliased;
export type Fields = Record<string, Field>;

/** A field's value as a select of it returns it. */
type Decoded<F> = F extends Column ? F['_']['data'] | (F['_']['notNull'] extends true ? never : null) : F extends SQL<infer T> | SQL.Aliased<infer T> ? T : never;
export type RowOf<F extends Fields> = { [K in keyof F]: Decoded<F[K]> };

/** The pool or a transaction. */
export type Runner = Pick<Db, 'select' | 'insert' | '$with' | 'with'>;

/** What drizzle's query builders offer: `.prepare(name)`, whose `execute` takes the placeholders' values. */
interface Preparable {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<unknown> };
}

export class Prebuilt<R> {
  private readonly prepared = new WeakMap<object, ReturnType<Preparable['prepare']>>();

  /** `build` makes the statement on a runner; `name` must be unique among prebuilt statements. */
  constructor(
    private readonly name: string,
    private readonly build: (db: Runner) => Preparable,
  ) {}

  /** Runs the statement with these placeholder values; rows come back as objects keyed like its fields. */
  run(db: Runner, values: Record<string, unknown>): Promise<R[]> {
    let statement = this.prepared.get(db);
    if (!statement) {
      statement = this.build(db).prepare(this.name);
      this.prepared.set(db, statement);
    }
    return statement.execute(values) as Promise<R[]>;
  }
}

export function prebuilt<F extends Fields>(name: string, fields: F, build: (db: Runner, fields: F) => Preparable): Prebuilt<RowOf<F>> {
  return new Prebuilt(name, (db) => build(db, fields));
}
