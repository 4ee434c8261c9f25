import 'server-only';
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import type { WriteResult } from '@/db/queries/registries/shared';
import type { CurrentUser } from '@/data/auth/session';
import { isFormData, unreadableRequest } from '@/data/form-data';
import { invalid, readForm, recordIdField, referencesMessage, refused, type RegistryFormState } from './registries-forms';

/**
 * The four record actions every registry has (create, edit, archive or restore, delete), written once. Each
 * registry's 'use server' module authorizes first (requireActionUser) and passes the user in; these steps then
 * read and validate the form and call the registry's write function, which writes the audit row in the same
 * transaction.
 */
export interface RegistryKit<Input> {
  /** The list's path, e.g. '/cities'; a record's page is `${path}/${id}`. */
  path: string;
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

type T = Awaited<ReturnType<typeof getTranslations>>;

function revalidate(path: string, id?: number) {
  revalidatePath(path);
  if (id) revalidatePath(`${path}/${id}`);
  // Overview indicators derived from the registries follow on the next page load.
  revalidatePath('/');
}

const labelFor = <Input>(kit: RegistryKit<Input>, t: T) =>
  kit.statusLabels ? (s: string) => t(`${kit.statusLabels}.${s}`) : undefined;

export async function createRecord<Input>(kit: RegistryKit<Input>, actor: CurrentUser, formData: unknown): Promise<RegistryFormState> {
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const { raw, values } = readForm(formData, kit.fields, kit.multi);
  const parsed = kit.schema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await kit.create(await getDb(), parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, labelFor(kit, t));
  revalidate(kit.path);
  redirect(`${kit.path}/${result.record.id}`);
}

export async function updateRecord<Input>(kit: RegistryKit<Input>, actor: CurrentUser, formData: unknown): Promise<RegistryFormState> {
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  const { raw, values } = readForm(formData, kit.fields, kit.multi);
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const parsed = kit.schema.safeParse(raw);
  if (!parsed.success) return invalid(t, parsed.error, values);
  const result = await kit.update(await getDb(), id.data.id, parsed.data, actor.id);
  if (!result.ok) return refused(t, result, values, labelFor(kit, t));
  revalidate(kit.path, id.data.id);
  return { ok: true, message: t(result.changed ? 'registries.saved' : 'registries.unchanged'), attempt: Date.now() };
}

export async function archiveRecord<Input>(kit: RegistryKit<Input>, actor: CurrentUser, formData: unknown): Promise<RegistryFormState> {
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const archive = formData.get('archived') === '1';
  const result = await kit.setArchived(await getDb(), id.data.id, archive, actor.id);
  if (!result.ok) return { ok: false, message: t('registries.actions.notFound') };
  revalidate(kit.path, id.data.id);
  return { ok: true, message: t(archive ? 'registries.actions.archived' : 'registries.actions.restored') };
}

export async function deleteRecord<Input>(kit: RegistryKit<Input>, actor: CurrentUser, formData: unknown): Promise<RegistryFormState> {
  if (!isFormData(formData)) return unreadableRequest();
  const t = await getTranslations();
  const id = recordIdField.safeParse({ id: formData.get('id') });
  if (!id.success) return { ok: false, message: t('registries.actions.invalid') };
  const result = await kit.remove(await getDb(), id.data.id, actor.id);
  if (!result.ok) {
    return { ok: false, message: result.error === 'referenced' ? referencesMessage(t, result.references) : t('registries.actions.notFound') };
  }
  revalidate(kit.path);
  redirect(kit.path);
}
