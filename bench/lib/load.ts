import autocannon from 'autocannon';
import { round } from './sql-timing';

/** One autocannon run (pinned version, see package.json) with every response time recorded for exact percentiles. */
export interface LoadResult {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

export function load(url: string, cookie: string, connections: number, seconds: number): Promise<LoadResult> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, timeout: 30, headers: { cookie } }, (error, result) => {
      if (error) return reject(error);
      times.sort((a, b) => a - b);
      resolve({
        connections,
        requests: result.requests.total,
        rps: round(result.requests.total / result.duration, 1),
        p50: round(pct(times, 50), 1),
        p95: round(pct(times, 95), 1),
        p99: round(pct(times, 99), 1),
        errors: result.errors + result.timeouts + result.non2xx,
      });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => void times.push(responseTime));
  });
}
