import { openPostgres, type DbHandle } from '@/db/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '@/db/seed';
import { createPgDatabase } from './db';
import { Client, serverActions, type ServerAction } from './http';
import { startApp, type AppServer } from './server';

export type Role = 'admin' | 'staff' | 'committee';
export const demoEmail = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

export interface World {
  server: AppServer;
  /** The test's own connection to the server's database (checksums, direct reads). */
  db: DbHandle;
  url: string;
  actions: ServerAction[];
  clients: Record<'anonymous' | Role, Client>;
  close(): Promise<void>;
}

/**
 * A fresh PostgreSQL database with the demo, the production server on it, and a signed-in client per role.
 * `env` adds server settings (the PDF browser, limits).
 */
export async function startWorld(port: number, env: Record<string, string> = {}): Promise<World> {
  const database = await createPgDatabase();
  const db = openPostgres(database.url, { max: 3 });
  await db.migrate();
  await seedDemo(db.db);
  const server = await startApp({ port, env: { ...env, DATABASE_URL: database.url } });
  const actions = serverActions();
  const clients = { anonymous: new Client(server.baseUrl) } as World['clients'];
  for (const role of ['admin', 'staff', 'committee'] as const) {
    const client = new Client(server.baseUrl);
    if (!(await client.signIn(actions, demoEmail(role), DEMO_PASSWORD))) {
      throw new Error(`could not sign in as ${role}:\n${server.lines.slice(-20).join('\n')}`);
    }
    clients[role] = client;
  }
  const world: World = {
    server,
    db,
    url: database.url,
    actions,
    clients,
    async close() {
      // The server a test restarted (after a kill -9) is the one to stop now.
      await world.server.stop();
      await db.close();
      await database.drop();
    },
  };
  return world;
}
