'use client';

import en from '@/lib/i18n/messages/en/common.json';
import zh from '@/lib/i18n/messages/zh/common.json';

/**
 * The last resort, when even the root layout failed: no translations provider is available here, so the
 * message is given in both languages, generic, with the reference id (the error's digest) that the server
 * logged with the real error (data/observability/on-request-error.ts).
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const ref = error.digest ?? '—';
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem' }}>
        <main id="main" role="alert">
          {[en, zh].map((catalog, i) => (
            <section key={i} lang={i === 0 ? 'en' : 'zh-Hans'}>
              <h1>{catalog.errors.genericTitle}</h1>
              <p>{catalog.errors.genericBody.replace('{ref}', ref)}</p>
            </section>
          ))}
          <button type="button" onClick={reset}>
            {en.errors.retry} / {zh.errors.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
