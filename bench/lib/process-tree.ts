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
