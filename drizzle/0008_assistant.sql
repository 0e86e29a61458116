CREATE TABLE "assistant_threads" (
	"channel_id" text NOT NULL,
	"thread_ts" text NOT NULL,
	"intent" text NOT NULL,
	"partner_id" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assistant_threads_channel_id_thread_ts_pk" PRIMARY KEY("channel_id","thread_ts")
);
--> statement-breakpoint
CREATE TABLE "seen_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "thread_ts" text;--> statement-breakpoint
CREATE INDEX "assistant_threads_updated_idx" ON "assistant_threads" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "seen_events_expires_idx" ON "seen_events" USING btree ("expires_at");