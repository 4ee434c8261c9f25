CREATE TABLE "progress_withdrawal_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "progress_withdrawal_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"update_id" bigint NOT NULL,
	"requested_by" uuid,
	"reason" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	CONSTRAINT "progress_withdrawal_requests_decided" CHECK (("progress_withdrawal_requests"."decision" is null) = ("progress_withdrawal_requests"."decided_at" is null) and ("progress_withdrawal_requests"."decision" is null or "progress_withdrawal_requests"."decided_by" is not null))
);
--> statement-breakpoint
-- The throttle is keyed on account and client address (was: account alone). Existing rows get address ''
-- and age out with their window.
ALTER TABLE "sign_in_throttles" DROP CONSTRAINT "sign_in_throttles_pkey";--> statement-breakpoint
ALTER TABLE "sign_in_throttles" ADD COLUMN "ip" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_in_throttles" ADD CONSTRAINT "sign_in_throttles_pkey" PRIMARY KEY("email","ip");--> statement-breakpoint
ALTER TABLE "progress_withdrawal_requests" ADD CONSTRAINT "progress_withdrawal_requests_update_id_progress_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."progress_updates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_withdrawal_requests" ADD CONSTRAINT "progress_withdrawal_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_withdrawal_requests" ADD CONSTRAINT "progress_withdrawal_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "progress_withdrawal_requests_one_open" ON "progress_withdrawal_requests" USING btree ("update_id") WHERE "progress_withdrawal_requests"."decision" is null;--> statement-breakpoint
CREATE INDEX "progress_withdrawal_requests_update_idx" ON "progress_withdrawal_requests" USING btree ("update_id");--> statement-breakpoint
CREATE INDEX "progress_withdrawal_requests_requested_by_idx" ON "progress_withdrawal_requests" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "progress_withdrawal_requests_decided_by_idx" ON "progress_withdrawal_requests" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_at_idx" ON "sign_in_attempts" USING btree ("at");