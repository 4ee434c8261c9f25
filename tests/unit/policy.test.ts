import { describe, expect, it } from 'vitest';
import { can, mayApproveNarrative, permissions, roles } from '@/lib/auth/policy';

describe('the authorization policy', () => {
  it('lets committee members read and export but never write data', () => {
    expect(can('committee', 'dashboard.read')).toBe(true);
    expect(can('committee', 'report.export')).toBe(true);
    expect(can('committee', 'comment.write')).toBe(true);
    for (const action of ['progress.log', 'registry.edit', 'progress.review', 'plan.edit', 'users.manage', 'audit.read']) {
      expect(can('committee', action)).toBe(false);
    }
  });

  it('lets staff log progress and keep registries, but not review, edit plans or manage users', () => {
    expect(can('staff', 'progress.log')).toBe(true);
    expect(can('staff', 'registry.edit')).toBe(true);
    expect(can('staff', 'progress.review')).toBe(false);
    expect(can('staff', 'plan.edit')).toBe(false);
    expect(can('staff', 'users.manage')).toBe(false);
  });

  it('lets admins do everything', () => {
    for (const action of Object.keys(permissions)) expect(can('admin', action)).toBe(true);
  });

  it('refuses unknown roles and unknown actions', () => {
    expect(can('superuser', 'dashboard.read')).toBe(false);
    expect(can(undefined, 'dashboard.read')).toBe(false);
    expect(can('admin', 'database.drop')).toBe(false);
    expect(can('admin', 'toString')).toBe(false);
    expect(can('admin', '__proto__')).toBe(false);
  });

  it('names every role in at least one action', () => {
    for (const role of roles) expect(Object.values(permissions).some((allowed) => (allowed as readonly string[]).includes(role))).toBe(true);
  });

  it('has a narrative approved by staff or an admin who did not write it (four eyes, admins included)', () => {
    expect(can('staff', 'narrative.edit')).toBe(true);
    expect(can('committee', 'narrative.edit')).toBe(false);
    expect(mayApproveNarrative({ id: 'a', role: 'admin' }, { id: 's' })).toBe(true);
    expect(mayApproveNarrative({ id: 's2', role: 'staff' }, { id: 's' })).toBe(true);
    expect(mayApproveNarrative({ id: 's', role: 'staff' }, { id: 's' })).toBe(false);
    expect(mayApproveNarrative({ id: 'a', role: 'admin' }, { id: 'a' })).toBe(false);
    expect(mayApproveNarrative({ id: 'c', role: 'committee' }, { id: 's' })).toBe(false);
    // A draft whose author's account is gone can be approved by anyone allowed.
    expect(mayApproveNarrative({ id: 's', role: 'staff' }, { id: null })).toBe(true);
  });
});
