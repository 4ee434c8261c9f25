import { cookies } from 'next/headers';
import { localeCookie } from '@/lib/i18n/config';
import { requestLocale } from '@/lib/i18n/request';
import { errorResponse, requireUser } from '@/lib/auth/session';
import { committeeReportParams } from '@/lib/data/report';
import { printPageToPdf } from '@/lib/pdf/print-page';

/**
 * The committee report as a PDF: the same page printed by headless Chromium with the caller's own cookies, so
 * it shows exactly what they may see, in their language. ?since=&asOf=&plan= as on the page.
 */
export async function GET(request: Request) {
  try {
    await requireUser('report.export');
  } catch (error) {
    return errorResponse(error);
  }
  const url = new URL(request.url);
  const params = committeeReportParams.parse(Object.fromEntries(url.searchParams));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  // Print from this server over loopback; the forwarded host is not trusted for the browser's target.
  const target = new URL(`/reports/committee?${query}`, url.origin);
  const jar = await cookies();
  // The language the caller sees, even when it came from their browser rather than a cookie.
  const locale = await requestLocale();
  const forwarded = jar
    .getAll()
    .filter(({ name }) => name !== localeCookie)
    .map(({ name, value }) => ({ name, value }));
  const pdf = await printPageToPdf({ url: target.toString(), cookies: [...forwarded, { name: localeCookie, value: locale }] });
  const filename = `committee-report-${params.asOf ?? 'latest'}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });
}
