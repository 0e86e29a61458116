CREATE TABLE "partner_statuses" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	"computed_generation" bigint,
	"computed_for" date,
	"computed_with" text,
	"has_left" boolean DEFAULT false NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"missed" integer DEFAULT 0 NOT NULL,
	"average_so_far_cents" bigint,
	"demotion_to" text,
	"missing_to_keep_cents" bigint,
	"promotion_to" text,
	"missing_for_next_cents" bigint,
	"details" jsonb
);
--> statement-breakpoint
ALTER TABLE "partner_statuses" ADD CONSTRAINT "partner_statuses_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;