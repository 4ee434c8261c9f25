import { test, type Locator } from '@playwright/test';
import { allowSlowPages, expect, signInAsCommittee } from './committee-session';
import { pdfText } from '../support/pdf-text';

allowSlowPages();

// The dashboards as a committee member uses them: an indicator chart and its table, a goal page, the report and its PDF.

test('a committee member reads an indicator chart and opens its table', async ({ page }) => {
  await signInAsCommittee(page, '/indicators/G4.2');
  const chart = page.locator('figure[data-chart="G4.2"]');
  await expect(chart).toBeVisible();
  // The SVG carries the actual series and the stepped target line.
  await expect(chart.locator('svg.chart-plot[role="img"] .chart-actual').first()).toBeAttached();
  await expect(chart.locator('svg.chart-plot .chart-target path').first()).toBeAttached();
  await expect(chart.locator('figcaption')).toContainText('G4.2');
  // On paper, the closed disclosure is left out; an opened one prints its table.
  await page.emulateMedia({ media: 'print' });
  await expect(chart.locator('details.chart-table')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await chart.locator('summary', { hasText: 'Data table' }).click();
  const table = page.locator('table[data-chart-table="G4.2"]');
  await expect(table).toBeVisible();
  await expect(table.locator('caption')).toContainText('G4.2');
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  await expect(table).toBeVisible();
});

test("pointing at a period or a bar shows its row of the chart's data table", async ({ page }) => {
  await signInAsCommittee(page, '/indicators/G4.2');
  await expect(page.locator('html[data-chart-downloads]')).toBeAttached();
  const tooltip = page.getByRole('tooltip');
  /** Points at row `index` of a figure's picture and expects that row of its table, each figure after its column's name. */
  const expectRowShown = async (figure: Locator, index: number) => {
    const area = figure.locator('rect.chart-hover');
    const box = (await area.boundingBox())!;
    const rows = Number(await area.getAttribute('data-rows'));
    const across = await area.getAttribute('data-across');
    const at = (index + 0.5) / rows;
    await area.hover({ position: { x: across === 'x' ? box.width * at : box.width / 2, y: across === 'y' ? box.height * at : box.height / 2 } });
    const table = figure.locator('.chart-table table');
    const row = table.locator('tbody tr').nth(index);
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText((await row.locator('th').textContent())!);
    const column = (await table.locator('thead th').nth(1).textContent())!;
    await expect(tooltip).toContainText(`${column}: ${await row.locator('td').first().textContent()}`);
    return rows;
  };
  const chart = page.locator('figure[data-chart="G4.2"]');
  const periods = await expectRowShown(chart, 0);
  expect(periods).toBeGreaterThan(1);
  await expectRowShown(chart, periods - 1);
  await expectRowShown(page.locator('figure[data-breakdown="G4.2"]'), 0);
  // Off the pictures, it goes.
  await chart.locator('figcaption').hover();
  await expect(tooltip).toBeHidden();
});

test('a derived indicator breaks down by its registry rows and draws its forecast with a text equivalent', async ({ page }) => {
  await signInAsCommittee(page, '/indicators/G4.2');
  await expect(page.locator('[data-derivation="people_trained_online"]')).toBeVisible();
  const breakdown = page.locator('[data-derived-breakdown="G4.2"]');
  await expect(breakdown.locator('figure[data-breakdown="G4.2"] figcaption')).toContainText('By city');
  await expect(breakdown.locator('[data-parts="sum"]')).toContainText('add up to the total');
  await breakdown.locator('summary', { hasText: 'Data table' }).click();
  await expect(breakdown.locator('table tbody tr', { hasText: 'Tashkent' })).toBeVisible();
  await breakdown.getByLabel('Break down by').selectOption('topic');
  await breakdown.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/by=topic/);
  await expect(page.locator('[data-derived-breakdown="G4.2"] figure[data-breakdown="G4.2"] figcaption')).toContainText('By topic');

  // The forecast: dashed lines in the picture, the same in words in the caption and as columns of the table.
  const chart = page.locator('figure[data-chart="G4.2"]');
  await expect(chart.locator('svg.chart-plot .chart-projection').first()).toBeAttached();
  await expect(chart.locator('[data-forecast-text="G4.2"]')).toContainText('at the current pace');
  await chart.locator('summary', { hasText: 'Data table' }).click();
  await expect(page.locator('table[data-chart-table="G4.2"] thead')).toContainText('Projected at the current pace');

  // A dimension the indicator does not carry is refused on the page, not with a server error.
  const response = await page.goto('/indicators/G4.2?by=partner');
  expect(response?.status()).toBe(200);
  await expect(page.locator('[data-derived-breakdown="G4.2"] [role="alert"]')).toContainText('cannot be broken down');
});

