import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

// The dashboards as a committee member uses them: an indicator chart and its table, a goal page, the report and its PDF.

test('a committee member reads an indicator chart and switches to its table', async ({ page }) => {
  await signIn(page, demo.committee, undefined, '/indicators/G4.2');
  const chart = page.locator('figure[data-chart="G4.2"]');
  await expect(chart).toBeVisible();
  // The SVG carries the actual series and the stepped target line.
  await expect(chart.locator('svg.recharts-surface .chart-actual').first()).toBeAttached();
  await expect(chart.locator('svg.recharts-surface .chart-target path').first()).toBeAttached();
  await expect(chart.locator('figcaption')).toContainText('G4.2');
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const table = page.locator('table[data-chart-table="G4.2"]');
  await expect(table).toBeVisible();
  await expect(table.locator('caption')).toContainText('G4.2');
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
});

test('a goal page shows a chart for each of its indicators', async ({ page }) => {
  await signIn(page, demo.committee, undefined, '/goals/G4');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('G4');
  await expect(page.locator('figure[data-chart]')).toHaveCount(3);
});

test('the committee report downloads as a PDF', async ({ page }) => {
  await signIn(page, demo.committee, undefined, '/reports/committee');
  await expect(page.locator('[data-goal="G1"]')).toBeVisible();
  const response = await page.request.get('/api/reports/committee');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const body = await response.body();
  expect(body.length).toBeGreaterThan(1000);
  expect(body.subarray(0, 4).toString('latin1')).toBe('%PDF');
});

test('the map shows the cities; a city opens its card from the keyboard', async ({ page }) => {
  await signIn(page, demo.committee, undefined, '/map');
  const markers = page.locator('svg[data-map] a.map-marker');
  await expect(markers.first()).toBeVisible();
  expect(await markers.count()).toBeGreaterThan(20);
  await markers.first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/city=\d+/);
  await expect(page.locator('[data-city-card]')).toBeVisible();
  await page.getByLabel('Region').selectOption('maritime');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/region=maritime/);
});
