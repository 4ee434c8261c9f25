'use server';

import { requireActionUser } from '@/data/auth/session';
import { handleImport, type ImportState } from '@/data/registries-import';
import { isFormData, unreadableRequest } from '@/data/form-data';

/** Checks an uploaded file, or imports its valid rows: staff and admins only ('registry.import'). */
export async function importPartnersAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  const actor = await requireActionUser('registry.import');
  if (!isFormData(formData)) return unreadableRequest();
  return handleImport('partners', formData, actor.id);
}
