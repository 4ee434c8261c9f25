import { test } from '@playwright/test';
import { allowSlowPages, expect, signInAsCommittee } from './committee-session';

allowSlowPages();

test('the overview shows the demo work plan with a status for every indicator', async ({ page }) => {
  await signInAsCommittee(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Work plan progress' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Demo data');
  for (const code of ['G1', 'G2', 'G3', 'G4', 'G5']) {
    await expect(page.locator(`#goal-${code}`)).toBeVisible();
  }
  const rows = page.locator('tr[data-indicator]');
  expect(await rows.count()).toBeGreaterThanOrEqual(12);
  // Each indicator row carries one of the five statuses, in words, and a sparkline that reads out its points.
  for (const row of await rows.all()) {
    await expect(row.locator('.badge')).toHaveText(/Ahead|On track|At risk|Off track|No data/);
    await expect(row.locator('svg.sparkline')).toHaveAttribute('aria-label', /^Recent quarters: 2020 Q1: /);
  }
  // The status tiles add up to the number of indicators, and so do the goals' summaries.
  const tileValues = await page.locator('.tile[data-status] .tile-value').allTextContents();
  expect(tileValues.map(Number).reduce((a, b) => a + b, 0)).toBe(await rows.count());
  const summaryValues = await page.locator('.goal-summary-count').allTextContents();
  expect(summaryValues.map(Number).reduce((a, b) => a + b, 0)).toBe(await rows.count());
  // The registry tiles stream in.
  for (const tile of ['citiesEngaged', 'partnerships', 'clustersFunctional', 'requestsResponded']) {
    await expect(page.locator(`[data-tile="${tile}"] .tile-value`)).toHaveText(/^\d+$/);
  }
});

test('the filters live in the URL', async ({ page }) => {
  await signInAsCommittee(page);
  await page.getByLabel('Include submitted (not yet approved) updates').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/submitted=1/);
  await expect(page.getByText('Counting approved and submitted updates.')).toBeVisible();
  await expect(page.getByLabel('Include submitted (not yet approved) updates')).toBeChecked();

  await page.getByLabel('Region').selectOption('maritime');
  await page.getByLabel('From period').selectOption('2020-07-01');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/region=maritime/);
  await expect(page).toHaveURL(/from=2020-07-01/);
  await expect(page.locator('[data-narrowed]')).toContainText('Maritime');
  await expect(page.getByText(/From Jul 1, 2020 to Nov 15, 2020/)).toBeVisible();
  // A shared link opens the same view.
  const shared = page.url();
  await page.goto('/');
  await page.goto(shared);
  await expect(page.getByLabel('Region')).toHaveValue('maritime');
  await expect(page.getByLabel('From period')).toHaveValue('2020-07-01');
  await expect(page.getByLabel('Include submitted (not yet approved) updates')).toBeChecked();
});

test('goals fold to their status summary and open again, from the keyboard and in the URL', async ({ page }) => {
  await signInAsCommittee(page, '/?open=none');
  await expect(page.locator('tr[data-indicator]')).toHaveCount(0);
  const toggle = page.locator('#goal-G3').getByRole('link', { name: /Show its \d+ indicators/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/open=G3/);
  await expect(page.locator('#goal-G3 tr[data-indicator]').first()).toBeVisible();
  await expect(page.locator('#goal-G1 tr[data-indicator]')).toHaveCount(0);
  await expect(page.locator('#goal-G3').getByRole('link', { name: /Hide indicators/ })).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('link', { name: "Show every goal's indicators" }).click();
  await expect(page).toHaveURL(/open=all/);
  await expect(page.locator('#goal-G1 tr[data-indicator]').first()).toBeVisible();
});

test('the overview works without JavaScript', async ({ browser, page }) => {
  // Sign in with JavaScript, then read the overview in a context that has none, with the same session.
  await signInAsCommittee(page);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const bare = await context.newPage();
  await bare.goto('/?open=none');
  await bare.locator('#goal-G2').getByRole('link', { name: /Show its/ }).click();
  await expect(bare).toHaveURL(/open=G2/);
  await expect(bare.locator('#goal-G2 tr[data-indicator]').first()).toBeVisible();
  await bare.getByLabel('Region').selectOption('continental');
  await bare.getByRole('button', { name: 'Apply' }).click();
  await expect(bare).toHaveURL(/region=continental/);
  await expect(bare).toHaveURL(/open=G2/);
  await expect(bare.locator('[data-narrowed]')).toContainText('Continental');
  await expect(bare.locator('#goal-G2 tr[data-indicator]').first()).toBeVisible();
  await context.close();
});

test('on a phone-sized screen nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAsCommittee(page);
  for (const path of ['/?open=all', '/indicators/G4.2', '/map', '/reports/committee']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
  }
});

test('the health route reports the embedded database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { driver: 'pglite', ok: true } });
});
