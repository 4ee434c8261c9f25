import { z } from 'zod';
import type { AuditFilters } from '@/types/users';

const blank = (x: unknown) => (Array.isArray(x) ? x[0] : x) === '' ? undefined : Array.isArray(x) ? x[0] : x;
const isoDate = z.preprocess(blank, z.iso.date().optional().catch(undefined));
const word = z.preprocess(blank, z.string().trim().max(100).regex(/^[\w.:-]+$/).optional().catch(undefined));

/** The audit page's and export's query string; anything malformed is dropped, never an error. */
export const auditSearchSchema = z.object({
  actor: z.preprocess(blank, z.uuid().optional().catch(undefined)),
  entity: word,
  entityId: z.preprocess(blank, z.string().trim().max(100).optional().catch(undefined)),
  action: word,
  from: isoDate,
  to: isoDate,
  before: z.preprocess(blank, z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined)),
});

export type AuditSearch = z.infer<typeof auditSearchSchema>;

export function parseAuditSearch(raw: Record<string, string | string[] | undefined>): AuditSearch {
  return auditSearchSchema.parse(raw);
}

export function filtersOf(s: AuditSearch): AuditFilters {
  return { actorId: s.actor, entityType: s.entity, entityId: s.entityId, action: s.action, from: s.from, to: s.to };
}

/** The query string of a search, without the page cursor unless given. */
export function searchQuery(s: AuditSearch, before?: number): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...s, before })) if (value !== undefined && value !== '') q.set(key, String(value));
  const text = q.toString();
  return text ? `?${text}` : '';
}
