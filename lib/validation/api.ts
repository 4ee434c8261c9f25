import { z } from 'zod';
import { isIsoDate } from '@/lib/periods';
import { sdgGoalCodes } from '@/lib/sdg';
import { updateStatuses } from './updates-filters';

/**
 * The /api/v1 request schemas: query parameters (strict — an unknown or malformed parameter is a 400 naming it,
 * unlike the pages, which fall back to their defaults) and the write body. The OpenAPI document is generated from
 * these same schemas. Filter names are the pages' own.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD.');

/** Knowledge time, the same on every progress endpoint. */
const knownOnParam = isoDate
  .refine((s) => isIsoDate(s), 'Expected a calendar date.')
  .optional()
  .describe('The figures as they were known at the end of this day (a meeting’s report); default: as known now.');
const code = z.string().trim().max(40).regex(/^[\w.-]+$/, 'Expected a code such as G1 or G1.2.');

export const planYearParam = z.coerce.number().int().min(2000).max(2100);
export const codeParam = code;
export const idParam = z.coerce.number().int().positive();

export const paging = {
  cursor: z.string().max(200).optional().describe('The `next` cursor of the previous page.'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1–200, default 50).'),
};

export const submittedParam = z
  .enum(['0', '1'])
  .optional()
  .transform((v) => v === '1')
  .describe('1 counts submitted (not yet approved) updates too, as the overview’s checkbox does.');

/** The overview's filters: as of a date, a range start, a region or cluster, submitted updates counted. */
export const standingsQuery = z.strictObject({
  asOf: isoDate.optional().describe('The date of the standing (the overview’s `to`); never after the plan’s as-of date.'),
  knownOn: knownOnParam,
  from: isoDate.optional().describe('A range start: per-period indicators count only periods from it.'),
  region: z.enum(['maritime', 'continental']).optional(),
  cluster: z.coerce.number().int().positive().optional(),
  submitted: submittedParam,
  sdg: z
    .enum(sdgGoalCodes as [string, ...string[]])
    .optional()
    .describe('Only what contributes to this Sustainable Development Goal (1–17): tagged with it or one of its targets, itself or through its goal.'),
  goal: code.optional().describe('Only this goal’s indicators.'),
  ...paging,
});

export const goalsQuery = standingsQuery.omit({ goal: true, cursor: true, limit: true });

export const indicatorQuery = z.strictObject({
  asOf: isoDate.optional(),
  knownOn: knownOnParam,
  submitted: submittedParam,
});

/** The review queue's and exports' filters. */
export const updatesQuery = z.strictObject({
  goal: code.optional(),
  indicator: code.optional(),
  period: z
    .string()
    .regex(/^\d{4}(-(Q[1-4]|H[12]|\d{2}))?$/, 'Expected a period key such as 2020-Q3.')
    .optional(),
  reporter: z.uuid().optional(),
  status: z.enum(updateStatuses).optional(),
  ...paging,
});

export const registryNames = ['cities', 'partners', 'clusters', 'support-requests', 'activities'] as const;
export type RegistryName = (typeof registryNames)[number];

/** The registry list pages' search, filters and sort (each registry ignores those it does not know). */
export const registryQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  sort: z.string().regex(/^[a-zA-Z]{1,30}$/).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  status: z.string().regex(/^[a-z_]{1,30}$/).optional(),
  region: z.enum(['maritime', 'continental']).optional(),
  country: z.string().trim().max(100).optional(),
  type: z.string().regex(/^[a-z_]{1,30}$/).optional(),
  sector: z.string().trim().max(100).optional(),
  category: z.string().regex(/^[a-z_]{1,30}$/).optional(),
  format: z.enum(['online', 'in_person']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  archived: z.enum(['1']).optional(),
  cursor: paging.cursor,
});

export const meetingsQuery = z.strictObject({
  kind: z.enum(['steering_committee', 'working_level']).optional(),
  ...paging,
});

/** Idempotency-Key: what a client makes up once per update it means to create (a UUID is a good choice). */
export const idempotencyKeyHeader = z.string().trim().min(8).max(200).regex(/^[\x21-\x7e]+$/, 'Printable ASCII, 8–200 characters.');

/**
 * A new progress update through the API: the form's fields (same names, same rules: the figures by the
 * indicator's kind, place, note, evidence link), as JSON. The plan is in the path, the key in a header.
 */
export const apiNewUpdateBody = z.strictObject({
  indicator: code,
  period: z.string().trim().min(1).max(20).describe('A period key (2020-Q4) or a date inside the period.'),
  value: z.number().optional().describe('count and currency indicators.'),
  numerator: z.number().optional().describe('percent indicators, with denominator.'),
  denominator: z.number().optional(),
  milestone: z.enum(['yes', 'no']).optional().describe('milestone indicators.'),
  cityId: z.number().int().positive().optional(),
  clusterId: z.number().int().positive().optional(),
  partnerId: z.number().int().positive().optional(),
  note: z.string().max(2000).optional(),
  evidenceUrl: z.string().max(2000).optional(),
  intent: z.enum(['draft', 'submit']).default('submit'),
  confirmPlausibility: z.boolean().default(false),
});
export type ApiNewUpdateBody = z.infer<typeof apiNewUpdateBody>;

/** The largest request body the API reads. */
export const MAX_API_BODY_BYTES = 16 * 1024;

/** For routes that take no query parameters. */
export const noQuery = z.strictObject({});

/** A plan's budget lines, with their revisions. */
export const budgetLinesQuery = z.strictObject({ ...paging });

export const utilisationLevels = ['plan', 'goal', 'line', 'source'] as const;

/** Budget utilisation as of a date (the budget page's), at one level or all. */
export const utilisationQuery = z.strictObject({
  asOf: isoDate
    .refine((s) => isIsoDate(s), 'Expected a calendar date.')
    .optional()
    .describe('The date of the figures, within the plan and never after its as-of date (default: the plan’s as-of date).'),
  level: z.enum(utilisationLevels).optional().describe('Only this level: the plan overall, per goal, per budget line or per funding source.'),
  ...paging,
});
