import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './support';

// An admin makes a read-only share link; someone without an account opens it (that page only, no navigation,
// noindex); the admin sees the view counted, revokes the link, and it stops working at once.

/** No serious or critical WCAG 2.1 A/AA violation (as the a11y spec scans its pages). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function makeLink(page: Page, fields: { label: string; kind: 'report' | 'goal'; goal?: string }): Promise<string> {
  await page.goto('/admin/share-links');
  await page.getByLabel('Name', { exact: true }).fill(fields.label);
  await page.getByLabel('Shows', { exact: true }).selectOption(fields.kind);
  await page.getByLabel('Work plan').selectOption('2020');
  if (fields.goal) await page.getByLabel('Goal', { exact: true }).selectOption(fields.goal);
  await page.getByLabel('As of').fill('2020-09-30');
  await page.getByLabel('Expires after (days)').fill('30');
  await page.getByRole('button', { name: 'Make link' }).click();
  const field = page.getByLabel('The link', { exact: true });
  await expect(field).toHaveValue(/\/share\/shr_[A-Za-z0-9_-]{43}$/);
  return new URL(await field.inputValue()).pathname;
}

test('a share link is made, opened without an account, counted, and stops working once revoked', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, demo.admin, undefined, '/admin/share-links');
  const label = `Donor review ${Date.now()}`;
  const path = await makeLink(page, { label, kind: 'report' });
  await expectAccessible(page);

  const visitor = await browser.newContext();
  const shared = await visitor.newPage();
  const response = await shared.goto(path);
  expect(response!.status()).toBe(200);
  expect(response!.headers()['x-robots-tag']).toContain('noindex');
  await expect(shared.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(shared.getByRole('heading', { level: 1, name: 'Committee report' })).toBeVisible();
  await expect(shared.getByText('A read-only view shared with you')).toBeVisible();
  await expect(shared.locator('[data-goal="G1"]').first()).toBeVisible();
  // The budget section the signed-in report has, with the same figures as of the link's date.
  const budget = shared.locator('section.report-budget');
  await expect(budget.getByRole('heading', { name: 'Financial status and budget utilisation' })).toBeVisible();
  await expect(budget.locator('table[data-budget-table="goal"]')).toBeVisible();
  await page.goto('/reports/committee?plan=2020&asOf=2020-09-30');
  const spent = await page.locator('section.report-budget [data-tile="budget-spent"] .tile-value').textContent();
  expect(spent).toMatch(/\$/);
  await expect(budget.locator('[data-tile="budget-spent"] .tile-value')).toHaveText(spent!);
  await expectAccessible(shared);
  // That page only: no navigation, no link or form into the app.
  await expect(shared.getByRole('navigation')).toHaveCount(0);
  await expect(shared.locator('a[href^="/"], form[action^="/"]')).toHaveCount(0);
  // Nothing else opens with it: the app's pages still send the visitor to sign in.
  const other = await visitor.request.get('/reports/committee', { maxRedirects: 0 });
  expect(other.status()).toBe(307);

  await page.goto('/admin/share-links');
  const row = page.locator('tr', { hasText: label });
  await expect(row.locator('[data-views]')).toHaveText('1');
  await row.getByRole('button', { name: `Revoke the link “${label}”` }).click();
  await expect(row.locator('[data-state]')).toHaveText('Revoked');

  const gone = await shared.reload();
  expect(gone!.status()).toBe(404);
  await expect(shared.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(shared.locator('[data-goal]')).toHaveCount(0);
  await visitor.close();
});

test('a share link to one goal’s charts shows that goal’s charts only', async ({ page, browser }) => {
  await signIn(page, demo.admin, undefined, '/admin/share-links');
  const path = await makeLink(page, { label: `Goal 3 ${Date.now()}`, kind: 'goal', goal: 'G3' });
  const visitor = await browser.newContext();
  const shared = await visitor.newPage();
  expect((await shared.goto(path))!.status()).toBe(200);
  await expect(shared.getByRole('heading', { level: 1 })).toContainText('G3 ·');
  await expect(shared.locator('.chart-card').first()).toBeVisible();
  await expect(shared.locator('a[href^="/"]')).toHaveCount(0);
  await visitor.close();
});

test('an admin tags an indicator with SDG targets; the tags show on its page and filter the overview', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, demo.admin, undefined, '/plans/2020/indicators/G2.1/edit');
  await page.goto('/plans/2020/indicators/G2.1/edit');
  const tags = page.getByLabel('Goals and targets');
  await tags.selectOption(['11.3', '17.17']);
  await page.getByRole('button', { name: 'Save SDG tags' }).click();
  await expect(page.getByText('SDG tags saved.')).toBeVisible();
  await expectAccessible(page);
  await page.goto('/indicators/G2.1?plan=2020');
  const section = page.locator('[data-sdg-section]');
  await expect(section.locator('[data-sdg="11.3"]')).toBeVisible();
  await expect(section.locator('[data-sdg="17.17"]')).toBeVisible();
  // G2 itself is tagged 11 (the demo): shown as the goal's.
  await expect(section).toContainText('Through its goal G2');
  await page.goto('/?sdg=3&open=all');
  await expect(page.locator('section.goal-card[data-goal]')).toHaveCount(1);
  await expect(page.locator('[data-goal="G3"]')).toBeVisible();
  await expect(page.getByLabel('Sustainable Development Goal')).toHaveValue('3');
});
