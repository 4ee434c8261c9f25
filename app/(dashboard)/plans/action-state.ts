import type { PlanWriteFailure as Failure } from '@/types/plans';
import type { Translator } from '@/data/action';
import type { TargetProblem } from '@/lib/validation/plans-indicators';
import type { ActionFailure, FormValues } from '@/types/action';
import type { Change } from '@/data/invalidate';

/** Every plan, goal, indicator and target change shows on every plan page and on the overview. */
export const planChanged: Change[] = [{ kind: 'plan' }];

/** A refusal from db/queries/plan-admin: its explanation as the message, and under its field when it has one. */
export function failureState(t: Translator, failure: Failure & { problems?: TargetProblem[] }, values: FormValues): ActionFailure {
  const message = t(`plans.errors.${failure.error}`, failure.params ?? {});
  const problems = failure.problems?.map(({ key, ...params }) => t(`plans.targetProblems.${key}`, params as Record<string, string | number>));
  const errors = failure.field ? { [failure.field]: problems?.length ? problems : [message] } : undefined;
  return { ok: false, message, errors, values };
}
