import { test } from '@playwright/test';
import { allowSlowPages, expect, signInAsCommittee } from './committee-session';
import { demo, signIn } from './support';

allowSlowPages();

// The budget page as the committee reads it (keyboard, data tables, both languages), and the expenditure import
// as staff use it (a refused file writes nothing; a good one is previewed, then imported whole).

test('a committee member reads the budget summary, charts and their data tables, by keyboard', async ({ page }) => {
  await signInAsCommittee(page, '/budget');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Budget and utilisation');
  await expect(page.locator('[data-budget-sentence]')).toContainText('Spent 65.8% of the budget');
  await expect(page.locator('[data-tile="budget-spent"] .tile-value')).toHaveText('$790,000');
  await expect(page.locator('figure[data-chart="budget-by-goal"] svg.recharts-surface[role="application"]')).toBeAttached();
  await expect(page.locator('figure[data-chart="cumulative-spend"] svg.recharts-surface[role="application"]')).toBeAttached();
  // The goal chart's table is on the page; the monthly one opens from its summary with the keyboard.
  await expect(page.locator('#budget-by-goal-table tbody tr')).toHaveCount(6);
  const monthly = page.locator('#cumulative-spend-table');
  await expect(monthly).toBeHidden();
  const summary = page.locator('details.chart-data summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(monthly).toBeVisible();
  await expect(monthly.locator('tbody tr')).toHaveCount(12);
  await expect(monthly.locator('tbody tr').nth(5)).toContainText('$357,000.00');
  // The revisions of August are listed; committee members get no editing links.
  await expect(page.locator('table[data-budget-table="revisions"] tbody tr')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Budget lines and revisions' })).toHaveCount(0);
  expect((await page.request.get('/budget/lines')).status()).toBe(403);
  const csv = await page.request.get('/api/budget/export?format=csv');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('plan,,,,USD,1200000.00,790000.00');
});

test('the budget page and its overview tile read in Chinese', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsCommittee(page, '/');
  await context.addCookies([{ name: 'locale', value: 'zh', url: baseURL! }]);
  await page.goto('/budget');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('预算与执行');
  await expect(page.locator('table[data-budget-table="goal"] caption')).toHaveText('按目标');
  await page.goto('/');
  await expect(page.locator('section[data-tile="budget"] h2')).toHaveText('预算执行率');
  await context.close();
});

test('staff import expenditures: a file with a bad row is refused whole, a good one is previewed and imported', async ({ page }) => {
  await signIn(page, demo.staff, undefined, '/budget/import');
  const file = (rows: string[]) => ({ name: 'finance.csv', mimeType: 'text/csv', buffer: Buffer.from(['date,line,amount,currency,rate,description,reference,evidence_url', ...rows].join('\r\n')) });
  await page.getByLabel('File').setInputFiles(file(['2020-11-12,B4,1250.50,USD,,E-commerce session platform,E2E-1,', '2020-11-13,B4,-10,USD,,Refund,E2E-2,']));
  await page.getByRole('button', { name: 'Check file' }).click();
  const report = page.getByTestId('expenditure-import-report');
  await expect(report).toContainText('Amounts cannot be negative');
  await expect(report.locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await page.getByLabel('File').setInputFiles(file(['2020-11-12,B4,1250.50,USD,,E-commerce session platform,E2E-1,', '2020-11-13,B3,2000,CNY,0.145,Masks,E2E-2,']));
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByTestId('expenditure-import-preview').locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: 'Import 2 expenditures' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 expenditures imported.' })).toBeVisible();
  await page.goto('/budget/expenditures');
  await expect(page.locator('table[data-budget-table="expenditures"]')).toContainText('E2E-2');
});
