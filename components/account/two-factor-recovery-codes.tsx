'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

/** The recovery codes, shown once right after they were generated, until the user says they saved them. */
export function TwoFactorRecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations('twoFactor');
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: move focus to the codes so that screen readers announce them.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" ref={heading} tabIndex={-1}>
        {t('recoveryTitle')}
      </h2>
      <p>{t('recoveryBody')}</p>
      <ul aria-label={t('recoveryListLabel')} style={{ columns: 2, listStyle: 'none', padding: 0, fontSize: '1.1rem' }}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button className="button" type="button" onClick={onDone}>
        {t('savedThem')}
      </button>
    </section>
  );
}
