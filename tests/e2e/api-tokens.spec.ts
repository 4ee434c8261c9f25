import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

// A person makes a personal access token on their account page, uses it from a script (fetch), and revokes it.

test('a token is created on the account page, shown once, used with fetch, and stops working once revoked', async ({ page, playwright, baseURL }) => {
  await signIn(page, demo.staff, undefined, '/account');
  await page.goto('/account');
  const name = `e2e ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Scope').selectOption('write');
  await page.getByLabel('Expires after (days)').fill('30');
  await page.getByRole('button', { name: 'Create token' }).click();
  const field = page.getByLabel('New token');
  await expect(field).toHaveValue(/^srm_[A-Za-z0-9_-]{43}$/);
  const token = await field.inputValue();
  await expect(page.getByText('Copy it now: it will not be shown again.')).toBeVisible();

  // Used from the page with fetch, as a script would.
  const read = await page.evaluate(async (t) => {
    const r = await fetch('/api/v1/plans/2020/indicators?limit=2', { headers: { Authorization: `Bearer ${t}` } });
    return { status: r.status, body: await r.json() };
  }, token);
  expect(read.status).toBe(200);
  expect(read.body.items).toHaveLength(2);

  // From outside the browser (no cookies): the token alone; a page or a sign-in is not something it opens.
  const api = await playwright.request.newContext({ baseURL });
  const plans = await api.get('/api/v1/plans', { headers: { Authorization: `Bearer ${token}` } });
  expect(plans.status()).toBe(200);
  // Reported for one partner, away from the places the updates spec imports into (programme-wide, and the
  // university consortium), so that the specs do not depend on the order they run in.
  const partners = await api.get('/api/v1/registries/partners', { headers: { Authorization: `Bearer ${token}` } });
  expect(partners.status()).toBe(200);
  const partner = ((await partners.json()).items as { id: number; name: string }[]).find(
    (p) => p.name !== 'Coastal Cities University Consortium',
  );
  expect(partner).toBeDefined();
  const created = await api.post('/api/v1/plans/2020/updates', {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `e2e-${Date.now()}`, 'Content-Type': 'application/json' },
    data: { indicator: 'G3.4', period: '2020-Q4', partnerId: partner!.id, value: 1000, confirmPlausibility: true },
  });
  expect(created.status()).toBe(201);
  const accountPage = await api.get('/account', { headers: { Authorization: `Bearer ${token}` }, maxRedirects: 0 });
  expect(accountPage.status()).toBe(307);
  expect(accountPage.headers().location).toContain('/sign-in');
  // Nor a server action (a POST to a page), nor the sign-in: the token is not a session.
  const action = await api.post('/account', {
    headers: { Authorization: `Bearer ${token}`, 'Next-Action': 'any', Origin: baseURL!, 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[]',
    maxRedirects: 0,
  });
  expect(action.status()).toBe(307);
  expect(action.headers().location).toContain('/sign-in');
  const signInPage = await api.get('/sign-in', { headers: { Authorization: `Bearer ${token}` }, maxRedirects: 0 });
  expect(signInPage.status()).toBe(200);
  const anonymous = await api.get('/api/v1/plans', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()['content-type']).toContain('application/problem+json');

  // Listed without its secret after a reload; revoked from the list.
  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(token);
  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  await expect(page.getByText('The token was revoked.')).toBeVisible();
  await expect(row).toContainText('revoked');
  const after = await api.get('/api/v1/plans', { headers: { Authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
  await api.dispose();
});

test('admins see live tokens and revoke anyone’s', async ({ page, playwright, baseURL }) => {
  await signIn(page, demo.committee, undefined, '/account');
  await page.goto('/account');
  const name = `committee ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(name);
  // A committee member reads only: there is no write scope to choose.
  await expect(page.getByLabel('Scope').locator('option')).toHaveCount(1);
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByLabel('New token').inputValue();
  await page.context().clearCookies();

  await signIn(page, demo.admin, undefined, '/admin/tokens');
  await page.goto('/admin/tokens');
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(demo.committee);
  await row.getByRole('button', { name: `Revoke token ${name}` }).click();
  // Only live tokens are listed: the revoked one leaves the list.
  await expect(row).toHaveCount(0);
  const api = await playwright.request.newContext({ baseURL });
  expect((await api.get('/api/v1/plans', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
  await api.dispose();
});
