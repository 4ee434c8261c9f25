import { expect, test } from '@playwright/test';
import { GOALS_2020 } from '../../db/seed/plan-2020';
import { localeCookie } from '../../lib/i18n/config';
import { pdfFontNames, pdfText } from '../support/pdf-text';
import { createUserThroughAdmin, demo, DEMO_PASSWORD, setPasswordFromLink, signIn, uniqueEmail } from './support';

test('a committee member switches to Chinese, sees the overview in Chinese, and switches back', async ({
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

  await page.waitForLoadState('networkidle');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Work plan progress');
  await context.close();
});

test('the choice survives signing out and in: it is stored with the user, not only in a cookie', async ({ browser }) => {
  test.setTimeout(120_000);
  // A user of its own, so no other test meets a stored Chinese preference.
  const adminContext = await browser.newContext({ locale: 'en-GB' });
  const admin = await adminContext.newPage();
  await signIn(admin, demo.admin);
  const email = uniqueEmail('language');
  const link = await createUserThroughAdmin(admin, { email, name: 'Language Tester', role: 'committee' });
  await adminContext.close();
  const password = 'Lantern-harbour-2026';

  const first = await browser.newContext({ locale: 'en-GB' });
  const page = await first.newPage();
  await setPasswordFromLink(page, link, password);
  await signIn(page, email, password);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await first.close();

  // A fresh browser (no cookie at all, no request in flight) asking for English: after signing in, the
  // interface is Chinese because the user chose it.
  const second = await browser.newContext({ locale: 'en-GB' });
  expect(await second.cookies()).toEqual([]);
  const again = await second.newPage();
  await again.goto('/sign-in');
  await expect(again.locator('html')).toHaveAttribute('lang', 'en');
  await again.getByLabel('Email').fill(email);
  await again.getByLabel('Password', { exact: true }).fill(password);
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(again).toHaveURL(/\/$/);
  await expect(again.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('工作计划进展');
  await second.close();
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

test('in Chinese, the indicator chart, the committee report and its PDF are in Chinese', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // The admin account has no stored language yet, so the browser's Chinese applies.
  await page.goto('/sign-in');
  await page.getByLabel('电子邮件').fill(demo.admin);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button').filter({ hasText: '登录' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/indicators/G4.2');
  const chart = page.locator('figure[data-chart="G4.2"]');
  await expect(chart.locator('figcaption')).toContainText(/[\u4e00-\u9fff]/);
  // Period ticks such as 2020年第二季度 on the chart's axis.
  await expect(chart.locator('.chart-x-axis text').first()).toContainText('年第');

  await page.goto('/reports/committee');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('指导委员会报告');
  await expect(page.locator('main')).toContainText('更多城市参与项目，伙伴关系得到发展');

  // As the browser's download would ask for it (the API request context sends no Accept-Language of its own).
  const response = await page.request.get('/api/reports/committee', { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  // The PDF's text layer carries every Chinese goal title: drawn with the app's own Noto Sans SC (subset and
  // embedded by the browser), so it holds on a server with no CJK font (.ci/run prints it so, with the bundled
  // browser and no system font in sight).
  const pdf = new Uint8Array(await response.body());
  const text = (await pdfText(pdf)).replace(/\s+/g, '');
  for (const goal of GOALS_2020) expect(text, goal.code).toContain(goal.titleZh.normalize('NFKC'));
  expect((await pdfFontNames(pdf)).some((name) => /NotoSansSC/i.test(name))).toBe(true);
  await context.close();
});

test('an English page does not wait for the Chinese font rules before its first paint; a Chinese page does', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, demo.committee);
  /** Whether a style sheet named by the page's first response declares Noto Sans SC (its @font-face rules). */
  const firstResponseDeclaresChinese = async (path: string) => {
    const html = await (await page.request.get(path)).text();
    const sheets = [...html.matchAll(/<link\b[^>]*>/g)]
      .map(([tag]) => tag)
      .filter((tag) => tag.includes('rel="stylesheet"'))
      .map((tag) => /href="([^"]+)"/.exec(tag)![1]!);
    expect(sheets.length).toBeGreaterThan(0);
    const rules = await Promise.all(sheets.map(async (href) => (await page.request.get(href)).text()));
    return rules.some((css) => /@font-face\s*\{[^}]*Noto Sans SC/.test(css));
  };

  // English: the one blocking style sheet no longer carries a hundred Chinese @font-face rules…
  expect(await firstResponseDeclaresChinese('/goals/G1')).toBe(false);
  // …and once the page has hydrated, Chinese text on it (a name with no English yet, "中文") still has the font.
  await page.goto('/goals/G1');
  await expect.poll(() => page.evaluate(() => [...document.fonts].some((face) => face.family.includes('Noto Sans SC')))).toBe(true);

  // Chinese: declared before the first paint, so no text is drawn in a fallback font first.
  await context.addCookies([{ name: localeCookie, value: 'zh', url: baseURL! }]);
  expect(await firstResponseDeclaresChinese('/goals/G1')).toBe(true);
  await context.close();
});
