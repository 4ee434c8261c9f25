import 'server-only';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiProblem } from '@/lib/api/problems';
import { log } from '@/lib/log';

/**
 * The API's request limits: per client address (before authentication, so a flood of bad tokens is limited too)
 * and per token or session user. In this process's memory by default; shared by every instance in Redis when
 * REDIS_URL is set, with the in-memory limiter as insurance while Redis cannot be reached (limits then hold
 * per instance rather than not at all).
 */
export function apiLimits(env: Record<string, string | undefined> = process.env) {
  return {
    perIpPerMinute: positive(env.API_RATE_LIMIT_PER_IP_PER_MINUTE, 600),
    perCallerPerMinute: positive(env.API_RATE_LIMIT_PER_TOKEN_PER_MINUTE, 120),
  };
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

interface Limiters {
  ip: RateLimiterAbstract;
  caller: RateLimiterAbstract;
  redis: Redis | null;
}

function limiter(redis: Redis | null, keyPrefix: string, points: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: 60 });
  if (!redis) return memory;
  return new RateLimiterRedis({ storeClient: redis, keyPrefix: `srm:${keyPrefix}`, points, duration: 60, insuranceLimiter: memory });
}

function createLimiters(): Limiters {
  const limits = apiLimits();
  const url = process.env.REDIS_URL;
  let redis: Redis | null = null;
  if (url) {
    // A command waits for the connection (at start) but not for long: after one failed reconnection it fails, and
    // the insurance limiter answers instead.
    redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 1000 });
    // The insurance limiter takes over while Redis is away; say so once per error kind, not per request.
    const seen = new Set<string>();
    redis.on('error', (error: Error & { code?: string }) => {
      const kind = error.code ?? error.name;
      if (seen.has(kind)) return;
      seen.add(kind);
      log('warn', 'api.rate_limit_store_unavailable', { cause: kind });
    });
  }
  return { ip: limiter(redis, 'api-ip', limits.perIpPerMinute), caller: limiter(redis, 'api-caller', limits.perCallerPerMinute), redis };
}

const key = Symbol.for('srm.api.limiters');
const state = globalThis as Record<symbol, Limiters | undefined>;
const limiters = (): Limiters => (state[key] ??= createLimiters());

/** Tests start from fresh limiters after changing the limits in the environment. */
export function resetApiLimiters(): void {
  state[key]?.redis?.disconnect();
  state[key] = undefined;
}

async function consume(which: 'ip' | 'caller', id: string): Promise<void> {
  try {
    await limiters()[which].consume(id);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    log('info', 'api.rate_limited', { limit: which });
    throw new ApiProblem('rate_limited', { values: { seconds }, headers: { 'retry-after': String(seconds) } });
  }
}

export const consumeIpAllowance = (ip: string) => consume('ip', ip);
/** Keyed by the token, or by the user for a browser session. */
export const consumeCallerAllowance = (callerKey: string) => consume('caller', callerKey);
