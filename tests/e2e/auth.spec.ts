import { expect, test } from '@playwright/test';
import { createUserThroughAdmin, demo, setPasswordFromLink, signIn, uniqueEmail } from './support';

test('an anonymous visitor is sent to sign-in and back to the page asked for', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount/);
  await expect(page.getByRole('heading', { name: 'Demo accounts' })).toBeVisible();
  await page.getByLabel('Email').fill(demo.staff);
  await page.getByLabel('Password', { exact: true }).fill('silkroad-demo-2020');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
});

test('a wrong password gets one message, announced, with nothing said about the email', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('nobody@nowhere.example');
  await page.getByLabel('Password', { exact: true }).fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const message = page.locator('#sign-in-message');
  await expect(message).toHaveText('That email and password do not match an active account.');
  await page.getByLabel('Email').fill(demo.staff);
  await page.getByLabel('Password', { exact: true }).fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(message).toHaveText('That email and password do not match an active account.');
});

for (const [role, email, visible, hidden] of [
  ['admin', demo.admin, ['Overview', 'Users', 'Settings', 'Your account'], []],
  ['staff', demo.staff, ['Overview', 'Your account'], ['Users', 'Settings']],
  ['committee', demo.committee, ['Overview', 'Your account'], ['Users', 'Settings']],
] as const) {
  test(`the ${role} sees only the navigation of the role`, async ({ page }) => {
    await signIn(page, email);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const name of visible) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    for (const name of hidden) await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
  });
}

test('a committee member who types /admin/users gets the 403 page', async ({ page }) => {
  await signIn(page, demo.committee);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
});

test('an admin adds a user, who sets a password from the link and signs in; disabling bounces their open browser', async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin, undefined, '/admin/users');
  const email = uniqueEmail('new-staff');
  const form = admin.locator('form', { has: admin.getByRole('button', { name: 'Add user' }) });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('New Staff Member');
  await form.getByLabel('Role').selectOption('staff');
  await form.getByRole('button', { name: 'Add user' }).click();
  const link = await admin.locator('a[href*="/set-password/"], input[value*="/set-password/"], code:has-text("/set-password/")').first();
  await expect(link).toBeVisible();
  const linkText = (await link.getAttribute('href')) ?? (await link.getAttribute('value')) ?? (await link.textContent())!;
  const setPasswordPath = new URL(linkText.trim()).pathname;

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await user.goto(setPasswordPath);
  await user.getByLabel('New password', { exact: true }).fill('a long harbour silk lantern');
  await user.getByLabel('Repeat the new password').fill('a long harbour silk lantern');
  await user.getByRole('button', { name: 'Set password' }).click();
  await expect(user.getByText('Your password is set. You can now sign in.')).toBeVisible();
  // The link is single use.
  await user.goto(setPasswordPath);
  await expect(user.getByText('This link has already been used.')).toBeVisible();

  await signIn(user, email, 'a long harbour silk lantern');
  await expect(user.getByText('Signed in as New Staff Member (Staff)')).toBeVisible();

  // The admin disables the account; the user's next click lands on sign-in.
  await admin.reload();
  const row = admin.locator('tr', { hasText: email });
  await row.getByText('Actions for New Staff Member').click();
  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
  await user.getByRole('link', { name: 'Your account' }).click();
  await expect(user).toHaveURL(/\/sign-in/);

  await adminContext.close();
  await userContext.close();
});

test('changing a password ends the other sessions of the account on their next request', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin, undefined, '/admin/users');
  const email = uniqueEmail('two-browsers');
  const link = await createUserThroughAdmin(admin, { email, name: 'Two Browsers', role: 'committee' });
  const first = await (await browser.newContext()).newPage();
  await setPasswordFromLink(first, link, 'first passphrase for two browsers');
  await signIn(first, email, 'first passphrase for two browsers');
  const second = await (await browser.newContext()).newPage();
  await signIn(second, email, 'first passphrase for two browsers', '/account');

  await second.getByLabel('Current password').fill('first passphrase for two browsers');
  await second.getByLabel('New password', { exact: true }).fill('second passphrase for two browsers');
  await second.getByLabel('Repeat the new password').fill('second passphrase for two browsers');
  await second.getByRole('button', { name: 'Change password' }).click();
  await expect(second).toHaveURL(/\/sign-in/);

  await first.reload();
  await expect(first).toHaveURL(/\/sign-in/);
  await signIn(first, email, 'second passphrase for two browsers');
  await adminContext.close();
});
