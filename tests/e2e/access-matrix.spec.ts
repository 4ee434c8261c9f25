import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { can, type Action } from '@/lib/auth/policy';
import { routeAccess, serverActionAccess } from '@/lib/auth/route-access';
import { createUserThroughAdmin, demo, setPasswordFromLink, signIn, uniqueEmail } from './support';

// Every page, route handler and server action, requested over real HTTP with real sessions, as every kind of
// principal. The endpoints come from the code: the route map (which a unit test holds equal to the app/ tree)
// and the build's server-action manifest.

type Principal = 'anonymous' | 'committee' | 'staff' | 'admin' | 'disabled' | 'roleChanged';
const principals: Principal[] = ['anonymous', 'committee', 'staff', 'admin', 'disabled', 'roleChanged'];
const roleOf: Partial<Record<Principal, 'admin' | 'staff' | 'committee'>> = {
  committee: 'committee',
  staff: 'staff',
  admin: 'admin',
};

/** Sample values for dynamic segments; a new segment without a sample fails here, on purpose. */
const samples: Record<string, string> = {
  '[token]': 'not-a-real-token-but-long-enough-0123',
  '[code]': 'G1.1',
  '[year]': '2020',
  '[id]': '1',
  '[registry]': 'cities',
  '[...nextauth]': 'session',
};

/** Routes whose segment needs a different sample from the default above. */
const routeSamples: Record<string, string> = {
  '/goals/[code]': '/goals/G1',
};

function concretePath(route: string): string {
  if (routeSamples[route]) return routeSamples[route];
  return route.replace(/\[[^\]]+\]/g, (segment) => {
    const value = samples[segment];
    if (!value) throw new Error(`add a sample value for ${segment} in access-matrix.spec.ts`);
    return value;
  });
}

function expectedStatus(route: string, access: Action | 'public' | 'session', principal: Principal, isApi: boolean): number {
  const role = roleOf[principal];
  // A signed-in user asking for the sign-in page is sent on to the dashboard.
  if (route === '/sign-in' && role) return 307;
  // A share link that is not one (the sample) shows nothing, to anyone: the page's own 404.
  if (route === '/share/[token]') return 404;
  if (access === 'public') return 200;
  // Signed out: the proxy redirects pages and answers 401 under /api. Disabled, or holding a session from
  // before a role change: the JWT passes the proxy, then pages redirect and route handlers answer 401.
  if (!role) {
    if (principal === 'anonymous') return route.startsWith('/api/') ? 401 : 307;
    return isApi ? 401 : 307;
  }
  if (access === 'session') return 200;
  return can(role, access) ? 200 : 403;
}

const contexts = new Map<Principal, BrowserContext>();

async function principalContext(browser: Browser, principal: Principal): Promise<BrowserContext> {
  const context = await browser.newContext();
  contexts.set(principal, context);
  return context;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  await principalContext(browser, 'anonymous');
  for (const principal of ['committee', 'staff', 'admin'] as const) {
    const page = await (await principalContext(browser, principal)).newPage();
    await signIn(page, demo[principal]);
  }
  // Two fresh accounts with live sessions; then an admin disables one and changes the other's role.
  const admin = await contexts.get('admin')!.newPage();
  for (const principal of ['disabled', 'roleChanged'] as const) {
    const email = uniqueEmail(principal.toLowerCase());
    const link = await createUserThroughAdmin(admin, { email, name: `Matrix ${principal}`, role: 'staff' });
    const page = await (await principalContext(browser, principal)).newPage();
    await setPasswordFromLink(page, link, 'matrix passphrase for testing');
    await signIn(page, email, 'matrix passphrase for testing');
    await admin.goto('/admin/users');
    const row = admin.locator('tr', { hasText: email });
    await row.getByText(`Actions for Matrix ${principal}`).click();
    if (principal === 'disabled') {
      await row.getByRole('button', { name: 'Disable' }).click();
      await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
    } else {
      await row.getByLabel(`Role of Matrix ${principal}`).selectOption('committee');
      await row.getByRole('button', { name: 'Change role' }).click();
      await expect(row.getByText('Committee member', { exact: true }).first()).toBeVisible();
    }
  }
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.close();
});

const routes = Object.entries(routeAccess).filter(([route]) => !route.startsWith('/api/auth/'));

