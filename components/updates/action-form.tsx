'use client';

import type { ReactNode } from 'react';
import type { SimpleActionState } from '@/types/forms';
import { InlineActionForm } from '@/components/ui/inline-action-form';

type Action = (state: SimpleActionState, formData: FormData) => Promise<SimpleActionState>;

/** Approve, return, submit, lock, unlock, name a reviewer: one inline action form, its answer announced beside it. */
export function ActionForm({ className, ...props }: { action: Action; hidden: Record<string, string | number>; label: string; pendingLabel: string; children?: ReactNode; className?: string }) {
  return <InlineActionForm {...props} className={className ?? 'inline-form'} />;
}
