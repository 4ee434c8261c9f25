import { errorResponse } from '@/data/auth/session';
import { loadEvidenceDownload } from '@/data/evidence';
import { attachmentDisposition } from '@/lib/evidence/rules';
import { EVIDENCE_CSP } from '@/lib/security-headers';

/**
 * GET /api/evidence/:id — an evidence file, as a download only: attachment with a safe name, the type found in
 * its content, nosniff, and a sandboxing CSP, so that nothing uploaded ever runs in the app's origin. 404 alike
 * for a file that does not exist and one the caller may not read.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const fileId = /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : NaN;
  let file: Awaited<ReturnType<typeof loadEvidenceDownload>>;
  try {
    file = await loadEvidenceDownload(Number.isSafeInteger(fileId) ? fileId : undefined); // requireUser('dashboard.read') first
  } catch (error) {
    return errorResponse(error);
  }
  if (!file) return Response.json({ error: 'not_found' }, { status: 404 });
  return new Response(file.content as BodyInit, {
    headers: {
      'Content-Type': file.mime,
      'Content-Length': String(file.size),
      'Content-Disposition': attachmentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': EVIDENCE_CSP,
      'Cache-Control': 'private, no-store',
    },
  });
}
