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
