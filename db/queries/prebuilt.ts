import { Column, is, SQL, type Query } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../client';

/**
 * Statements built once per process and then run as prepared statements on any session, the pool or a
 * transaction. Drizzle renders a query's text on every call, a cost that grows with every selected column and is
 * paid on the single Node thread that serves every writer (bench/README.md has the measurement). A prebuilt statement renders once, with placeholders (sql.placeholder) for what changes, and maps
 * rows as drizzle does (each field's decoder). Being named, it is also prepared by postgres.js once per connection:
 * no Describe round trip before each parameterised statement, and statements started together on a transaction's
 * connection are pipelined (sent at once, run in order).
 */

type Field = Column | SQL | SQL.Aliased;
export type Fields = Record<string, Field>;

/** A field's value as a select of it returns it. */
type Decoded<F> = F extends Column ? F['_']['data'] | (F['_']['notNull'] extends true ? never : null) : F extends SQL<infer T> | SQL.Aliased<infer T> ? T : never;
export type RowOf<F extends Fields> = { [K in keyof F]: Decoded<F[K]> };

/** The pool or a transaction. */
export type Runner = Pick<Db, '_' | 'select' | 'insert' | '$with' | 'with'>;

const dialect = new PgDialect();

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}
/** What drizzle decodes a selected field with: the column, or the SQL's decoder (sql<T>`…`.mapWith(…)). */
const decoderOf = (f: Field): Decoder =>
  is(f, Column) ? f : ((is(f, SQL) ? f : f.sql) as unknown as { decoder: Decoder }).decoder;

export class Prebuilt<R> {
  private query: Query | undefined;
  private readonly decoders: { key: string; decoder: Decoder }[];

  /**
   * `build` renders the statement (on the first run, with that run's database; it must select exactly `fields`, in
   * their order, or nothing when `fields` is undefined); `name` must be unique among prebuilt statements.
   */
  constructor(
    private readonly name: string,
    private readonly build: (db: Runner) => { toSQL(): Query } | SQL,
    fields?: Fields,
  ) {
    this.decoders = Object.entries(fields ?? {}).map(([key, f]) => ({ key, decoder: decoderOf(f) }));
  }

  private statement(db: Runner): Query {
    if (!this.query) {
      const built = this.build(db);
      this.query = is(built, SQL) ? dialect.sqlToQuery(built) : (built as { toSQL(): Query }).toSQL();
    }
    return this.query;
  }

  /** Runs the statement with these placeholder values; rows come back as objects keyed like `fields`. */
  run(db: Runner, values: Record<string, unknown>): Promise<R[]> {
    const map = (rows: unknown[][]) =>
      rows.map((row) => {
        const out: Record<string, unknown> = {};
        this.decoders.forEach(({ key, decoder }, i) => {
          const raw = row[i];
          out[key] = raw === null || raw === undefined ? null : decoder.mapFromDriverValue(raw);
        });
        return out as R;
      });
    return db._.session.prepareQuery<{ execute: R[]; all: unknown; values: unknown }>(this.statement(db), undefined, this.name, true, map).execute(values);
  }
}

export function prebuilt<F extends Fields>(name: string, fields: F, build: (db: Runner, fields: F) => { toSQL(): Query }): Prebuilt<RowOf<F>>;
export function prebuilt(name: string, fields: undefined, build: (db: Runner) => SQL | { toSQL(): Query }): Prebuilt<unknown>;
export function prebuilt(name: string, fields: Fields | undefined, build: (db: Runner, fields: never) => SQL | { toSQL(): Query }) {
  return new Prebuilt(name, (db) => build(db, fields as never), fields);
}
