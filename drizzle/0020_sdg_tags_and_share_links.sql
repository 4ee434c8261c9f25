CREATE TYPE "public"."share_link_kind" AS ENUM('report', 'goal');--> statement-breakpoint
CREATE TABLE "goal_sdg_tags" (
	"goal_id" integer NOT NULL,
	"code" text NOT NULL,
	"tagged_by" uuid,
	"tagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_sdg_tags_goal_id_code_pk" PRIMARY KEY("goal_id","code"),
	CONSTRAINT "goal_sdg_tags_code_shape" CHECK ("goal_sdg_tags"."code" ~ '^(1[0-7]|[1-9])(\.([0-9]{1,2}|[a-d]))?$')
);
--> statement-breakpoint
CREATE TABLE "indicator_sdg_tags" (
	"indicator_id" integer NOT NULL,
	"code" text NOT NULL,
	"tagged_by" uuid,
	"tagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_sdg_tags_indicator_id_code_pk" PRIMARY KEY("indicator_id","code"),
	CONSTRAINT "indicator_sdg_tags_code_shape" CHECK ("indicator_sdg_tags"."code" ~ '^(1[0-7]|[1-9])(\.([0-9]{1,2}|[a-d]))?$')
);
--> statement-breakpoint
CREATE TABLE "share_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"label" text NOT NULL,
	"kind" "share_link_kind" NOT NULL,
	"plan_id" integer NOT NULL,
	"goal_code" text,
	"as_of" date NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"view_count" integer DEFAULT 0 NOT NULL,
	"last_viewed_at" timestamp with time zone,
	CONSTRAINT "share_links_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "share_links_goal_has_code" CHECK (("share_links"."kind" = 'goal') = ("share_links"."goal_code" is not null))
);
--> statement-breakpoint
ALTER TABLE "goal_sdg_tags" ADD CONSTRAINT "goal_sdg_tags_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_sdg_tags" ADD CONSTRAINT "goal_sdg_tags_tagged_by_users_id_fk" FOREIGN KEY ("tagged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_sdg_tags" ADD CONSTRAINT "indicator_sdg_tags_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_sdg_tags" ADD CONSTRAINT "indicator_sdg_tags_tagged_by_users_id_fk" FOREIGN KEY ("tagged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "share_links" ADD CONSTRAINT "share_links_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_sdg_tags_code_idx" ON "goal_sdg_tags" USING btree ("code");--> statement-breakpoint
CREATE INDEX "goal_sdg_tags_tagged_by_idx" ON "goal_sdg_tags" USING btree ("tagged_by");--> statement-breakpoint
CREATE INDEX "indicator_sdg_tags_code_idx" ON "indicator_sdg_tags" USING btree ("code");--> statement-breakpoint
CREATE INDEX "indicator_sdg_tags_tagged_by_idx" ON "indicator_sdg_tags" USING btree ("tagged_by");--> statement-breakpoint
CREATE INDEX "share_links_plan_idx" ON "share_links" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "share_links_created_by_idx" ON "share_links" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "share_links_revoked_by_idx" ON "share_links" USING btree ("revoked_by");