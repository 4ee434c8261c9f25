import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';
import { allowSlowPages, expect, signInAsCommittee } from './committee-session';

allowSlowPages();

/** An axe scan (WCAG 2.x A and AA rules) that fails on any serious or critical violation, naming each. */
async function expectNoSeriousViolations(page: Page) {
  // Next streams a page's metadata: after a server action re-renders the page its <title> may arrive a moment
  // after the content the test waited for. The title is checked as soon as it is there, not skipped.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    'serious or critical accessibility violations',
  ).toEqual([]);
  // The scan really ran: it checked rules on this page.
  expect(results.passes.length).toBeGreaterThan(10);
}

test.describe('accessibility (axe)', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsCommittee(page);
  });

  test('the overview, with every goal expanded', async ({ page }) => {
    await page.goto('/?open=all');
    await expect(page.locator('tr[data-indicator]').first()).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-tile="citiesEngaged"]')).toBeVisible({ timeout: 30_000 });
    await expectNoSeriousViolations(page);
  });

  test('an indicator page, as chart and as table', async ({ page }) => {
    await page.goto('/indicators/G4.2');
    const chart = page.locator('figure[data-chart="G4.2"]');
    await expect(chart.locator('svg.chart-plot').first()).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousViolations(page);
    await chart.locator('summary', { hasText: 'Data table' }).click();
    await expect(page.locator('table[data-chart-table="G4.2"]')).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  test('the map', async ({ page }) => {
    await page.goto('/map');
    await expect(page.locator('.map-marker').first()).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousViolations(page);
  });

  test('the committee report', async ({ page }) => {
    await page.goto('/reports/committee');
    await expect(page.locator('[data-goal="G1"]')).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousViolations(page);
  });

  test('the account page with a new token shown, and the API documentation', async ({ page }) => {
    await page.goto('/account');
    await page.getByLabel('Name', { exact: true }).fill('axe scan');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByLabel('New token')).toHaveValue(/^srm_/);
    await expectNoSeriousViolations(page);
    await page.goto('/api-docs');
    await expect(page.locator('[data-api-reference="ready"] [data-path="/plans"]').first()).toBeVisible({ timeout: 30_000 });
    await expectNoSeriousViolations(page);
  });
});
