import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

// Separated duties in the browser: an admin names a goal's reviewer on the plan page; a named reviewer (the demo's
// staff account reviews G3) sees the submitted updates with their data-quality flags, approves several at once,
// and is offered no way to approve the one they entered themselves.

const Q4 = '2020-10-01 – 2020-12-31';

test('an admin names a reviewer for a goal on the plan page', async ({ page }) => {
  await signIn(page, demo.admin, undefined, '/plans/2020');
  const goal = page.locator('[data-reviewers] tr[data-goal="G4"]');
  await expect(goal).toBeVisible();
  await goal.getByLabel('Reviewer for G4').selectOption({ label: 'Demo Staff (staff@demo.local)' });
  await goal.getByRole('button', { name: 'Name' }).click();
  await expect(goal.getByText('Reviewer named.')).toBeVisible();
  await expect(goal.locator('[data-reviewer="staff@demo.local"]')).toBeVisible();
  await goal.getByRole('button', { name: 'Remove Demo Staff' }).click();
  await expect(goal.locator('[data-reviewer="staff@demo.local"]')).toHaveCount(0);
});

test('a goal reviewer sees the flags, approves several updates at once, and cannot approve their own', async ({ page }) => {
  await signIn(page, demo.staff);
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  const rows = page.locator('tr[data-update]');
  // Only the goals they review (G3), and none of the admins' panels.
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.locator('th[scope="row"] a').allTextContents()) expect(text).toMatch(/^G3\./);
  await expect(page.getByRole('heading', { name: 'Period locks' })).toHaveCount(0);

  // Their own update: flagged, listed without a checkbox or buttons.
  const own = rows.filter({ hasText: 'Indian Ocean Port Cities Alliance' }).filter({ hasText: Q4 });
  await expect(own).toContainText('Reported or last changed by you: another reviewer decides.');
  await expect(own.locator('[data-flag="farFromRecent"]')).toContainText('far from the recent values of this series');
  await expect(own.getByRole('button')).toHaveCount(0);
  await expect(own.getByRole('checkbox')).toHaveCount(0);

  // Two updates the Beijing office reported: ticked after reading them, approved together.
  const oasis = rows.filter({ hasText: 'Oasis Digital Payments Ltd.' });
  const cicete = rows.filter({ hasText: 'CICETE' }).filter({ hasText: Q4 });
  await expect(oasis).toHaveCount(1);
  await expect(cicete).toHaveCount(1);
  await expect(oasis).toContainText('Demo Project Officer (Beijing)');
  await oasis.getByRole('checkbox').check();
  await cicete.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await expect(page.getByText('2 updates approved.')).toBeVisible();
  await expect(oasis).toHaveCount(0);
  await expect(cicete).toHaveCount(0);
  await expect(own).toHaveCount(1);
});
