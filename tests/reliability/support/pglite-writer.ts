// A second process on an embedded data folder, for the lock and crash tests: opens it, says "ready", then
// writes until it is killed.
import { sql } from 'drizzle-orm';
import { openPglite } from '../../../db/client';

const dir = process.argv[2]!;
const handle = await openPglite(dir);
await handle.migrate();
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  await handle.db.execute(sql`insert into app_settings (key, value) values (${`k${i % 500}`}, ${String(i)})
    on conflict (key) do update set value = excluded.value`);
}
