import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, useDatabaseHandle, type DbHandle } from '@/db';
import { findPlan } from '@/db/queries/plans';
import { goals, indicators, meetings, progressUpdates, users } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { createBudgetLineAction } from '@/app/(dashboard)/budget/actions';
import { createCityAction } from '@/app/(dashboard)/cities/actions';
import { createMeetingAction } from '@/app/(dashboard)/meetings/actions';
import { addCommentAction } from '@/app/(dashboard)/meetings/comment-actions';
import { createItemAction } from '@/app/(dashboard)/meetings/item-actions';
import { reopenPeriodAction } from '@/app/(dashboard)/plans/window-actions';
import { setTargetsAction } from '@/app/(dashboard)/plans/indicator-actions';
import { reviewUpdateAction } from '@/app/(dashboard)/review/actions';
import { logProgressAction } from '@/app/(dashboard)/updates/new/actions';
import { invalidatedTags, viewTags } from '@/data/invalidate';
import { loadPlan } from '@/data/plans';
import { loadIndicatorPage } from '@/data/updates';
import {
  budgetPageView,
  budgetSummaryView,
  commentsView,
  committeeReportView,
  demoSettingsView,
  goalChartsView,
  indicatorChartView,
  indicatorPageView,
  itemsConcerningView,
  overviewTilesView,
  overviewView,
  planDetailView,
  reportEvidenceView,
  unwrap,
  windowsView,
} from '@/data/views';
import { sealed } from '@/data/view-seal';
import { collectingViewTags, request, signInAs, signOut } from '../support/action-request';
import { createTestDatabase, driverUnderTest } from '../support/db';

vi.mock('next/headers', async () => (await import('../support/action-request')).nextHeaders);
vi.mock('next/cache', async () => (await import('../support/action-request')).nextCache);
vi.mock('next-intl/server', async () => (await import('../support/action-request')).nextIntlServer);
vi.mock('@/auth', async () => (await import('../support/action-request')).authModule);

// What each kind of write expires, proven on the demo through the real server actions: every cached view
// (data/views.ts) is computed before and after the write, and a view whose answer changed must carry a tag the
// write expired — else the cache would serve it stale. The tags a write expires are also exactly the ones its
// kind names, so that a write does not empty the whole cache.

let handle: DbHandle;
const who: Record<'admin' | 'staff' | 'committee', { id: string; role: 'admin' | 'staff' | 'committee' }> = {} as never;
let manualCode = '';
let manualId = 0;
let manualFigures: Record<string, string> = {};
let derivedCode = '';
let otherCode = '';
let manualGoalCode = '';
let manualFrequency: 'monthly' | 'quarterly' | 'semiannual' | 'annual' = 'quarterly';
let planKey = { id: 0, year: 0, startDate: '', endDate: '' };
const DAY = '2026-01-01';

beforeAll(async () => {
  handle = await createTestDatabase();
  useDatabaseHandle(handle);
  await seedDemo(handle.db);
  for (const role of ['admin', 'staff', 'committee'] as const) {
    const [u] = await handle.db.select().from(users).where(eq(users.email, `${role}@demo.local`));
    who[role] = { id: u!.id, role };
  }
  const plan = (await findPlan(handle.db))!;
  const rows = await handle.db
    .select()
    .from(indicators)
    .where(and(eq(indicators.planId, plan.id), isNull(indicators.retiredAt)))
    .orderBy(indicators.code);
  // A logged indicator reported for no place, so that the form needs no city, cluster or partner.
  const manual = rows.filter((i) => i.source === 'manual' && i.disaggregations.length === 0 && (i.valueKind === 'count' || i.valueKind === 'percent'));
  manualCode = manual[0]!.code;
  manualId = manual[0]!.id;
  manualFigures = manual[0]!.valueKind === 'percent' ? { numerator: '45', denominator: '60' } : { value: '7' };
  otherCode = rows.find((i) => i.source === 'manual' && i.code !== manualCode)!.code;
  manualFrequency = manual[0]!.frequency;
  const [goal] = await handle.db.select().from(goals).where(eq(goals.id, manual[0]!.goalId));
  manualGoalCode = goal!.code;
  planKey = { id: plan.id, year: plan.year, startDate: plan.startDate, endDate: plan.endDate };
  derivedCode = rows.find((i) => i.source === 'derived' && i.code.includes('cit'))?.code ?? rows.find((i) => i.source === 'derived')!.code;
});

