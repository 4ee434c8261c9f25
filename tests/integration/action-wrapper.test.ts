import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { closeDb, useDatabaseHandle, type DbHandle } from '@/db';
import { writeAudit } from '@/db/queries/audit';
import { appSettings, auditLog, cities, users } from '@/db/schema';
import { defineAction, defineFormAction, defineJsonAction, policyOf } from '@/data/action';
import { createTestDatabase } from '../support/db';
import { digestOf, request, signInAs, signOut } from '../support/action-request';

vi.mock('next/headers', async () => (await import('../support/action-request')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);
vi.mock('next-intl/server', async () => (await import('../support/action-request')).nextIntlServer);
vi.mock('@/auth', async () => (await import('../support/action-request')).authModule);

let handle: DbHandle;
const ids: Record<'admin' | 'staff' | 'committee', string> = { admin: '', staff: '', committee: '' };

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseHandle(handle);
  for (const role of ['admin', 'staff', 'committee'] as const) {
    const [row] = await handle.db.insert(users).values({ email: `${role}@example.org`, name: role, role }).returning();
    ids[role] = row!.id;
  }
});

afterAll(async () => {
  await closeDb();
});

beforeEach(() => {
  signOut();
  request.revalidated.length = 0;
});

const citySchema = z.object({ name: z.string().trim().min(1, 'registries.validation.required'), country: z.string().trim().min(1) });

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

const cityCount = async () => (await handle.db.select({ n: count() }).from(cities))[0]!.n;
const auditCount = async () => (await handle.db.select({ n: count() }).from(auditLog))[0]!.n;

/** A body that writes a city and its audit row in one transaction, like every db/queries write function. */
const createCity = defineAction({
  policy: 'registry.edit',
  schema: citySchema,
  body: async ({ db, actor, input }) => {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(cities).values({ name: input.name, country: input.country, region: 'maritime' }).returning();
      await writeAudit(tx, { actorId: actor.id, action: 'city.created', entityType: 'city', entityId: String(row!.id), before: null, after: row });
      return row!.id;
    });
    return { ok: true, message: 'saved', id, invalidate: [{ kind: 'registry', path: '/cities', id }] };
  },
});

