import 'server-only';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { WriteResult } from '@/db/queries/registries/shared';
import type { RegistryFormState } from '@/types/forms';
import { defineAction, type FormState, type Outcome, type Translator } from './action';
import type { Change } from './invalidate';
import { recordIdField, referencesMessage, refused } from './registries-forms';

/**
 * The four record actions every registry has (create, edit, archive or restore, delete), written once on the
 * action wrapper: each authorizes 'registry.edit', reads the form with the registry's schema and calls its write
 * function, which writes the audit row in the same transaction.
 */
export interface RegistryKit<Input> {
  /** The list's path, e.g. '/cities'; a record's page is `${path}/${id}`. */
  path: Extract<Change, { kind: 'registry' }>['path'];
  fields: readonly string[];
  /** Fields posted as several values (checkbox lists). */
  multi?: readonly string[];
  schema: z.ZodType<Input>;
  /** The catalog key prefix naming a status value in a confirmation question, e.g. 'registries.values.cityStatus'. */
  statusLabels?: string;
  create: (db: Db, input: Input, actorId: string) => Promise<WriteResult>;
  update: (db: Db, id: number, input: Input, actorId: string) => Promise<WriteResult>;
  setArchived: (db: Db, id: number, archived: boolean, actorId: string) => Promise<WriteResult>;
  remove: (db: Db, id: number, actorId: string) => Promise<WriteResult>;
}

type RegistryOutcome = Outcome & RegistryFormState;

/** Every answer of a record form carries a new attempt, so the form remounts with the values it returned. */
export const withAttempt = (answer: FormState): RegistryFormState => ({ ...answer, attempt: Date.now() });

const labelFor = (statusLabels: string | undefined, t: Translator) => (statusLabels ? (s: string) => t(`${statusLabels}.${s}`) : undefined);

/** A registry's change, for the invalidation: the list, the record's page and the overview's derived indicators. */
export const registryChange = (path: RegistryKit<unknown>['path'], id?: number): Change => ({ kind: 'registry', path, id });

export function registryActions<Input>(kit: RegistryKit<Input>) {
  const form = { policy: 'registry.edit', fields: kit.fields, multi: kit.multi, invalidMessage: 'registries.validation.form' } as const;
  const byId = { policy: 'registry.edit', schema: recordIdField, fields: ['id'], invalidMessage: 'registries.actions.invalid', refill: false } as const;
  return {
    create: defineAction({
      ...form,
      schema: kit.schema,
      finish: withAttempt,
      body: async ({ db, actor, input, values, t }): Promise<RegistryOutcome> => {
        const result = await kit.create(db, input, actor.id);
        if (!result.ok) return refused(t, result, values, labelFor(kit.statusLabels, t));
        return { ok: true, invalidate: [registryChange(kit.path)], redirectTo: `${kit.path}/${result.record.id}` };
      },
    }),
    update: defineAction({
      ...form,
      schema: kit.schema,
      finish: withAttempt,
      body: async ({ db, actor, input, values, formData, t }): Promise<RegistryOutcome> => {
        const id = recordIdField.safeParse({ id: formData.get('id') });
        if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
        const result = await kit.update(db, id.data.id, input, actor.id);
        if (!result.ok) return refused(t, result, values, labelFor(kit.statusLabels, t));
        return {
          ok: true,
          message: t(result.changed ? 'registries.saved' : 'registries.unchanged'),
          invalidate: [registryChange(kit.path, id.data.id)],
        };
      },
    }),
    archive: defineAction({
      ...byId,
      body: async ({ db, actor, input, formData, t }): Promise<RegistryOutcome> => {
        const archive = formData.get('archived') === '1';
        const result = await kit.setArchived(db, input.id, archive, actor.id);
        if (!result.ok) return { ok: false, message: t('registries.actions.notFound') };
        return {
          ok: true,
          message: t(archive ? 'registries.actions.archived' : 'registries.actions.restored'),
          invalidate: [registryChange(kit.path, input.id)],
        };
      },
    }),
    remove: defineAction({
      ...byId,
      body: async ({ db, actor, input, t }): Promise<RegistryOutcome> => {
        const result = await kit.remove(db, input.id, actor.id);
        if (!result.ok) {
          return { ok: false, message: result.error === 'referenced' ? referencesMessage(t, result.references) : t('registries.actions.notFound') };
        }
        return { ok: true, invalidate: [registryChange(kit.path)], redirectTo: kit.path };
      },
    }),
  };
}