for (const principal of principals) {
  test(`pages and route handlers as ${principal}`, async () => {
    // Every route once, one after the other: well past the default 30 s on a loaded two-core machine.
    test.setTimeout(120_000);
    const request: APIRequestContext = contexts.get(principal)!.request;
    const outcomes: string[] = [];
    for (const [route, access] of routes) {
      const path = concretePath(route);
      // Route handlers (JSON or file downloads) answer 401 themselves; pages redirect to sign-in.
      const isApi = route.startsWith('/api/') || /\/(export|template)$/.test(route);
      const response = await request.get(path, { maxRedirects: 0 });
      const expected = expectedStatus(route, access, principal, isApi);
      if (response.status() !== expected) outcomes.push(`${path}: expected ${expected}, got ${response.status()}`);
      if (expected === 307 && route !== '/sign-in') expect(response.headers()['location']).toContain('/sign-in');
    }
    expect(outcomes).toEqual([]);
  });
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

function serverActions(): { id: string; key: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(`${process.env.NEXT_DIST_DIR || '.next'}/server/server-reference-manifest.json`, 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const page = worker.replace(/^app/, '').replace(/\/page$/, '').replace(/\/\([^)]+\)/g, '') || '/';
    return { id, key: `${entry.filename}#${entry.exportedName}`, page: concretePath(page) };
  });
}

