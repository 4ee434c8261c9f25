import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import {
  activityFormat,
  cityStatus,
  clusterStage,
  needCategory,
  partnerStatus,
  partnerType,
  region,
  requestStatus,
} from './enums';
import { users } from './users';

// Registries keep their current status on the row (for lists) and every dated change in a history
// table, so that any past date's state — and the derived indicators — can be recomputed.

export const cities = pgTable(
  'cities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    nameZh: text('name_zh'),
    country: text('country').notNull(),
    region: region('region').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    status: cityStatus('status').notNull().default('prospective'),
    engagedOn: date('engaged_on'),
    focalPoint: text('focal_point'),
    description: text('description'),
    descriptionZh: text('description_zh'),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cities_country_name_key').on(t.country, sql`lower(${t.name})`),
    index('cities_status_idx').on(t.status),
    // The list page sorts by name and filters by region (see db/queries/registries).
    index('cities_name_idx').on(sql`lower(${t.name})`),
    index('cities_region_idx').on(t.region),
    check('cities_latitude_range', sql`${t.latitude} between -90 and 90`),
    check('cities_longitude_range', sql`${t.longitude} between -180 and 180`),
  ],
);

export const cityStatusHistory = pgTable(
  'city_status_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    status: cityStatus('status').notNull(),
    changedOn: date('changed_on').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('city_status_history_city_idx').on(t.cityId, t.changedOn),
    index('city_status_history_changed_by_idx').on(t.changedBy),
  ],
);

export const partners = pgTable(
  'partners',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    nameZh: text('name_zh'),
    type: partnerType('type').notNull(),
    status: partnerStatus('status').notNull().default('prospective'),
    since: date('since'),
    /** Introduced by the national partner agency (CICETE) from its existing partners: derived indicator G1.4. */
    viaNationalPartner: boolean('via_national_partner').notNull().default(false),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('partners_name_key').on(sql`lower(${t.name})`),
    index('partners_status_idx').on(t.status),
    index('partners_type_idx').on(t.type),
  ],
);

export const partnerStatusHistory = pgTable(
  'partner_status_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    status: partnerStatus('status').notNull(),
    changedOn: date('changed_on').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('partner_status_history_partner_idx').on(t.partnerId, t.changedOn),
    // Derived indicators count transitions (first active, reactivated) within a window of dates.
    index('partner_status_history_status_idx').on(t.status, t.changedOn),
    index('partner_status_history_changed_by_idx').on(t.changedBy),
  ],
);

export const partnerCities = pgTable(
  'partner_cities',
  {
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.cityId] }), index('partner_cities_city_idx').on(t.cityId)],
);

export const clusters = pgTable(
  'clusters',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    nameZh: text('name_zh'),
    sector: text('sector').notNull(),
    description: text('description'),
    descriptionZh: text('description_zh'),
    stage: clusterStage('stage').notNull().default('proposed'),
    leadCityId: integer('lead_city_id').references(() => cities.id),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('clusters_name_key').on(sql`lower(${t.name})`),
    index('clusters_lead_city_idx').on(t.leadCityId),
    index('clusters_stage_idx').on(t.stage),
    index('clusters_sector_idx').on(t.sector),
  ],
);

export const clusterStageHistory = pgTable(
  'cluster_stage_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => clusters.id),
    stage: clusterStage('stage').notNull(),
    changedOn: date('changed_on').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('cluster_stage_history_cluster_idx').on(t.clusterId, t.changedOn),
    index('cluster_stage_history_changed_by_idx').on(t.changedBy),
  ],
);

export const clusterMembers = pgTable(
  'cluster_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    clusterId: integer('cluster_id')
      .notNull()
      .references(() => clusters.id),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
  },
  (t) => [
    index('cluster_members_cluster_idx').on(t.clusterId),
    index('cluster_members_city_idx').on(t.cityId),
    check('cluster_members_dates_ordered', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
  ],
);

export const supportRequests = pgTable(
  'support_requests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    category: needCategory('category').notNull(),
    receivedOn: date('received_on').notNull(),
    status: requestStatus('status').notNull().default('received'),
    respondedOn: date('responded_on'),
    closedOn: date('closed_on'),
    description: text('description').notNull(),
    response: text('response'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('support_requests_city_idx').on(t.cityId),
    index('support_requests_status_idx').on(t.status, t.receivedOn),
    index('support_requests_received_on_idx').on(t.receivedOn),
    index('support_requests_category_idx').on(t.category, t.receivedOn),
    // Derived indicators count responses by their date.
    index('support_requests_responded_on_idx').on(t.respondedOn),
    check('support_requests_responded_after_received', sql`${t.respondedOn} is null or ${t.respondedOn} >= ${t.receivedOn}`),
    check('support_requests_closed_after_received', sql`${t.closedOn} is null or ${t.closedOn} >= ${t.receivedOn}`),
  ],
);

export const supportRequestStatusHistory = pgTable(
  'support_request_status_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    requestId: integer('request_id')
      .notNull()
      .references(() => supportRequests.id),
    status: requestStatus('status').notNull(),
    changedOn: date('changed_on').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('support_request_status_history_request_idx').on(t.requestId, t.changedOn),
    index('support_request_status_history_changed_by_idx').on(t.changedBy),
  ],
);

export const activities = pgTable(
  'activities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    titleZh: text('title_zh'),
    topic: text('topic').notNull(),
    format: activityFormat('format').notNull(),
    heldOn: date('held_on').notNull(),
    participantsTotal: integer('participants_total').notNull().default(0),
    participantsFemale: integer('participants_female'),
    participantsMale: integer('participants_male'),
    notes: text('notes'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_held_on_idx').on(t.heldOn),
    index('activities_format_held_on_idx').on(t.format, t.heldOn),
    index('activities_title_idx').on(sql`lower(${t.title})`),
    check('activities_participants_non_negative', sql`${t.participantsTotal} >= 0`),
    check(
      'activities_participants_by_sex_fit',
      sql`coalesce(${t.participantsFemale}, 0) + coalesce(${t.participantsMale}, 0) <= ${t.participantsTotal}`,
    ),
  ],
);

export const activityCities = pgTable(
  'activity_cities',
  {
    activityId: integer('activity_id')
      .notNull()
      .references(() => activities.id),
    cityId: integer('city_id')
      .notNull()
      .references(() => cities.id),
    /** Participants from this city, where known; the rest of the activity's total has no city. */
    participants: integer('participants'),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.cityId] }),
    index('activity_cities_city_idx').on(t.cityId),
    check('activity_cities_participants_non_negative', sql`${t.participants} is null or ${t.participants} >= 0`),
  ],
);
