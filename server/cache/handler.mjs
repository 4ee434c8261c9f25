// The store behind `'use cache'` (next.config.mjs → cacheHandlers.default). Next loads this file itself at run
// time (it is not bundled), so it is plain JavaScript.
//
// Without REDIS_URL: a bounded in-memory store, one cache per process (memory.mjs).
// With REDIS_URL: one cache shared by every instance. Entries live in Redis under REDIS_CACHE_PREFIX; tag
// invalidations are one Redis hash (tag → when it expired / went stale) that each instance reads once per request
// (refreshTags) before serving anything from the cache, so a write through one instance is seen by the next
// request on any other.
//
// The cache is an optimisation, never a dependency: while Redis is unreachable every read is a miss (views are
// computed from the database), writes to the cache are dropped, and the invalidations made meanwhile are kept
// here and written to Redis when it is back, before anything is read from it again. One warning when Redis
// goes, one line when it comes back.
import { createRequire } from 'node:module';
import { createMemoryCacheHandler } from './memory.mjs';
import { createTagTimes, settle, streamOf } from './tag-times.mjs';

const require = createRequire(import.meta.url);

/** The largest time-to-live given to a Redis entry, whatever the cache profile says (a day). */
const MAX_TTL_MS = 24 * 60 * 60 * 1000;

function logLine(level, event, fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  if (level === 'warn' || level === 'error') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

/** Where Redis is, without any password the URL holds. */
function redisWhere(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 6379}${u.pathname && u.pathname !== '/' ? u.pathname : ''}`;
  } catch {
    return 'an unparsable REDIS_URL';
  }
}

/** An entry as one Redis string: 4 bytes of header length, the header (JSON), the value's bytes. */
export function encodeEntry(meta, value) {
  const header = Buffer.from(JSON.stringify(meta), 'utf8');
  const out = Buffer.allocUnsafe(4 + header.length + value.byteLength);
  out.writeUInt32BE(header.length, 0);
  header.copy(out, 4);
  Buffer.from(value.buffer, value.byteOffset, value.byteLength).copy(out, 4 + header.length);
  return out;
}

export function decodeEntry(buffer) {
  const length = buffer.readUInt32BE(0);
  const meta = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8'));
  const value = new Uint8Array(buffer.subarray(4 + length));
  return { meta, value };
}

/**
 * A handler on a Redis client (ioredis). `client` must not queue commands while disconnected
 * (`enableOfflineQueue: false`), so that a read fails at once instead of waiting for Redis.
 */
export function createRedisCacheHandler(client, { prefix = 'srm-cache:', where = 'redis', log = logLine } = {}) {
  const tagsKey = `${prefix}tags`;
  const entryKey = (cacheKey) => `${prefix}entry:${cacheKey}`;
  /** What this instance knows of every instance's invalidations. */
  const tags = createTagTimes();
  /** Invalidations made while Redis was unreachable, written to it when it is back. */
  const unsent = new Map();
  // undefined while the first connection is made, then true or false.
  let up;
  let flushing;
  // False after a refresh of the tags failed: another instance's invalidation may be unknown here, so nothing is
  // served from Redis until a refresh succeeds.
  let tagsKnown = false;

  const down = (error) => {
    if (up !== false) {
      log('warn', 'cache.redis_unavailable', { where, reason: error?.code ?? error?.message ?? String(error), serving: 'uncached' });
    }
    up = false;
  };

  async function flushUnsent() {
    if (unsent.size === 0) return;
    const sending = [...unsent];
    await client.hset(tagsKey, ...sending.flatMap(([tag, value]) => [tag, JSON.stringify(value)]));
    // An invalidation of the same tag made meanwhile is newer: it stays to be sent.
    for (const [tag, value] of sending) if (unsent.get(tag) === value) unsent.delete(tag);
  }

  client.on('error', (error) => down(error));
  client.on('end', () => down(new Error('connection closed')));
  client.on('close', () => {
    if (up) down(new Error('connection closed'));
  });
  client.on('ready', () => {
    // Nothing is read from Redis until the invalidations made while it was away have reached it (usable() tries
    // again if this first attempt fails).
    flushing = flushUnsent()
      .catch(() => {})
      .finally(() => {
        if (up === false) log('info', 'cache.redis_back', { where });
        up = true;
        flushing = undefined;
      });
  });

  /**
   * A command that failed on a live connection (a timeout on a busy machine) is a miss, not an outage: the
   * connection is still there and no `ready` would follow to switch caching back on.
   */
  const failed = (error) => {
    if (client.status !== 'ready') down(error);
  };

  const usable = async () => {
    if (flushing) await flushing;
    if (up !== true || client.status !== 'ready') return false;
    if (unsent.size === 0) return true;
    // Invalidations that did not reach Redis yet (a failed command): nothing is read before they do.
    try {
      await flushUnsent();
      return true;
    } catch (error) {
      failed(error);
      return false;
    }
  };

  return {
    async get(cacheKey, softTags = []) {
      if (!tagsKnown || !(await usable())) return undefined;
      let raw;
      try {
        raw = await client.getBuffer(entryKey(cacheKey));
      } catch (error) {
        failed(error);
        return undefined;
      }
      if (!raw) return undefined;
      let entry;
      try {
        entry = decodeEntry(raw);
      } catch {
        return undefined;
      }
      const meta = tags.servable(entry.meta, softTags);
      return meta ? { ...meta, value: streamOf(entry.value) } : undefined;
    },

    async set(cacheKey, pendingEntry) {
      const entry = await settle(pendingEntry);
      if (!entry || entry.meta.expire === 0 || !(await usable())) return;
      const { meta, value } = entry;
      const ttl = Math.max(1, Math.min(MAX_TTL_MS, Math.round(meta.expire * 1000)));
      try {
        await client.set(entryKey(cacheKey), encodeEntry(meta, value), 'PX', ttl);
      } catch (error) {
        failed(error);
      }
    },

    async refreshTags() {
      if (!(await usable())) {
        tagsKnown = false;
        return;
      }
      try {
        const all = await client.hgetall(tagsKey);
        for (const [tag, text] of Object.entries(all)) {
          try {
            tags.merge(tag, JSON.parse(text));
          } catch {
            // A field this version did not write: ignored.
          }
        }
        tagsKnown = true;
      } catch (error) {
        tagsKnown = false;
        failed(error);
      }
    },

    async getExpiration(list) {
      return tags.expiration(list);
    },

    async updateTags(list, durations) {
      for (const tag of list) unsent.set(tag, tags.invalidate(tag, durations));
      // Sent now when Redis is there (usable() flushes what is unsent), else kept until it is back.
      await usable();
    },
  };
}

function createHandler() {
  const url = process.env.REDIS_URL;
  if (!url) {
    return createMemoryCacheHandler(Number(process.env.CACHE_MEMORY_BYTES) || 50 * 1024 * 1024);
  }
  const Redis = require('ioredis').default ?? require('ioredis');
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    commandTimeout: 500,
    // Keep trying, at most every 2 s: caching resumes on its own when Redis is back.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  const where = redisWhere(url);
  logLine('info', 'cache.redis', { where });
  return createRedisCacheHandler(client, { prefix: process.env.REDIS_CACHE_PREFIX || 'srm-cache:', where });
}

export default createHandler();
