'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { RevokeTokenState } from '@/app/(dashboard)/account/token-actions';

/** Revokes one token (by its owner or an admin): it stops working on its next request. */
export function RevokeTokenButton({
  action,
  tokenId,
  name,
  active,
}: {
  action: (state: RevokeTokenState, formData: FormData) => Promise<RevokeTokenState>;
  tokenId: string;
  name: string;
  /** Still live: the button shows. Once revoked the form stays, so that the outcome is still announced. */
  active: boolean;
}) {
  const t = useTranslations('api.tokens');
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="tokenId" value={tokenId} />
      {active ? (
        <button className="button" type="submit" disabled={pending} aria-label={t('revokeNamed', { name })}>
          {t('revoke')}
        </button>
      ) : null}
      <span aria-live="polite">{state.message ?? null}</span>
    </form>
  );
}
