import 'server-only';
import { sharedBrowser } from './browser';

export interface PrintRequest {
  /** Absolute URL of the page to print, on this server. */
  url: string;
  /** The caller's cookies (session, locale), so the page renders exactly what they may see, in their language. */
  cookies: { name: string; value: string }[];
}

/**
 * Prints a page of this app to an A4 PDF in the shared browser, in a fresh context (no cookie, cache or storage
 * shared with another caller) that is closed afterwards. Aborting `signal` closes the context at once, which
 * ends whatever the page was doing.
 */
export async function printPageToPdf({ url, cookies }: PrintRequest, signal: AbortSignal): Promise<Buffer> {
  signal.throwIfAborted();
  const browser = await sharedBrowser();
  const context = await browser.newContext();
  const close = () => void context.close().catch(() => {});
  signal.addEventListener('abort', close, { once: true });
  try {
    signal.throwIfAborted();
    const origin = new URL(url);
    await context.addCookies(cookies.map((c) => ({ name: c.name, value: c.value, url: origin.origin })));
    // A printed page follows no link: the router's prefetches of every page it links to would each cost the server
    // a render and keep the network busy, delaying the print.
    await context.route('**/*', (route) => (route.request().headers()['next-router-prefetch'] ? route.abort() : route.continue()));
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 0 });
    if (!response || !response.ok()) throw new Error(`Printing ${origin.pathname} failed with status ${response?.status() ?? 'none'}`);
    await page.emulateMedia({ media: 'print' });
    // The app's own web fonts (Chinese included) must be in before printing, or the PDF falls back to boxes.
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  } finally {
    signal.removeEventListener('abort', close);
    await context.close().catch(() => {});
  }
}
