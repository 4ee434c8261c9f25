'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/types/action';

/** Revokes one share link: its page stops working on the next request. */
export function RevokeShareLinkButton({
  action,
  linkId,
  label,
  active,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  linkId: string;
  label: string;
  /** Still live: the button shows. Once revoked the form stays, so that the outcome is still announced. */
  active: boolean;
}) {
  const t = useTranslations('share');
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="linkId" value={linkId} />
      {active ? (
        <button className="button" type="submit" disabled={pending} aria-label={t('revokeNamed', { label })}>
          {t('revoke')}
        </button>
      ) : null}
      <FormMessage state={state} />
    </form>
  );
}
