import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './support';

// Progress updates end to end on the demo plan. Since the registry-backed indicators became derived, the demo's
// manual percent indicator is G5.3 (share of the quarter's planned budget unspent, reported overall); the city disaggregation
// path is covered by the integration tests.
const CODE = 'G5.3';

/** Submits the log form; when a data-quality flag asks, confirms (with the note already given) and submits again. */
async function submitConfirming(page: Page) {
  await page.getByRole('button', { name: 'Submit for review' }).click();
  const confirm = page.getByLabel('I have checked: save these values anyway');
  const landed = page.waitForURL(/\/indicators\//);
  const asked = confirm.waitFor().then(() => 'asked' as const);
  if ((await Promise.race([landed.then(() => 'landed' as const), asked])) === 'asked') {
    await confirm.check();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL(/\/indicators\//);
  }
}

test('staff log a percent, see it, correct it with a reason; an admin approves it from the queue', async ({ page, browser }) => {
  await signIn(page, demo.staff, undefined, `/updates/new?indicator=${CODE}`);
  await expect(page.getByRole('heading', { level: 1, name: `Log progress on ${CODE}` })).toBeVisible();
  // Bad input first: the server's message, and the typed values kept.
  await page.getByLabel('Numerator').fill('70');
  await page.getByLabel('Denominator').fill('0');
  await page.getByLabel('Note (optional)').fill('Q4 to date, from the finance report');
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('The denominator must be greater than zero.')).toBeVisible();
  await expect(page.getByLabel('Note (optional)')).toHaveValue('Q4 to date, from the finance report');
  await page.getByLabel('Denominator').fill('100');
  await submitConfirming(page);

  const saved = page.locator('tr.saved');
  await expect(saved).toHaveCount(1);
  await expect(saved.getByTestId('update-value')).toContainText('70%');
  await expect(saved).toContainText('submitted');
  // The period preselected by the demo's as-of date (15 November 2020), kept through the error round trip.
  await expect(saved).toContainText('2020-10-01 – 2020-12-31');

  // Correct it with a reason; the history shows who, old → new and why.
  await saved.getByRole('link', { name: /Correct or withdraw/ }).click();
  await page.getByLabel('Numerator').fill('72');
  // Still far from the first three quarters: flagged as it is typed; the note kept from the log answers it.
  await expect(page.getByTestId('quality-flags')).toContainText('far from the recent values of this series');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await expect(page.getByText('Say why (the reason is kept in the history).')).toBeVisible();
  await page.getByLabel('Reason for the change').fill('Late invoices added');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await page.waitForURL(/\/indicators\//);
  const corrected = page.locator('tr.saved');
  await expect(corrected.getByTestId('update-value')).toContainText('72%');
  await corrected.getByText('1 change').click();
  await expect(corrected).toContainText('70% → 72%');
  await expect(corrected).toContainText('Why: Late invoices added');
  const updateId = await corrected.getAttribute('data-update');

  // An admin approves it from the review queue.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin, undefined, `/indicators/${CODE}`);
  // The chart counts approved figures only, and is rendered once per data version: seen (and cached) before the
  // approval without the corrected figure, it must show it on the next load after.
  const chart = admin.getByRole('region', { name: `Chart of ${CODE}` });
  await expect(chart).toBeVisible();
  await expect(chart).not.toContainText('72%');
  await admin.goto('/review');
  const row = admin.locator(`tr[data-update="${updateId}"]`);
  await row.getByRole('button', { name: 'Approve' }).click();
  // Approved, it leaves the queue (which shows submitted updates only).
  await expect(row).toHaveCount(0);
  await admin.goto(`/indicators/${CODE}`);
  await expect(admin.locator(`tr[data-update="${updateId}"]`)).toContainText('approved');
  await expect(chart).toContainText('72%');
  await adminContext.close();
});

test('a CSV with one bad row: the bad row is reported, the good one imported on request', async ({ page }) => {
  await signIn(page, demo.staff, undefined, '/updates/import');
  const csv = [
    'indicator_code,period,value,numerator,denominator,milestone,city,cluster,partner,note,evidence_url,status',
    `G3.4,2020-Q4,25000,,,,,,,e2e import ${Date.now()},,submitted`,
    'G3.4,2020-Q4,-2,,,,,,,,,submitted',
  ].join('\n');
  await page.getByLabel('File (CSV or XLSX)').setInputFiles({ name: 'updates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('2 rows checked: 1 good, 1 with problems.')).toBeVisible();
  const problems = page.getByTestId('import-problems');
  await expect(problems.locator('tbody tr')).toHaveCount(1);
  await expect(problems.locator('tbody tr').first()).toContainText('3');
  await expect(problems.locator('tbody tr').first()).toContainText('value');
  await expect(problems.locator('tbody tr').first()).toContainText('This cannot be negative.');
  await page.getByRole('button', { name: 'Import the 1 good rows (skip the rest)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'rows imported' })).toContainText('1 rows imported');
});

test('a flagged imported value needs a note in its row: without one it is a problem, with one it goes in', async ({ page }) => {
  await signIn(page, demo.staff, undefined, '/updates/import');
  const csv = [
    'indicator_code,period,partner,value,note',
    // The demo's second quarter closed for reporting in August: the third (open until 29 November) and the fourth,
    // for a partner with nothing reported for them yet.
    `G3.4,2020-Q3,Coastal Cities University Consortium,30000,e2e flag ${Date.now()}`,
    'G3.4,2020-Q4,Coastal Cities University Consortium,500000,fifteen times the quarters before',
    'G3.4,2020-Q4,Coastal Cities University Consortium,600000,',
  ].join('\n');
  await page.getByLabel('File (CSV or XLSX)').setInputFiles({ name: 'flags.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('3 rows checked: 2 good, 1 with problems.')).toBeVisible();
  // The row without a note: which flag, and that the note is missing.
  const problems = page.getByTestId('import-problems').locator('tbody tr');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('far from the recent values of this series');
  await expect(problems.nth(1)).toContainText('say in the note why it is right');
  // The row with its note: its flag listed for the record, imported with the rest.
  await expect(page.getByText('1 row has a flagged value with a note saying why')).toBeVisible();
  const noted = page.getByTestId('import-warnings').locator('tbody tr');
  await expect(noted).toHaveCount(1);
  await expect(noted.first()).toContainText('3');
  await expect(noted.first()).toContainText('far from the recent values of this series (about 32,500)');
  await page.getByRole('button', { name: 'Import the 2 good rows (skip the rest)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'rows imported' })).toContainText('2 rows imported');
});

test('typing an outlying value shows its flag beside the field before submitting, and asks for the note', async ({ page }) => {
  await signIn(page, demo.staff, undefined, `/updates/new?indicator=${CODE}`);
  const flags = page.getByTestId('quality-flags');
  await expect(flags).toHaveAttribute('aria-live', 'polite');
  // The demo's first three quarters stand between 28% and 45%: 95% is far from them.
  await page.getByLabel('Numerator').fill('95');
  await page.getByLabel('Denominator').fill('100');
  await expect(flags).toContainText('This value is far from the recent values of this series');
  const note = page.getByLabel('Note (required: this value is flagged)');
  await expect(note).toHaveAttribute('aria-required', 'true');
  await expect(page.getByLabel('I have checked: save these values anyway')).toBeVisible();
  // Back in line with them: the flag goes, the note is optional again. Nothing was submitted.
  await page.getByLabel('Numerator').fill('38');
  await expect(flags).not.toContainText('far from the recent values');
  await expect(page.getByLabel('Note (optional)')).toBeVisible();
  await expect(page).toHaveURL(/\/updates\/new/);
});

test('committee members cannot open the log form, and exports answer them', async ({ page }) => {
  await signIn(page, demo.committee);
  const response = await page.goto(`/updates/new?indicator=${CODE}`);
  expect(response?.status()).toBe(403);
  const csv = await page.request.get(`/api/updates/export?indicator=${CODE}&format=csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('indicator_code');
  const anonymous = await page.request.fetch('/api/updates/export', { headers: { cookie: '' } });
  expect([401, 307, 302]).toContain(anonymous.status());
});
