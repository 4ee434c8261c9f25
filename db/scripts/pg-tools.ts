import { spawn } from 'node:child_process';

/** Runs a PostgreSQL client program with the URL's password in the environment, never on the command line. */
export function runPgTool(program: string, args: string[], url: string): Promise<void> {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args, '--dbname', u.toString()], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error) => reject(new Error(`${program} could not be started (${error.message}); install the PostgreSQL client tools.`)));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${program} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
