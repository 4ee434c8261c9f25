import { treePssMb, treeRssMb } from './process-tree';

/** Report-PDF figures: the first PDF (browser start), warm latency, and a burst of concurrent PDFs. */
export interface PdfResult {
  firstMs: number;
  warm: { n: number; p50: number; p95: number };
  burst: {
    n: number;
    wallMs: number;
    /** Summed resident sizes of the server's process tree (pages shared between processes counted in each). */
    peakRssMb: number;
    rssBeforeMb: number;
    /** Proportional set size of the tree (shared pages counted once): what the PDFs really hold. */
    peakPssMb: number;
    pssBeforeMb: number;
    statuses: Record<string, number>;
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function timedGet(url: string, cookie: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  return { ms: Math.round(performance.now() - started), status: res.status };
}

/**
 * `/api/reports/committee` on the running server: one PDF to start the browser, `warm` more one after another
 * (each a different as-of date, so none is served from another's print), then `burst` at once while the server's
 * process tree (Node and the browser) is sampled from /proc every 100 ms.
 */
export async function pdfBench(origin: string, cookie: string, serverPid: number, asOf: string, warm = 10, burst = 10): Promise<PdfResult> {
  const day = (offset: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
  const url = (offset: number) => `${origin}/api/reports/committee?asOf=${day(offset)}`;
  const first = await timedGet(url(0), cookie);
  if (first.status !== 200) throw new Error(`the first report PDF answered ${first.status}`);
  const times: number[] = [];
  for (let i = 1; i <= warm; i++) {
    const r = await timedGet(url(i), cookie);
    if (r.status !== 200) throw new Error(`a warm report PDF answered ${r.status}`);
    times.push(r.ms);
  }
  times.sort((a, b) => a - b);
  const rssBeforeMb = treeRssMb(serverPid);
  const pssBeforeMb = treePssMb(serverPid);
  let peakRssMb = rssBeforeMb;
  let peakPssMb = pssBeforeMb;
  const sample = () => {
    peakRssMb = Math.max(peakRssMb, treeRssMb(serverPid));
    peakPssMb = Math.max(peakPssMb, treePssMb(serverPid));
  };
  const sampler = setInterval(sample, 100);
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: burst }, (_, i) => timedGet(url(warm + 1 + i), cookie)));
  const wallMs = Math.round(performance.now() - started);
  clearInterval(sampler);
  sample();
  const statuses: Record<string, number> = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return { firstMs: first.ms, warm: { n: warm, p50: pct(times, 50), p95: pct(times, 95) }, burst: { n: burst, wallMs, peakRssMb, rssBeforeMb, peakPssMb, pssBeforeMb, statuses } };
}
