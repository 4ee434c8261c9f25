// The store of `'use cache'` in one process (no REDIS_URL): a least-recently-used map bounded by the bytes its
// entries hold, so cached views never grow the server's memory past CACHE_MEMORY_BYTES.
import { LRUCache } from 'lru-cache';
import { createTagTimes, settle, streamOf } from './tag-times.mjs';

export function createMemoryCacheHandler(maxBytes) {
  const entries = new LRUCache({ maxSize: maxBytes, sizeCalculation: (entry) => Math.max(1, entry.value.byteLength) });
  const tags = createTagTimes();
  return {
    async get(cacheKey, softTags = []) {
      const entry = entries.get(cacheKey);
      if (!entry) return undefined;
      const meta = tags.servable(entry.meta, softTags);
      if (!meta) {
        entries.delete(cacheKey);
        return undefined;
      }
      return { ...meta, value: streamOf(entry.value) };
    },
    async set(cacheKey, pendingEntry) {
      const entry = await settle(pendingEntry);
      if (!entry || entry.meta.expire === 0) return;
      entries.set(cacheKey, entry);
    },
    // One process: its own invalidations are all there is to know.
    async refreshTags() {},
    async getExpiration(list) {
      return tags.expiration(list);
    },
    async updateTags(list, durations) {
      for (const tag of list) tags.invalidate(tag, durations);
    },
  };
}
