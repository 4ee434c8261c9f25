import { load, type LoadResult } from './load';
import { cpuDuring } from './process-tree';
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
  /**
   * Where the CPU went: the share of the machine's cores busy (server, PostgreSQL, the load generator, anything
   * else), and the cores each instance used, with one instance and with two. A second instance can only add what
   * the first leaves idle.
   */
  cpu: { one: { machineBusy: number; cores: number }; two: { machineBusy: number; cores: [number, number] } };
}

/**
 * Two `next start` processes on the same build and database (and Redis, when REDIS_URL is set: they then share
 * the cache), against one of them alone with the same total number of connections. The session cookie of the
 * first is valid on the second (same AUTH_SECRET), as it would be behind any load balancer.
 */
export async function twoInstances(first: { origin: string; child: { pid?: number } }, opts: ServerOptions, cookie: string, path: string, seconds: number, connections = 10): Promise<InstancesResult> {
  const second = await start({ ...opts, port: opts.port + 2 });
  try {
    for (const origin of [first.origin, second.origin]) {
      for (let k = 0; k < 5; k++) {
        const res = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: 'manual' });
        await res.text();
        if (res.status !== 200) throw new Error(`${origin}${path} answered ${res.status} during warm-up`);
      }
    }
    const pids = [first.child.pid!, second.child.pid!];
    const alone = await cpuDuring(pids, () => load(`${first.origin}${path}`, cookie, 2 * connections, seconds));
    const both = await cpuDuring(pids, () => Promise.all([first.origin, second.origin].map((o) => load(`${o}${path}`, cookie, connections, seconds))));
    const [one, two] = [alone.result, both.result as [LoadResult, LoadResult]];
    return {
      path,
      one,
      two,
      ratio: one.rps > 0 ? round((two[0].rps + two[1].rps) / one.rps, 2) : 0,
      cpu: {
        one: { machineBusy: alone.machineBusy, cores: alone.coresByPid[0]! },
        two: { machineBusy: both.machineBusy, cores: [both.coresByPid[0]!, both.coresByPid[1]!] },
      },
    };
  } finally {
    await second.stop();
  }
}
