import { expect, test } from '@playwright/test';
import { demo, DEMO_PASSWORD, signIn } from './support';

test('a committee member switches to Chinese, sees the overview in Chinese, and the choice follows the account', async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, demo.committee);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The switcher submits on change once the page is interactive (without JavaScript it has a button).
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作计划进展');
  // Goal names come from the data's Chinese columns; statuses and numbers from the catalog and Intl.
  await expect(page.locator('#goal-G1')).toContainText('城市');
  await expect(page.locator('.tile').first()).toContainText('超前');

  // Signed out and in again, in a browser that asks for English: the stored choice wins.
  await context.clearCookies();
  await signIn(page, demo.committee);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Work plan progress');
  await context.close();
});

test('a first visit takes the language from the browser, and validation errors are in it', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await page.getByRole('button').filter({ hasText: '登录' }).click();
  await expect(page.locator('#email-error')).toContainText(/[\u4e00-\u9fff]/);
  await page.getByLabel('电子邮件').fill(demo.staff);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button').filter({ hasText: '登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('工作计划进展');
  await context.close();
});