test("the overview's goal headings open their goal pages", async ({ page }) => {
  await signInAsCommittee(page, '/');
  await page.locator('[data-goal-link="G2"]').click();
  await expect(page).toHaveURL(/\/goals\/G2/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('G2');
});

test('a goal page shows a chart for each of its indicators', async ({ page }) => {
  await signInAsCommittee(page, '/goals/G4');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('G4');
  await expect(page.locator('figure[data-chart]')).toHaveCount(3);
});

test('the goal, indicator and report pages come whole in the first response and read without JavaScript', async ({ browser, page }) => {
  await signInAsCommittee(page);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const bare = await context.newPage();
  // Nothing of these pages waits for a script to reveal it: no streamed segment, no skeleton left in place.
  const whole = async (path: string) => {
    const response = await bare.goto(path);
    expect(response?.status()).toBe(200);
    expect(await response?.text()).not.toContain('<div hidden id="S:');
    await expect(bare.locator('.skeleton')).toHaveCount(0);
  };
  await whole('/goals/G4');
  await expect(bare.locator('figure[data-chart]')).toHaveCount(3);
  await expect(bare.locator('figure[data-chart] svg.chart-plot').first()).toBeVisible();
  await whole('/indicators/G4.2');
  await expect(bare.locator('figure[data-chart="G4.2"] svg.chart-plot')).toBeVisible();
  await expect(bare.locator('[data-derived-breakdown="G4.2"] figure[data-breakdown="G4.2"]')).toBeVisible();
  await whole('/reports/committee');
  for (const code of ['G1', 'G5']) await expect(bare.locator(`[data-goal="${code}"]`)).toBeVisible();
  await context.close();
});

test('a page asks the server for nothing before a link is followed, and a link still navigates within the app', async ({ page }) => {
  await signInAsCommittee(page);
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).searchParams.has('_rsc')) fetched.push(request.url());
  });
  // A goal page has some twenty links in view (the menu, its indicators, the pager): none is prefetched.
  await page.goto('/goals/G1');
  await page.waitForLoadState('networkidle');
  await page.getByRole('link', { name: 'G1.1', exact: true }).hover();
  await page.waitForTimeout(300);
  expect(fetched).toEqual([]);
  // Following one fetches that page's React payload, not a new document.
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
  });
  await page.getByRole('link', { name: 'G1.1', exact: true }).click();
  await expect(page).toHaveURL(/\/indicators\/G1\.1/);
  await expect(page.locator('figure[data-chart="G1.1"]')).toBeVisible();
  expect(fetched.some((url) => new URL(url).pathname === '/indicators/G1.1')).toBe(true);
  expect(documents).toEqual([]);
});

test('the committee report shows each goal\'s summary and opens its table from a link', async ({ page }) => {
  await signInAsCommittee(page, '/reports/committee?open=none');
  const goal = page.locator('#report-goal-G1');
  await expect(goal).toBeVisible();
  await expect(goal.locator('table')).toHaveCount(0);
  const toggle = goal.getByRole('link', { name: /Show its \d+ indicators? \(G1\)/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(goal.locator('tr[data-indicator]').first()).toBeVisible();
  await expect(goal.getByRole('link', { name: /Hide indicators \(G1\)/ })).toHaveAttribute('aria-expanded', 'true');
  expect(new URL(page.url()).searchParams.get('open')).toBe('G1');
});

test('the committee report downloads as a PDF', async ({ page }) => {
  await signInAsCommittee(page, '/reports/committee');
  await expect(page.locator('[data-goal="G1"]')).toBeVisible();
  // The reader's own browser prints it too, with nothing needed on the server.
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();
  const response = await page.request.get('/api/reports/committee');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const body = await response.body();
  expect(body.length).toBeGreaterThan(1000);
  expect(body.subarray(0, 4).toString('latin1')).toBe('%PDF');
  // Its text layer has the plan's goals.
  const flat = await pdfText(new Uint8Array(body));
  for (const code of ['G1', 'G2', 'G3', 'G4', 'G5']) expect(flat).toContain(code);
  expect(flat).toContain('More cities engaged');
});

test("a chart's picture downloads as PNG and SVG, its data as CSV", async ({ page }) => {
  await signInAsCommittee(page, '/indicators/G4.2');
  const chart = page.locator('figure[data-chart="G4.2"]');
  await expect(chart.locator('svg.chart-plot').first()).toBeVisible();
  const read = async (role: 'button' | 'link', name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole(role, { name }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), body: Buffer.concat(chunks) };
  };
  const png = await read('button', 'Download picture (PNG)');
  expect(png.name).toBe('G4.2-chart.png');
  expect(png.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // Drawn at twice the on-screen size: the PNG's width (bytes 16–19 of the IHDR chunk) is well over 400 px.
  expect(png.body.readUInt32BE(16)).toBeGreaterThan(400);
  const svg = await read('button', 'Download picture (SVG)');
  expect(svg.body.toString('utf8')).toContain('chart-target');
  expect(svg.body.toString('utf8')).toContain('chart-actual');
  const csv = await read('link', 'Download data (CSV)');
  expect(csv.body.toString('utf8')).toContain('2020-Q2');
});

test('the map shows the cities; a city opens its card from the keyboard', async ({ page }) => {
  await signInAsCommittee(page, '/map');
  const markers = page.locator('svg[data-map] a.map-marker');
  await expect(markers.first()).toBeVisible();
  expect(await markers.count()).toBeGreaterThan(20);
  await markers.first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/city=\d+/);
  await expect(page.locator('[data-city-card]')).toBeVisible();
  await page.getByLabel('Region').selectOption('maritime');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/region=maritime/);
});

test('the committee report says which knowledge it shows, exports its table, and refuses a date outside the plan', async ({ page }) => {
  await signInAsCommittee(page, '/reports/committee');
  await expect(page.locator('[data-knowledge="current"]')).toContainText('as known now');
  const csv = await page.request.get('/api/reports/committee/export?format=csv');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('indicator_code');
  await page.goto('/reports/committee?knownOn=2020-10-31');
  await expect(page.locator('[data-knowledge="2020-10-31"]')).toContainText('as known on');
  await page.goto('/reports/committee?asOf=2031-01-01');
  await expect(page.locator('main').getByRole('alert')).toContainText('within the work plan');
  expect((await page.request.get('/api/reports/committee?asOf=2031-01-01')).status()).toBe(400);
  expect((await page.request.get('/api/reports/committee/export?asOf=2031-01-01')).status()).toBe(400);
});
