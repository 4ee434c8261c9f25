import 'server-only';
import { revalidatePath, revalidateTag, updateTag } from 'next/cache';

/**
 * What a write changed, named by what it is rather than by the pages that show it. `invalidate` is the one place
 * that maps a change to the cached pages it makes stale, so that moving from paths to cache tags is a change
 * to this file alone.
 */
export type Change =
  /** A registry record (or the list, without an id); the overview's derived indicators follow. */
  | { kind: 'registry'; path: '/cities' | '/partners' | '/clusters' | '/support-requests' | '/activities'; id?: number }
  /** A plan, goal, indicator or target: every plan page and the overview. */
  | { kind: 'plan' }
  /** Progress figures of one indicator (or of any, without a code), and the queues that list updates. */
  | { kind: 'progress'; indicatorCode?: string; updateId?: number }
  /** A meeting's record, or the list of meetings. */
  | { kind: 'meeting'; meetingId?: number }
  /** A meeting item: its pages and the indicator and goal pages that list items. */
  | { kind: 'meeting-item'; meetingId: number }
  | { kind: 'narrative'; meetingId: number }
  | { kind: 'comment'; indicatorCode?: string | null; meetingItemId?: number | null }
  /** A budget line, revision or expenditure, or a plan's currency: the budget pages, the overview's budget tile
   * and the committee report's budget section, and the pages of the indicators derived from the budget. */
  | { kind: 'budget' }
  | { kind: 'user' }
  /** A personal access token made or revoked: its owner's account page and the admins' list. */
  | { kind: 'api-token' }
  /** A share link made or revoked: the admins' list (the link's own page checks its row on every view). */
  | { kind: 'share-link' }
  | { kind: 'settings' }
  | { kind: 'two-factor' }
  /** The language of every page. */
  | { kind: 'locale' }
  /** A plan's submission windows or a reopened period: the plan, indicator and "my reporting" pages. */
  | { kind: 'window' }
  /** One's notifications read or their e-mail choices: the header's bell on every page and the list. */
  | { kind: 'notification' };

/**
 * The tags of the cached views (data/views.ts): each view is tagged with the kinds of data it is made of, and a
 * change expires the tags of what it changed — nothing else.
 */
export const viewTags = {
  /** Plans, goals, indicators, targets: every view. */
  plan: 'view:plan',
  /** Any indicator's figures: the views across a plan (overview, report, plan page). */
  progress: 'view:progress',
  /** One indicator's figures: its chart. */
  progressOf: (code: string) => `view:progress:${code}`,
  /** Every indicator chart, for a progress change that does not name its indicator. */
  charts: 'view:charts',
  /** Registry records: the overview's tiles and derived indicators, and the charts of derived indicators. */
  registry: 'view:registry',
  /** Budget lines and expenditures: indicators derived from the budget (utilisation), in every view that shows them. */
  budget: 'view:budget',
  /** Meetings and their items: the report (last steering meeting) and the plan (the meeting that endorsed it). */
  meeting: 'view:meeting',
  /** Approved narratives: the committee report. */
  narrative: 'view:narrative',
  /** Settings, among them the demo's stored as-of date every dated view defaults to. */
  settings: 'view:settings',
  /** Users: the plan page names each indicator's owner. */
  user: 'view:user',
  /** Submission windows, the reporting cycle and reopened periods. */
  window: 'view:window',
  /** Comments on indicators and meeting items. */
  comment: 'view:comment',
} as const;

function tagsOf(change: Change): string[] {
  switch (change.kind) {
    case 'registry':
      return [viewTags.registry];
    case 'plan':
      return [viewTags.plan];
    case 'progress':
      return [viewTags.progress, change.indicatorCode ? viewTags.progressOf(change.indicatorCode) : viewTags.charts];
    case 'meeting':
    case 'meeting-item':
      return [viewTags.meeting];
    case 'narrative':
      return [viewTags.narrative];
    case 'settings':
      return [viewTags.settings];
    case 'user':
      return [viewTags.user];
    case 'budget':
      return [viewTags.budget];
    case 'window':
      return [viewTags.window];
    case 'comment':
      return [viewTags.comment];
    // Tokens, share links, two-factor, notifications and the language are in no cached view: their pages read them
    // on every request.
    case 'api-token':
    case 'share-link':
    case 'two-factor':
    case 'locale':
    case 'notification':
      return [];
  }
}