afterAll(async () => {
  await closeDb();
});

beforeEach(() => {
  signOut();
  request.revalidated.length = 0;
});

/** Every cached view, as the pages ask for them. */
const views = () => ({
  overview: () => overviewView(...sealed({ openGoals: 'all' as const }, DAY)),
  overviewSubmitted: () => overviewView(...sealed({ openGoals: 'all' as const, includeSubmitted: true }, DAY)),
  tiles: () => overviewTilesView(...sealed({}, DAY)),
  manualChart: () => indicatorChartView(...sealed(manualCode, {}, DAY)),
  manualChartSubmitted: () => indicatorChartView(...sealed(manualCode, { includeSubmitted: true }, DAY)),
  otherChart: () => indicatorChartView(...sealed(otherCode, {}, DAY)),
  derivedChart: () => indicatorChartView(...sealed(derivedCode, {}, DAY)),
  report: () => committeeReportView(...sealed({}, 4, DAY)),
  plan: () => planDetailView(...sealed(2020)),
  budget: () => budgetSummaryView(...sealed(null, null, true, DAY)),
  budgetPage: () => budgetPageView(...sealed(null, DAY)),
  manualPage: () => indicatorPageView(...sealed(manualCode, null, 1, DAY)),
  otherPage: () => indicatorPageView(...sealed(otherCode, null, 1, DAY)),
  goal: () => goalChartsView(...sealed(manualGoalCode, null)),
  planWindows: () => windowsView(...sealed(planKey, null, DAY)),
  manualWindows: () => windowsView(...sealed(planKey, { id: manualId, frequency: manualFrequency }, DAY)),
  manualItems: () => itemsConcerningView(...sealed({ indicatorId: manualId }, DAY)),
  manualComments: () => commentsView(...sealed({ indicatorId: manualId })),
  demo: () => demoSettingsView(...sealed()),
  reportEvidence: () => reportEvidenceView(...sealed(planKey.id, planKey.startDate, planKey.endDate)),
});

type Snapshot = Record<string, { json: string; tags: string[] }>;

async function snapshot(): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const [name, compute] of Object.entries(views()) as [string, () => Promise<unknown>][]) {
    const { value, tags } = await collectingViewTags(compute);
    out[name] = { json: JSON.stringify(value), tags };
  }
  return out;
}

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

/** Runs a write; a redirect after a committed write is how many actions answer. */
async function write(run: () => Promise<unknown>): Promise<string[]> {
  request.revalidated.length = 0;
  try {
    const answer = await run();
    if (answer && typeof answer === 'object' && 'ok' in answer) expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
  } catch (error) {
    if (!String((error as { digest?: string }).digest ?? '').startsWith('NEXT_REDIRECT')) throw error;
  }
  return request.revalidated.filter((r) => r.startsWith('tag:')).map((r) => r.slice(4));
}

/** The views the write changed; each must carry a tag the write expired. */
function expectNothingStale(before: Snapshot, after: Snapshot, expired: string[]): string[] {
  const changed = Object.keys(before).filter((name) => before[name]!.json !== after[name]!.json);
  for (const name of changed) {
    const hit = before[name]!.tags.filter((t) => expired.includes(t));
    expect(hit, `the ${name} view changed but carries none of the expired tags ${expired.join(', ')} (it has ${before[name]!.tags.join(', ')})`).not.toHaveLength(0);
  }
  return changed;
}

