import { cookies } from 'next/headers';
import { getDb } from '@/db';
import { findMeeting } from '@/db/queries/meetings/meetings';
import { errorResponse, requireUser } from '@/lib/auth/session';
import { localeCookie } from '@/lib/i18n/config';
import { requestLocale } from '@/lib/i18n/request';
import { packParams } from '@/lib/data/meetings-pack';
import { printPageToPdf } from '@/lib/pdf/print-page';

/**
 * The pack for the next meeting as a PDF: /meetings/[id]/pack printed by headless Chromium with the caller's own
 * cookies (so it shows what they may see) and language, as the committee report's PDF is.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireUser('report.export');
  } catch (error) {
    return errorResponse(error);
  }
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || !(await findMeeting(await getDb(), id))) {
    return Response.json({ error: 'not_found' }, { status: 404 });
  }
  const url = new URL(request.url);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(packParams.parse(Object.fromEntries(url.searchParams)))) {
    if (value !== undefined) query.set(key, String(value));
  }
  // Print from this server over loopback; the forwarded host is not trusted for the browser's target.
  const target = new URL(`/meetings/${id}/pack?${query}`, url.origin);
  const jar = await cookies();
  const locale = await requestLocale();
  const forwarded = jar
    .getAll()
    .filter(({ name }) => name !== localeCookie)
    .map(({ name, value }) => ({ name, value }));
  const pdf = await printPageToPdf({ url: target.toString(), cookies: [...forwarded, { name: localeCookie, value: locale }] });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="meeting-${id}-pack-${query.get('asOf') ?? 'latest'}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
}
