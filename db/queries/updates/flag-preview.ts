import { eq } from 'drizzle-orm';
import { figuresSchema } from '@/lib/validation/updates';
import { indicators, progressUpdates } from '../../schema';
import type { DbOrTx } from '../audit';
import type { Runner } from '../prebuilt';
import { checkNewUpdate, figureErrors, type NewUpdateInput } from './create';
import { correctionWarnings, qualityWarnings } from './quality';
import { problem, type FieldErrors, type Problem } from './types';

/**
 * The data-quality flags of a value before it is submitted, for the log form to show as it is typed: the same
 * checks of the indicator, period, place and figures as createUpdate (checkNewUpdate) and the same flags
 * (qualityWarnings), only reading. A value the form would refuse outright (an unknown or derived indicator, a
 * figure that does not parse, a place the indicator does not break down by) has no flags to show: the submit
 * explains it. A closed window or a lock does not hide the flags; the form says so beside the period.
 */
export type FlagPreview = { ok: true; flags: Problem[] } | { ok: false; errors: FieldErrors };

const refusing = ['indicator', 'cityId', 'clusterId', 'partnerId', 'value', 'numerator', 'denominator', 'milestone'] as const;

export async function previewFlags(
  db: DbOrTx & Runner,
  input: Pick<NewUpdateInput, 'planId' | 'indicatorCode' | 'period' | 'place' | 'figures'>,
): Promise<FlagPreview> {
  const errors: FieldErrors = {};
  const checked = await checkNewUpdate(db, input, errors);
  if (!checked || refusing.some((f) => errors[f]?.length)) return { ok: false, errors };
  const { plan, indicator, period, figures } = checked;
  return { ok: true, flags: await qualityWarnings(db, { plan, indicator, place: input.place, period, figures }) };
}

/**
 * The flags of new figures for a stored update, for the correction form as they are typed: the figures parsed and
 * judged as correctUpdate parses and judges them (correctionWarnings), only reading.
 */
export async function previewCorrectionFlags(db: DbOrTx, input: { updateId: number; figures: Record<string, unknown> }): Promise<FlagPreview> {
  const [row] = await db
    .select({ update: progressUpdates, indicator: indicators })
    .from(progressUpdates)
    .innerJoin(indicators, eq(indicators.id, progressUpdates.indicatorId))
    .where(eq(progressUpdates.id, input.updateId));
  if (!row || row.update.status === 'withdrawn') return { ok: false, errors: { form: [problem('updates.errors.notFound')] } };
  const figures = figuresSchema(row.indicator.valueKind).safeParse(input.figures);
  if (!figures.success) {
    const errors: FieldErrors = {};
    figureErrors(figures.error, errors);
    return { ok: false, errors };
  }
  return { ok: true, flags: await correctionWarnings(db, row.update, row.indicator, figures.data) };
}