describe(`each write expires the cached views it changes (${driverUnderTest})`, () => {
  it('progress: a submitted update expires the views that count submitted figures, its approval the others', async () => {
    const before = await snapshot();
    signInAs(who.staff);
    const plan = (await findPlan(handle.db))!;
    const expired = await write(() =>
      logProgressAction(
        {},
        form({ plan: String(plan.year), indicator: manualCode, period: '2020-09-30', ...manualFigures, note: 'Checked against the finance report.', evidenceUrl: 'https://example.org/finance-report.pdf', intent: 'submit', idempotencyKey: randomUUID(), confirmPlausibility: 'on' }),
      ),
    );
    expect(expired.sort()).toEqual([viewTags.progress, viewTags.progressOf(manualCode)].sort());
    const afterSubmit = await snapshot();
    const changed = expectNothingStale(before, afterSubmit, expired);
    expect(changed).toContain('overviewSubmitted');
    expect(changed).toContain('manualChartSubmitted');
    // The indicator's page lists the new update.
    expect(changed).toContain('manualPage');
    // Another indicator's chart is not expired by this update.
    expect(afterSubmit.otherChart!.tags).not.toContain(viewTags.progressOf(manualCode));

    const [update] = await handle.db.select().from(progressUpdates).where(and(eq(progressUpdates.indicatorId, manualId), eq(progressUpdates.status, 'submitted')));
    signInAs(who.admin);
    const approvedTags = await write(() => reviewUpdateAction({}, form({ updateId: String(update!.id), version: String(update!.version), decision: 'approve', comment: '' })));
    const afterApproval = await snapshot();
    const changedByApproval = expectNothingStale(afterSubmit, afterApproval, approvedTags);
    expect(changedByApproval).toContain('overview');
    expect(changedByApproval).toContain('manualChart');
    // The approved update's evidence joins the report's list.
    expect(changedByApproval).toContain('reportEvidence');
  });

  it('plan: new targets expire every view of the plan', async () => {
    const before = await snapshot();
    signInAs(who.admin);
    // The plan is endorsed: its milestone periods stay, the last one moves with the final target.
    const detail = (await planDetailView(...sealed(2020)))!;
    const milestones = detail.goals.flatMap((g) => g.indicators).find((i) => i.id === manualId)!.milestones;
    const periods = Object.keys(milestones).sort();
    const fields = Object.fromEntries(periods.map((p, n) => [`milestone:${p}`, n === periods.length - 1 ? '97' : String(milestones[p])]));
    const expired = await write(() =>
      setTargetsAction({}, form({ indicatorId: String(manualId), finalTarget: '97', effectiveOn: '2020-11-01', reason: 'Revised by the committee', ...fields })),
    );
    expect(expired).toEqual([viewTags.plan]);
    const changed = expectNothingStale(before, await snapshot(), expired);
    expect(changed).toEqual(expect.arrayContaining(['overview', 'manualChart', 'plan', 'manualPage']));
  });

  it('registry: a city engaged expires the tiles and the views of derived indicators, not the logged charts', async () => {
    const before = await snapshot();
    signInAs(who.staff);
    const expired = await write(() =>
      createCityAction(
        {},
        form({ name: 'Cache City', nameZh: '', country: 'Testland', region: 'maritime', latitude: '', longitude: '', status: 'engaged', statusDate: '2020-06-01', focalPoint: '', description: '', descriptionZh: '', notes: '', confirm: 'on' }),
      ),
    );
    expect(expired).toEqual([viewTags.registry]);
    const after = await snapshot();
    const changed = expectNothingStale(before, after, expired);
    expect(changed).toContain('tiles');
    expect(before.manualChart!.tags).not.toContain(viewTags.registry);
  });

  it('meeting: a steering committee meeting expires the report and the plan; an item the pages it concerns', async () => {
    const before = await snapshot();
    signInAs(who.admin);
    const expired = await write(() =>
      createMeetingAction({}, form({ kind: 'steering_committee', heldOn: '2020-10-20', title: 'Cache review', participants: '', agenda: '', minutes: '' })),
    );
    expect(expired).toEqual([viewTags.meeting]);
    const afterMeeting = await snapshot();
    expectNothingStale(before, afterMeeting, expired);
    const [meeting] = await handle.db.select().from(meetings).where(eq(meetings.title, 'Cache review'));
    const data = form({ meetingId: String(meeting!.id), kind: 'decision', text: 'Check the figures again', ownerId: '', ownerName: '', dueOn: '', goalIds: '', indicatorIds: String(manualId) });
    const itemExpired = await write(() => createItemAction({}, data));
    expect(itemExpired).toEqual([viewTags.meeting]);
    expect(expectNothingStale(afterMeeting, await snapshot(), itemExpired)).toContain('manualItems');
  });

  it('window: a reopened period expires the windows, nothing else', async () => {
    const before = await snapshot();
    signInAs(who.admin);
    const periodEnd = (await windowsView(...sealed(planKey, { id: manualId, frequency: manualFrequency }, DAY)))!.periods[0]!.end;
    const expired = await write(() =>
      reopenPeriodAction({}, form({ plan: String(planKey.year), indicatorId: String(manualId), periodEnd, until: '2030-01-01', reason: 'Late figures from the partner' })),
    );
    expect(expired).toEqual([viewTags.window]);
    expect(expectNothingStale(before, await snapshot(), expired)).toContain('manualWindows');
  });

  it('comment: a comment on an indicator expires the comment threads, nothing else', async () => {
    const before = await snapshot();
    signInAs(who.staff);
    const expired = await write(() => addCommentAction({}, form({ subject: 'indicator', subjectId: String(manualId), parentId: '', body: 'Is the finance report attached?' })));
    expect(expired).toEqual([viewTags.comment]);
    expect(expectNothingStale(before, await snapshot(), expired)).toEqual(['manualComments']);
  });

  it('budget: a budget line expires the views of indicators derived from the budget, nothing else', async () => {
    const before = await snapshot();
    signInAs(who.admin);
    const plan = (await findPlan(handle.db))!;
    const expired = await write(() =>
      createBudgetLineAction(
        {},
        form({ planId: String(plan.id), code: 'CACHE', title: 'Cache line', titleZh: '', goalId: '', fundingSource: 'Donor', amount: '10', currency: 'USD', effectiveOn: '2020-11-01', reason: 'Added' }),
      ),
    );
    expect(expired).toEqual([viewTags.budget]);
    expectNothingStale(before, await snapshot(), expired);
  });

  it('maps every kind of change to its tags, and only those', () => {
    expect(invalidatedTags([{ kind: 'progress' }])).toEqual([viewTags.progress, viewTags.charts]);
    expect(invalidatedTags([{ kind: 'progress', indicatorCode: 'A1' }])).toEqual([viewTags.progress, viewTags.progressOf('A1')]);
    expect(invalidatedTags([{ kind: 'registry', path: '/cities', id: 1 }, { kind: 'plan' }])).toEqual([viewTags.registry, viewTags.plan]);
    expect(invalidatedTags([{ kind: 'narrative', meetingId: 1 }, { kind: 'meeting-item', meetingId: 1 }])).toEqual([viewTags.narrative, viewTags.meeting]);
    expect(invalidatedTags([{ kind: 'budget' }])).toEqual([viewTags.budget]);
    expect(invalidatedTags([{ kind: 'window' }, { kind: 'comment' }])).toEqual([viewTags.window, viewTags.comment]);
    expect(invalidatedTags([{ kind: 'locale' }, { kind: 'notification' }, { kind: 'api-token' }, { kind: 'share-link' }])).toEqual([]);
  });
});

