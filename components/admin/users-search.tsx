import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { UsersSearchParams } from '@/lib/validation/users';

/** A plain GET form: the search ends up in the URL, keeps the current sort and works without JavaScript. */
export async function UsersSearch({ params }: { params: UsersSearchParams }) {
  const t = await getTranslations('admin.users.search');
  return (
    <form className="toolbar" method="get" action="/admin/users" role="search">
      <label>
        {t('label')}
        <input
          type="search"
          name="q"
          defaultValue={params.q ?? ''}
          maxLength={100}
          style={{ padding: '0.35rem 0.5rem', border: '1px solid var(--border)', borderRadius: 'var(--radius)' }}
        />
      </label>
      {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
      <button className="button" type="submit">
        {t('submit')}
      </button>
      {params.q ? <Link href="/admin/users">{t('clear')}</Link> : null}
    </form>
  );
}
