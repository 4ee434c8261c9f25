import { apiRoute } from '@/data/api/handler';
import { openApiDocument } from '@/lib/api/openapi';

/** The OpenAPI 3.1 document of this API (for signed-in users and token holders). */
export const GET = apiRoute('dashboard.read', async () => ({ body: openApiDocument() }));