for (const principal of principals) {
  test(`server actions as ${principal}`, async ({ baseURL }) => {
    const request = contexts.get(principal)!.request;
    const actions = serverActions();
    expect(actions.length).toBeGreaterThan(5);
    const outcomes: string[] = [];
    for (const { id, key, page } of actions) {
      const view = key.startsWith('data/views.ts#');
      if (view || key.includes('#$$RSC_SERVER_CACHE_')) {
        // A cached view, or a cached rendering of one, is a Server Function too: called from outside, without the
        // seal data/ gives a view's arguments, it answers nothing (data/view-seal.ts).
        const args = view
          ? [{ openGoals: 'all', includeSubmitted: true }, '2020-11-15', '']
          : [{ view: ['G9.9', { includeSubmitted: true }, '2020-11-15', ''], locale: 'en', chooseBreakdown: false, expanded: [], shared: false }];
        const response = await request.post(page, {
          headers: { 'Next-Action': id, Origin: baseURL!, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
          data: JSON.stringify(args),
          maxRedirects: 0,
        });
        const body = await response.text();
        if (/G1\.1|Silk Road|"indicators"/.test(body)) outcomes.push(`${key} as ${principal}: a view answered from outside (${response.status()})`);
        continue;
      }
      const access = serverActionAccess[key];
      expect(access, `${key} is missing from serverActionAccess`).toBeDefined();
      if (access === 'public' || access === 'session') continue;
      const role = roleOf[principal];
      // Allowed calls are exercised with real input by the feature specs; here only refusals are sent,
      // since an allowed call (e.g. "sign out everywhere") would change the state of the run.
      if (role !== undefined && can(role, access!)) continue;
      // No arguments at all: the authorization check must refuse before any input is read.
      const response = await request.post(page, {
        // As Next's client sends it: the RSC accept header makes refusals come back as real status codes.
        headers: { 'Next-Action': id, Origin: baseURL!, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
        data: '[]',
        maxRedirects: 0,
      });
      const status = response.status();
      // Signed out: the proxy already sends the request to sign-in; a dead session reaches the action, which says 401.
      const refusal = role ? 403 : principal === 'anonymous' ? 307 : 401;
      if (status !== refusal) outcomes.push(`${key} as ${principal}: expected ${refusal}, got ${status} ${response.headers()["location"] ?? ""} ${page}`);
    }
    expect(outcomes).toEqual([]);
  });
}

test('a mutation from another site, or with no Origin, is refused', async ({ baseURL }) => {
  const request = contexts.get('admin')!.request;
  const [action] = serverActions().filter((a) => a.key.includes('admin/users/actions.ts'));
  for (const origin of ['https://evil.example', 'null', undefined]) {
    const headers: Record<string, string> = { 'Next-Action': action!.id, 'Content-Type': 'text/plain;charset=UTF-8' };
    if (origin) headers.Origin = origin;
    const response = await request.post(action!.page, { headers, data: '[]', maxRedirects: 0 });
    expect(response.status(), `Origin ${origin}`).toBe(403);
  }
  expect(baseURL).toBeTruthy();
});

/**
 * Logs an amount on the demo's manual indicator G3.4 through the form; returns its id. (G5.3's fourth quarter is
 * left unreported: the reporting-cycle spec shows it overdue.)
 */
async function logUpdate(page: Page, amount: string): Promise<string> {
  await page.goto('/updates/new?indicator=G3.4');
  await page.getByLabel('Amount (USD)').fill(amount);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  // A data-quality flag may ask (a running total lower than the last): say why in the note, confirm, submit again.
  const confirm = page.getByLabel('I have checked: save these values anyway');
  const landed = page.waitForURL(/\/indicators\//);
  if ((await Promise.race([landed.then(() => 'landed' as const), confirm.waitFor().then(() => 'asked' as const)])) === 'asked') {
    // The note field's label says it is required once the value is flagged.
    await page.getByLabel(/^Note/).fill('Checked against the ledger (e2e)');
    await confirm.check();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL(/\/indicators\//);
  }
  return (await page.locator('tr.saved').getAttribute('data-update'))!;
}

test('review and withdrawal with the reporter (or the requester) as reviewer are refused; someone else decides', async () => {
  test.setTimeout(90_000);
  const admin = await contexts.get('admin')!.newPage();
  const staff = await contexts.get('staff')!.newPage();

  // Review: the admin's own update is listed without the buttons; the server refuses it too (integration tests).
  const own = await logUpdate(admin, '41');
  await admin.goto('/review');
  const ownRow = admin.locator(`tr[data-update="${own}"]`);
  await expect(ownRow).toContainText('Reported or last changed by you: another reviewer decides.');
  await expect(ownRow.getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // A staff member's update: the admin reviews it.
  const theirs = await logUpdate(staff, '43');
  await admin.goto('/review');
  await admin.locator(`tr[data-update="${theirs}"]`).getByRole('button', { name: 'Approve' }).click();
  await expect(admin.locator(`tr[data-update="${theirs}"]`)).toHaveCount(0);

  // Withdraw: approved, it can only be asked for; it stays counted until someone other than the requester decides.
  await staff.goto(`/updates/${theirs}`);
  await expect(staff.getByRole('button', { name: 'Withdraw', exact: true })).toHaveCount(0);
  await staff.getByLabel('Reason for withdrawing').fill('Counted twice (e2e)');
  await staff.getByRole('button', { name: 'Ask to withdraw' }).click();
  // The page now says who asked, when and why, in place of the form.
  await expect(staff.getByRole('status').filter({ hasText: 'Demo Staff asked to withdraw this update' })).toContainText('Counted twice (e2e)');
  await staff.goto('/indicators/G3.4');
  await expect(staff.locator(`tr[data-update="${theirs}"]`)).toContainText('approved');

  await admin.goto('/review');
  const request = admin.locator(`tr[data-withdrawal="${theirs}"]`);
  await expect(request).toContainText('Counted twice (e2e)');
  await request.getByRole('button', { name: 'Withdraw the update' }).click();
  // Decided, the request leaves the queue.
  await expect(request).toHaveCount(0);
  await admin.goto('/indicators/G3.4');
  await expect(admin.locator(`tr[data-update="${theirs}"]`)).toContainText('withdrawn');

  // The admin asks to withdraw another approved update: their own request is listed without the buttons.
  const second = await logUpdate(staff, '44');
  await admin.goto('/review');
  await admin.locator(`tr[data-update="${second}"]`).getByRole('button', { name: 'Approve' }).click();
  await expect(admin.locator(`tr[data-update="${second}"]`)).toHaveCount(0);
  await admin.goto(`/updates/${second}`);
  await admin.getByLabel('Reason for withdrawing').fill('Admin asks (e2e)');
  await admin.getByRole('button', { name: 'Ask to withdraw' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Demo Admin asked to withdraw this update' })).toBeVisible();
  await admin.goto('/review');
  const ownRequest = admin.locator(`tr[data-withdrawal="${second}"]`);
  await expect(ownRequest).toContainText('Your request: someone else decides.');
  await expect(ownRequest.getByRole('button')).toHaveCount(0);
  await admin.close();
  await staff.close();
});
