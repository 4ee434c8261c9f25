import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'silkroad-demo-2020';
export const demo = {
  admin: 'admin@demo.local',
  staff: 'staff@demo.local',
  committee: 'committee@demo.local',
} as const;

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = '/') {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A unique email per test run, so that specs seed their own users and never collide. */
export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.local`;
}

/** Creates a user through /admin/users as the signed-in admin page, and returns the one-time link's path. */
export async function createUserThroughAdmin(
  admin: Page,
  user: { email: string; name: string; role: 'admin' | 'staff' | 'committee' },
): Promise<string> {
  await admin.goto('/admin/users');
  const form = admin.locator('form', { has: admin.getByRole('button', { name: 'Add user' }) });
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Name').fill(user.name);
  await form.getByLabel('Role').selectOption(user.role);
  await form.getByRole('button', { name: 'Add user' }).click();
  const link = admin.locator('a[href*="/set-password/"], input[value*="/set-password/"], code:has-text("/set-password/")').first();
  await expect(link).toBeVisible();
  const text = (await link.getAttribute('href')) ?? (await link.getAttribute('value')) ?? (await link.textContent()) ?? '';
  return new URL(text.trim()).pathname;
}

export async function setPasswordFromLink(page: Page, linkPath: string, password: string) {
  await page.goto(linkPath);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the new password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Your password is set. You can now sign in.')).toBeVisible();
}
