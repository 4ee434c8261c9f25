import fc from 'fast-check';
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, useDatabaseHandle, type DbHandle } from '@/db';
import { auditLog, budgetLines, budgetRevisions, expenditures, users, workPlans } from '@/db/schema';
import {
  correctExpenditureAction,
  createBudgetLineAction,
  importExpendituresAction,
  recordExpenditureAction,
  reviseBudgetLineAction,
} from '@/app/(dashboard)/budget/actions';
import { canonicalMoney, moneyProblem } from '@/lib/validation/budget';
import { createTestDatabase, driverUnderTest } from '../support/db';
import { signInAs, signOut } from '../support/action-request';

vi.mock('next/headers', async () => (await import('../support/action-request')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);
vi.mock('next-intl/server', async () => (await import('../support/action-request')).nextIntlServer);
vi.mock('@/auth', async () => (await import('../support/action-request')).authModule);

// Fuzzed amounts, rates and currencies posted to the budget's actions and its import as a browser posts them
// (FormData through the action wrapper): negative, huge, many decimals, exponents, NaN, Infinity, other digits,
// separators, wrong currencies. Each answer is a field error with nothing written (no row, no audit), or — for
// input the rules accept — exactly the one write, with the amount kept to the cent as typed. Nothing throws.

let handle: DbHandle;
let admin: string;
let planId: number;
let endorsedPlanId: number;
let lineId: number;
let endorsedLineId: number;
let expenditureId: number;

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseHandle(handle);
  const [row] = await handle.db.insert(users).values({ email: 'admin@example.org', name: 'Admin', role: 'admin' }).returning();
  admin = row!.id;
  const [plan] = await handle.db.insert(workPlans).values({ year: 2046, title: 'Plan 2046', status: 'draft', startDate: '2046-01-01', endDate: '2046-12-31' }).returning();
  planId = plan!.id;
  const [endorsed] = await handle.db
    .insert(workPlans)
    .values({ year: 2047, title: 'Plan 2047', status: 'endorsed', endorsedOn: '2047-01-02', startDate: '2047-01-01', endDate: '2047-12-31' })
    .returning();
  endorsedPlanId = endorsed!.id;
  const lines = await handle.db
    .insert(budgetLines)
    .values([
      { planId, code: 'OPS', title: 'Operations', fundingSource: 'Donor', amount: '1000.00' },
      { planId: endorsedPlanId, code: 'OPS', title: 'Operations', fundingSource: 'Donor', amount: '1000.00' },
    ])
    .returning();
  [lineId, endorsedLineId] = [lines[0]!.id, lines[1]!.id];
  const [e] = await handle.db
    .insert(expenditures)
    .values({ planId, lineId, spentOn: '2046-02-01', amount: '10.00', currency: 'USD', description: 'Seed', recordedBy: admin })
    .returning();
  expenditureId = e!.id;
});

afterAll(async () => {
  await closeDb();
});

beforeEach(() => {
  signOut();
  signInAs({ id: admin, role: 'admin' });
});

const counts = async () => {
  const n = async (table: typeof expenditures | typeof budgetLines | typeof budgetRevisions | typeof auditLog) =>
    (await handle.db.select({ n: count() }).from(table))[0]!.n;
  return { expenditures: await n(expenditures), lines: await n(budgetLines), revisions: await n(budgetRevisions), audit: await n(auditLog) };
};

type ImportAnswer = { ok: boolean; problems?: { row: number; column: string }[] };

/** Amounts a person, a spreadsheet or an attacker might post. */
const hostileAmount = fc.oneof(
  fc.constantFrom(
    '-1', '-0.01', '- 5', '−5', '0', '0.00', '', ' ', 'NaN', 'nan', 'Infinity', '-Infinity', '1e3', '1E-2', '1e400', '12.345', '0.001',
    '99999999999999.99', '100000000000000', '999999999999999999999999', '1,000.00', '1 000', '1.000,50', '0x10', '١٢٣', '１２３', '12.', '.5',
    '+5', '5-', '$5', '5 USD', '12.3.4', '\u200b5', '5\u0000', "'; drop table expenditures; --", '<script>', '9'.repeat(5000),
  ),
  fc.integer({ min: -1_000_000, max: -1 }).map(String),
  fc.tuple(fc.nat(999_999), fc.integer({ min: 3, max: 30 })).map(([n, d]) => `${n}.${'7'.repeat(d)}`),
  fc.double({ noDefaultInfinity: false }).map(String),
  fc.bigInt({ min: 10n ** 14n, max: 10n ** 40n }).map(String),
  fc.string({ maxLength: 40 }),
  fc.tuple(fc.nat(99_999), fc.nat(99)).map(([n, c]) => `${n}.${String(c).padStart(2, '0')}`),
);
const hostileCurrency = fc.oneof(fc.constantFrom('USD', 'usd', 'CNY', 'EUR', 'US', 'USDD', '€', '$', '123', '', 'U$D', 'ＵＳＤ'), fc.string({ maxLength: 6 }));
const hostileRate = fc.oneof(fc.constantFrom('', '1', '0', '-1', '0.145', 'NaN', '1e3', '1,5', '12345678901', '0.00000000001', '7.1234567891'), fc.string({ maxLength: 12 }));

