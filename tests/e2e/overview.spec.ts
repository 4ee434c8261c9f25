import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

test('the overview shows the demo work plan with a status for every indicator', async ({ page }) => {
  await signIn(page, demo.committee);
  await expect(page.getByRole('heading', { level: 1, name: 'Work plan progress' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Demo data');
  for (const code of ['G1', 'G2', 'G3', 'G4', 'G5']) {
    await expect(page.locator(`#goal-${code}`)).toBeVisible();
  }
  const rows = page.locator('tr[data-indicator]');
  expect(await rows.count()).toBeGreaterThanOrEqual(12);
  // Each indicator row carries one of the five statuses, in words.
  for (const row of await rows.all()) {
    await expect(row.locator('.badge')).toHaveText(/Ahead|On track|At risk|Off track|No data/);
  }
  // The status tiles add up to the number of indicators.
  const tileValues = await page.locator('.tile-value').allTextContents();
  expect(tileValues.map(Number).reduce((a, b) => a + b, 0)).toBe(await rows.count());
});

test('the filters live in the URL', async ({ page }) => {
  await signIn(page, demo.committee);
  await page.getByLabel('Include submitted (not yet approved) updates').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/submitted=1/);
  await expect(page.getByText('Counting approved and submitted updates.')).toBeVisible();
  await expect(page.getByLabel('Include submitted (not yet approved) updates')).toBeChecked();
});

test('the health route reports the embedded database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { driver: 'pglite', ok: true } });
});
