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
