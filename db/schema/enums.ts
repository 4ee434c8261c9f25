import { pgEnum } from 'drizzle-orm/pg-core';

// Every closed vocabulary of the domain is a Postgres enum, so the database refuses values the app does not know.
export const userRole = pgEnum('user_role', ['admin', 'staff', 'committee']);
export const userStatus = pgEnum('user_status', ['active', 'disabled']);
export const locale = pgEnum('locale', ['en', 'zh']);

export const planStatus = pgEnum('plan_status', ['draft', 'endorsed', 'closed']);
export const valueKind = pgEnum('value_kind', ['count', 'percent', 'currency', 'milestone']);
export const accumulation = pgEnum('accumulation', ['non_cumulative', 'cumulative', 'snapshot']);
export const direction = pgEnum('direction', ['increase', 'decrease']);
export const frequency = pgEnum('frequency', ['monthly', 'quarterly', 'semiannual', 'annual']);
export const indicatorSource = pgEnum('indicator_source', ['manual', 'derived']);
export const disaggregation = pgEnum('disaggregation', ['city', 'cluster', 'partner']);
export const updateStatus = pgEnum('update_status', ['draft', 'submitted', 'approved', 'returned', 'withdrawn']);

export const region = pgEnum('region', ['maritime', 'continental']);
export const cityStatus = pgEnum('city_status', ['prospective', 'engaged', 'active', 'inactive']);
export const partnerType = pgEnum('partner_type', [
  'government',
  'un_entity',
  'private_sector',
  'academia',
  'ngo',
  'city_network',
]);
export const partnerStatus = pgEnum('partner_status', ['prospective', 'active', 'inactive', 'reactivated']);
export const clusterStage = pgEnum('cluster_stage', ['proposed', 'established', 'functional']);
export const needCategory = pgEnum('need_category', [
  'medical_supplies',
  'ppe',
  'knowledge_exchange',
  'economic_recovery',
  'digital_services',
  'other',
]);
export const requestStatus = pgEnum('request_status', ['received', 'in_progress', 'responded', 'closed']);
export const activityFormat = pgEnum('activity_format', ['online', 'in_person']);

export const meetingKind = pgEnum('meeting_kind', ['steering_committee', 'working_level']);
export const meetingItemKind = pgEnum('meeting_item_kind', ['recommendation', 'decision', 'action_item']);
export const meetingItemStatus = pgEnum('meeting_item_status', ['open', 'in_progress', 'done', 'dropped']);
