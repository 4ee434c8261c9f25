import { getTranslations } from 'next-intl/server';

/** A link that is unknown, revoked or expired: said plainly, with nothing to follow into the app. */
export default async function SharedNotFound() {
  const t = await getTranslations('share.page');
  return (
    <section className="card">
      <h1>{t('goneTitle')}</h1>
      <p>{t('goneBody')}</p>
    </section>
  );
}
