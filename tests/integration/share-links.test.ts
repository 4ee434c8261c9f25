import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createShareLinkAction, revokeShareLinkAction } from '@/app/(dashboard)/admin/share-links/actions';
import { closeDb, useDatabaseHandle } from '@/db';
import type { Db, DbHandle } from '@/db/client';
import { indicatorChartByCode } from '@/db/queries/charts/indicator-chart';
import { utilisationAsOf } from '@/db/queries/budget/utilisation';
import { findPlan } from '@/db/queries/plans';
import { committeeReport } from '@/db/queries/report/committee';
import { hashShareToken, issueShareLink, openShareLink } from '@/db/queries/share-links';
import { auditLog, shareLinks } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { loadBudgetSummary } from '@/data/budget';
import { readSharedBudget, readSharedGoal, readSharedReport } from '@/data/share-links';
import { userIdOf } from '../support/api';
import { createTestDatabase } from '../support/db';
import { request, signInAs, signOut } from '../support/action-request';

vi.mock('next/headers', async () => (await import('../support/action-request')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);
vi.mock('next-intl/server', async () => (await import('../support/action-request')).nextIntlServer);
vi.mock('@/auth', async () => (await import('../support/action-request')).authModule);

// Read-only share links: made and revoked by admins through the wrapper (audited, the secret never stored), checked
// on every view (revoked or expired: nothing), counted, and showing the same numbers as the pages.

let handle: DbHandle;
let db: Db;
let admin: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  useDatabaseHandle(handle);
  await seedDemo(db);
  admin = await userIdOf(db, 'admin@demo.local');
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
const audits = async () => (await db.select({ n: count() }).from(auditLog))[0]!.n;
const links = async () => (await db.select({ n: count() }).from(shareLinks))[0]!.n;
const report = { label: 'Donor review', kind: 'report', year: '2020', goalCode: '', asOf: '2020-09-30', days: '30' };
const tokenOf = (path: string) => path.replace(/^\/share\//, '');

describe('share links', () => {
  it('are made by an admin, shown once and stored only as a hash; making one is audited without the secret', async () => {
    signInAs({ id: admin, role: 'admin' });
    const made = (await createShareLinkAction({}, form(report))) as { ok: boolean; path?: string };
    expect(made).toMatchObject({ ok: true });
    expect(made.path).toMatch(/^\/share\/shr_[A-Za-z0-9_-]{43}$/);
    expect(request.revalidated).toEqual(['/admin/share-links']);
    const token = tokenOf(made.path!);
    const [row] = await db.select().from(shareLinks).where(eq(shareLinks.tokenHash, hashShareToken(token)));
    expect(row).toMatchObject({ kind: 'report', asOf: '2020-09-30', viewCount: 0, createdBy: admin, revokedAt: null });
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(30 * 86_400_000);
    expect(JSON.stringify(await db.select().from(shareLinks))).not.toContain(token.slice(10));
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audit.map((a) => a.action)).toEqual(['share_link.create']);
    expect(JSON.stringify(audit)).not.toContain(token.slice(10));
  });

  it('refuse more than 90 days, a goal not in the plan and a date outside it, under the field, writing nothing', async () => {
    signInAs({ id: admin, role: 'admin' });
    const [beforeAudits, beforeLinks] = [await audits(), await links()];
    const tooLong = await createShareLinkAction({}, form({ ...report, days: '91' }));
    expect(tooLong.ok).toBe(false);
    expect(tooLong.errors?.days?.[0]).toMatch(/90 days/);
    const noGoal = await createShareLinkAction({}, form({ ...report, kind: 'goal', goalCode: '' }));
    expect(noGoal.errors?.goalCode).toBeTruthy();
    const unknownGoal = await createShareLinkAction({}, form({ ...report, kind: 'goal', goalCode: 'G99' }));
    expect(unknownGoal.errors?.goalCode?.[0]).toMatch(/not in the chosen plan/);
    const outside = await createShareLinkAction({}, form({ ...report, asOf: '2021-03-01' }));
    expect(outside.errors?.asOf?.[0]).toMatch(/within the plan/);
    expect([await audits(), await links()]).toEqual([beforeAudits, beforeLinks]);
    // Only admins make or revoke links.
    signInAs({ id: await userIdOf(db, 'staff@demo.local'), role: 'staff' });
    await expect(createShareLinkAction({}, form(report))).rejects.toThrow();
    expect([await audits(), await links()]).toEqual([beforeAudits, beforeLinks]);
  });

  it('count their views, and stop working on the very next request once revoked (audited)', async () => {
    const issued = await issueShareLink(db, { kind: 'report', year: 2020, goalCode: null, asOf: '2020-06-30', days: 10, label: 'Revoke me', actorId: admin });
    if (!issued.ok) throw new Error(issued.reason);
    expect((await openShareLink(db, issued.token)).ok).toBe(true);
    expect((await openShareLink(db, issued.token)).ok).toBe(true);
    const [seen] = await db.select().from(shareLinks).where(eq(shareLinks.id, issued.id));
    expect(seen!.viewCount).toBe(2);
    expect(seen!.lastViewedAt).toBeInstanceOf(Date);

    signInAs({ id: admin, role: 'admin' });
    expect(await revokeShareLinkAction({}, form({ linkId: issued.id }))).toMatchObject({ ok: true });
    expect(await openShareLink(db, issued.token)).toEqual({ ok: false, reason: 'revoked' });
    const [after] = await db.select().from(shareLinks).where(eq(shareLinks.id, issued.id));
    expect(after!.viewCount).toBe(2); // a refused view counts nothing
    expect(after!.revokedBy).toBe(admin);
    // Revoking twice changes nothing.
    const before = await audits();
    expect(await revokeShareLinkAction({}, form({ linkId: issued.id }))).toMatchObject({ ok: false });
    expect(await audits()).toBe(before);
    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, issued.id));
    expect(audit.map((a) => a.action)).toEqual(['share_link.create', 'share_link.revoke']);
  });

  it('stop working once expired, and refuse unknown or malformed links without writing', async () => {
    const past = new Date(Date.now() - 3 * 86_400_000);
    const issued = await issueShareLink(db, { kind: 'report', year: 2020, goalCode: null, asOf: '2020-06-30', days: 2, label: 'Old', actorId: admin, now: past });
    if (!issued.ok) throw new Error(issued.reason);
    expect(await openShareLink(db, issued.token)).toEqual({ ok: false, reason: 'expired' });
    expect(await openShareLink(db, `shr_${'A'.repeat(43)}`)).toEqual({ ok: false, reason: 'unknown' });
    expect(await openShareLink(db, 'srm_not-a-share-link')).toEqual({ ok: false, reason: 'malformed' });
    expect(await openShareLink(db, `${issued.token}x`)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('show the committee report and a goal’s charts with the same numbers as the pages, as of the link’s date', async () => {
    const r = await issueShareLink(db, { kind: 'report', year: 2020, goalCode: null, asOf: '2020-09-30', days: 5, label: 'Report', actorId: admin });
    const g = await issueShareLink(db, { kind: 'goal', year: 2020, goalCode: 'G3', asOf: '2020-09-30', days: 5, label: 'Goal', actorId: admin });
    if (!r.ok || !g.ok) throw new Error('not issued');
    const reportView = await openShareLink(db, r.token);
    const goalView = await openShareLink(db, g.token);
    if (!reportView.ok || !goalView.ok) throw new Error('not open');
    const shared = (await readSharedReport(reportView.view))!;
    const page = (await committeeReport(db, { year: 2020, asOf: '2020-09-30' }))!;
    expect(shared.report.asOf).toBe('2020-09-30');
    expect(shared.report.statusCounts).toEqual(page.statusCounts);
    expect(shared.report.goals.map((x) => x.indicators.map((i) => [i.code, i.now.actual.value, i.now.status]))).toEqual(
      page.goals.map((x) => x.indicators.map((i) => [i.code, i.now.actual.value, i.now.status])),
    );
    const goal = (await readSharedGoal(goalView.view))!;
    expect(goal.goal.code).toBe('G3');
    expect(goal.charts.length).toBeGreaterThan(0);
    for (const chart of goal.charts) {
      const own = (await indicatorChartByCode(db, chart.indicator.code, { year: 2020, asOf: '2020-09-30' }))!;
      expect(chart.points.map((p) => p.actual)).toEqual(own.points.map((p) => p.actual));
      expect(chart.evaluation).toEqual(own.evaluation);
    }
  });

  it('show the committee report’s budget section with the signed-in report’s figures, as of the link’s date', async () => {
    const issued = await issueShareLink(db, { kind: 'report', year: 2020, goalCode: null, asOf: '2020-06-30', days: 5, label: 'Budget', actorId: admin });
    if (!issued.ok) throw new Error(issued.reason);
    const opened = await openShareLink(db, issued.token);
    if (!opened.ok) throw new Error(opened.reason);
    const shared = (await readSharedBudget(opened.view))!;
    expect(shared.asOf).toBe('2020-06-30');
    expect(shared.hasLines).toBe(true);
    // The signed-in report's section, for the same plan and date.
    signInAs({ id: await userIdOf(db, 'committee@demo.local'), role: 'committee' });
    const page = (await loadBudgetSummary(2020, '2020-06-30'))!;
    expect(shared.rows).toEqual(page.rows);
    expect(shared.overall).toEqual(page.overall);
    expect(shared.delivery).toEqual(page.delivery);
    // Utilisation from its one home, as of the link's date: spending after that date is not in it.
    const plan = (await findPlan(db, 2020))!;
    expect(shared.rows).toEqual((await utilisationAsOf(db, plan.id, '2020-06-30')).rows);
    const later = (await loadBudgetSummary(2020))!;
    expect(Number(later.overall.spent)).toBeGreaterThan(Number(shared.overall.spent));
  });
});
