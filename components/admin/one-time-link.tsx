'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';

/**
 * A set-password link, shown once after it was issued: only its hash is stored, so it cannot be shown again.
 * The field selects itself on focus for copying.
 */
export function OneTimeLink({ name, url, expires }: { name: string; url: string; expires: string }) {
  const t = useTranslations('admin.users.link');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('label', { name })}</label>
      <input
        id={id}
        type="text"
        readOnly
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        aria-describedby={`${id}-note`}
        data-testid="one-time-link"
      />
      <p id={`${id}-note`} className="muted">
        {t('expires', { date: expires })} {t('shownOnce')}
      </p>
    </div>
  );
}
