CREATE TABLE "progress_update_evidence_files" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "progress_update_evidence_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"update_id" bigint NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_update_evidence_files_size" CHECK ("progress_update_evidence_files"."size" > 0 and "progress_update_evidence_files"."size" <= 10485760 and octet_length("progress_update_evidence_files"."content") = "progress_update_evidence_files"."size"),
	CONSTRAINT "progress_update_evidence_files_sha256" CHECK ("progress_update_evidence_files"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "progress_update_evidence_files" ADD CONSTRAINT "progress_update_evidence_files_update_id_progress_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."progress_updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_update_evidence_files" ADD CONSTRAINT "progress_update_evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_update_evidence_files_update_idx" ON "progress_update_evidence_files" USING btree ("update_id");--> statement-breakpoint
CREATE INDEX "progress_update_evidence_files_uploaded_by_idx" ON "progress_update_evidence_files" USING btree ("uploaded_by");