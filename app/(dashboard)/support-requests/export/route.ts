import { exportRegistry } from '@/data/registries-export';

/** The support-requests registry as CSV or XLSX, filtered like its list page. */
export async function GET(request: Request) {
  return exportRegistry('support-requests', request);
}
