import { getTranslations } from 'next-intl/server';
import { ApiReference } from '@/components/api/api-reference';
import { EndpointTable, type EndpointRow } from '@/components/api/endpoint-table';
import { requirePageUser } from '@/data/auth/session';
import { openApiDocument } from '@/lib/api/openapi';

export async function generateMetadata() {
  const t = await getTranslations('api.docs');
  return { title: t('title') };
}

/**
 * The API's documentation for signed-in users: the OpenAPI document (the one /api/v1/openapi.json serves) rendered
 * by Swagger UI, shipped with the app and loaded on this page only. The endpoint table is rendered on the server
 * from the same document: it is what a reader without script sees, and what shows until the reference is drawn.
 */
export default async function ApiDocsPage() {
  await requirePageUser('dashboard.read');
  const t = await getTranslations('api.docs');
  const doc = openApiDocument();
  const rows: EndpointRow[] = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post'] as const).flatMap((method) => {
      const operation = item?.[method];
      if (!operation) return [];
      const parameters = (operation.parameters ?? []).map((p) => ('name' in p ? `${p.name}` : '')).filter(Boolean);
      if (operation.requestBody) parameters.push('Idempotency-Key', t('body'));
      return [{ method: method.toUpperCase(), path: `/api/v1${path}`, summary: operation.summary ?? '', parameters }];
    }),
  );
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <p>{t('auth')}</p>
      <p>
        <a href="/api/v1/openapi.json">{t('openapi')}</a>
      </p>
      <ApiReference
        spec={doc}
        label={t('reference')}
        fallback={
          <EndpointTable
            rows={rows}
            text={{ caption: t('endpoints'), method: t('method'), path: t('path'), summary: t('summary'), parameters: t('parameters'), none: t('none') }}
          />
        }
      />
    </>
  );
}
