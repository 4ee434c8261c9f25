import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, useDatabaseHandle, type DbHandle } from '@/db';
import { auditLog, budgetLines, expenditures, users, workPlans } from '@/db/schema';
import { createBudgetLineAction, recordExpenditureAction } from '@/app/(dashboard)/budget/actions';
import type { BudgetFormState } from '@/types/budget';
import { createTestDatabase } from '../support/db';
import { request, signInAs, signOut } from '../support/action-request';

vi.mock('next/headers', async () => (await import('../support/action-request')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);
vi.mock('next-intl/server', async () => (await import('../support/action-request')).nextIntlServer);
vi.mock('@/auth', async () => (await import('../support/action-request')).authModule);

// The budget's actions through the wrapper: field errors (the rate judged against the plan's currency), the
// write and its audit row, what the change makes stale, and the marker that remounts the form.

let handle: DbHandle;
let admin: string;
let planId: number;

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseHandle(handle);
  const [row] = await handle.db.insert(users).values({ email: 'admin@example.org', name: 'Admin', role: 'admin' }).returning();
  admin = row!.id;
  const [plan] = await handle.db.insert(workPlans).values({ year: 2045, title: 'Plan 2045', status: 'draft', startDate: '2045-01-01', endDate: '2045-12-31' }).returning();
  planId = plan!.id;
});

afterAll(async () => {
  await closeDb();
});

beforeEach(() => {
  signOut();
  request.revalidated.length = 0;
});

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};
const audits = async () => (await handle.db.select({ n: count() }).from(auditLog))[0]!.n;

describe('the budget actions', () => {
  it('create a line and record an expenditure, refusing a foreign currency without a rate under its field', async () => {
    signInAs({ id: admin, role: 'admin' });
    const line = { planId: String(planId), code: 'OPS', title: 'Operations', titleZh: '', goalId: '', fundingSource: 'Donor', amount: '1000', currency: 'USD', effectiveOn: '', reason: '' };
    const created = await createBudgetLineAction({}, form(line));
    expect(created).toMatchObject({ ok: true, message: 'Saved.' });
    expect(created).toHaveProperty('attempt');
    expect(request.revalidated).toEqual(['tag:view:budget', '/budget (layout)', '/', '/reports/committee', '/indicators/[code] (page)', '/goals/[code] (page)']);
    const [saved] = await handle.db.select().from(budgetLines).where(eq(budgetLines.planId, planId));

    const before = await audits();
    const spend = { planId: String(planId), lineId: String(saved!.id), spentOn: '2045-03-01', amount: '12.50', currency: 'EUR', rate: '', description: 'Courier', reference: '', evidenceUrl: '' };
    const refused: BudgetFormState = await recordExpenditureAction({}, form(spend));
    expect(refused.ok).toBe(false);
    expect(Object.keys(refused.errors ?? {})).toEqual(['rate']);
    expect(refused.values).toMatchObject({ amount: '12.50', currency: 'EUR' });
    expect(await audits()).toBe(before);

    const recorded = await recordExpenditureAction({}, form({ ...spend, currency: 'USD' }));
    expect(recorded).toMatchObject({ ok: true });
    expect(await handle.db.select().from(expenditures).where(eq(expenditures.planId, planId))).toHaveLength(1);
    expect(await audits()).toBe(before + 1);
  });

  it('answer a bad amount with a field error and the typed values back', async () => {
    signInAs({ id: admin, role: 'admin' });
    const answer = await recordExpenditureAction({}, form({ planId: String(planId), lineId: '1', spentOn: '2045-03-01', amount: '12.345', currency: 'USD', description: 'x' }));
    expect(answer).toMatchObject({ ok: false, errors: { amount: ['Use at most two decimals.'] }, values: { amount: '12.345' } });
  });
});
