'use server';

import { defineAction } from '@/data/action';
import { sdgTagsSchema } from '@/lib/validation/sdg-tags';
import { failureState, planChanged } from './action-state';
import { setSdgTags } from '@/data/writes/plans';

/** An admin sets the SDG goals and targets a goal or indicator contributes to (the whole list; audited). */
export const setSdgTagsAction = defineAction({
  policy: 'plan.edit',
  schema: sdgTagsSchema,
  multi: ['tags'],
  invalidMessage: 'sdg.validation.invalid',
  body: async ({ db, actor, input, values, t }) => {
    const result = await setSdgTags(db, { entity: input.entity, id: input.id, codes: input.tags, actorId: actor.id });
    if (!result.ok) return failureState(t, result, values);
    return { ok: true, message: t(result.changed ? 'sdg.saved' : 'plans.unchanged'), invalidate: planChanged };
  },
});
