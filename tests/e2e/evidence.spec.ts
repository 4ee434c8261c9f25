import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './support';

// Evidence files end to end on the demo plan: staff attach a file when logging, a renamed executable is refused
// under the field, the file shows in the updates table and downloads with the safe headers, and the reviewer
// sees it in the review queue beside the value to approve.
// The demo's manual percent indicator (G5.2 is derived from the budget).
const CODE = 'G5.3';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(0x3c - 4), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(0x80 - 0x40), Buffer.from('PE\0\0'), Buffer.alloc(256)]);

/** Submits the log form; when the plausibility check asks, confirms and submits again (the file chosen again). */
async function submitConfirming(page: Page, attach: () => Promise<void>) {
  await page.getByRole('button', { name: 'Submit for review' }).click();
  const confirm = page.getByLabel('I have checked: save these values anyway');
  const landed = page.waitForURL(/\/indicators\//);
  const asked = confirm.waitFor().then(() => 'asked' as const);
  if ((await Promise.race([landed.then(() => 'landed' as const), asked])) === 'asked') {
    await confirm.check();
    await attach();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL(/\/indicators\//);
  }
}

test('staff log with a file and see it in the updates table; the reviewer sees it in the queue', async ({ page, browser }) => {
  await signIn(page, demo.staff, undefined, `/updates/new?indicator=${CODE}`);
  const input = page.getByLabel('Evidence files (optional)');
  await expect(page.getByText(/Up to 5 files an update, 10 MB each/)).toBeVisible();
  await page.getByLabel('Numerator').fill('41');
  await page.getByLabel('Denominator').fill('100');

  // A Windows program renamed to .pdf: refused under the field, announced, nothing saved.
  await input.setInputFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: exe });
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('“minutes.pdf” is not a PDF, image, office document, CSV or text file', { exact: false })).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/updates\/new/);

  const name = `site-visit-${Date.now()}.pdf`;
  const attach = () => input.setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
  await attach();
  await expect(page.getByText('1 file chosen.')).toBeVisible();
  await submitConfirming(page, attach);

  const saved = page.locator('tr.saved');
  await expect(saved).toHaveCount(1);
  const link = saved.getByRole('link', { name: new RegExp(`^Download ${name}`) });
  await expect(link).toBeVisible();
  const updateId = await saved.getAttribute('data-update');

  // The download: an attachment with the detected type, never rendered in the app's origin.
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toContain(`attachment; filename="${name}"`);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['content-security-policy']).toContain('sandbox');
  expect(Buffer.from(await response.body()).equals(pdf)).toBe(true);

  // The reviewer sees the file beside the value under review.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin, undefined, '/review');
  const row = admin.locator(`tr[data-update="${updateId}"]`);
  await expect(row.getByRole('link', { name: new RegExp(`^Download ${name}`) })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Approve' })).toBeVisible();
  await adminContext.close();
});
