import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  apiNewUpdateBody,
  budgetLinesQuery,
  codeParam,
  goalsQuery,
  idParam,
  indicatorQuery,
  meetingsQuery,
  planYearParam,
  registryNames,
  registryQuery,
  standingsQuery,
  updatesQuery,
  utilisationLevels,
  utilisationQuery,
} from '@/lib/validation/api';

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the very zod schemas that validate the requests
 * (lib/validation/api.ts). Served at /api/v1/openapi.json and rendered on /api-docs.
 */

const problem = z
  .object({
    type: z.string().meta({ example: 'urn:srm:problem:invalid-request' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.array(z.string())).optional().describe('Messages by field (parameter, header or body field).'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json).' });

const quantity = z.object({ value: z.number().nullable(), unit: z.string() }).meta({ id: 'Quantity', description: 'A number with its unit (USD, %, cities…).' });
const page = (item: z.ZodType) => z.object({ items: z.array(item), next: z.string().nullable().describe('The cursor of the next page; null on the last.') });
const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const problemOf = (description: string) => ({ description, content: { 'application/problem+json': { schema: problem } } });

const refusals = {
  400: problemOf('A parameter is not valid: `errors` names it.'),
  401: problemOf('No valid token or session.'),
  403: problemOf('The role or the token’s scope does not allow this.'),
  404: problemOf('Not found.'),
  429: problemOf('Too many requests: see Retry-After.'),
  503: problemOf('The database is unavailable: see Retry-After.'),
};
const notModified = { 304: { description: 'Not modified (If-None-Match matched the ETag).' } };

const sdgTags = z
  .array(z.string().regex(/^(1[0-7]|[1-9])(\.([0-9]{1,2}|[a-d]))?$/))
  .meta({ id: 'SdgTags', description: 'The Sustainable Development Goals ("11") and targets ("11.3") it is tagged with; an indicator’s own (its goal’s are on the goal).' });
const yearPath = z.object({ year: planYearParam });
const indicatorPath = z.object({ year: planYearParam, code: codeParam });
const standing = z
  .object({
    code: z.string(),
    value: quantity,
    targetToDate: quantity,
    finalTarget: quantity,
    achievement: z.number().nullable().describe('A ratio: 1 is exactly on target to date; null without data.'),
    status: z.enum(['ahead', 'on_track', 'at_risk', 'off_track', 'no_data']),
    sdgTags,
  })
  .passthrough()
  .meta({ id: 'IndicatorStanding' });

interface Route {
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  ok: ReturnType<typeof json>;
}

const reads: Route[] = [
  { path: '/plans', summary: 'The work plans, newest first.', ok: json(z.object({ items: z.array(z.object({ id: z.number(), year: z.number(), title: z.string(), status: z.string() })) }), 'Plans.') },
  { path: '/plans/{year}', summary: 'A plan, its as-of date and its indicators by status.', params: yearPath, ok: json(z.object({ year: z.number(), asOf: z.string().nullable() }).passthrough(), 'The plan.') },
  { path: '/plans/{year}/goals', summary: 'A plan’s goals with status counts (the overview’s filters).', params: yearPath, query: goalsQuery, ok: json(z.object({ asOf: z.string(), items: z.array(z.object({ code: z.string(), sdgTags }).passthrough()) }), 'Goals.') },
  { path: '/plans/{year}/indicators', summary: 'Indicators: definition, baseline, target, and standing as of a date.', params: yearPath, query: standingsQuery, ok: json(page(standing), 'A page of indicators.') },
  { path: '/plans/{year}/indicators/{code}', summary: 'One indicator: definition, period targets, standing as of a date.', params: indicatorPath, query: indicatorQuery, ok: json(standing, 'The indicator.') },
  { path: '/plans/{year}/indicators/{code}/series', summary: 'Actual and target per period, as of a date.', params: indicatorPath, query: indicatorQuery, ok: json(z.object({ items: z.array(z.object({ period: z.string(), actual: quantity, target: quantity }).passthrough()) }).passthrough(), 'The series.') },
  { path: '/plans/{year}/indicators/{code}/breakdown', summary: 'Value to date by city, cluster or partner.', params: indicatorPath, query: indicatorQuery, ok: json(z.object({ dimension: z.string().nullable(), items: z.array(z.object({ name: z.string().nullable(), value: quantity }).passthrough()) }).passthrough(), 'The breakdown.') },
  { path: '/plans/{year}/updates', summary: 'Progress updates with status and evidence (the review queue’s filters).', params: yearPath, query: updatesQuery, ok: json(page(z.object({ id: z.number(), status: z.string(), value: quantity }).passthrough()), 'A page of updates.') },
  { path: '/registries/{registry}', summary: 'A registry with its list page’s search and filters.', params: z.object({ registry: z.enum(registryNames) }), query: registryQuery, ok: json(page(z.object({ id: z.number() }).passthrough()).extend({ total: z.number() }), 'A page of the registry.') },
  { path: '/meetings', summary: 'Meetings, newest first.', query: meetingsQuery, ok: json(page(z.object({ id: z.number(), heldOn: z.string() }).passthrough()), 'A page of meetings.') },
  { path: '/meetings/{id}', summary: 'A meeting with its recommendations, decisions and action items.', params: z.object({ id: idParam }), ok: json(z.object({ id: z.number(), items: z.array(z.object({ kind: z.string(), status: z.string() }).passthrough()) }).passthrough(), 'The meeting.') },
];

const money = z
  .object({ value: z.number(), unit: z.string().describe('The currency (ISO 4217).') })
  .meta({ id: 'Money', description: 'An amount exact to the cent, as a JSON number (below 10^13), with its currency.' });
const budgetLine = z
  .object({
    id: z.number(),
    code: z.string(),
    title: z.string(),
    goal: z.string().nullable().describe('The goal’s code; null for a programme-wide line.'),
    fundingSource: z.string(),
    amount: money,
    revisions: z.array(z.object({ effectiveOn: z.string(), oldAmount: money, newAmount: money, reason: z.string() })),
  })
  .passthrough()
  .meta({ id: 'BudgetLine' });
const utilisation = z
  .object({
    level: z.enum(utilisationLevels),
    code: z.string().nullable(),
    fundingSource: z.string().nullable(),
    budget: money.describe('The budget in force on the date.'),
    spent: money.describe('Spent to the date (current versions of expenditures, in the base currency).'),
    remaining: money,
    projectedYearEnd: money.describe('Spend at the end of the plan at the pace so far.'),
    utilisation: quantity.describe('spent ÷ budget, in %: the supporting-commitment indicator’s figure.'),
  })
  .passthrough()
  .meta({ id: 'Utilisation' });

reads.push(
  { path: '/plans/{year}/budget/lines', summary: 'A plan’s budget lines with their revisions.', params: yearPath, query: budgetLinesQuery, ok: json(page(budgetLine), 'A page of budget lines.') },
  {
    path: '/plans/{year}/budget/utilisation',
    summary: 'Budget utilisation as of a date: overall, per goal, per budget line and per funding source.',
    params: yearPath,
    query: utilisationQuery,
    ok: json(page(utilisation).extend({ asOf: z.string(), currency: z.string(), timeElapsed: quantity }), 'A page of utilisation rows.'),
  },
);

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal access token from the account page. Reads also accept a signed-in browser session.',
  });
  for (const r of reads) {
    registry.registerPath({
      method: 'get',
      path: r.path,
      summary: r.summary,
      security: [{ bearer: [] }],
      request: { params: r.params, query: r.query },
      responses: { 200: r.ok, ...notModified, ...refusals },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/plans/{year}/iati',
    summary: 'The plan’s goals, indicators, baselines, period targets and actuals as an IATI 2.03 activity file (staff and admins).',
    security: [{ bearer: [] }],
    request: { params: yearPath },
    responses: { 200: { description: 'The IATI activity file.', content: { 'application/xml': { schema: z.string() } } }, ...notModified, ...refusals },
  });
  registry.registerPath({
    method: 'post',
    path: '/plans/{year}/updates',
    summary: 'Create a progress update (write scope). Same checks, review and audit as the form.',
    security: [{ bearer: [] }],
    request: {
      params: yearPath,
      headers: z.object({ 'Idempotency-Key': z.string().min(8).max(200).describe('Made up once per update; a retry with it creates nothing new.') }),
      body: { content: { 'application/json': { schema: apiNewUpdateBody } } },
    },
    responses: {
      201: json(z.object({ id: z.number(), status: z.string() }).passthrough(), 'Created.'),
      200: json(z.object({ id: z.number(), status: z.string() }).passthrough(), 'A retry: the update the key created first.'),
      ...refusals,
      413: problemOf('The body is over the cap.'),
      415: problemOf('The body is not JSON.'),
      422: problemOf('A field is not valid (`errors` names it); nothing was saved.'),
    },
  });
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Silk Road Cities M&E API', version: '1.0.0', description: 'Every number is the one the pages show.' },
    servers: [{ url: '/api/v1' }],
  });
  return cached;
}
