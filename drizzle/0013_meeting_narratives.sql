CREATE TYPE "public"."narrative_version_kind" AS ENUM('generated', 'edited');--> statement-breakpoint
CREATE TABLE "meeting_narrative_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_narrative_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"narrative_id" integer NOT NULL,
	"kind" "narrative_version_kind" NOT NULL,
	"as_of" date NOT NULL,
	"since" date NOT NULL,
	"previous_meeting_id" integer,
	"body_en" text NOT NULL,
	"body_zh" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_narratives" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_narratives_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"meeting_id" integer NOT NULL,
	"approved_version_id" integer,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_narratives_meeting_id_unique" UNIQUE("meeting_id")
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "meeting_narrative_versions" ADD CONSTRAINT "meeting_narrative_versions_narrative_id_meeting_narratives_id_fk" FOREIGN KEY ("narrative_id") REFERENCES "public"."meeting_narratives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_narrative_versions" ADD CONSTRAINT "meeting_narrative_versions_previous_meeting_id_meetings_id_fk" FOREIGN KEY ("previous_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_narrative_versions" ADD CONSTRAINT "meeting_narrative_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_narratives" ADD CONSTRAINT "meeting_narratives_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_narratives" ADD CONSTRAINT "meeting_narratives_approved_version_id_meeting_narrative_versions_id_fk" FOREIGN KEY ("approved_version_id") REFERENCES "public"."meeting_narrative_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_narratives" ADD CONSTRAINT "meeting_narratives_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_narrative_versions_narrative_idx" ON "meeting_narrative_versions" USING btree ("narrative_id","id");--> statement-breakpoint
CREATE INDEX "meeting_narrative_versions_previous_meeting_idx" ON "meeting_narrative_versions" USING btree ("previous_meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_narrative_versions_created_by_idx" ON "meeting_narrative_versions" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "meeting_narratives_approved_version_idx" ON "meeting_narratives" USING btree ("approved_version_id");--> statement-breakpoint
CREATE INDEX "meeting_narratives_approved_by_idx" ON "meeting_narratives" USING btree ("approved_by");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_closed_by_idx" ON "meetings" USING btree ("closed_by");--> statement-breakpoint
-- A narrative's versions are kept as written (the approved text stays what was approved): UPDATE and DELETE are refused.
CREATE OR REPLACE FUNCTION meeting_narrative_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'meeting_narrative_versions is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER meeting_narrative_versions_no_update_delete BEFORE UPDATE OR DELETE ON meeting_narrative_versions
  FOR EACH ROW EXECUTE FUNCTION meeting_narrative_versions_refuse_change();
