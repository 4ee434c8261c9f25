import { errorResponse, requireUser } from '@/data/auth/session';
import { committeeReportParams, inputProblemResponse, reportInputProblem } from '@/data/report';
import { pdfResponse } from '@/server/pdf/pdf-response';

/**
 * The committee report as a PDF: the same page printed in the server's shared browser with the caller's own
 * cookies, so it shows exactly what they may see, in their language. ?since=&asOf=&plan= as on the page.
 */
export async function GET(request: Request) {
  let userId: string;
  try {
    userId = (await requireUser('report.export')).id;
  } catch (error) {
    return errorResponse(error);
  }
  const params = committeeReportParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const problem = await reportInputProblem(params);
  if (problem) return inputProblemResponse(problem);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return pdfResponse(request, {
    userId,
    path: `/reports/committee?${query}`,
    filename: `committee-report-${params.asOf ?? 'latest'}.pdf`,
  });
}
