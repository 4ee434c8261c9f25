'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/types/action';

/** Revokes one token (by its owner or an admin): it stops working on its next request. */
export function RevokeTokenButton({
  action,
  tokenId,
  name,
  active,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  tokenId: string;
  name: string;
  /** Still live: the button shows. Once revoked the form stays, so that the outcome is still announced. */
  active: boolean;
}) {
  const t = useTranslations('api.tokens');
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="tokenId" value={tokenId} />
      {active ? (
        <button className="button" type="submit" disabled={pending} aria-label={t('revokeNamed', { name })}>
          {t('revoke')}
        </button>
      ) : null}
      <FormMessage state={state} />
    </form>
  );
}
