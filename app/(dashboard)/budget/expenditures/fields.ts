import type { getTranslations } from 'next-intl/server';
import type { BudgetField } from '@/components/budget/budget-form';

type T = Awaited<ReturnType<typeof getTranslations>>;

/** The expenditure form's fields (recording and correcting share them), with the current values when correcting. */
export function expenditureFields(
  t: T,
  lines: { id: number; code: string; title: string }[],
  currency: string,
  current?: { lineId: number; spentOn: string; amount: string; currency: string; rate: string; description: string; reference: string | null; evidenceUrl: string | null },
): BudgetField[] {
  const f = (k: string) => t(`budget.expenditures.fields.${k}`);
  return [
    {
      name: 'lineId',
      label: f('lineId'),
      type: 'select',
      required: true,
      options: [{ value: '', label: t('budget.expenditures.choose') }, ...lines.map((l) => ({ value: String(l.id), label: `${l.code} ${l.title}` }))],
      defaultValue: current ? String(current.lineId) : '',
    },
    { name: 'spentOn', label: f('spentOn'), type: 'date', required: true, defaultValue: current?.spentOn },
    { name: 'amount', label: f('amount'), required: true, inputMode: 'decimal', defaultValue: current?.amount },
    { name: 'currency', label: f('currency'), required: true, defaultValue: current?.currency ?? currency },
    { name: 'rate', label: f('rate'), inputMode: 'decimal', defaultValue: current && current.currency !== currency ? current.rate : '' },
    { name: 'description', label: f('description'), type: 'textarea', required: true, defaultValue: current?.description },
    { name: 'reference', label: f('reference'), defaultValue: current?.reference ?? '' },
    { name: 'evidenceUrl', label: f('evidenceUrl'), type: 'url', defaultValue: current?.evidenceUrl ?? '' },
  ];
}
