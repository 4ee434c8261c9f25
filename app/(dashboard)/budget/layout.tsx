import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';

/** The messages this section's client components translate with (lib/i18n/client-messages.ts). */
export default function BudgetLayout({ children }: { children: ReactNode }) {
  return <ClientMessages scope="budget">{children}</ClientMessages>;
}
