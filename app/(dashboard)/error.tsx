'use client';

import { useTranslations } from 'next-intl';
import { DATABASE_UNAVAILABLE_DIGEST } from '@/lib/observability/unavailable-digest';

/** Errors are shown generically; the digest is the reference that the server log carries. */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  // In production only the digest crosses from the server; DatabaseUnavailableError sets a fixed one.
  const unavailable =
    error.digest === DATABASE_UNAVAILABLE_DIGEST || error.name === 'DatabaseUnavailableError' || /database/i.test(error.message);
  return (
    <section className="card" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{unavailable ? t('unavailableTitle') : t('genericTitle')}</h1>
      <p>{unavailable ? t('unavailableBody') : t('genericBody', { ref: error.digest ?? '—' })}</p>
      <button className="button" type="button" onClick={reset}>
        {t('retry')}
      </button>
    </section>
  );
}
