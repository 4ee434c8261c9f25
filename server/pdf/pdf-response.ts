import 'server-only';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { localeCookie } from '@/lib/i18n/config';
import { requestLocale } from '@/lib/i18n/request';
import { log } from '@/lib/log';
import { problemResponse } from '@/lib/problem';
import { PdfRefusedError, renderPdf } from './pdf-jobs';

/**
 * A PDF route's answer: `path` (a page of this app, with its query) printed for the signed-in user with their own
 * cookies, so it shows exactly what they may see, in their language; or an RFC 9457 problem (429 or 503, with
 * Retry-After) that says why not and what to do — never a 500. The caller has already checked the user's access.
 */
export async function pdfResponse(request: Request, options: { userId: string; path: string; filename: string }): Promise<Response> {
  // Print from this server over loopback; the forwarded host is not trusted for the browser's target.
  const target = new URL(options.path, new URL(request.url).origin);
  const jar = await cookies();
  // The language the caller sees, even when it came from their browser rather than a cookie.
  const locale = await requestLocale();
  const forwarded = jar
    .getAll()
    .filter(({ name }) => name !== localeCookie)
    .map(({ name, value }) => ({ name, value }));
  try {
    const pdf = await renderPdf(options.userId, `${locale} ${target.pathname}${target.search}`, {
      url: target.toString(),
      cookies: [...forwarded, { name: localeCookie, value: locale }],
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${options.filename}"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof PdfRefusedError)) throw error;
    return problem(error, target.pathname);
  }
}

/** Each refusal's title and detail in the catalogs (pdf.problem.*), named in full so that unused keys show. */
const problemText: Record<PdfRefusedError['reason'], { title: string; detail: string }> = {
  unavailable: { title: 'unavailable.title', detail: 'unavailable.detail' },
  busy: { title: 'busy.title', detail: 'busy.detail' },
  rate_limited: { title: 'rate_limited.title', detail: 'rate_limited.detail' },
  timeout: { title: 'timeout.title', detail: 'timeout.detail' },
  failed: { title: 'failed.title', detail: 'failed.detail' },
};

async function problem(error: PdfRefusedError, path: string): Promise<Response> {
  const status = error.reason === 'rate_limited' ? 429 : 503;
  const cause = error.cause instanceof Error ? error.cause.message.split('\n')[0] : undefined;
  // The browser's path and the launch error are for the operator's log, not for the caller.
  log(error.reason === 'rate_limited' ? 'info' : 'warn', 'pdf.refused', { reason: error.reason, path, cause });
  const t = await getTranslations('pdf.problem');
  return problemResponse(
    {
      type: `urn:srm:problem:pdf-${error.reason.replace('_', '-')}`,
      title: t(problemText[error.reason].title),
      status,
      detail: t(problemText[error.reason].detail, { seconds: error.retryAfterSeconds }),
      retryAfter: error.retryAfterSeconds,
    },
    { 'retry-after': String(error.retryAfterSeconds) },
  );
}
