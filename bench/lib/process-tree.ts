import { readdirSync, readFileSync } from 'node:fs';

/** A process and all its descendants (the server and the browser it launched), from /proc. */
export function descendants(pid: number): number[] {
  const out = [pid];
  for (const dir of readdirSync('/proc')) {
    if (!/^\d+$/.test(dir)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${dir}/status`, 'utf8'))?.[1]);
      if (ppid === pid) out.push(...descendants(Number(dir)));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

export function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  try {
    return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory of a process tree now, in MB. */
export function treeRssMb(pid: number): number {
  return Math.round(descendants(pid).reduce((s, p) => s + statusKb(p, 'VmRSS'), 0) / 1024);
}

/**
 * Proportional memory of a process tree now, in MB: each page shared between processes (a browser's renderers
 * share most of theirs) counted once in total rather than once per process, as summed resident sizes would.
 */
export function treePssMb(pid: number): number {
  let kb = 0;
  for (const p of descendants(pid)) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return Math.round(kb / 1024);
}

/** CPU time used so far by a process tree, in seconds (utime + stime of each process, from /proc). */
export function treeCpuSeconds(pid: number): number {
  const ticksPerSecond = 100;
  let ticks = 0;
  for (const p of descendants(pid)) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / ticksPerSecond;
}

/** The whole machine's busy and total CPU time so far, in jiffies summed over its cores (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * What a piece of work costs in CPU: the share of the machine's cores that were busy meanwhile (any process), and
 * how many cores each of the given process trees used on average.
 */
export async function cpuDuring<T>(pids: number[], work: () => Promise<T>): Promise<{ result: T; machineBusy: number; coresByPid: number[] }> {
  const started = performance.now();
  const before = machineTicks();
  const cpuBefore = pids.map(treeCpuSeconds);
  const result = await work();
  const after = machineTicks();
  const seconds = (performance.now() - started) / 1000;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    result,
    machineBusy: round2((after.busy - before.busy) / Math.max(1, after.total - before.total)),
    coresByPid: pids.map((p, i) => round2((treeCpuSeconds(p) - cpuBefore[i]!) / seconds)),
  };
}
