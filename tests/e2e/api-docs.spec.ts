import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

// The API documentation: the OpenAPI document rendered by the renderer shipped with the app (Swagger UI), for
// signed-in readers only. Nothing is fetched from anywhere but this origin, the page's policy is not relaxed,
// the renderer's code is not part of other pages, and without script the server-rendered table stands in.

test('a signed-in reader sees the operations rendered, and nothing is fetched from another origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const elsewhere: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin) elsewhere.push(r.url());
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, demo.committee, undefined, '/api-docs');
  const response = await page.goto('/api-docs');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'API', exact: true })).toBeVisible();
  const reference = page.locator('[data-api-reference="ready"]');
  const plans = reference.locator('.opblock-get', { has: page.locator('[data-path="/plans"]') });
  await expect(plans).toBeVisible({ timeout: 30_000 });
  await expect(plans).toContainText('The work plans, newest first.');
  await expect(reference.locator('[data-path="/plans/{year}/updates"]').first()).toBeVisible();
  // Once the reference is drawn, the fallback table steps aside; the page keeps one h1 (the renderer's is left out).
  await expect(reference.getByRole('table', { name: 'Endpoints' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

  // "Try it out" reads this origin's API with the reader's own session; writes are not offered here.
  await plans.locator('.opblock-summary').first().click();
  await plans.getByRole('button', { name: 'Try it out' }).click();
  await plans.getByRole('button', { name: 'Execute' }).click();
  await expect(plans.locator('.live-responses-table .response .response-col_status').first()).toHaveText('200');
  await expect(reference.locator('.opblock-post').getByRole('button', { name: 'Try it out' })).toHaveCount(0);

  expect(elsewhere).toEqual([]);
  expect(violations).toEqual([]);
});

test('the renderer is loaded by the documentation page only', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script' && r.ok()) scripts.push(await r.text().catch(() => ''));
  });
  await signIn(page, demo.committee);
  await page.goto('/');
  await expect(page.locator('[data-goal="G1"]').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => s.includes('swagger-ui'))).toEqual([]);
  // The same check finds it where it belongs.
  scripts.length = 0;
  await page.goto('/api-docs');
  await expect(page.locator('[data-api-reference="ready"]')).toBeVisible({ timeout: 30_000 });
  expect(scripts.filter((s) => s.includes('swagger-ui')).length).toBeGreaterThan(0);
});

test('without script the endpoint table, rendered on the server from the same document, stands in', async ({ browser, baseURL }) => {
  const signedIn = await browser.newContext();
  await signIn(await signedIn.newPage(), demo.staff, undefined, '/api-docs');
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.storageState() });
  const page = await noScript.newPage();
  expect((await page.goto(`${baseURL}/api-docs`))?.status()).toBe(200);
  const table = page.getByRole('table', { name: 'Endpoints' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader', { name: '/api/v1/plans', exact: true })).toBeVisible();
  await noScript.close();
  await signedIn.close();
});

test('a signed-out visitor is sent to sign in, and the document is not served to them', async ({ request }) => {
  const docs = await request.get('/api-docs', { maxRedirects: 0 });
  expect(docs.status()).toBe(307);
  expect(docs.headers().location).toContain('/sign-in?callbackUrl=%2Fapi-docs');
  const document = await request.get('/api/v1/openapi.json', { maxRedirects: 0 });
  expect(document.status()).toBe(401);
});
