import type { CacheHandler } from 'next/dist/server/lib/cache-handlers/types';

export function createMemoryCacheHandler(maxBytes: number): CacheHandler;
