import { expect as baseExpect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, demo } from './support';

/** Playwright's expect, waiting longer when pages compile on first request (`next dev`, E2E_DEV=1). */
export const expect = baseExpect.configure({ timeout: process.env.E2E_DEV === '1' ? 45_000 : 10_000 });

/**
 * Signs in as the demo committee member through the real form, like support.ts `signIn`, but allowing for a
 * slow first sign-in (a `next dev` server compiling on a busy machine: E2E_DEV=1).
 */
export async function signInAsCommittee(page: Page, path = '/') {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(demo.committee);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 60_000 });
}

/** Room for pages compiled on first request when the suite runs on `next dev`. */
export function allowSlowPages() {
  test.describe.configure({ timeout: process.env.E2E_DEV === '1' ? 180_000 : 60_000 });
}
