import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { appSettings } from '../schema';

export async function getSetting(db: Db, key: string): Promise<string | undefined> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
  return row?.value;
}

/** The demo database stores its own "today" (mid-November 2020) so that the demo looks like a year in progress. */
export async function getStoredAsOfDate(db: Db): Promise<string | undefined> {
  return getSetting(db, 'as_of_date');
}

export async function isDemoDatabase(db: Db): Promise<boolean> {
  return (await getSetting(db, 'demo')) === 'true';
}
