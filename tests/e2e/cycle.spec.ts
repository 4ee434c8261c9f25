import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './support';

// The reporting cycle on the demo (its today is 15 November 2020): the staff account is reminded of the late
// fourth quarter of G5.3 by the reminder job, and an admin reopens a closed period with a reason.

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('staff see the bell with a reminder, open the list and mark it read', async ({ page }) => {
  await signIn(page, demo.staff, undefined, '/my-reporting');
  // Late, due and returned, each on first sign-in.
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Overdue' }) })).toContainText('Log G5.3 for 2020-Q4');
  await expect(page.locator('section', { has: page.getByRole('heading', { name: 'Due this period' }) })).toContainText('Log G5.5 for 2020');
  await expect(page.getByText('Please attach the commitment letter before this is approved.')).toBeVisible();

  // The reminder job runs seconds after the server starts: the bell counts its reminder once it has.
  const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await expect(async () => {
    await page.goto('/notifications');
    await expect(page.locator('[data-kind="overdue"]')).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(bell).toBeVisible();
  const before = Number(await bell.getAttribute('data-unread'));
  expect(before).toBeGreaterThanOrEqual(2);

  await expectAccessible(page);
  const reminder = page.locator('[data-kind="overdue"]');
  await expect(reminder).toContainText('Overdue: 2020-Q4');
  await expect(reminder).toContainText('G5.3');
  await reminder.getByRole('button', { name: 'Mark read' }).click();
  // Read, it is no longer marked unread and offers no button; the bell counts one fewer.
  await expect(reminder.getByRole('button', { name: 'Mark read' })).toHaveCount(0);
  await expect(reminder).not.toHaveClass(/notification-unread/);
  await page.reload();
  await expect(page.locator('a.notification-bell')).toHaveAttribute('data-unread', String(before - 1));
  // The link goes where the reminder says.
  await page.locator('[data-kind="overdue"]').getByRole('link', { name: 'Overdue: 2020-Q4' }).click();
  await expect(page).toHaveURL(/\/my-reporting$/);
});

test('an admin reopens a closed period with a reason; it shows on the plan and staff may report it again', async ({ page, browser }) => {
  await signIn(page, demo.admin, undefined, '/plans/2020');
  const windows = page.locator('[data-windows]');
  await expect(windows.locator('tr[data-period="2020-Q2"]')).toHaveAttribute('data-phase', 'closed');
  await windows.getByText('Manage windows').click();
  await expectAccessible(page);
  const reopen = windows.locator('form', { has: page.getByRole('button', { name: 'Reopen for every indicator' }) });
  // A reason is required: the server says so, and nothing is reopened.
  await reopen.getByLabel('Period').selectOption({ label: '2020-Q2' });
  await reopen.getByLabel('Reopen until').fill('2020-11-30');
  await reopen.getByRole('button', { name: 'Reopen for every indicator' }).click();
  await expect(windows.locator('tr[data-period="2020-Q2"]')).toHaveAttribute('data-phase', 'closed');
  await reopen.getByLabel('Reason').fill('Committee asked for corrected Q2 figures');
  await reopen.getByRole('button', { name: 'Reopen for every indicator' }).click();
  await expect(reopen.getByText('Period reopened.')).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-windows] tr[data-period="2020-Q2"]')).toHaveAttribute('data-phase', 'late');
  await expect(page.locator('[data-windows]')).toContainText('Committee asked for corrected Q2 figures');

  // The staff member can now log the second quarter of G5.3 again (late).
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, demo.staff, undefined, '/indicators/G5.3');
  await expect(staff.locator('[data-windows] tr[data-period="2020-Q2"]')).toHaveAttribute('data-phase', 'late');
  await staffContext.close();
});
