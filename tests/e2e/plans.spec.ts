import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

// The yearly cycle in the browser: the admin copies 2020 forward and revises a 2020 target with a reason; a
// committee member reads the revision on the definition sheet; staff can read plans but not change them.
test.describe.serial('work plans', () => {
  test('an admin creates the 2021 plan from 2020', async ({ page }) => {
    await signIn(page, demo.admin, undefined, '/plans');
    await page.getByRole('link', { name: 'Create a work plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Create a work plan' })).toBeVisible();
    await expect(page.getByLabel('Year')).toHaveValue('2021');
    await expect(page.getByLabel('Copy goals and indicators from')).toHaveValue(/\d+/);
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(page).toHaveURL(/\/plans\/2021/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2021 work plan');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Draft');
    await expect(page.getByText(/created as a draft from the 2020 plan: 5 goals and \d+ indicators copied/)).toBeVisible();
    await expect(page.getByText('Copied from the 2020 plan.')).toBeVisible();
    for (const code of ['G1', 'G2', 'G3', 'G4', 'G5']) await expect(page.locator(`section[data-goal="${code}"]`)).toBeVisible();
    await expect(page.locator('tr[data-indicator="G1.2"]')).toBeVisible();
  });

  test('the admin revises a 2020 target with a reason', async ({ page }) => {
    await signIn(page, demo.admin, undefined, '/plans/2020/indicators/G1.2/edit');
    await expect(page.getByRole('heading', { level: 1, name: 'Edit G1.2' })).toBeVisible();
    const targets = page.locator('section', { has: page.getByRole('heading', { name: 'Targets' }) });
    await targets.getByLabel('Final target').fill('10');
    await targets.getByLabel(/Target for 2020-Q4/).fill('10');
    await targets.getByLabel('Applies from').fill('2020-10-01');
    // Without a reason the revision is refused, and nothing changes.
    await targets.getByRole('button', { name: 'Record revision' }).click();
    await expect(targets.getByText('Say why the target is revised').first()).toBeVisible();
    await targets.getByLabel('Final target').fill('10');
    await targets.getByLabel(/Target for 2020-Q4/).fill('10');
    await targets.getByLabel('Applies from').fill('2020-10-01');
    await targets.getByLabel('Reason for the revision').fill('Two more partners signed up after the committee recommendation.');
    await targets.getByRole('button', { name: 'Record revision' }).click();
    await expect(targets.getByText('Revision recorded (2 targets changed).')).toBeVisible();
  });

  test('a committee member sees the revision on the indicator definition sheet', async ({ page }) => {
    await signIn(page, demo.committee, undefined, '/plans/2020/indicators/G1.2');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('G1.2');
    const revisions = page.getByTestId('target-revisions');
    await expect(revisions).toContainText('Two more partners signed up after the committee recommendation.');
    await expect(revisions).toContainText('8 → 10');
    await expect(revisions).toContainText('Admin');
    // The definition sheet is read-only for committee members.
    await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    // The indicator chart draws the revised target line and the original one beside it.
    await page.goto('/indicators/G1.2');
    const chart = page.locator('figure[data-chart="G1.2"]');
    await expect(chart.locator('svg.chart-plot .chart-target path').first()).toBeAttached();
    await expect(chart.locator('svg.chart-plot .chart-original-target path').first()).toBeAttached();
  });

  test('staff get 403 on the create page and see no edit controls', async ({ page }) => {
    await signIn(page, demo.staff, undefined, '/plans');
    await expect(page.getByRole('heading', { level: 1, name: 'Work plans' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create a work plan' })).toHaveCount(0);
    await page.getByRole('link', { name: '2020', exact: true }).click();
    await expect(page.locator('section[data-goal="G1"]')).toBeVisible();
    await expect(page.getByRole('button', { name: /Move|Retire|Endorse|Close plan|Save/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Edit/ })).toHaveCount(0);
    const response = await page.goto('/plans/new');
    expect(response?.status()).toBe(403);
  });
});