describe(`a cached view never carries what a role may not see (${driverUnderTest})`, () => {
  it('the plan view is the same for every role; what only editors get is added per request', async () => {
    signInAs(who.admin);
    const forAdmin = (await loadPlan(2020))!;
    signInAs(who.committee);
    const forCommittee = (await loadPlan(2020))!;
    expect(forAdmin.canEdit).toBe(true);
    expect(forAdmin.meetings.length).toBeGreaterThan(0);
    expect(forCommittee.canEdit).toBe(false);
    expect(forCommittee.meetings).toEqual([]);
    // The cached part holds no per-role field: the view alone equals what both were given, minus those.
    const view = (await planDetailView(...sealed(2020)))!;
    expect(Object.keys(view)).not.toContain('canEdit');
    expect(Object.keys(view)).not.toContain('meetings');
    signOut();
    await expect(loadPlan(2020)).rejects.toThrow();
  });

  it('answers nothing to arguments that did not come from data/ (a view is also a Server Function anyone can POST)', async () => {
    // Forged: no seal, another view's seal, or a sealed query widened to submitted figures.
    expect(await overviewView({ openGoals: 'all', includeSubmitted: true }, DAY, '')).toBeUndefined();
    const [query, day, seal] = sealed({ openGoals: 'all' } as { openGoals: 'all'; includeSubmitted?: boolean }, DAY);
    expect(await overviewView({ ...query, includeSubmitted: true }, day, seal)).toBeUndefined();
    expect(await overviewView(query, day, seal)).toBeDefined();
    expect(await planDetailView(2020, seal)).toBeUndefined();
    expect(unwrap(await indicatorChartView(manualCode, { includeSubmitted: true }, DAY, seal))).toBeUndefined();
    expect(unwrap(await committeeReportView({}, 4, DAY, seal))).toBeUndefined();
    expect(await budgetSummaryView(null, null, true, DAY, seal)).toBeUndefined();
    expect(await budgetPageView(null, DAY, seal)).toBeUndefined();
    expect(await indicatorPageView(manualCode, null, 1, DAY, seal)).toBeUndefined();
    expect(await indicatorPageView(...sealed(manualCode, null, 1, DAY))).toBeDefined();
    expect(await goalChartsView(manualGoalCode, null, seal)).toBeUndefined();
    expect(await windowsView(planKey, null, DAY, seal)).toBeUndefined();
    expect(await itemsConcerningView({ indicatorId: manualId }, DAY, seal)).toBeUndefined();
    expect(await commentsView({ indicatorId: manualId }, seal)).toBeUndefined();
    expect(await demoSettingsView(seal)).toBeUndefined();
    expect(await reportEvidenceView(planKey.id, planKey.startDate, planKey.endDate, seal)).toBeUndefined();
  });

  it("an indicator page is cached for every reader; a draft's evidence is hidden per request from who may not see it", async () => {
    const [draft] = await handle.db.select().from(progressUpdates).where(eq(progressUpdates.status, 'draft')).limit(1);
    expect(draft, 'the demo has a draft update').toBeDefined();
    const [indicator] = await handle.db.select().from(indicators).where(eq(indicators.id, draft!.indicatorId));
    const pageWithDraft = async () => {
      for (let page = 1; ; page++) {
        const data = (await loadIndicatorPage(indicator!.code, undefined, page))!;
        if (data.updates.some((u) => u.update.id === draft!.id)) return data;
        if (page >= data.updatesPaging.pages) throw new Error('the draft is on no page');
      }
    };
    signInAs(who.staff);
    const forStaff = await pageWithDraft();
    signInAs(who.committee);
    const forCommittee = await pageWithDraft();
    expect(forStaff.evidence.get(draft!.id)).toEqual([]);
    expect(forCommittee.evidence.get(draft!.id)).toBeNull();
    // Everything else is the one cached view.
    const { evidence: _staff, ...restForStaff } = forStaff;
    const { evidence: _committee, ...restForCommittee } = forCommittee;
    expect(JSON.stringify(restForCommittee)).toBe(JSON.stringify(restForStaff));
    signOut();
    await expect(loadIndicatorPage(indicator!.code)).rejects.toThrow();
  });
});
