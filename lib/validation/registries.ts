import { z } from 'zod';
import { isIsoDate } from '@/lib/periods';

/**
 * Shared vocabulary of the five registries: closed lists, stage workflows, URL parameters of the list
 * pages and the field helpers the form schemas in registries-forms.ts are built from. Error messages are
 * message KEYS under `registries.validation`, translated by the caller.
 */

export const registries = ['cities', 'partners', 'clusters', 'support-requests', 'activities'] as const;
export type Registry = (typeof registries)[number];

export const regions = ['maritime', 'continental'] as const;
export const cityStatuses = ['prospective', 'engaged', 'active', 'inactive'] as const;
export const partnerTypes = ['government', 'un_entity', 'private_sector', 'academia', 'ngo', 'city_network'] as const;
export const partnerStatuses = ['prospective', 'active', 'inactive', 'reactivated'] as const;
export const clusterStages = ['proposed', 'established', 'functional'] as const;
export const needCategories = ['medical_supplies', 'ppe', 'knowledge_exchange', 'economic_recovery', 'digital_services', 'other'] as const;
export const requestStatuses = ['received', 'in_progress', 'responded', 'closed'] as const;
export const activityFormats = ['online', 'in_person'] as const;

export type CityStatus = (typeof cityStatuses)[number];
export type PartnerStatus = (typeof partnerStatuses)[number];
export type ClusterStage = (typeof clusterStages)[number];
export type RequestStatus = (typeof requestStatuses)[number];

/**
 * The ordinary next steps of each workflow. Any other change (skipping a stage, going back) is allowed only
 * when the user confirms it: the form asks, and the server refuses without the confirmation.
 */
const ordinaryNext: Record<'city' | 'partner' | 'cluster' | 'request', Record<string, readonly string[]>> = {
  city: { prospective: ['engaged', 'inactive'], engaged: ['active', 'inactive'], active: ['inactive', 'engaged'], inactive: ['engaged'] },
  partner: { prospective: ['active', 'inactive'], active: ['inactive'], inactive: ['reactivated'], reactivated: ['inactive'] },
  cluster: { proposed: ['established'], established: ['functional'], functional: ['established'] },
  request: { received: ['in_progress'], in_progress: ['responded'], responded: ['closed'], closed: [] },
};

/** True when going from `from` to `to` is not an ordinary step and so needs the user's confirmation. */
export function needsConfirmation(workflow: keyof typeof ordinaryNext, from: string, to: string): boolean {
  if (from === to) return false;
  return !(ordinaryNext[workflow][from] ?? []).includes(to);
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
/** FormData gives null for a missing field: treat it as an empty string so the "required" message shows. */
const text = (v: unknown) => (v === null || v === undefined ? '' : v);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v);

export const requiredText = (max: number, requiredKey = 'registries.validation.required') =>
  z.preprocess(text, z.string({ error: requiredKey }).trim().min(1, requiredKey).max(max, 'registries.validation.tooLong'));

/** Optional free text: blank becomes null. */
export const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, 'registries.validation.tooLong').optional()).transform((v) => v ?? null);

export const isoDate = (requiredKey = 'registries.validation.dateRequired') =>
  z.preprocess(text, z.string().trim().min(1, requiredKey).refine(isIsoDate, 'registries.validation.dateInvalid'));

export const optionalDate = z
  .preprocess(blankToUndefined, z.string().trim().refine(isIsoDate, 'registries.validation.dateInvalid').optional())
  .transform((v) => v ?? null);

export const optionalNumber = (min: number, max: number, rangeKey: string) =>
  z
    .preprocess(blankToUndefined, z.coerce.number({ error: 'registries.validation.numberInvalid' }).min(min, rangeKey).max(max, rangeKey).optional())
    .transform((v) => v ?? null);

export const optionalCount = z
  .preprocess(blankToUndefined, z.coerce.number({ error: 'registries.validation.numberInvalid' }).int('registries.validation.wholeNumber').min(0, 'registries.validation.notNegative').optional())
  .transform((v) => v ?? null);

export const requiredCount = z.preprocess(
  (v) => (v === null || v === '' ? undefined : v),
  z.coerce
    .number({ error: 'registries.validation.numberInvalid' })
    .int('registries.validation.wholeNumber')
    .min(0, 'registries.validation.notNegative'),
);

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'registries.validation.choiceInvalid' });

export const idList = z.array(z.coerce.number().int().positive()).max(500).default([]);
export const optionalId = z
  .preprocess(blankToUndefined, z.coerce.number().int().positive().optional())
  .transform((v) => v ?? null);

/** A checkbox: present ('on', '1', 'true', 'yes') or not. */
export const checkbox = z.preprocess((v) => (typeof v === 'string' ? ['on', '1', 'true', 'yes'].includes(v.trim().toLowerCase()) : v === true), z.boolean());

export const PAGE_SIZE = 25;

/**
 * The list pages' search, filters, sort and page live in the URL (a GET form and links). Malformed values fall
 * back to the defaults instead of failing the page; each registry's query ignores filters it does not know.
 */
export const registryListParams = z.object({
  q: z.preprocess(first, z.string().trim().max(100).optional()).catch(undefined),
  sort: z.preprocess(first, z.string().regex(/^[a-zA-Z]{1,30}$/).optional()).catch(undefined),
  dir: z.preprocess(first, z.enum(['asc', 'desc']).optional()).catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).optional()).catch(undefined),
  status: z.preprocess(first, z.string().regex(/^[a-z_]{1,30}$/).optional()).catch(undefined),
  region: z.preprocess(first, z.enum(regions).optional()).catch(undefined),
  country: z.preprocess(first, z.string().trim().max(100).optional()).catch(undefined),
  type: z.preprocess(first, z.enum(partnerTypes).optional()).catch(undefined),
  sector: z.preprocess(first, z.string().trim().max(100).optional()).catch(undefined),
  category: z.preprocess(first, z.enum(needCategories).optional()).catch(undefined),
  format: z.preprocess(first, z.enum(activityFormats).optional()).catch(undefined),
  from: z.preprocess(first, z.string().refine(isIsoDate).optional()).catch(undefined),
  to: z.preprocess(first, z.string().refine(isIsoDate).optional()).catch(undefined),
  archived: z.preprocess(first, z.enum(['1']).optional()).catch(undefined),
});
export type RegistryListParams = z.infer<typeof registryListParams>;

/** The query string of a list view, with some parameters replaced (undefined removes one). */
export function listHref(path: string, params: RegistryListParams, changes: Partial<Record<keyof RegistryListParams, string | number | undefined>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}

export const recordIdSchema = z.coerce.number().int().positive();
