import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

/** Rendered with HTTP 401 by unauthorized(), e.g. a server action posted with an expired session. */
export default async function Unauthorized() {
  const t = await getTranslations('errors');
  return (
    <main id="main">
      <h1>{t('unauthorizedTitle')}</h1>
      <p>{t('unauthorizedBody')}</p>
      <Link href="/sign-in">{t('signInAgain')}</Link>
    </main>
  );
}
