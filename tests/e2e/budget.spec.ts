import AxeBuilder from '@axe-core/playwright';
import { test } from '@playwright/test';
import { allowSlowPages, expect, signInAsCommittee } from './committee-session';
import { demo, signIn } from './support';
import { pdfText } from '../support/pdf-text';

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
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
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

test('staff get field errors for a bad amount; an admin revises an endorsed line only with a date and a reason', async ({ browser }) => {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, demo.staff, undefined, '/budget/expenditures');
  const form = staff.getByTestId('new-expenditure');
  await form.getByLabel('Budget line').selectOption({ label: 'B5 M&E, finance and liaison with CICETE' });
  await form.getByLabel('Date').fill('2020-11-14');
  await form.getByLabel('Amount').fill('12.345');
  await form.getByLabel('Description').fill('Courier');
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(form.getByText('Use at most two decimals.')).toBeVisible();
  await expect(form.getByLabel('Amount')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Amount').fill('12.35');
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(form.getByRole('status')).toHaveText('Expenditure recorded.');
  await staffContext.close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin, undefined, '/budget/lines');
  const line = admin.locator('section', { has: admin.getByRole('heading', { name: /^B5 / }) });
  await line.getByText('Revise B5').click();
  const revise = line.locator('form').filter({ has: admin.getByRole('button', { name: 'Record revision' }) });
  await revise.getByLabel(/New amount/).fill('95000');
  await revise.getByRole('button', { name: 'Record revision' }).click();
  // The browser's own check stops the form without a date: the server's rule is in the integration tests.
  expect(await revise.getByLabel('Effective date').evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await revise.getByLabel('Effective date').fill('2020-11-01');
  await revise.getByLabel('Reason').fill('Evaluation consultant added');
  await revise.getByRole('button', { name: 'Record revision' }).click();
  await expect(line.getByRole('status').filter({ hasText: 'Revision recorded.' })).toBeVisible();
  await admin.goto('/budget');
  await expect(admin.locator('table[data-budget-table="revisions"] tbody tr')).toHaveCount(3);
  await expect(admin.locator('[data-tile="budget-budget"] .tile-value')).toHaveText('$1,205,000');
  await adminContext.close();
});

test("the committee report and its PDF carry the budget section", async ({ page }) => {
  await signInAsCommittee(page, '/reports/committee?asOf=2020-09-30');
  const section = page.locator('section.report-budget');
  await expect(section.getByRole('heading', { name: 'Financial status and budget utilisation' })).toBeVisible();
  // On the report's own date: USD 645,000 of 1,200,000 by 30 September.
  await expect(section.locator('[data-tile="budget-spent"] .tile-value')).toHaveText('$645,000');
  const response = await page.request.get('/api/reports/committee?asOf=2020-09-30');
  expect(response.status()).toBe(200);
  const text = await pdfText(new Uint8Array(await response.body()));
  expect(text).toContain('Financial status and budget utilisation');
  expect(text).toContain('$645,000');
});
