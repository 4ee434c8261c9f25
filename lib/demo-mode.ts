/**
 * Demo mode: the embedded database is filled with the demo on first start and the sign-in page lists the demo
 * accounts, whose password is public. It is on by default outside production (`npm run dev`, tests), so the
 * quick start needs no setting; under NODE_ENV=production it is on only when DEMO_MODE=1 says so, so that a
 * production start without DATABASE_URL never serves a database anyone can sign in to with published passwords.
 * DEMO_MODE=0 turns it off anywhere.
 */
export function demoModeOn(env: Record<string, string | undefined> = process.env): boolean {
  const flag = env.DEMO_MODE?.trim().toLowerCase();
  if (flag === '1' || flag === 'true') return true;
  if (flag === '0' || flag === 'false') return false;
  return env.NODE_ENV !== 'production';
}

/** The one line the server prints at start, saying which mode it runs in and how to change it. */
export function modeLine(env: Record<string, string | undefined> = process.env): string {
  const store = env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';
  const production = env.NODE_ENV === 'production';
  if (demoModeOn(env)) {
    return `[mode] demo on ${store}: an empty embedded database gets the demo data and the sign-in page lists the demo accounts${production ? ' (DEMO_MODE=1)' : ' (not production; DEMO_MODE=0 turns it off)'}`;
  }
  return `[mode] ${production ? 'production' : 'development'} on ${store}: no demo data is loaded and no demo account is listed${production ? ' (set DEMO_MODE=1 for a public demo; create the first admin with `npm run user:create`)' : ''}`;
}
