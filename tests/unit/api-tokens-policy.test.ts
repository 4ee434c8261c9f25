import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageByOffset } from '@/lib/api/cursor';
import { canWithToken, mayIssueTokenScope, permissions, type Action } from '@/lib/auth/policy';

describe('what a token may do', () => {
  const actions = Object.keys(permissions) as Action[];

  it('never more than its owner’s role, and never accounts, admin, imports, review or locks', () => {
    for (const role of ['admin', 'staff', 'committee'] as const) {
      for (const scope of ['read', 'write'] as const) {
        const allowed = actions.filter((a) => canWithToken(role, scope, a));
        for (const a of allowed) expect(permissions[a]).toContain(role);
        expect(allowed.filter((a) => !['dashboard.read', 'report.export', 'iati.export', 'progress.log'].includes(a))).toEqual([]);
      }
    }
  });

  it('writes only with the write scope, and only for roles that log progress', () => {
    expect(canWithToken('staff', 'read', 'progress.log')).toBe(false);
    expect(canWithToken('staff', 'write', 'progress.log')).toBe(true);
    expect(canWithToken('committee', 'write', 'progress.log')).toBe(false);
    expect(canWithToken('admin', 'write', 'users.manage')).toBe(false);
    expect(mayIssueTokenScope('committee', 'read')).toBe(true);
    expect(mayIssueTokenScope('committee', 'write')).toBe(false);
    expect(mayIssueTokenScope('staff', 'write')).toBe(true);
    expect(mayIssueTokenScope('nobody', 'read')).toBe(false);
  });
});

describe('API cursors', () => {
  it('round-trip and refuse anything else', () => {
    expect(decodeCursor(encodeCursor({ after: 42 }))).toEqual({ after: 42 });
    expect(decodeCursor(encodeCursor({ offset: 7 }))).toEqual({ offset: 7 });
    for (const bad of ['', '!!', 'e30', Buffer.from('{"after":-1}').toString('base64url'), Buffer.from('{"after":1.5}').toString('base64url'), 'x'.repeat(300)]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });

  it('page a list without gaps or repeats', () => {
    const items = Array.from({ length: 11 }, (_, i) => i);
    const seen: number[] = [];
    let offset = 0;
    for (;;) {
      const page = pageByOffset(items, offset, 4);
      seen.push(...page.items);
      if (!page.next) break;
      offset = (decodeCursor(page.next) as { offset: number }).offset;
    }
    expect(seen).toEqual(items);
  });
});

describe('If-None-Match', async () => {
  const { matchesEtag } = await import('@/data/api/handler');
  it('matches the tag, a weak form of it, one of a list, or *', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", "abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(null, '"abc"')).toBe(false);
  });
});
