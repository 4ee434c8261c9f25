'use client';

import { useTranslations } from 'next-intl';
import type { ImportRowMessage } from '@/types/forms';
import { RowProblemsTable } from '@/components/ui/row-problems';

const MAX_SHOWN = 500;

/** The rows of an import report (problems or warnings): row number, column and message, the first 500 shown. */
export function ImportRowTable({ rows, caption, testId, more }: { rows: ImportRowMessage[]; caption: string; testId: string; more: 'moreProblems' | 'moreWarnings' }) {
  const t = useTranslations('updates.import');
  return (
    <RowProblemsTable
      rows={rows.slice(0, MAX_SHOWN)}
      caption={caption}
      labels={{ row: t('row'), column: t('column'), message: t('message') }}
      testId={testId}
      footer={rows.length > MAX_SHOWN ? <p className="muted">{t(more, { count: rows.length - MAX_SHOWN })}</p> : null}
    />
  );
}
