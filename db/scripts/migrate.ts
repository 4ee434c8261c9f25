// `npm run db:migrate`: applies the committed migrations in ./drizzle to DATABASE_URL (or the embedded store).
import { openConfiguredDatabase } from '../client';

async function main() {
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    console.info(`Migrations applied (${handle.driver}).`);
  } finally {
    await handle.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
