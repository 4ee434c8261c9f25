import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { classifyDbError, DATABASE_UNAVAILABLE_DIGEST, DatabaseUnavailableError, errorDetail, isDatabaseUnavailable } from '@/db/errors';
import { readOnly } from '@/db/resilient';

/** An error as postgres.js raises it: a PostgresError carries the SQLSTATE in `code`, its own errors a name in `code`. */
const withCode = (code: string, message = `failed with ${code}`) => Object.assign(new Error(message), { code });

describe('the database error classifier', () => {
  it.each([
    ['57P01', 'connection-lost', true], // admin_shutdown: pg_terminate_backend, fast or smart stop
    ['57P02', 'connection-lost', true], // crash_shutdown
    ['57P05', 'connection-lost', true], // idle_session_timeout
    ['57P03', 'starting-or-stopping', false], // cannot_connect_now
    ['53300', 'too-many-connections', false],
    ['25006', 'read-only', false], // read_only_sql_transaction after a failover
    ['57014', 'timeout', false], // the statement timeout
    ['08000', 'connection-lost', true],
    ['08003', 'connection-lost', true],
    ['08006', 'connection-lost', true],
    ['08007', 'connection-lost', true],
    ['08P01', 'connection-lost', true],
    ['08001', 'connection-lost', false], // the client could not establish the connection: nothing ran
    ['08004', 'connection-lost', false], // the server rejected the connection: nothing ran
  ] as const)('maps SQLSTATE %s to %s (read retried: %s)', (code, kind, retryRead) => {
    expect(classifyDbError(withCode(code))).toEqual({ kind, code, retryRead });
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
  });

  it.each([
    ['CONNECTION_CLOSED', 'connection-lost', true],
    ['CONNECTION_DESTROYED', 'connection-lost', true],
    ['CONNECTION_ENDED', 'connection-lost', false],
    ['CONNECT_TIMEOUT', 'unreachable', true], // the statement was never sent; a stalled pooled connection is tried afresh
    ['ECONNRESET', 'connection-lost', true],
    ['EPIPE', 'connection-lost', true],
    ['ECONNREFUSED', 'unreachable', false],
    ['ETIMEDOUT', 'unreachable', false],
    ['EHOSTUNREACH', 'unreachable', false],
    ['ENETUNREACH', 'unreachable', false],
    ['ENOTFOUND', 'unreachable', false],
    ['EAI_AGAIN', 'unreachable', false],
  ] as const)('maps the postgres.js or socket error %s to %s (read retried: %s)', (code, kind, retryRead) => {
    expect(classifyDbError(withCode(code))).toEqual({ kind, code, retryRead });
  });

  it('looks through drizzle\'s "Failed query" wrapper, causes and AggregateError', () => {
    const wrapped = new DrizzleQueryError('select 1', [], withCode('57P01', 'terminating connection due to administrator command'));
    expect(classifyDbError(wrapped)).toMatchObject({ kind: 'connection-lost', code: '57P01' });
    const aggregate = new AggregateError([withCode('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432')], 'all attempts failed');
    expect(classifyDbError(new Error('outer', { cause: aggregate }))).toMatchObject({ kind: 'unreachable', code: 'ECONNREFUSED' });
    const ours = new DatabaseUnavailableError('The database is unavailable.', { cause: wrapped }, { kind: 'connection-lost', code: '57P01', retryRead: true });
    expect(classifyDbError(ours)).toEqual({ kind: 'connection-lost', code: '57P01', retryRead: true });
    expect(ours.digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
  });

  it('leaves ordinary failures alone: constraints, conflicts, missing tables, bugs', () => {
    for (const error of [withCode('23505'), withCode('40001'), withCode('42P01'), withCode('22P02'), new TypeError('x is undefined'), null, undefined, 'text']) {
      expect(classifyDbError(error)).toBeNull();
    }
    // A cycle of causes ends the search instead of looping.
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = new Error('b', { cause: a });
    expect(classifyDbError(a)).toBeNull();
  });

  it('gives the innermost detail, with its code, for the log', () => {
    const wrapped = new DrizzleQueryError('select 1', [], withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'));
    // The message already names its code: not repeated.
    expect(errorDetail(wrapped)).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(errorDetail(withCode('57P03', 'the database system is starting up'))).toBe('57P03: the database system is starting up');
  });
});

describe('which statements a lost connection lets run again', () => {
  it.each([
    'select 1',
    '  SELECT "id" from "users" where "users"."id" = $1',
    'with ind as (select id from indicators) select * from ind',
    "-- the latest update of each series\nselect max(updated_at) from progress_updates",
    "select 'update t set x = 1' as text",
    'select * from progress_updates for update',
  ])('reads: %s', (query) => {
    expect(readOnly(query)).toBe(true);
  });

  it.each([
    'insert into audit_log (action) values ($1)',
    'update "progress_updates" set "status" = $1 where "id" = $2',
    'UPDATE public.users AS u SET name = $1',
    'delete from "sessions" where "id" = $1',
    'with moved as (delete from queue returning id) select * from moved',
    'with x as (update t set a = 1 returning a) select a from x',
    "select nextval('progress_updates_id_seq')",
    'select pg_advisory_lock(1)',
    "select set_config('app.user', $1, false)",
    'begin',
    'set statement_timeout = 0',
  ])('writes or changes state: %s', (query) => {
    expect(readOnly(query)).toBe(false);
  });
});
