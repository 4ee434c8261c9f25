import 'server-only';
import { createHash } from 'node:crypto';
import { getDb } from '@/db';
import { createUpdate } from '@/db/queries/updates/create';
import { invalidate } from '@/data/invalidate';
import type { UpdateRow } from '@/db/queries/updates/types';
import { ApiProblem, apiTranslator } from '@/lib/api/problems';
import { negotiateLocale } from '@/lib/i18n/config';
import { apiNewUpdateBody, idempotencyKeyHeader, MAX_API_BODY_BYTES } from '@/lib/validation/api';
import { newUpdateSchema } from '@/lib/validation/updates';
import type { ApiCaller } from '@/data/auth/api-caller';
import { problemFormatter, zodFieldErrors } from '@/data/updates-messages';
import type { ApiResult } from './handler';
import { planByYear } from './plans';
import { figureOut, stateOut } from './records';

/**
 * Creating a progress update through the API: the JSON body mapped onto the log-progress form's fields and parsed
 * with the form's own schema, then db/queries/updates/createUpdate — the form's function, with its checks (kind,
 * period in the plan, locks, places, plausibility), idempotent insert and audit row in one transaction. Submitted
 * updates wait for review as the form's do. The Idempotency-Key header takes the form's hidden key's place: a
 * retry with the same key (by the same user) finds what the first stored and creates nothing.
 */
export async function apiCreateUpdate(request: Request, caller: ApiCaller, year: number): Promise<ApiResult> {
  if (!caller.tokenId) throw new ApiProblem('token_required');
  const acceptLanguage = request.headers.get('accept-language');
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new ApiProblem('unsupported_media_type');
  const key = idempotencyKeyHeader.safeParse(request.headers.get('idempotency-key') ?? '');
  if (!key.success) throw new ApiProblem('invalid_request', { errors: { 'Idempotency-Key': key.error.issues.map((i) => i.message) } });
  const body = apiNewUpdateBody.parse(await readJson(request));
  const plan = await planByYear(year);

  const str = (v: number | undefined) => (v === undefined ? undefined : String(v));
  const fields = {
    indicator: body.indicator,
    period: body.period,
    cityId: str(body.cityId),
    clusterId: str(body.clusterId),
    partnerId: str(body.partnerId),
    note: body.note ?? '',
    evidenceUrl: body.evidenceUrl ?? '',
    intent: body.intent,
    idempotencyKey: scopedKey(caller.id, key.data),
    confirmPlausibility: body.confirmPlausibility,
  };
  const t = apiTranslator(acceptLanguage);
  const { one, fields: messages } = problemFormatter(t, negotiateLocale(acceptLanguage), 'UTC');
  const parsed = newUpdateSchema.safeParse(fields);
  if (!parsed.success) throw new ApiProblem('validation', { errors: messages(zodFieldErrors(parsed.error.issues)) as Record<string, string[]> });
  const f = parsed.data;
  const result = await createUpdate(await getDb(), {
    planId: plan.id,
    indicatorCode: f.indicator,
    period: f.period,
    place: { cityId: f.cityId, clusterId: f.clusterId, partnerId: f.partnerId },
    figures: { value: str(body.value), numerator: str(body.numerator), denominator: str(body.denominator), milestone: body.milestone },
    note: f.note,
    evidenceUrl: f.evidenceUrl,
    status: f.intent === 'draft' ? 'draft' : 'submitted',
    idempotencyKey: f.idempotencyKey,
    confirmed: f.confirmPlausibility,
    actorId: caller.id,
  });
  if (!result.ok) {
    const errors = messages(result.errors) as Record<string, string[]>;
    if (result.warnings.length > 0) errors.confirmPlausibility = result.warnings.map(one);
    throw new ApiProblem('validation', { errors });
  }
  // The update counts in the views that include submitted figures (and a plan's "has updates"): expire them now.
  if (result.created) invalidate([{ kind: 'progress', indicatorCode: result.indicator.code }], { from: 'route' });
  const location = `/api/v1/plans/${plan.year}/updates?indicator=${encodeURIComponent(result.indicator.code)}`;
  return {
    status: result.created ? 201 : 200,
    headers: { location, ...(result.created ? {} : { 'idempotent-replayed': 'true' }) },
    body: createdOut(result.update, result.indicator.code, result.indicator.unit),
  };
}

function createdOut(u: UpdateRow, indicator: string, unit: string) {
  return {
    id: u.id,
    version: u.version,
    indicator,
    ...figureOut(u, unit),
    place: { cityId: u.cityId, clusterId: u.clusterId, partnerId: u.partnerId },
    ...stateOut(u),
    createdAt: u.createdAt,
  };
}

/**
 * The stored key: a UUID made from the caller and their key, so that one client's key never finds another
 * user's update, and any printable key a client sends fits the form's uuid column.
 */
function scopedKey(userId: string, key: string): string {
  const h = createHash('sha256').update(`api:${userId}:${key}`).digest('hex').split('');
  h[12] = '8'; // version 8: a UUID of custom (here hashed) content
  h[16] = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16); // the RFC 9562 variant
  const x = h.join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** The body as JSON, read no further than the cap: a larger body is a 413 whatever Content-Length claims. */
async function readJson(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_API_BODY_BYTES) throw new ApiProblem('payload_too_large', { values: { bytes: MAX_API_BODY_BYTES } });
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_API_BODY_BYTES) {
        await reader.cancel();
        throw new ApiProblem('payload_too_large', { values: { bytes: MAX_API_BODY_BYTES } });
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ApiProblem('invalid_request', { errors: { body: ['Not valid JSON.'] } });
  }
}
