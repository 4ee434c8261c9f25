import { load, type LoadResult } from './load';
import { start, type ServerOptions } from './server';
import { round } from './sql-timing';

export interface InstancesResult {
  path: string;
  /** One instance at 2 × `connections`. */
  one: LoadResult;
  /** Two instances at the same time, `connections` each: what a load balancer in front of them would spread. */
  two: [LoadResult, LoadResult];
  /** Both instances' requests per second over the single one's (the target is ≥ 1.8). */
  ratio: number;
}

/**
 * Two `next start` processes on the same build and database (and Redis, when REDIS_URL is set: they then share
 * the cache), against one of them alone with the same total number of connections. The session cookie of the
 * first is valid on the second (same AUTH_SECRET), as it would be behind any load balancer.
 */
export async function twoInstances(first: { origin: string }, opts: ServerOptions, cookie: string, path: string, seconds: number, connections = 10): Promise<InstancesResult> {
  const second = await start({ ...opts, port: opts.port + 2 });
  try {
    for (const origin of [first.origin, second.origin]) {
      for (let k = 0; k < 5; k++) {
        const res = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: 'manual' });
        await res.text();
        if (res.status !== 200) throw new Error(`${origin}${path} answered ${res.status} during warm-up`);
      }
    }
    const one = await load(`${first.origin}${path}`, cookie, 2 * connections, seconds);
    const two = (await Promise.all([first.origin, second.origin].map((o) => load(`${o}${path}`, cookie, connections, seconds)))) as [LoadResult, LoadResult];
    return { path, one, two, ratio: one.rps > 0 ? round((two[0].rps + two[1].rps) / one.rps, 2) : 0 };
  } finally {
    await second.stop();
  }
}
