// `npm run db:seed` loads the 2020 work plan's goals and indicators (no accounts, no progress);
// `npm run db:seed -- --demo` loads the whole demo: accounts, registries, progress and meetings.
import { parseArgs } from 'node:util';
import { openConfiguredDatabase } from '../client';
import { seedDemo, seedWorkPlan2020 } from '../seed';

async function main() {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    if (values.demo) {
      await seedDemo(handle.db);
      console.info('Demo data loaded (accounts: admin@, staff@, committee@demo.local).');
    } else {
      const { planId } = await seedWorkPlan2020(handle.db);
      console.info(`2020 work plan loaded (plan id ${planId}).`);
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
