'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { reopenPeriod, setCycle, setWindow } from '@/db/queries/cycle/window-admin';
import { findPlan } from '@/db/queries/plans';
import type { SimpleActionState } from '@/components/updates/action-form';
import { requireActionUser } from '@/data/auth/session';
import { isFormData, unreadableRequest } from '@/data/form-data';
import { cycleSchema, reopenSchema, windowDatesSchema } from '@/lib/validation/cycle';

/**
 * Submission windows (admins): turn a plan's windows on, set a period's dates, reopen a closed period with a
 * reason. Each authorizes first, parses with zod, and calls db/queries/cycle, which writes the audit row in the
 * same transaction.
 */

type Translate = Awaited<ReturnType<typeof getTranslations>>;

function revalidate() {
  revalidatePath('/plans/[year]', 'page');
  revalidatePath('/indicators/[code]', 'page');
  revalidatePath('/my-reporting');
}

function fieldErrors(t: Translate, issues: { path: PropertyKey[]; message: string }[]): SimpleActionState {
  const errors: Record<string, string[]> = {};
  for (const i of issues) (errors[String(i.path[0] ?? 'form')] ??= []).push(t(i.message));
  return { ok: false, message: Object.values(errors).flat().join(' '), errors };
}

const adminErrors = (t: Translate, errors: Record<string, string>): SimpleActionState =>
  fieldErrors(t, Object.entries(errors).map(([field, key]) => ({ path: [field], message: `cycle.validation.${key}` })));

const form = (formData: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, formData.get(n) ?? undefined]));

export async function setCycleAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('period.lock');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = cycleSchema.safeParse(form(formData, ['plan', 'enforced', 'reminderDays']));
  if (!parsed.success) return fieldErrors(t, parsed.error.issues);
  const db = await getDb();
  const plan = await findPlan(db, parsed.data.plan);
  if (!plan) return { ok: false, message: t('cycle.validation.plan') };
  const result = await setCycle(db, { planId: plan.id, enforced: parsed.data.enforced, reminderDays: parsed.data.reminderDays, actorId: actor.id });
  if (!result.ok) return adminErrors(t, result.errors);
  revalidate();
  return { ok: true, message: t('cycle.windows.saved') };
}

export async function setWindowAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('period.lock');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = windowDatesSchema.safeParse(form(formData, ['plan', 'period', 'opensOn', 'dueOn', 'closesOn']));
  if (!parsed.success) return fieldErrors(t, parsed.error.issues);
  const db = await getDb();
  const plan = await findPlan(db, parsed.data.plan);
  if (!plan) return { ok: false, message: t('cycle.validation.plan') };
  const { opensOn, dueOn, closesOn, period } = parsed.data;
  const result = await setWindow(db, { planId: plan.id, frequency: period.frequency, period: { start: period.start, end: period.end }, window: { opensOn, dueOn, closesOn }, actorId: actor.id });
  if (!result.ok) return adminErrors(t, result.errors);
  revalidate();
  return { ok: true, message: t('cycle.windows.datesSaved') };
}

export async function reopenPeriodAction(_previous: SimpleActionState, formData: FormData): Promise<SimpleActionState> {
  const actor = await requireActionUser('period.lock');
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const parsed = reopenSchema.safeParse(form(formData, ['plan', 'indicatorId', 'periodEnd', 'until', 'reason']));
  if (!parsed.success) return fieldErrors(t, parsed.error.issues);
  const db = await getDb();
  const plan = await findPlan(db, parsed.data.plan);
  if (!plan) return { ok: false, message: t('cycle.validation.plan') };
  const result = await reopenPeriod(db, {
    planId: plan.id,
    indicatorId: parsed.data.indicatorId ?? null,
    periodEnd: parsed.data.periodEnd,
    until: parsed.data.until,
    reason: parsed.data.reason,
    actorId: actor.id,
  });
  if (!result.ok) return adminErrors(t, result.errors);
  revalidate();
  return { ok: true, message: t('cycle.windows.reopened') };
}
