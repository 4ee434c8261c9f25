import type { CacheHandler } from 'next/dist/server/lib/cache-handlers/types';

/** The fields of an ioredis client the handler uses. */
interface RedisLike {
  status: string;
  on(event: string, listener: (...args: never[]) => void): unknown;
  getBuffer(key: string): Promise<Buffer | null>;
  set(key: string, value: Buffer, mode: 'PX', ttl: number): Promise<unknown>;
  hset(key: string, ...fields: string[]): Promise<unknown>;
  hgetall(key: string): Promise<Record<string, string>>;
}

export function createRedisCacheHandler(
  client: RedisLike,
  options?: { prefix?: string; where?: string; log?: (level: string, event: string, fields?: Record<string, unknown>) => void },
): CacheHandler;
export function encodeEntry(meta: unknown, value: Uint8Array): Buffer;
export function decodeEntry(buffer: Buffer): { meta: Record<string, unknown>; value: Uint8Array };
declare const handler: CacheHandler;
export default handler;
