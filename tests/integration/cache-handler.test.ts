import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisCacheHandler } from '@/server/cache/handler.mjs';
import { createMemoryCacheHandler } from '@/server/cache/memory.mjs';

// The Redis store of the cached views, as two instances see it: what one stores the other serves, what one
// expires the other stops serving after its next refreshTags (once per request), and an unreachable Redis is a
// miss with one warning — never an error. TEST_REDIS_URL names the Redis (default: database 1 of the local one);
// the keys live under a prefix of this run's own and are deleted at the end.

const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';
const prefix = `srm-cache:test:${process.pid}:${Date.now()}:`;
const clients: Redis[] = [];

function client(target = url): Redis {
  const c = new Redis(target, { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 500, commandTimeout: 2000, retryStrategy: () => 200 });
  clients.push(c);
  return c;
}

async function ready(c: Redis): Promise<void> {
  for (let i = 0; i < 50 && c.status !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
  // The handler turns caching on from the `ready` event, after it has sent what it kept.
  await new Promise((r) => setTimeout(r, 50));
}

function instance(log: (level: string, event: string) => void = () => {}) {
  const c = client();
  return { handler: createRedisCacheHandler(c, { prefix, log }), ready: () => ready(c) };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const text = async (stream: ReadableStream<Uint8Array>) => new TextDecoder().decode(await new Response(stream).arrayBuffer());

function entry(value: string, tags: string[], timestamp = Date.now()) {
  return {
    value: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes(value));
        controller.close();
      },
    }),
    tags,
    stale: 60,
    timestamp,
    expire: 3600,
    revalidate: 900,
  };
}

afterAll(async () => {
  const c = client();
  await ready(c);
  const keys = await c.keys(`${prefix}*`);
  if (keys.length) await c.del(...keys);
  for (const x of clients) x.disconnect();
});

describe('the Redis store of cached views', () => {
  it('serves on one instance what the other stored, and stops once either expires a tag', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.ready(), b.ready()]);
    await a.handler.set('view-1', Promise.resolve(entry('figures v1', ['view:plan', 'view:progress:G1'])));
    await b.handler.refreshTags();
    const hit = await b.handler.get('view-1', []);
    expect(hit).toBeDefined();
    expect(await text(hit!.value)).toBe('figures v1');
    // A second read gets a new stream over the same bytes.
    expect(await text((await b.handler.get('view-1', []))!.value)).toBe('figures v1');

    await new Promise((r) => setTimeout(r, 5));
    await a.handler.updateTags(['view:progress:G1']);
    // B has not refreshed yet within this request: it still serves; its next request refreshes first.
    await b.handler.refreshTags();
    expect(await b.handler.get('view-1', [])).toBeUndefined();
    await a.handler.refreshTags();
    expect(await a.handler.get('view-1', [])).toBeUndefined();
    // An entry made after the invalidation is served again.
    await b.handler.set('view-1', Promise.resolve(entry('figures v2', ['view:plan', 'view:progress:G1'])));
    await a.handler.refreshTags();
    expect(await text((await a.handler.get('view-1', []))!.value)).toBe('figures v2');
  });

  it('honours the soft tags of revalidatePath, and serves a tag revalidated with a profile as stale', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.ready(), b.ready()]);
    await a.handler.set('view-2', Promise.resolve(entry('plan page', ['view:plan'])));
    await a.handler.set('view-3', Promise.resolve(entry('report', ['view:narrative'])));
    await new Promise((r) => setTimeout(r, 5));
    await b.handler.updateTags(['_N_T_/plans/2020']);
    await b.handler.updateTags(['view:narrative'], { expire: 3600 });
    await a.handler.refreshTags();
    expect(await a.handler.get('view-2', ['_N_T_/plans/2020'])).toBeUndefined();
    expect(await a.handler.get('view-2', ['_N_T_/overview'])).toBeDefined();
    expect(await a.handler.getExpiration(['_N_T_/plans/2020'])).toBeGreaterThan(0);
    const stale = await a.handler.get('view-3', []);
    expect(stale?.revalidate).toBe(-1);
  });

  it('is a miss with one warning while Redis cannot be reached, and never throws', async () => {
    const events: string[] = [];
    const c = client('redis://127.0.0.1:1/0');
    const handler = createRedisCacheHandler(c, { prefix, log: (_level, event) => events.push(event) });
    await new Promise((r) => setTimeout(r, 700));
    await handler.refreshTags();
    expect(await handler.get('view-1', [])).toBeUndefined();
    await handler.set('view-4', Promise.resolve(entry('not kept', ['view:plan'])));
    await handler.updateTags(['view:plan']);
    expect(await handler.get('view-4', [])).toBeUndefined();
    await new Promise((r) => setTimeout(r, 700));
    expect(events.filter((e) => e === 'cache.redis_unavailable')).toHaveLength(1);
  });
});

describe('the in-memory store of cached views (no REDIS_URL)', () => {
  it('serves what it stored until a tag expires it, and drops the least recently used past its size', async () => {
    const memory = createMemoryCacheHandler(40);
    await memory.set('view-1', Promise.resolve(entry('figures v1', ['view:plan'])));
    expect(await text((await memory.get('view-1', []))!.value)).toBe('figures v1');
    await new Promise((r) => setTimeout(r, 5));
    await memory.updateTags(['view:plan']);
    expect(await memory.get('view-1', [])).toBeUndefined();
    expect(await memory.getExpiration(['view:plan'])).toBeGreaterThan(0);

    // 40 bytes hold two 16-byte entries, not three: the one read least recently goes.
    await memory.set('a', Promise.resolve(entry('aaaaaaaaaaaaaaaa', ['view:progress'])));
    await memory.set('b', Promise.resolve(entry('bbbbbbbbbbbbbbbb', ['view:progress'])));
    expect(await memory.get('a', [])).toBeDefined();
    await memory.set('c', Promise.resolve(entry('cccccccccccccccc', ['view:progress'])));
    expect(await memory.get('b', [])).toBeUndefined();
    expect(await text((await memory.get('a', []))!.value)).toBe('aaaaaaaaaaaaaaaa');
    expect(await text((await memory.get('c', []))!.value)).toBe('cccccccccccccccc');
  });
});
