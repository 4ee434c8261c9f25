import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { AddUserForm } from '@/components/admin/add-user-form';
import { UsersSearch } from '@/components/admin/users-search';
import { UsersTable } from './users-table';
import { SkeletonBlock } from '@/components/ui/skeleton';
import { requirePageUser } from '@/data/auth/session';
import { usersSearchParams } from '@/lib/validation/users';
import { createUserAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('admin.users');
  return { title: t('title') };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Admins only, decided before anything streams: others get a real 403.
  const actor = await requirePageUser('users.manage');
  const params = usersSearchParams.parse(await searchParams);
  const t = await getTranslations('admin.users');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card" aria-labelledby="add-user-title">
        <h2 id="add-user-title">{t('add.title')}</h2>
        <p className="muted">{t('add.intro')}</p>
        <AddUserForm action={createUserAction} />
      </section>
      <section aria-labelledby="user-list-title">
        <h2 id="user-list-title" className="visually-hidden">
          {t('title')}
        </h2>
        <UsersSearch params={params} />
        <Suspense key={JSON.stringify(params)} fallback={<SkeletonBlock label={t('loading')} height="20rem" />}>
          <UsersTable params={params} actorId={actor.id} />
        </Suspense>
      </section>
    </>
  );
}
