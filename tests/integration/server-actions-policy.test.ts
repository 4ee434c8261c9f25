import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, useDatabaseHandle, type DbHandle } from '@/db';
import { appSettings, auditLog, users } from '@/db/schema';
import { policyOf } from '@/data/action';
import { can, roles, type Action, type Role } from '@/lib/auth/policy';
import { serverActionAccess } from '@/lib/auth/route-access';
import { createUpdate } from '@/db/queries/updates/create';
import { createTestDatabase } from '../support/db';
import { insertIndicator, insertPlan } from '../support/fixtures';
import { digestOf, signInAs, signOut } from '../support/action-request';

vi.mock('next/headers', async () => (await import('../support/action-request')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);
vi.mock('next-intl/server', async () => (await import('../support/action-request')).nextIntlServer);
vi.mock('@/auth', async () => (await import('../support/action-request')).authModule);
vi.mock('next-auth', async () => (await import('../support/action-request')).nextAuth);

/**
 * Every exported server action, found by scanning the 'use server' modules, refuses a signed-out caller (401) and a
 * role without the right (403) before it reads its argument. An action not made with the wrapper has no policy
 * and fails here, so a mutation without a policy cannot land. The public ones are listed with their reason.
 */
const publicActions: Record<string, string> = {
  'app/(auth)/sign-in/actions.ts#signInAction': 'signing in is how a visitor becomes a user',
  'app/(auth)/set-password/[token]/actions.ts#setPasswordAction': 'the one-time token in the form is the credential',
  'app/locale-actions.ts#setLocaleAction': 'the sign-in page has the language switcher too',
  'app/(dashboard)/actions.ts#signOutAction': 'signing out needs no permission (an invalid session must still clear its cookie)',
};

const root = path.resolve(__dirname, '../..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
const serverModules = ['app', 'data', 'components', 'lib']
  .flatMap((dir) => walk(path.join(root, dir)))
  .filter((file) => /^\s*['"]use server['"]/.test(readFileSync(file, 'utf8')))
  .map((file) => path.relative(root, file).split(path.sep).join('/'));

interface Found {
  key: string;
  fn: (...args: unknown[]) => Promise<unknown>;
}
const actions: Found[] = [];
let handle: DbHandle;
const ids = {} as Record<Role, string>;
const audits = async () => (await handle.db.select({ n: count() }).from(auditLog))[0]!.n;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseHandle(handle);
  for (const role of roles) {
    const [row] = await handle.db.insert(users).values({ email: `${role}@example.org`, name: role, role }).returning();
    ids[role] = row!.id;
  }
  for (const file of serverModules) {
    const exported = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === 'function') actions.push({ key: `${file}#${name}`, fn: value as Found['fn'] });
    }
  }
}, 120_000);

afterAll(async () => {
  await closeDb();
});

beforeEach(() => signOut());

/** Calls an action the way a hand-made POST can: a form where one is expected (any other argument is refused later). */
const call = (fn: Found['fn']) => fn({}, new FormData());

