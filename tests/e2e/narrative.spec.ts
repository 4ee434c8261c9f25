import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo, signIn } from './support';

// The committee narrative end to end on the demo (as of 15 November 2020): staff record the next Steering
// Committee meeting, draft its narrative from the numbers, edit it (a bad edit first), cannot approve their own
// text; an admin approves it; a committee member reads it on the meeting's record and finds it in the committee
// report's PDF; closing the record keeps it as it is.

const stamp = Date.now();
const title = `E2E Steering Committee ${stamp}`;
const note = `Committee note ${stamp}: the clusters' joint work plans are agreed.`;

async function as(browser: Browser, email: string, path: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, undefined, path).catch(() => expect(page).not.toHaveURL(/\/sign-in/, { timeout: 90_000 }));
  return page;
}

/** No serious or critical WCAG 2.1 A/AA violation (axe), named when there is one. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(10);
}

async function pdfText(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path, { timeout: 120_000 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(await response.body()), useSystemFonts: false }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  return text.normalize('NFKC').replace(/\s+/g, ' ');
}

test('a narrative drafted from the numbers, edited, approved by someone else, printed and kept', async ({ browser }) => {
  test.setTimeout(300_000);
  const staff = await as(browser, demo.staff, '/meetings/new');
  await expect(staff.getByRole('heading', { level: 1, name: 'Record a meeting' })).toBeVisible({ timeout: 30_000 });
  await staff.getByLabel('Kind of meeting').selectOption('steering_committee');
  await staff.getByLabel('Held on').fill('2020-12-03');
  await staff.getByLabel('Title').fill(title);
  await staff.getByRole('button', { name: 'Save the meeting' }).click();
  await staff.waitForURL(/\/meetings\/\d+\?saved=1/, { timeout: 30_000 });
  const meetingUrl = new URL(staff.url()).pathname;
  await expect(staff.locator('[data-meeting-narrative]')).toContainText('No narrative is approved for this meeting yet.');

  // Draft from the numbers.
  await staff.getByRole('link', { name: 'Prepare the narrative' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Progress narrative' })).toBeVisible({ timeout: 30_000 });
  await expect(staff.getByLabel('Figures as of')).toHaveValue('2020-11-15');
  // First from the numbers as of 31 October, then redrafted from the later numbers: the page shows what changed.
  await staff.getByLabel('Figures as of').fill('2020-10-31');
  await staff.getByRole('button', { name: 'Draft from the numbers' }).click();
  await expect(staff.getByText('The narrative was drafted from the numbers.')).toBeVisible({ timeout: 60_000 });
  await expect(staff.locator('[data-narrative-changes]')).toHaveCount(0);
  await staff.getByLabel('Figures as of').fill('2020-11-15');
  await staff.getByRole('button', { name: 'Redraft from the numbers' }).click();
  await expect(staff.locator('[data-narrative-changes]')).toBeVisible({ timeout: 60_000 });
  await expect(staff.locator('[data-narrative-changes]')).toContainText('compared with the previous draft, from the numbers as of Oct 31, 2020');
  await expect(staff.locator('[data-narrative-changes] del[data-diff="removed"]').first()).toContainText('Oct');
  await expect(staff.locator('[data-narrative-changes] ins[data-diff="added"]').first()).toContainText('Nov');
  const current = staff.locator('[data-narrative-current]');
  await expect(current).toContainText('G3.4 (Value of COVID-19 support mobilised for cities) is at risk');
  await expect(current).toContainText('G3.4（为城市调动的新冠肺炎支持价值）存在风险');
  await expect(current.locator('[data-narrative-meta]')).toContainText('Drafted from the numbers as of Nov 15, 2020 by Demo Staff');

  // A bad edit is refused field by field and changes nothing; a good one is kept beside the draft.
  const english = staff.getByLabel('Text in English');
  const chinese = staff.getByLabel('Text in Chinese');
  const draftChinese = await chinese.inputValue();
  await chinese.fill('   ');
  await staff.getByRole('button', { name: 'Save the edit' }).click();
  await expect(staff.locator('#narrative-bodyZh-error')).toHaveText('Required.');
  await expect(chinese).toHaveAttribute('aria-invalid', 'true');
  await expect(staff.locator('[data-narrative-history] tbody tr')).toHaveCount(2);
  const draftEnglish = await english.inputValue();
  await english.fill(`${draftEnglish}\n\n${note}`);
  await chinese.fill(draftChinese);
  await staff.getByRole('button', { name: 'Save the edit' }).click();
  await expect(staff.getByText('Your edit was saved beside the draft.')).toBeVisible({ timeout: 60_000 });
  await expect(staff.locator('[data-narrative-history] tbody tr')).toHaveCount(3);
  await expect(staff.locator('[data-narrative-edit-diff] ins[data-diff="added"]').first()).toContainText(String(stamp));
  await expectAccessible(staff);
  // The editor does not approve their own text.
  await expect(staff.getByRole('button', { name: 'Approve this text' })).toHaveCount(0);
  await expect(staff.getByText('You wrote this text, so another member of staff or an admin approves it.')).toBeVisible();

  // An admin approves it.
  const admin = await as(browser, demo.admin, `${meetingUrl}/narrative`);
  await expect(admin.locator('[data-narrative-approval]')).toHaveText('Not approved yet: the committee does not see it until it is.', { timeout: 30_000 });
  await admin.getByRole('button', { name: 'Approve this text' }).click();
  await expect(admin.getByText(/^The narrative was approved\./)).toBeVisible({ timeout: 60_000 });
  await expect(admin.locator('[data-narrative-approval]')).toContainText('Approved by Demo Admin');
  await admin.context().close();

  // A committee member reads it on the meeting's record and in the committee report's PDF, and cannot edit it.
  const committee = await as(browser, demo.committee, meetingUrl);
  await expect(committee.locator('[data-meeting-narrative]')).toContainText(note, { timeout: 30_000 });
  await expect(committee.getByRole('link', { name: 'Prepare the narrative' })).toHaveCount(0);
  await expectAccessible(committee);
  expect((await committee.goto(`${meetingUrl}/narrative`))?.status()).toBe(403);
  await committee.goto('/reports/committee');
  await expect(committee.locator('[data-report-narrative]')).toContainText(note, { timeout: 60_000 });
  const flat = await pdfText(committee, '/api/reports/committee');
  expect(flat).toContain('Narrative');
  expect(flat).toContain(`Committee note ${stamp}`);
  expect(flat).toContain('Value of COVID-19 support mobilised for cities) is at risk');
  await committee.context().close();

  // Staff close the meeting's record: the narrative can no longer change, and stays as approved.
  await staff.goto(meetingUrl);
  await staff.getByRole('button', { name: 'Close the meeting’s record' }).click();
  await expect(staff.getByText('The meeting’s record is closed.')).toBeVisible({ timeout: 60_000 });
  await expect(staff.locator('[data-record-closed]')).toBeVisible();
  await expect(staff.locator('[data-meeting-narrative]')).toContainText(note);
  await staff.goto(`${meetingUrl}/narrative`);
  await expect(staff.locator('[data-narrative-closed]')).toBeVisible({ timeout: 30_000 });
  await expect(staff.getByRole('button', { name: 'Save the edit' })).toHaveCount(0);
  await expect(staff.getByRole('button', { name: /Redraft|Draft from the numbers/ })).toHaveCount(0);
  await staff.context().close();
});
