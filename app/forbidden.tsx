import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

/** Rendered with HTTP 403 by forbidden(). */
export default async function Forbidden() {
  const t = await getTranslations('errors');
  return (
    <main id="main">
      <h1>{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenBody')}</p>
      <Link href="/">{t('backHome')}</Link>
    </main>
  );
}