describe('every server action states its policy and refuses callers without it', () => {
  it('finds the server actions in the "use server" modules, and every exported name of their source', () => {
    expect(serverModules.length).toBeGreaterThanOrEqual(29);
    const declared = serverModules.flatMap((file) =>
      [...readFileSync(path.join(root, file), 'utf8').matchAll(/export\s+(?:async\s+function|const)\s+(\w+)/g)].map((m) => `${file}#${m[1]}`),
    );
    expect(actions.map((a) => a.key).sort()).toEqual(declared.sort());
    expect(actions.length).toBe(Object.keys(serverActionAccess).length);
    console.info(`server actions enumerated: ${actions.length} in ${serverModules.length} modules`);
  });

  it('defines each through the wrapper, with the policy the access map names; the public ones are listed with a reason', () => {
    for (const { key, fn } of actions) {
      const policy = policyOf(fn);
      expect(policy, `${key} is not defined with data/action.ts`).toBeDefined();
      if (typeof policy === 'object') {
        expect(publicActions[key], `${key} is public: list it, with the reason, in this test`).toBeTruthy();
        expect(['public', 'session']).toContain(serverActionAccess[key]);
      } else {
        expect(publicActions[key], `${key} is listed as public but checks ${policy}`).toBeUndefined();
        expect(serverActionAccess[key], key).toBe(policy);
      }
    }
  });

  it('answers a signed-out caller 401, having changed nothing', async () => {
    const before = await audits();
    let refused = 0;
    for (const { key, fn } of actions) {
      if (publicActions[key]) continue;
      await expect(call(fn), key).rejects.toSatisfy((e) => digestOf(e).endsWith(';401'));
      refused++;
    }
    expect(refused).toBe(actions.length - Object.keys(publicActions).length);
    expect(await audits()).toBe(before);
  });

  it('answers each role without the right 403, having changed nothing', async () => {
    const before = await audits();
    let refusals = 0;
    for (const { key, fn } of actions) {
      const policy = policyOf(fn);
      if (typeof policy !== 'string') continue;
      const without = roles.filter((role) => !can(role, policy));
      // Everyone may manage their own account (and its tokens) and comment: no role lacks these.
      if (without.length === 0) expect(['account.manage', 'token.manage', 'comment.write'] satisfies Action[]).toContain(policy);
      for (const role of without) {
        signInAs({ id: ids[role], role });
        await expect(call(fn), `${key} as ${role}`).rejects.toSatisfy((e) => digestOf(e).endsWith(';403'));
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(actions.length);
    expect(await audits()).toBe(before);
  });

  it('lets an admin who must enrol in two-factor sign-in do nothing but manage their own account', async () => {
    await handle.db.insert(appSettings).values({ key: 'require_admin_2fa', value: 'true' });
    try {
      signInAs({ id: ids.admin, role: 'admin' });
      for (const { key, fn } of actions) {
        const policy = policyOf(fn);
        if (typeof policy !== 'string' || policy === 'account.manage') continue;
        await expect(call(fn), key).rejects.toSatisfy((e) => digestOf(e).endsWith(';403'));
      }
    } finally {
      await handle.db.delete(appSettings).where(eq(appSettings.key, 'require_admin_2fa'));
    }
  });
});

/** A form of the given fields (a field given a list is posted once per value, like ticked checkboxes). */
function formOf(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

describe('the review actions refuse in their body what the role alone allows', () => {
  const action = (key: string) => actions.find((a) => a.key === key)!.fn as (state: unknown, data: FormData) => Promise<{ ok: boolean; message?: string }>;
  const review = () => action('app/(dashboard)/review/actions.ts#reviewUpdateAction');
  const bulk = () => action('app/(dashboard)/review/actions.ts#approveUpdatesAction');
  const name = () => action('app/(dashboard)/plans/reviewer-actions.ts#addGoalReviewerAction');

  it('refuses staff their own update and the goals they do not review, approves once an admin names them', async () => {
    const { plan, goal } = await insertPlan(handle.db, 2031);
    await insertIndicator(handle.db, { planId: plan.id, goalId: goal.id }, { code: 'G1.1', accumulation: 'non_cumulative' });
    const created = await createUpdate(handle.db, {
      planId: plan.id, indicatorCode: 'G1.1', period: '2031-Q1', place: {}, figures: { value: '3' }, note: '', evidenceUrl: '',
      status: 'submitted', idempotencyKey: crypto.randomUUID(), confirmed: false, actorId: ids.staff,
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const item = { updateId: String(created.update.id), version: '1' };
    const [second] = await handle.db.insert(users).values({ email: 'second-staff@example.org', name: 'Second staff', role: 'staff' }).returning();
    const before = await audits();

    signInAs({ id: ids.staff, role: 'staff' });
    expect(await review()({}, formOf({ ...item, decision: 'approve' }))).toMatchObject({ ok: false, message: expect.stringContaining('someone else must review it') });
    expect(await bulk()({}, formOf({ items: [`${item.updateId}:1`] }))).toMatchObject({ ok: false, message: expect.stringContaining('someone else must review it') });
    signInAs({ id: second!.id, role: 'staff' });
    expect(await review()({}, formOf({ ...item, decision: 'return', comment: 'why' }))).toMatchObject({ ok: false, message: expect.stringContaining('not a reviewer of this update') });
    expect(await bulk()({}, formOf({}))).toMatchObject({ ok: false });
    expect(await audits()).toBe(before);

    signInAs({ id: ids.admin, role: 'admin' });
    expect(await name()({}, formOf({ goalId: String(goal.id), userId: second!.id }))).toMatchObject({ ok: true });
    signInAs({ id: second!.id, role: 'staff' });
    expect(await bulk()({}, formOf({ items: [`${item.updateId}:1`] }))).toMatchObject({ ok: true, message: '1 update approved.' });
    expect(await audits()).toBe(before + 2);
  });
});
