import { z } from 'zod';
import { isIsoDate } from '../periods';

/** The forms of the reporting cycle: the plan's windows switch, one period's dates, a reopening, e-mail choices. */

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const isoDate = (message: string) => z.preprocess(text, z.string().trim().refine(isIsoDate, message));
/** A period of a frequency, as the windows form sends it: quarterly_2020-01-01_2020-03-31. */
const periodField = z.preprocess(
  text,
  z
    .string()
    .trim()
    .regex(/^(monthly|quarterly|semiannual|annual)_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}$/, 'cycle.validation.period')
    .transform((v) => {
      const [frequency, start, end] = v.split('_') as ['monthly' | 'quarterly' | 'semiannual' | 'annual', string, string];
      return { frequency, start, end };
    }),
);

export const cycleSchema = z.object({
  plan: z.coerce.number().int().positive('cycle.validation.plan'),
  enforced: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
  reminderDays: z.coerce.number({ message: 'cycle.validation.reminderDays' }).int('cycle.validation.reminderDays').min(1, 'cycle.validation.reminderDays').max(60, 'cycle.validation.reminderDays'),
});

export const windowDatesSchema = z.object({
  plan: z.coerce.number().int().positive('cycle.validation.plan'),
  period: periodField,
  opensOn: isoDate('cycle.validation.dateInvalid'),
  dueOn: isoDate('cycle.validation.dateInvalid'),
  closesOn: isoDate('cycle.validation.dateInvalid'),
});

export const reopenSchema = z.object({
  plan: z.coerce.number().int().positive('cycle.validation.plan'),
  indicatorId: z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), z.coerce.number().int().positive().optional()),
  periodEnd: isoDate('cycle.validation.period'),
  until: isoDate('cycle.validation.dateInvalid'),
  reason: z.preprocess(text, z.string().trim().min(1, 'cycle.validation.reasonRequired').max(1000, 'cycle.validation.reasonLong')),
});

export const markReadSchema = z.object({
  ids: z.preprocess(text, z.string().trim().regex(/^(all|\d{1,15}(,\d{1,15}){0,199})$/, 'notifications.invalid')),
});

export const emailChoicesSchema = z.object({
  locale: z.enum(['en', 'zh'], { message: 'notifications.invalid' }),
  email: z.array(z.string()).max(20),
});
