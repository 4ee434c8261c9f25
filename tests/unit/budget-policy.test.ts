import { describe, expect, it } from 'vitest';
import { can } from '@/lib/auth/policy';
import { routeAccess, serverActionAccess } from '@/lib/auth/route-access';

// Who may do what with the budget: the committee reads and exports, staff record and import expenditures, only
// admins edit budget lines. The browser matrix (access-matrix.spec.ts) requests each of these over HTTP.

const budgetActions = Object.entries(serverActionAccess).filter(([key]) => key.startsWith('app/(dashboard)/budget/'));
const budgetRoutes = Object.entries(routeAccess).filter(([route]) => route.startsWith('/budget') || route.startsWith('/api/budget'));

describe('the budget rights', () => {
  it('lets no committee member write anything', () => {
    expect(budgetActions.length).toBe(8);
    for (const [, action] of budgetActions) expect(can('committee', action)).toBe(false);
  });

  it('lets staff record, correct, void and import expenditures but not touch the budget lines', () => {
    const staff = budgetActions.filter(([, action]) => can('staff', action)).map(([key]) => key.split('#')[1]);
    expect(staff.sort()).toEqual(['correctExpenditureAction', 'importExpendituresAction', 'recordExpenditureAction', 'voidExpenditureAction']);
    for (const [, action] of budgetActions) expect(can('admin', action)).toBe(true);
  });

  it('opens the budget page, an expenditure and the export to every role, the editing pages to their writers', () => {
    const readable = budgetRoutes.filter(([, action]) => action !== 'public' && can('committee', action)).map(([route]) => route);
    expect(readable.sort()).toEqual(['/api/budget/export', '/budget', '/budget/expenditures/[id]']);
    expect(budgetRoutes.filter(([, action]) => action === 'public')).toEqual([]);
    expect(can(undefined, 'dashboard.read')).toBe(false);
  });
});
