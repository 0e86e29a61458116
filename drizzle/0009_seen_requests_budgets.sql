CREATE TABLE "outbox_budgets" (
	"name" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seen_request_signatures" (
	"signature" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "seen_events_expires_idx";--> statement-breakpoint
CREATE INDEX "seen_request_signatures_expiry_idx" ON "seen_request_signatures" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "seen_events_expiry_idx" ON "seen_events" USING btree ("expires_at");--> statement-breakpoint
ALTER TABLE "seen_events" DROP COLUMN "seen_at";