describe('the action wrapper', () => {
  it('answers a signed-out caller 401 and runs nothing', async () => {
    const before = await cityCount();
    await expect(createCity({}, form({ name: 'A', country: 'B' }))).rejects.toSatisfy((e) => digestOf(e).endsWith(';401'));
    expect(await cityCount()).toBe(before);
  });

  it('answers a role without the right 403 and runs nothing', async () => {
    signInAs({ id: ids.committee, role: 'committee' });
    const before = await cityCount();
    await expect(createCity({}, form({ name: 'A', country: 'B' }))).rejects.toSatisfy((e) => digestOf(e).endsWith(';403'));
    expect(await cityCount()).toBe(before);
  });

  it('lets an admin who must enrol in two-factor sign-in manage only their own account', async () => {
    await handle.db.insert(appSettings).values({ key: 'require_admin_2fa', value: 'true' });
    try {
      signInAs({ id: ids.admin, role: 'admin' });
      await expect(createCity({}, form({ name: 'A', country: 'B' }))).rejects.toSatisfy((e) => digestOf(e).endsWith(';403'));
      const own = defineAction({ policy: 'account.manage', schema: z.object({}), body: async () => ({ ok: true, message: 'own' }) });
      expect(await own({}, form({}))).toEqual({ ok: true, message: 'own' });
    } finally {
      await handle.db.delete(appSettings).where(eq(appSettings.key, 'require_admin_2fa'));
    }
  });

  it('refuses an argument that is not a form, after authorizing and before the body', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    for (const argument of [undefined, null, 'name=A', 42, {}, { name: 'A', country: 'B' }, new URLSearchParams('name=A')]) {
      const result = await createCity({}, argument as FormData);
      expect(result).toEqual({ ok: false, message: 'This request could not be read. Reload the page and try again.' });
    }
    expect(await cityCount()).toBe(0);
  });

  it('parses the form with the schema: field-level errors, translated, and the values to refill', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    const result = await createCity({}, form({ name: ' ', country: 'Testland' }));
    expect(result).toMatchObject({ ok: false, message: 'Check the fields marked below.', values: { name: ' ', country: 'Testland' } });
    if (result.ok) throw new Error('accepted an empty name');
    expect(result.errors?.name).toHaveLength(1);
    expect(result.errors?.name?.[0]).not.toBe('registries.validation.required');
    expect(result.errors?.country).toBeUndefined();
    expect(await cityCount()).toBe(0);
  });

  it('runs the body, invalidates what it changed, and answers its result', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    const before = await auditCount();
    const result = await createCity({}, form({ name: 'Quanzhou', country: 'China' }));
    expect(result).toMatchObject({ ok: true, message: 'saved' });
    expect(result).not.toHaveProperty('invalidate');
    const id = (result as { id: number }).id;
    // The cached views' tag first (updateTag), then the pages.
    expect(request.revalidated).toEqual(['tag:view:registry', '/cities', `/cities/${id}`, '/']);
    expect(await auditCount()).toBe(before + 1);
  });

  it('invalidates nothing for a refusal from the body, and refills the form', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    const refuse = defineAction({
      policy: 'registry.edit',
      schema: citySchema,
      body: async () => ({ ok: false, message: 'no', invalidate: [{ kind: 'registry', path: '/cities' }] }),
    });
    expect(await refuse({}, form({ name: 'A', country: 'B' }))).toEqual({ ok: false, message: 'no', values: { name: 'A', country: 'B' } });
    expect(request.revalidated).toEqual([]);
  });

  it('redirects after the invalidation when the body names a page', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    const go = defineAction({
      policy: 'registry.edit',
      schema: z.object({}),
      body: async () => ({ ok: true, invalidate: [{ kind: 'plan' }], redirectTo: '/plans/2020' }),
    });
    await expect(go({}, form({}))).rejects.toSatisfy((e) => digestOf(e).includes('NEXT_REDIRECT') && digestOf(e).includes('/plans/2020'));
    expect(request.revalidated).toEqual(['tag:view:plan', '/plans (layout)', '/']);
  });

  it('turns a database-unavailable error into a typed refusal with nothing half-written', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    const [cityRows, audits] = [await cityCount(), await auditCount()];
    const dropped = defineAction({
      policy: 'registry.edit',
      schema: citySchema,
      body: async ({ db, actor, input }) => {
        await db.transaction(async (tx) => {
          const [row] = await tx.insert(cities).values({ name: input.name, country: input.country, region: 'maritime' }).returning();
          await writeAudit(tx, { actorId: actor.id, action: 'city.created', entityType: 'city', entityId: String(row!.id), before: null, after: row });
          // The connection is terminated under the transaction (pg_terminate_backend answers 57P01).
          throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
        });
        return { ok: true };
      },
    });
    const result = await dropped({}, form({ name: 'Lost', country: 'Nowhere' }));
    expect(result).toEqual({
      ok: false,
      unavailable: true,
      message: 'The database could not be reached, so this was probably not saved. Try again in a minute.',
      values: { name: 'Lost', country: 'Nowhere' },
    });
    expect([await cityCount(), await auditCount()]).toEqual([cityRows, audits]);
    expect(request.revalidated).toEqual([]);
  });

  it('shows zod\'s own English (a message that is no catalog key) as a plain "not valid" in the reader\'s language', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    const typed = defineAction({ policy: 'registry.edit', schema: z.object({ count: z.coerce.number().int() }), body: async () => ({ ok: true }) });
    expect(await typed({}, form({ count: 'many' }))).toMatchObject({ ok: false, errors: { count: ['This value is not valid.'] } });
  });

  it('throws any other error on', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    const broken = defineAction({ policy: 'registry.edit', schema: z.object({}), body: async () => { throw new Error('a bug'); } });
    await expect(broken({}, form({}))).rejects.toThrow('a bug');
  });

  it('never sends posted values back when the form says not to refill', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    const secret = defineAction({
      policy: 'account.manage',
      schema: z.object({ password: z.string().min(12, 'password.tooShort') }),
      refill: false,
      body: async () => ({ ok: true }),
    });
    const result = await secret({}, form({ password: 'short' }));
    expect(result).toMatchObject({ ok: false, errors: { password: [expect.any(String)] } });
    expect(result).not.toHaveProperty('values');
  });

  it('checks a public action\'s argument before anything else and gives it the caller, if any', async () => {
    const seen: unknown[] = [];
    const open = defineFormAction({ policy: { public: 'a test' }, schema: z.object({ locale: z.enum(['en', 'zh']) }), body: async ({ actor, input }) => {
      seen.push([actor?.role ?? null, input.locale]);
      return { ok: true };
    } });
    await open('nonsense' as unknown as FormData);
    await open(form({ locale: 'zh' }));
    signInAs({ id: ids.committee, role: 'committee' });
    await open(form({ locale: 'en' }));
    expect(seen).toEqual([[null, 'zh'], ['committee', 'en']]);
  });

  it('parses a code-called action\'s whole argument', async () => {
    signInAs({ id: ids.staff, role: 'staff' });
    const chunk = defineJsonAction({ policy: 'progress.import', schema: z.object({ rows: z.array(z.string()) }), body: async ({ input }) => ({ ok: true, n: input.rows.length }) });
    expect(await chunk({ rows: ['a', 'b'] })).toEqual({ ok: true, n: 2 });
    expect(await chunk('rows')).toMatchObject({ ok: false, message: 'This request could not be read. Reload the page and try again.' });
    signInAs({ id: ids.committee, role: 'committee' });
    await expect(chunk({ rows: [] })).rejects.toSatisfy((e) => digestOf(e).endsWith(';403'));
  });

  it('remembers each action\'s policy for the enumeration test', () => {
    expect(policyOf(createCity)).toBe('registry.edit');
    expect(policyOf(async () => {})).toBeUndefined();
  });
});
