import { errorResponse, requireUser } from '@/data/auth/session';
import { packParams } from '@/data/meetings-pack';
import { pdfResponse } from '@/server/pdf/pdf-response';
import { meetingExists } from '@/data/meetings';

/**
 * The pack for the next meeting as a PDF: /meetings/[id]/pack printed in the server's shared browser with the
 * caller's own cookies (so it shows what they may see) and language, as the committee report's PDF is.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  let userId: string;
  try {
    userId = (await requireUser('report.export')).id;
  } catch (error) {
    return errorResponse(error);
  }
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0 || !(await meetingExists(id))) {
    return Response.json({ error: 'not_found' }, { status: 404 });
  }
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(packParams.parse(Object.fromEntries(new URL(request.url).searchParams)))) {
    if (value !== undefined) query.set(key, String(value));
  }
  return pdfResponse(request, {
    userId,
    path: `/meetings/${id}/pack?${query}`,
    filename: `meeting-${id}-pack-${query.get('asOf') ?? 'latest'}.pdf`,
  });
}
