CREATE TYPE "public"."accumulation" AS ENUM('non_cumulative', 'cumulative', 'snapshot');--> statement-breakpoint
CREATE TYPE "public"."activity_format" AS ENUM('online', 'in_person');--> statement-breakpoint
CREATE TYPE "public"."city_status" AS ENUM('prospective', 'engaged', 'active', 'inactive');--> statement-breakpoint
CREATE TYPE "public"."cluster_stage" AS ENUM('proposed', 'established', 'functional');--> statement-breakpoint
CREATE TYPE "public"."direction" AS ENUM('increase', 'decrease');--> statement-breakpoint
CREATE TYPE "public"."disaggregation" AS ENUM('city', 'cluster', 'partner');--> statement-breakpoint
CREATE TYPE "public"."frequency" AS ENUM('monthly', 'quarterly', 'semiannual', 'annual');--> statement-breakpoint
CREATE TYPE "public"."indicator_source" AS ENUM('manual', 'derived');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'zh');--> statement-breakpoint
CREATE TYPE "public"."meeting_item_kind" AS ENUM('recommendation', 'decision', 'action_item');--> statement-breakpoint
CREATE TYPE "public"."meeting_item_status" AS ENUM('open', 'in_progress', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."meeting_kind" AS ENUM('steering_committee', 'working_level');--> statement-breakpoint
CREATE TYPE "public"."need_category" AS ENUM('medical_supplies', 'ppe', 'knowledge_exchange', 'economic_recovery', 'digital_services', 'other');--> statement-breakpoint
CREATE TYPE "public"."partner_status" AS ENUM('prospective', 'active', 'inactive', 'reactivated');--> statement-breakpoint
CREATE TYPE "public"."partner_type" AS ENUM('government', 'un_entity', 'private_sector', 'academia', 'ngo', 'city_network');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('draft', 'endorsed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."region" AS ENUM('maritime', 'continental');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('received', 'in_progress', 'responded', 'closed');--> statement-breakpoint
CREATE TYPE "public"."update_status" AS ENUM('draft', 'submitted', 'approved', 'returned', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'staff', 'committee');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('active', 'disabled');--> statement-breakpoint
CREATE TYPE "public"."value_kind" AS ENUM('count', 'percent', 'currency', 'milestone');--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "user_role" NOT NULL,
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"locale" "locale",
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "goals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"title_zh" text,
	"description" text,
	"description_zh" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_plan_code_key" UNIQUE("plan_id","code")
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicator_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"target_value" numeric NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_period_key" UNIQUE("indicator_id","period_end"),
	CONSTRAINT "indicator_targets_period_ordered" CHECK ("indicator_targets"."period_start" <= "indicator_targets"."period_end")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indicators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"goal_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_zh" text,
	"description" text,
	"description_zh" text,
	"unit" text NOT NULL,
	"value_kind" "value_kind" NOT NULL,
	"accumulation" "accumulation" NOT NULL,
	"direction" "direction" DEFAULT 'increase' NOT NULL,
	"baseline_value" numeric DEFAULT 0 NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" numeric NOT NULL,
	"target_date" date NOT NULL,
	"frequency" "frequency" DEFAULT 'quarterly' NOT NULL,
	"owner_id" uuid,
	"source" "indicator_source" DEFAULT 'manual' NOT NULL,
	"derived_key" text,
	"disaggregations" "disaggregation"[] DEFAULT '{}' NOT NULL,
	"definition" text,
	"means_of_verification" text,
	"collection_method" text,
	"target_rationale" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_plan_code_key" UNIQUE("plan_id","code"),
	CONSTRAINT "indicators_derived_has_key" CHECK (("indicators"."source" = 'derived') = ("indicators"."derived_key" is not null)),
	CONSTRAINT "indicators_dates_ordered" CHECK ("indicators"."baseline_date" <= "indicators"."target_date")
);
--> statement-breakpoint
CREATE TABLE "target_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "target_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"target_id" integer,
	"old_value" numeric NOT NULL,
	"new_value" numeric NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	"revised_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"title_zh" text,
	"status" "plan_status" DEFAULT 'draft' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"endorsed_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_plans_dates_ordered" CHECK ("work_plans"."start_date" <= "work_plans"."end_date")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"title_zh" text,
	"topic" text NOT NULL,
	"format" "activity_format" NOT NULL,
	"held_on" date NOT NULL,
	"participants_total" integer DEFAULT 0 NOT NULL,
	"participants_female" integer,
	"participants_male" integer,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_participants_non_negative" CHECK ("activities"."participants_total" >= 0),
	CONSTRAINT "activities_participants_by_sex_fit" CHECK (coalesce("activities"."participants_female", 0) + coalesce("activities"."participants_male", 0) <= "activities"."participants_total")
);
--> statement-breakpoint
CREATE TABLE "activity_cities" (
	"activity_id" integer NOT NULL,
	"city_id" integer NOT NULL,
	CONSTRAINT "activity_cities_activity_id_city_id_pk" PRIMARY KEY("activity_id","city_id")
);
--> statement-breakpoint
CREATE TABLE "cities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"name_zh" text,
	"country" text NOT NULL,
	"region" "region" NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"status" "city_status" DEFAULT 'prospective' NOT NULL,
	"engaged_on" date,
	"focal_point" text,
	"description" text,
	"description_zh" text,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cities_latitude_range" CHECK ("cities"."latitude" between -90 and 90),
	CONSTRAINT "cities_longitude_range" CHECK ("cities"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "city_status_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "city_status_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"status" "city_status" NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cluster_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cluster_id" integer NOT NULL,
	"city_id" integer NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	CONSTRAINT "cluster_members_dates_ordered" CHECK ("cluster_members"."left_on" is null or "cluster_members"."left_on" >= "cluster_members"."joined_on")
);
--> statement-breakpoint
CREATE TABLE "cluster_stage_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cluster_stage_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"cluster_id" integer NOT NULL,
	"stage" "cluster_stage" NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "clusters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"name_zh" text,
	"sector" text NOT NULL,
	"description" text,
	"description_zh" text,
	"stage" "cluster_stage" DEFAULT 'proposed' NOT NULL,
	"lead_city_id" integer,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_cities" (
	"partner_id" integer NOT NULL,
	"city_id" integer NOT NULL,
	CONSTRAINT "partner_cities_partner_id_city_id_pk" PRIMARY KEY("partner_id","city_id")
);
--> statement-breakpoint
CREATE TABLE "partner_status_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partner_status_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"partner_id" integer NOT NULL,
	"status" "partner_status" NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"name_zh" text,
	"type" "partner_type" NOT NULL,
	"status" "partner_status" DEFAULT 'prospective' NOT NULL,
	"since" date,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_request_status_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "support_request_status_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"request_id" integer NOT NULL,
	"status" "request_status" NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "support_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"category" "need_category" NOT NULL,
	"received_on" date NOT NULL,
	"status" "request_status" DEFAULT 'received' NOT NULL,
	"responded_on" date,
	"closed_on" date,
	"description" text NOT NULL,
	"response" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_requests_responded_after_received" CHECK ("support_requests"."responded_on" is null or "support_requests"."responded_on" >= "support_requests"."received_on"),
	CONSTRAINT "support_requests_closed_after_received" CHECK ("support_requests"."closed_on" is null or "support_requests"."closed_on" >= "support_requests"."received_on")
);
--> statement-breakpoint
CREATE TABLE "period_locks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "period_locks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"indicator_id" integer,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"locked_by" uuid,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "period_locks_key" UNIQUE NULLS NOT DISTINCT("plan_id","indicator_id","period_end")
);
--> statement-breakpoint
CREATE TABLE "progress_update_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "progress_update_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"update_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"value" numeric,
	"numerator" numeric,
	"denominator" numeric,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"city_id" integer,
	"cluster_id" integer,
	"partner_id" integer,
	"note" text,
	"evidence_url" text,
	"status" "update_status" NOT NULL,
	"changed_by" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_update_versions_key" UNIQUE("update_id","version")
);
--> statement-breakpoint
CREATE TABLE "progress_updates" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "progress_updates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"indicator_id" integer NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" numeric,
	"numerator" numeric,
	"denominator" numeric,
	"city_id" integer,
	"cluster_id" integer,
	"partner_id" integer,
	"note" text,
	"evidence_url" text,
	"status" "update_status" DEFAULT 'draft' NOT NULL,
	"reported_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"idempotency_key" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_updates_idempotency_key" UNIQUE("idempotency_key"),
	CONSTRAINT "progress_updates_period_ordered" CHECK ("progress_updates"."period_start" <= "progress_updates"."period_end"),
	CONSTRAINT "progress_updates_has_value" CHECK ("progress_updates"."value" is not null or ("progress_updates"."numerator" is not null and "progress_updates"."denominator" is not null)),
	CONSTRAINT "progress_updates_denominator_positive" CHECK ("progress_updates"."denominator" is null or "progress_updates"."denominator" > 0),
	CONSTRAINT "progress_updates_version_positive" CHECK ("progress_updates"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"indicator_id" integer,
	"meeting_item_id" integer,
	"parent_id" integer,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_one_subject" CHECK (num_nonnulls("comments"."indicator_id", "comments"."meeting_item_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "meeting_item_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_item_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"goal_id" integer,
	"indicator_id" integer,
	CONSTRAINT "meeting_item_links_one_target" CHECK (num_nonnulls("meeting_item_links"."goal_id", "meeting_item_links"."indicator_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "meeting_item_status_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_item_status_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"item_id" integer NOT NULL,
	"status" "meeting_item_status" NOT NULL,
	"changed_on" date NOT NULL,
	"changed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"kind" "meeting_item_kind" NOT NULL,
	"text" text NOT NULL,
	"owner_id" uuid,
	"owner_name" text,
	"due_on" date,
	"status" "meeting_item_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer,
	"kind" "meeting_kind" NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"participants" text,
	"agenda" text,
	"minutes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_target_id_indicator_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."indicator_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_revisions" ADD CONSTRAINT "target_revisions_revised_by_users_id_fk" FOREIGN KEY ("revised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_cities" ADD CONSTRAINT "activity_cities_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_cities" ADD CONSTRAINT "activity_cities_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_status_history" ADD CONSTRAINT "city_status_history_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_status_history" ADD CONSTRAINT "city_status_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_stage_history" ADD CONSTRAINT "cluster_stage_history_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_stage_history" ADD CONSTRAINT "cluster_stage_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_lead_city_id_cities_id_fk" FOREIGN KEY ("lead_city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_cities" ADD CONSTRAINT "partner_cities_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_cities" ADD CONSTRAINT "partner_cities_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_status_history" ADD CONSTRAINT "partner_status_history_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_status_history" ADD CONSTRAINT "partner_status_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_status_history" ADD CONSTRAINT "support_request_status_history_request_id_support_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."support_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_request_status_history" ADD CONSTRAINT "support_request_status_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_update_versions" ADD CONSTRAINT "progress_update_versions_update_id_progress_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."progress_updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_update_versions" ADD CONSTRAINT "progress_update_versions_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_update_versions" ADD CONSTRAINT "progress_update_versions_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_update_versions" ADD CONSTRAINT "progress_update_versions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_update_versions" ADD CONSTRAINT "progress_update_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_meeting_item_id_meeting_items_id_fk" FOREIGN KEY ("meeting_item_id") REFERENCES "public"."meeting_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item_links" ADD CONSTRAINT "meeting_item_links_item_id_meeting_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."meeting_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item_links" ADD CONSTRAINT "meeting_item_links_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item_links" ADD CONSTRAINT "meeting_item_links_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item_status_history" ADD CONSTRAINT "meeting_item_status_history_item_id_meeting_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."meeting_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_item_status_history" ADD CONSTRAINT "meeting_item_status_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_items" ADD CONSTRAINT "meeting_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_items" ADD CONSTRAINT "meeting_items_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "goals_plan_idx" ON "goals" USING btree ("plan_id","sort_order");--> statement-breakpoint
CREATE INDEX "indicators_goal_idx" ON "indicators" USING btree ("goal_id","sort_order");--> statement-breakpoint
CREATE INDEX "indicators_owner_idx" ON "indicators" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "target_revisions_indicator_idx" ON "target_revisions" USING btree ("indicator_id","effective_on");--> statement-breakpoint
CREATE INDEX "target_revisions_target_idx" ON "target_revisions" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "target_revisions_revised_by_idx" ON "target_revisions" USING btree ("revised_by");--> statement-breakpoint
CREATE UNIQUE INDEX "work_plans_one_endorsed_per_year" ON "work_plans" USING btree ("year") WHERE "work_plans"."status" = 'endorsed';--> statement-breakpoint
CREATE INDEX "activities_held_on_idx" ON "activities" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "activity_cities_city_idx" ON "activity_cities" USING btree ("city_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cities_country_name_key" ON "cities" USING btree ("country",lower("name"));--> statement-breakpoint
CREATE INDEX "cities_status_idx" ON "cities" USING btree ("status");--> statement-breakpoint
CREATE INDEX "city_status_history_city_idx" ON "city_status_history" USING btree ("city_id","changed_on");--> statement-breakpoint
CREATE INDEX "city_status_history_changed_by_idx" ON "city_status_history" USING btree ("changed_by");--> statement-breakpoint
CREATE INDEX "cluster_members_cluster_idx" ON "cluster_members" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "cluster_members_city_idx" ON "cluster_members" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "cluster_stage_history_cluster_idx" ON "cluster_stage_history" USING btree ("cluster_id","changed_on");--> statement-breakpoint
CREATE INDEX "cluster_stage_history_changed_by_idx" ON "cluster_stage_history" USING btree ("changed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "clusters_name_key" ON "clusters" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "clusters_lead_city_idx" ON "clusters" USING btree ("lead_city_id");--> statement-breakpoint
CREATE INDEX "clusters_stage_idx" ON "clusters" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "partner_cities_city_idx" ON "partner_cities" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "partner_status_history_partner_idx" ON "partner_status_history" USING btree ("partner_id","changed_on");--> statement-breakpoint
CREATE INDEX "partner_status_history_changed_by_idx" ON "partner_status_history" USING btree ("changed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_name_key" ON "partners" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "partners_status_idx" ON "partners" USING btree ("status");--> statement-breakpoint
CREATE INDEX "support_request_status_history_request_idx" ON "support_request_status_history" USING btree ("request_id","changed_on");--> statement-breakpoint
CREATE INDEX "support_request_status_history_changed_by_idx" ON "support_request_status_history" USING btree ("changed_by");--> statement-breakpoint
CREATE INDEX "support_requests_city_idx" ON "support_requests" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "support_requests_status_idx" ON "support_requests" USING btree ("status","received_on");--> statement-breakpoint
CREATE INDEX "period_locks_indicator_idx" ON "period_locks" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "period_locks_locked_by_idx" ON "period_locks" USING btree ("locked_by");--> statement-breakpoint
CREATE INDEX "progress_update_versions_city_idx" ON "progress_update_versions" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "progress_update_versions_cluster_idx" ON "progress_update_versions" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "progress_update_versions_partner_idx" ON "progress_update_versions" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "progress_update_versions_changed_by_idx" ON "progress_update_versions" USING btree ("changed_by");--> statement-breakpoint
CREATE INDEX "progress_updates_indicator_period_idx" ON "progress_updates" USING btree ("indicator_id","status","period_end");--> statement-breakpoint
CREATE INDEX "progress_updates_series_idx" ON "progress_updates" USING btree ("indicator_id",coalesce("city_id", 0),coalesce("cluster_id", 0),coalesce("partner_id", 0),"period_end");--> statement-breakpoint
CREATE INDEX "progress_updates_city_idx" ON "progress_updates" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "progress_updates_cluster_idx" ON "progress_updates" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "progress_updates_partner_idx" ON "progress_updates" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "progress_updates_reported_by_idx" ON "progress_updates" USING btree ("reported_by","status");--> statement-breakpoint
CREATE INDEX "progress_updates_reviewed_by_idx" ON "progress_updates" USING btree ("reviewed_by");--> statement-breakpoint
CREATE INDEX "comments_indicator_idx" ON "comments" USING btree ("indicator_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_meeting_item_idx" ON "comments" USING btree ("meeting_item_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "meeting_item_links_item_idx" ON "meeting_item_links" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "meeting_item_links_goal_idx" ON "meeting_item_links" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "meeting_item_links_indicator_idx" ON "meeting_item_links" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "meeting_item_status_history_item_idx" ON "meeting_item_status_history" USING btree ("item_id","changed_on");--> statement-breakpoint
CREATE INDEX "meeting_item_status_history_changed_by_idx" ON "meeting_item_status_history" USING btree ("changed_by");--> statement-breakpoint
CREATE INDEX "meeting_items_meeting_idx" ON "meeting_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_items_owner_idx" ON "meeting_items" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "meeting_items_status_due_idx" ON "meeting_items" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "meetings_plan_idx" ON "meetings" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "meetings_kind_held_on_idx" ON "meetings" USING btree ("kind","held_on");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");