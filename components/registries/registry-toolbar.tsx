import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { listHref, type Registry, type RegistryListParams } from '@/lib/validation/registries';

/** "Add", "Import" (staff and admins only: committee members get no edit controls) and the export links. */
export async function RegistryToolbar({
  registry,
  params,
  canEdit,
  canImport,
}: {
  registry: Registry;
  params: RegistryListParams;
  canEdit: boolean;
  canImport: boolean;
}) {
  const t = await getTranslations('registries');
  const base = listHref(`/${registry}/export`, { ...params, page: undefined }, {});
  const exportHref = (format: 'csv' | 'xlsx') => `${base}${base.includes('?') ? '&' : '?'}format=${format}`;
  return (
    <div className="toolbar" style={{ flexWrap: 'wrap' }}>
      {canEdit ? (
        <Link className="button" href={`/${registry}/new`} data-testid="registry-add">
          {t(`${registry}.newTitle`)}
        </Link>
      ) : null}
      {canImport ? <Link href={`/${registry}/import`}>{t('import.link')}</Link> : null}
      <span>
        {t('export.label')}:{' '}
        <a href={exportHref('csv')} download>
          {t('export.csv')}
        </a>{' '}
        ·{' '}
        <a href={exportHref('xlsx')} download>
          {t('export.xlsx')}
        </a>
      </span>
    </div>
  );
}
