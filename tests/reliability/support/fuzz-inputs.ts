import fc from 'fast-check';

/** What an attacker types: SQL, markup and script, path tricks, numbers a parser chokes on, odd dates. */
export const attackStrings = [
  "' OR '1'='1",
  "1; DROP TABLE users; --",
  "'); DELETE FROM audit_log; --",
  '" onmouseover="alert(1)',
  '<script>alert("srm-xss")</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '%00',
  '\u0000',
  'line one\nline two\r\n{"level":"error","event":"forged"}',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1',
  '-0',
  '0',
  '0x10',
  '1,000',
  '9007199254740993',
  '99999999999999999999999',
  '2020-13-45',
  '0000-00-00',
  '9999-12-31',
  '1900-01-01',
  '2020-Q5',
  '2020-Q4',
  'G1.1',
  '1',
  '2',
  '2020',
  'true',
  'on',
  'null',
  'undefined',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'admin',
  'committee',
  'zh',
  '😀👍🏽',
  'ﷺ‮test‬',
  '𠜎𠜱𠝹',
  '00000000-0000-0000-0000-000000000000',
];

/** Field names the forms use, plus some that none does. */
export const fieldNames = [
  'id', 'version', 'indicator', 'plan', 'period', 'value', 'numerator', 'denominator', 'milestone', 'cityId', 'clusterId',
  'partnerId', 'note', 'evidenceUrl', 'intent', 'idempotencyKey', 'confirmPlausibility', 'reason', 'comment', 'decision',
  'name', 'nameZh', 'email', 'role', 'status', 'code', 'title', 'year', 'locale', 'password', 'currentPassword',
  'newPassword', 'confirmPassword', 'token', 'file', 'userId', 'goalId', 'targetValue', 'baselineValue', 'country',
  'region', 'type', 'startDate', 'endDate', 'date', 'description', 'kind', 'callbackUrl', 'direction', 'position',
  'requireAdminTwoFactor', 'meetingId', 'itemId', 'items', 'body', 'since', 'asOf', '$ACTION_ID_x', '__proto__', 'constructor',
];

export const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...attackStrings) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.uuid().map(String) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString())) },
  { weight: 1, arbitrary: fc.nat({ max: 200_000 }).map((n) => 'A'.repeat(n)) },
);

const field = fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fieldNames) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), text);

export const formData = fc
  .record({ fields: fc.array(field, { maxLength: 14 }), file: fc.option(fc.string({ unit: 'binary', maxLength: 400 })) })
  .map(({ fields, file }) => {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    if (file !== null) form.append('file', new Blob([file], { type: 'text/csv' }), 'upload.csv');
    return form;
  });

const json = fc.jsonValue({ maxDepth: 3 });

export type ActionArgs = { kind: 'args'; args: unknown[] } | { kind: 'raw'; body: string };
export type ParamKind = 'form' | 'value';

/**
 * Arguments in the shape the action's own form sends (its signature: a FormData where it takes one, the
 * previous state or a value elsewhere), filled with hostile content: what any browser can be made to send.
 */
export function wellTypedArgs(kinds: ParamKind[]): fc.Arbitrary<ActionArgs> {
  const parts = kinds.map((k) => (k === 'form' ? (formData as fc.Arbitrary<unknown>) : fc.oneof(fc.constant({}), json)));
  return fc.tuple(...parts).map((args) => ({ kind: 'args' as const, args }));
}

/**
 * Arguments of the wrong types or number, or a body that is not React's encoding at all: what only a
 * hand-made request sends.
 */
export const malformedArgs: fc.Arbitrary<ActionArgs> = fc.oneof(
  formData.map((f) => ({ kind: 'args' as const, args: [f] })),
  fc.tuple(text, formData).map(([id, f]) => ({ kind: 'args' as const, args: [id, f] })),
  fc.array(json, { maxLength: 4 }).map((args) => ({ kind: 'args' as const, args })),
  fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('[', '["$K1"]', '["$@1"]', '{"0":', '["$Q1"]')).map((body) => ({ kind: 'raw' as const, body })),
);

/** Query strings for the route handlers (exports): every filter with hostile values. */
export const queryString = fc
  .array(fc.tuple(fc.constantFrom('format', 'plan', 'year', 'since', 'asOf', 'q', 'status', 'from', 'to', 'indicator', 'city', 'actor', 'entity', 'action', 'before', 'lang'), text), { maxLength: 6 })
  .map((pairs) => {
    const q = new URLSearchParams();
    for (const [k, v] of pairs) q.append(k, v.slice(0, 2000));
    return q.toString();
  });
