import { generate } from 'otplib';
import { expect, test } from '@playwright/test';
import { createUserThroughAdmin, demo, setPasswordFromLink, signIn, uniqueEmail } from './support';

test('a user turns on two-factor sign-in, then needs a code: a wrong one is refused, a recovery code works once', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demo.admin, undefined, '/admin/users');
  const email = uniqueEmail('totp');
  const password = 'two factor passphrase here';
  const link = await createUserThroughAdmin(admin, { email, name: 'Totp User', role: 'staff' });

  const context = await browser.newContext();
  const page = await context.newPage();
  await setPasswordFromLink(page, link, password);
  await signIn(page, email, password, '/account/two-factor');
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('img', { name: 'QR code to add this account to an authenticator app' })).toBeVisible();
  const secret = (await page.locator('code').first().textContent())!.replace(/\s+/g, '');
  await page.getByLabel('Six-digit code').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Confirm and turn on' }).click();
  const codeList = page.getByRole('list', { name: 'Recovery codes' });
  await expect(codeList).toBeVisible();
  const codes = await codeList.locator('code').allTextContents();
  expect(codes).toHaveLength(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByText('Two-factor sign-in is on', { exact: false })).toBeVisible();

  // Back in from a fresh browser (no cookie, no request in flight): the password alone is no longer enough.
  await context.close();
  let fresh = await browser.newContext();
  let page2 = await fresh.newPage();
  await page2.goto('/sign-in');
  await page2.getByLabel('Email').fill(email);
  await page2.getByLabel('Password', { exact: true }).fill(password);
  await page2.getByRole('button', { name: 'Sign in' }).click();
  const code = page2.getByLabel('Authentication code');
  await expect(code).toBeVisible();
  await code.fill('000000');
  await page2.getByRole('button', { name: 'Verify' }).click();
  await expect(page2.locator('#code-error')).toContainText('That code is not valid');
  await page2.getByLabel('Authentication code').fill(codes[0]!);
  await page2.getByRole('button', { name: 'Verify' }).click();
  await expect(page2).toHaveURL(/\/$/);
  await expect(page2.getByText('Signed in as Totp User (Staff)')).toBeVisible();

  // The same recovery code does not work a second time.
  await fresh.close();
  fresh = await browser.newContext();
  page2 = await fresh.newPage();
  await page2.goto('/sign-in');
  await page2.getByLabel('Email').fill(email);
  await page2.getByLabel('Password', { exact: true }).fill(password);
  await page2.getByRole('button', { name: 'Sign in' }).click();
  await page2.getByLabel('Authentication code').fill(codes[0]!);
  await page2.getByRole('button', { name: 'Verify' }).click();
  await expect(page2.locator('#code-error')).toContainText('That code is not valid');
  await fresh.close();
});
