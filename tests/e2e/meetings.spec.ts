import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, signIn } from './support';
import { pdfText } from '../support/pdf-text';

// Meetings end to end on the demo (as of 15 November 2020): an admin records a meeting with a decision and an
// action item linked to an indicator, a staff member marks the action item done, a committee member comments on
// it, and the pack for the next meeting lists it as done with the indicator's change since the meeting.

const CODE = 'G1.1';
const stamp = Date.now();
const title = `E2E working meeting ${stamp}`;
const decision = `E2E decision ${stamp}: engage more cities`;
const action = `E2E action ${stamp}: follow up with the new cities`;

async function as(browser: Browser, email: string, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Under E2E_DEV=1 the first visit of a page compiles it, which can outlast signIn's own wait: allow for it.
  await signIn(page, email, undefined, path).catch(() => expect(page).not.toHaveURL(/\/sign-in/, { timeout: 90_000 }));
  return page;
}

async function addItem(page: Page, meetingUrl: string, kind: string, text: string) {
  await page.goto(meetingUrl);
  await page.getByRole('link', { name: 'Add an item' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an item' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: kind });
  await page.getByLabel('Text').fill(text);
  await page.getByLabel('Owner', { exact: true }).selectOption({ label: 'Demo Staff' });
  await page.getByLabel('Due on').fill('2020-09-30');
  await page.getByRole('checkbox', { name: new RegExp(`^${CODE.replace('.', '\\.')} ·`) }).check();
  await page.getByRole('button', { name: 'Save the item' }).click();
  await page.waitForURL(/\/meetings\/\d+\?saved=1/, { timeout: 30_000 });
}

test('a decision and its action item, followed up to the next pack', async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await as(browser, demo.admin, '/meetings/new');
  await expect(admin.getByRole('heading', { level: 1, name: 'Record a meeting' })).toBeVisible({ timeout: 30_000 });
  // Bad input first: the errors are shown and what was typed is kept.
  await admin.getByLabel('Title').fill(title);
  await admin.getByRole('button', { name: 'Save the meeting' }).click();
  await expect(admin.locator('#meeting-heldOn-error')).toHaveText('Required.');
  await expect(admin.getByLabel('Title')).toHaveValue(title);
  await admin.getByLabel('Kind of meeting').selectOption('working_level');
  await admin.getByLabel('Held on').fill('2020-08-01');
  await admin.getByRole('checkbox', { name: 'Demo Staff', exact: true }).check();
  await admin.getByLabel('Minutes').fill('## Decisions\n\n- **Engage** more cities\n\n<script>window.hacked = 1</script><img src=x onerror="window.hacked=1">');
  await admin.getByRole('button', { name: 'Save the meeting' }).click();
  await admin.waitForURL(/\/meetings\/\d+\?saved=1/, { timeout: 30_000 });
  const meetingUrl = new URL(admin.url()).pathname;
  await expect(admin.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(admin.locator('[data-participants]')).toHaveText('Demo Staff');
  // Minutes are Markdown, rendered without the raw HTML.
  await expect(admin.locator('.minutes h2', { hasText: 'Decisions' })).toBeVisible();
  await expect(admin.locator('.minutes strong', { hasText: 'Engage' })).toBeVisible();
  await expect(admin.locator('.minutes script, .minutes img')).toHaveCount(0);
  expect(await admin.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();

  await addItem(admin, meetingUrl, 'Decision', decision);
  await addItem(admin, meetingUrl, 'Action item', action);
  const actionRow = admin.locator('tr', { hasText: action });
  await expect(actionRow).toContainText('Open');
  await expect(actionRow).toContainText(CODE);
  const itemHref = await actionRow.getByRole('link', { name: action }).getAttribute('href');
  expect(itemHref).toMatch(/^\/meetings\/items\/\d+$/);

  // Staff mark the action item done, dated the as-of date by default.
  const staff = await as(browser, demo.staff, itemHref!);
  await expect(staff.getByRole('heading', { name: 'Change the status' })).toBeVisible({ timeout: 30_000 });
  await staff.getByLabel('New status').selectOption({ label: 'Done' });
  await expect(staff.getByLabel('Changed on')).toHaveValue('2020-11-15');
  await staff.getByRole('button', { name: 'Change the status' }).click();
  await expect(staff.getByText('Status changed to Done.')).toBeVisible({ timeout: 30_000 });
  await staff.reload();
  await expect(staff.locator('[data-item-status]')).toContainText('Done');
  await expect(staff.locator('[data-history]')).toContainText('Done on Nov 15, 2020 (Demo Staff)');
  await staff.context().close();

  // A committee member reads it, cannot change it, and comments.
  const committee = await as(browser, demo.committee, itemHref!);
  await expect(committee.locator('[data-item-status]')).toContainText('Done', { timeout: 30_000 });
  await expect(committee.getByRole('heading', { name: 'Change the status' })).toHaveCount(0);
  const comment = `Thanks, confirmed at the working level (${stamp}).`;
  await committee.getByLabel('Your comment').fill(comment);
  await committee.getByRole('button', { name: 'Post the comment' }).click();
  await expect(committee.getByText('Comment posted.')).toBeVisible();
  const posted = committee.locator('[data-comment]', { hasText: comment });
  await expect(posted).toContainText('Demo Committee Member');
  // Their own fresh comment can be edited (for 15 minutes).
  await expect(posted.getByText('Edit (for 15 minutes after posting)')).toBeVisible();

  // The item shows on its indicator's page, and the pack lists it as done with the indicator's change.
  await committee.goto(`/indicators/${CODE}`);
  await expect(committee.locator('[data-concerning-items]')).toContainText(action, { timeout: 30_000 });
  await committee.goto(meetingUrl);
  await committee.getByRole('link', { name: 'Prepare the next pack' }).click();
  await expect(committee.getByRole('heading', { level: 1, name: 'Pack for the next meeting' })).toBeVisible({ timeout: 60_000 });
  const packRow = committee.locator('tr[data-pack-item]', { hasText: action });
  await expect(packRow).toContainText('Done', { timeout: 60_000 });
  const change = packRow.locator(`[data-pack-indicator="${CODE}"]`);
  await expect(change).toContainText(/\d+ → \d+/);
  const [from, to] = ((await change.textContent()) ?? '').match(/(\d+) → (\d+)/)!.slice(1).map(Number);
  expect(to).toBeGreaterThan(from!);
  await expect(committee.locator('tr[data-pack-item]', { hasText: decision })).toContainText('Open');
  await expect(committee.getByText(/Since Aug 1, 2020|since Aug 1, 2020/).first()).toBeVisible();

  // The pack as a PDF: the same page printed, with the item and its status in its text layer.
  const meetingId = meetingUrl.split('/').pop();
  const response = await committee.request.get(`/api/meetings/${meetingId}/pack`, { timeout: 120_000 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const flat = await pdfText(new Uint8Array(await response.body()));
  expect(flat).toContain('Pack for the next meeting');
  expect(flat).toContain(String(stamp));
  expect(flat).toContain('Done');
  // Committee members read but do not record meetings.
  expect((await committee.goto('/meetings/new'))?.status()).toBe(403);
  await committee.context().close();
  await admin.context().close();
});
