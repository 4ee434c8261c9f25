CREATE TABLE "budget_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "budget_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"title_zh" text,
	"goal_id" integer,
	"funding_source" text NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_plan_code_key" UNIQUE("plan_id","code"),
	CONSTRAINT "budget_lines_amount_not_negative" CHECK ("budget_lines"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "budget_revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "budget_revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"line_id" integer NOT NULL,
	"old_amount" numeric(16, 2) NOT NULL,
	"new_amount" numeric(16, 2) NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	"revised_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expenditures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "expenditures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"line_id" integer NOT NULL,
	"spent_on" date NOT NULL,
	"amount" numeric(16, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"rate" numeric(20, 10) DEFAULT '1' NOT NULL,
	"base_amount" numeric(16, 2) GENERATED ALWAYS AS (round(amount * rate, 2)) STORED NOT NULL,
	"description" text NOT NULL,
	"reference" text,
	"evidence_url" text,
	"replaces_id" integer,
	"correction_reason" text,
	"superseded_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expenditures_amount_positive" CHECK ("expenditures"."amount" > 0),
	CONSTRAINT "expenditures_rate_positive" CHECK ("expenditures"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "plan_budget_settings" (
	"plan_id" integer PRIMARY KEY NOT NULL,
	"base_currency" char(3) DEFAULT 'USD' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_revisions" ADD CONSTRAINT "budget_revisions_line_id_budget_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_revisions" ADD CONSTRAINT "budget_revisions_revised_by_users_id_fk" FOREIGN KEY ("revised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenditures" ADD CONSTRAINT "expenditures_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenditures" ADD CONSTRAINT "expenditures_line_id_budget_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenditures" ADD CONSTRAINT "expenditures_replaces_id_expenditures_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."expenditures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenditures" ADD CONSTRAINT "expenditures_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_budget_settings" ADD CONSTRAINT "plan_budget_settings_plan_id_work_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."work_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_lines_goal_idx" ON "budget_lines" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "budget_revisions_line_idx" ON "budget_revisions" USING btree ("line_id","effective_on");--> statement-breakpoint
CREATE INDEX "budget_revisions_revised_by_idx" ON "budget_revisions" USING btree ("revised_by");--> statement-breakpoint
CREATE INDEX "expenditures_plan_spent_idx" ON "expenditures" USING btree ("plan_id","spent_on");--> statement-breakpoint
CREATE INDEX "expenditures_line_idx" ON "expenditures" USING btree ("line_id","spent_on");--> statement-breakpoint
CREATE INDEX "expenditures_replaces_idx" ON "expenditures" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "expenditures_recorded_by_idx" ON "expenditures" USING btree ("recorded_by");