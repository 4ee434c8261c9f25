import 'server-only';
import { chromium } from 'playwright-core';

/** Flags for a headless Chromium that never calls home: the app runs offline. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-gpu',
];

export interface PrintRequest {
  /** Absolute URL of the page to print, on this server. */
  url: string;
  /** The caller's cookies (session, locale), so the page renders exactly what they may see, in their language. */
  cookies: { name: string; value: string }[];
}

/** Prints a page of this app to an A4 PDF with headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium). */
export async function printPageToPdf({ url, cookies }: PrintRequest): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext();
    const origin = new URL(url);
    await context.addCookies(cookies.map((c) => ({ name: c.name, value: c.value, url: origin.origin })));
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 30_000 });
    if (!response || !response.ok()) throw new Error(`Printing ${origin.pathname} failed with status ${response?.status() ?? 'none'}`);
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  } finally {
    await browser.close();
  }
}