function pathsOf(change: Change): [string, ('page' | 'layout')?][] {
  switch (change.kind) {
    case 'registry':
      return [[change.path], ...(change.id ? [[`${change.path}/${change.id}`] as [string]] : []), ['/']];
    case 'plan':
      return [['/plans', 'layout'], ['/']];
    case 'progress':
      return [
        change.indicatorCode ? [`/indicators/${change.indicatorCode}`] : ['/indicators/[code]', 'page'],
        ...(change.updateId ? [[`/updates/${change.updateId}`] as [string]] : []),
        ['/'],
        ['/review'],
        ['/my-reporting'],
      ];
    case 'meeting':
      return [['/meetings'], ...(change.meetingId ? [[`/meetings/${change.meetingId}`] as [string]] : [])];
    case 'meeting-item':
      return [
        ['/meetings'],
        [`/meetings/${change.meetingId}`],
        ['/meetings/items/[id]', 'page'],
        ['/indicators/[code]', 'page'],
        ['/goals/[code]', 'page'],
      ];
    case 'narrative':
      return [[`/meetings/${change.meetingId}`], [`/meetings/${change.meetingId}/narrative`], ['/reports/committee']];
    case 'comment':
      return [
        ...(change.indicatorCode ? [[`/indicators/${change.indicatorCode}`] as [string]] : []),
        ...(change.meetingItemId ? [[`/meetings/items/${change.meetingItemId}`] as [string]] : []),
      ];
    case 'budget':
      return [['/budget', 'layout'], ['/'], ['/reports/committee'], ['/indicators/[code]', 'page'], ['/goals/[code]', 'page']];
    case 'user':
      return [['/admin/users']];
    case 'api-token':
      return [['/account'], ['/admin/tokens']];
    case 'share-link':
      return [['/admin/share-links']];
    case 'settings':
      return [['/admin/settings']];
    case 'two-factor':
      return [['/account/two-factor']];
    case 'locale':
      return [['/', 'layout']];
    case 'window':
      return [['/plans/[year]', 'page'], ['/indicators/[code]', 'page'], ['/my-reporting']];
    case 'notification':
      return [['/', 'layout'], ['/notifications']];
  }
}

/**
 * Marks stale everything the changes show on, once per tag and path. From a server action (the default) the
 * tags expire with `updateTag`: the action's own answer and the very next request read fresh views. A route
 * handler (`from: 'route'`) cannot use it, and expires them at once with `revalidateTag(tag, { expire: 0 })`.
 */
export function invalidate(changes: readonly Change[], { from = 'action' }: { from?: 'action' | 'route' } = {}): void {
  for (const tag of invalidatedTags(changes)) {
    if (from === 'action') updateTag(tag);
    else revalidateTag(tag, { expire: 0 });
  }
  const seen = new Set<string>();
  for (const change of changes) {
    for (const [path, type] of pathsOf(change)) {
      const key = `${type ?? ''}:${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (type) revalidatePath(path, type);
      else revalidatePath(path);
    }
  }
}

/** For tests and the architecture map: the view tags the changes expire. */
export function invalidatedTags(changes: readonly Change[]): string[] {
  return [...new Set(changes.flatMap(tagsOf))];
}

/** For tests and the architecture map: the paths a change makes stale. */
export function invalidatedPaths(changes: readonly Change[]): string[] {
  return [...new Set(changes.flatMap((c) => pathsOf(c).map(([path, type]) => (type ? `${path} (${type})` : path))))];
}
