import { z } from 'zod';
import { isoDate, optionalId, optionalText, requiredText } from './registries';

/**
 * The budget's forms and the expenditure import's rows. Money arrives as text and stays text: a plain decimal
 * with at most two decimals and fourteen digits before the point (what numeric(16,2) holds), never parsed into a
 * float. Rates: up to ten digits on each side of the point. Currencies: ISO 4217 codes.
 */

export const MONEY_PATTERN = /^\d{1,14}(\.\d{1,2})?$/;
const RATE_PATTERN = /^\d{1,10}(\.\d{1,10})?$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
/** The largest base-currency amount numeric(16,2) holds, with a margin for the bound check's float estimate. */
const MAX_BASE_AMOUNT = 99_900_000_000_000;

const key = (k: string) => `budget.validation.${k}`;
const raw = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v));

/** Why a money text is refused, or null: the order of the checks decides the message a person sees. */
export function moneyProblem(text: string, { allowZero }: { allowZero: boolean }): string | null {
  if (text === '') return key('amountRequired');
  if (/^-/.test(text)) return key('amountNegative');
  if (/^\d+\.\d{3,}$/.test(text)) return key('amountDecimals');
  if (/^\d{15,}(\.\d*)?$/.test(text)) return key('amountTooLarge');
  if (!MONEY_PATTERN.test(text)) return key('amountFormat');
  if (!allowZero && /^0+(\.0+)?$/.test(text)) return key('amountZero');
  return null;
}

const money = (allowZero: boolean) =>
  z.preprocess(raw, z.string()).superRefine((v, ctx) => {
    const problem = moneyProblem(v, { allowZero });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Normalises '1200.5' to '1200.50' for display and comparison (text only, no arithmetic). */
export function canonicalMoney(text: string): string {
  const [whole, fraction = ''] = text.split('.');
  return `${whole!.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

const currency = z.preprocess((v) => raw(v).toUpperCase(), z.string().regex(CURRENCY_PATTERN, key('currencyFormat')));
const optionalRate = z.preprocess(
  raw,
  z.string().refine((v) => v === '' || (RATE_PATTERN.test(v) && !/^0+(\.0+)?$/.test(v)), key('rateFormat')),
);
const evidenceUrl = z.preprocess(
  raw,
  z.string().max(500, 'registries.validation.tooLong').refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), key('urlFormat')),
);
const lineCode = z.preprocess(raw, z.string().min(1, 'registries.validation.required').max(20, 'registries.validation.tooLong').regex(/^[A-Za-z0-9._-]+$/, key('codeFormat')));

export const budgetLineSchema = z.object({
  planId: z.coerce.number().int().positive(),
  code: lineCode,
  title: requiredText(200),
  titleZh: optionalText(200),
  goalId: optionalId,
  fundingSource: requiredText(120),
  amount: money(true),
  currency,
  /** Required when the plan is endorsed (the change is then a revision). */
  effectiveOn: z.preprocess(raw, z.string()),
  reason: optionalText(1000),
});
export type BudgetLineInput = z.infer<typeof budgetLineSchema>;

export const budgetRevisionSchema = z.object({
  lineId: z.coerce.number().int().positive(),
  newAmount: money(true),
  effectiveOn: isoDate(),
  reason: requiredText(1000),
});
export type BudgetRevisionInput = z.infer<typeof budgetRevisionSchema>;

const expenditureFields = {
  lineId: z.preprocess((v) => (raw(v) === '' ? undefined : v), z.coerce.number({ error: key('lineRequired') }).int(key('lineRequired')).positive(key('lineRequired'))),
  spentOn: isoDate(),
  amount: money(false),
  currency,
  rate: optionalRate,
  description: requiredText(500),
  reference: optionalText(100),
  evidenceUrl,
};

/**
 * A rate is needed exactly when the currency is not the plan's; the amount in base currency must fit. The
 * problems under the fields they concern (catalog keys): the schemas below refine with them, and the forms'
 * actions check them once they have read the plan's currency.
 */
export function rateProblems(v: { amount: string; currency: string; rate: string }, baseCurrency: string): { field: 'rate' | 'amount'; message: string }[] {
  // A malformed currency is reported on its own field; a rate cannot be judged against it.
  if (!CURRENCY_PATTERN.test(v.currency)) return [];
  if (v.currency === baseCurrency) {
    return v.rate !== '' && !/^0*1(\.0+)?$/.test(v.rate) ? [{ field: 'rate', message: key('rateForBase') }] : [];
  }
  if (v.rate === '') return [{ field: 'rate', message: key('rateRequired') }];
  // A bound check only (never money arithmetic): refuse what numeric(16,2) could not hold once converted.
  if (MONEY_PATTERN.test(v.amount) && Number(v.amount) * Number(v.rate) > MAX_BASE_AMOUNT) return [{ field: 'amount', message: key('amountTooLarge') }];
  return [];
}

function refineRate(v: { amount: string; currency: string; rate: string }, ctx: z.RefinementCtx, baseCurrency: string) {
  for (const { field, message } of rateProblems(v, baseCurrency)) ctx.addIssue({ code: 'custom', path: [field], message });
}

export const expenditureSchema = (baseCurrency: string) =>
  z.object(expenditureFields).superRefine((v, ctx) => refineRate(v, ctx, baseCurrency));
export type ExpenditureInput = z.infer<ReturnType<typeof expenditureSchema>>;

export const expenditureCorrectionSchema = (baseCurrency: string) =>
  z
    .object({ ...expenditureFields, expenditureId: z.coerce.number().int().positive(), reason: requiredText(1000) })
    .superRefine((v, ctx) => refineRate(v, ctx, baseCurrency));
export type ExpenditureCorrectionInput = z.infer<ReturnType<typeof expenditureCorrectionSchema>>;

const planId = z.coerce.number().int().positive();

/** The expenditure forms as posted, with their plan; the rate is judged by `rateProblems` once the plan's currency is read. */
export const expenditureFormSchema = z.object({ planId, ...expenditureFields });
export const expenditureCorrectionFormSchema = expenditureFormSchema.extend({ expenditureId: z.coerce.number().int().positive(), reason: requiredText(1000) });

export const expenditureVoidSchema = z.object({ planId, expenditureId: z.coerce.number().int().positive(), reason: requiredText(1000) });

export const baseCurrencySchema = z.object({ planId, baseCurrency: currency });

/** The expenditure file's columns (CSV and XLSX), in order; `line` is a budget line's code. */
export const EXPENDITURE_COLUMNS = ['date', 'line', 'amount', 'currency', 'rate', 'description', 'reference', 'evidence_url'] as const;
export const expenditureColumnField: Record<(typeof EXPENDITURE_COLUMNS)[number], string> = {
  date: 'spentOn',
  line: 'lineId',
  amount: 'amount',
  currency: 'currency',
  rate: 'rate',
  description: 'description',
  reference: 'reference',
  evidence_url: 'evidenceUrl',
};
export const MAX_EXPENDITURE_ROWS = 5000;
