import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './support';

// Registries: a change in a registry moves its derived indicator on the next page load, and
// committee members can read but not edit — no controls rendered, and a replayed form post is refused.

/** The overview's "actual to date" of an indicator, as a number. */
async function actualOf(page: Page, code: string): Promise<number> {
  await page.goto('/');
  const row = page.locator(`tr[data-indicator="${code}"]`);
  await expect(row).toBeVisible();
  const text = (await row.locator('td.num').first().innerText()).split('\n')[0]!;
  return Number(text.replace(/[^\d.]/g, ''));
}

/** The first city of the given status in the list, as [name, detail path]. */
async function firstCity(page: Page, status: string): Promise<[string, string]> {
  await page.goto(`/cities?status=${status}&sort=name`);
  const link = page.locator('tbody tr th a').first();
  await expect(link).toBeVisible();
  return [(await link.innerText()).trim(), (await link.getAttribute('href'))!];
}

test('a staff member marks a city as engaged and "cities engaged" goes up by one', async ({ page }) => {
  await signIn(page, demo.staff);
  const before = await actualOf(page, 'G1.1');
  await expect(page.locator('tr[data-indicator="G1.1"]')).toContainText('Derived from the cities registry');

  const [name, path] = await firstCity(page, 'prospective');
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Save' }) });
  await form.getByLabel('Status', { exact: true }).selectOption('engaged');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('status-history').locator('tbody tr').first()).toContainText('Engaged');
  await expect(page.getByTestId('audit-trail')).toContainText('city.update');

  expect(await actualOf(page, 'G1.1')).toBe(before + 1);
});

test('a status change that skips a stage asks for confirmation first', async ({ page }) => {
  await signIn(page, demo.staff);
  const [, path] = await firstCity(page, 'prospective');
  await page.goto(path);
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Save' }) });
  await form.getByLabel('Status', { exact: true }).selectOption('active');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/is not the usual next step/)).toBeVisible();
  await form.getByLabel(/Yes, record the change/).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
});

test('field errors are shown next to their fields and nothing is saved', async ({ page }) => {
  await signIn(page, demo.staff);
  await page.goto('/cities/new');
  await page.getByLabel('Name', { exact: true }).fill('Nowhere');
  await page.getByLabel('Country').fill('Testland');
  await page.getByLabel('Latitude').fill('95');
  await page.getByLabel('Longitude').fill('10');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Latitude must be between −90 and 90.')).toBeVisible();
  await expect(page.getByLabel('Latitude')).toHaveAttribute('aria-invalid', 'true');
  await page.goto('/cities?q=Nowhere');
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
});

test('a committee member sees no edit controls and is refused when posting anyway', async ({ page, browser }) => {
  // The id of the edit form's server action, from a staff member's page (as the browser would see it).
  const staff = await browser.newPage();
  await signIn(staff, demo.staff);
  const [, path] = await firstCity(staff, 'prospective');
  const html = (await (await staff.request.get(path)).text()).replace(/&quot;/g, '"');
  const actionId = /"id":"([0-9a-f]{20,})"/.exec(html.slice(html.lastIndexOf('<form', html.indexOf('name="statusDate"'))))?.[1];
  expect(actionId).toBeTruthy();
  await staff.close();

  await signIn(page, demo.committee);
  await page.goto('/cities');
  await expect(page.getByRole('heading', { level: 1, name: 'Cities' })).toBeVisible();
  await expect(page.getByTestId('registry-add')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Import', exact: true })).toHaveCount(0);
  await page.goto(path);
  await expect(page.getByTestId('record-details')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  expect((await page.goto('/cities/new'))!.status()).toBe(403);

  // Posting to the action anyway, as Next's client does: refused before any input is read.
  const response = await page.request.post(path, {
    headers: { 'Next-Action': actionId!, Origin: new URL(page.url()).origin, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify([{}, { name: 'Renamed by committee' }]),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Renamed by committee');
});

test('a CSV import reports problems by row and column and imports only the valid rows when asked', async ({ page }) => {
  await signIn(page, demo.staff);
  await page.goto('/cities/import');
  const name = `Importville ${Date.now()}`;
  const csv = `name,country,region,latitude,longitude,status,status_date\n${name},Testland,maritime,10,20,prospective,2020-11-01\nBadtown,Testland,moon,95,20,prospective,2020-11-01\n`;
  await page.getByLabel('File (CSV or XLSX)').setInputFiles({ name: 'cities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('region');
  await expect(report).toContainText('Latitude must be between −90 and 90.');
  await expect(report.locator('tbody tr').first()).toContainText('3');
  await page.goto(`/cities?q=${encodeURIComponent(name)}`);
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();

  await page.goto('/cities/import');
  await page.getByLabel('File (CSV or XLSX)').setInputFiles({ name: 'cities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('button', { name: 'Import the 1 valid row' }).click();
  await expect(page.getByText('1 row was imported.')).toBeVisible();
  await page.goto(`/cities?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('link', { name })).toBeVisible();
});

test('in Chinese, registry names come from the data in Chinese; a name without one is marked as English', async ({ page, context, baseURL }) => {
  await signIn(page, demo.staff);
  const name = `Latinville ${Date.now()}`;
  await page.goto('/cities/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Country').fill('Testland');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // The language cookie only (no stored preference changes for the shared demo account).
  await context.addCookies([{ name: 'locale', value: 'zh', url: baseURL! }]);

  await page.goto('/cities?q=Quanzhou');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  const link = page.locator('tbody tr th a').first();
  await expect(link).toHaveText('泉州');
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('泉州');
  // Searching by the Chinese name finds it too.
  await page.goto(`/cities?q=${encodeURIComponent('泉州')}`);
  await expect(page.locator('tbody tr th a').first()).toHaveText('泉州');

  await page.goto(`/cities?q=${encodeURIComponent(name)}`);
  const fallback = page.locator('tbody tr th').first();
  await expect(fallback.locator(`[lang="en"]`)).toHaveText(name);
  await expect(fallback).toContainText('英文');

  await page.goto('/clusters');
  await expect(page.locator('tbody')).toContainText('电子商务与数字贸易集群');
  await context.clearCookies({ name: 'locale' });
});

test('the registry forms take a Chinese name and description, kept for editing and shown to Chinese readers', async ({ page, context, baseURL }) => {
  await signIn(page, demo.staff);
  const stamp = Date.now();
  const name = `Tea Route ${stamp}`;
  await page.goto('/clusters/new');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Name in Chinese').fill(`茶路 ${stamp}`);
  await page.getByLabel('Sector').fill('Tea');
  await page.getByLabel('Description in Chinese').fill('产茶城市');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByLabel('Name in Chinese')).toHaveValue(`茶路 ${stamp}`);
  await expect(page.getByLabel('Description in Chinese')).toHaveValue('产茶城市');

  await context.addCookies([{ name: 'locale', value: 'zh', url: baseURL! }]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`茶路 ${stamp}`);
  await expect(page.getByLabel('中文名称')).toHaveValue(`茶路 ${stamp}`);
  await context.clearCookies({ name: 'locale' });
});