/** The answer is a typed field error on `field` (and nothing changed), or a success with exactly `written` changed. */
async function expectFieldErrorOrOneWrite(answer: { ok: boolean; errors?: Partial<Record<string, string[]>> }, before: Awaited<ReturnType<typeof counts>>, fields: string[]) {
  const after = await counts();
  if (!answer.ok) {
    expect(after).toEqual(before);
    expect(Object.keys(answer.errors ?? {}).some((f) => fields.includes(f)), JSON.stringify(answer)).toBe(true);
  }
  return after;
}

describe(`fuzzed amounts through the budget actions on ${driverUnderTest}`, () => {
  it('recording an expenditure: a field error and nothing written, or the amount as typed to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(hostileAmount, hostileCurrency, hostileRate, async (amount, currency, rate) => {
        const before = await counts();
        const answer = await recordExpenditureAction({}, form({ planId: String(planId), lineId: String(lineId), spentOn: '2046-03-01', amount, currency, rate, description: 'Fuzz', reference: '', evidenceUrl: '' }));
        const after = await expectFieldErrorOrOneWrite(answer, before, ['amount', 'currency', 'rate']);
        if (answer.ok) {
          expect(moneyProblem(amount.trim(), { allowZero: false })).toBeNull();
          expect(after.expenditures).toBe(before.expenditures + 1);
          const [row] = await handle.db.select().from(expenditures).orderBy(expenditures.id).limit(1).offset(after.expenditures - 1);
          expect(row!.amount).toBe(canonicalMoney(amount.trim()));
        } else if (moneyProblem(amount.trim(), { allowZero: false }) !== null) {
          expect(answer.errors).toHaveProperty('amount');
        }
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it('creating a line, revising one and correcting an expenditure: field errors, never a write of a bad amount', async () => {
    await fc.assert(
      fc.asyncProperty(hostileAmount, hostileCurrency, async (amount, currency) => {
        const bad = moneyProblem(amount.trim(), { allowZero: true }) !== null;
        let before = await counts();
        const code = `L${before.lines}`;
        const created = await createBudgetLineAction({}, form({ planId: String(planId), code, title: 'Fuzz', titleZh: '', goalId: '', fundingSource: 'Donor', amount, currency, effectiveOn: '', reason: '' }));
        await expectFieldErrorOrOneWrite(created, before, ['amount', 'currency']);
        if (bad) expect(created.ok).toBe(false);

        before = await counts();
        const revised = await reviseBudgetLineAction({}, form({ lineId: String(endorsedLineId), newAmount: amount, effectiveOn: '2047-06-01', reason: 'Fuzz' }));
        await expectFieldErrorOrOneWrite(revised, before, ['newAmount']);
        if (bad) expect(revised.ok).toBe(false);

        before = await counts();
        const [current] = await handle.db
          .select({ id: expenditures.id })
          .from(expenditures)
          .where(and(eq(expenditures.lineId, lineId), isNull(expenditures.supersededAt), isNull(expenditures.voidedAt)))
          .orderBy(expenditures.id);
        const corrected = await correctExpenditureAction(
          {},
          form({ planId: String(planId), expenditureId: String(current?.id ?? expenditureId), lineId: String(lineId), spentOn: '2046-02-01', amount, currency, rate: '', description: 'Seed', reference: '', evidenceUrl: '', reason: 'Fuzz' }),
        );
        await expectFieldErrorOrOneWrite(corrected, before, ['amount', 'currency', 'rate', 'expenditureId']);
        if (bad) expect(corrected.ok).toBe(false);
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it('importing rows with a fuzzed amount among good ones: the row and column named, nothing imported', async () => {
    await fc.assert(
      fc.asyncProperty(hostileAmount.filter((a) => moneyProblem(a.trim(), { allowZero: false }) !== null), hostileCurrency, async (amount, currency) => {
        const good = { date: '2046-04-01', line: 'OPS', amount: '5.00', currency: 'USD', rate: '', description: 'Good', reference: '', evidence_url: '' };
        const rows = [good, { ...good, amount, currency, description: 'Fuzzed' }, good];
        const before = await counts();
        const answer: ImportAnswer = await importExpendituresAction({}, form({ planId: String(planId), step: 'import', rows: JSON.stringify(rows), source: 'fuzz.csv' }));
        expect(answer.ok).toBe(false);
        expect(answer.problems?.some((p) => p.row === 3 && p.column === 'amount'), JSON.stringify(answer.problems)).toBe(true);
        expect(await counts()).toEqual(before);
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it('checking an uploaded file with fuzzed amounts writes nothing and answers with row errors', async () => {
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
    await fc.assert(
      fc.asyncProperty(fc.array(hostileAmount, { minLength: 1, maxLength: 5 }), async (amounts) => {
        const csv = ['date,line,amount,currency,rate,description', ...amounts.map((a) => ['2046-05-01', 'OPS', a, 'USD', '', 'Fuzz'].map(quote).join(','))].join('\n');
        const data = form({ planId: String(planId), step: 'check' });
        data.set('file', new File([csv], 'fuzz.csv', { type: 'text/csv' }));
        const before = await counts();
        const answer: ImportAnswer = await importExpendituresAction({}, data);
        expect(await counts()).toEqual(before);
        const anyBad = amounts.some((a) => moneyProblem(a.trim(), { allowZero: false }) !== null);
        if (anyBad) expect(answer.ok === false && (answer.problems?.length ?? 0) > 0, JSON.stringify(answer).slice(0, 500)).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
