CREATE TABLE "declaration_links" (
	"nonce" text PRIMARY KEY NOT NULL,
	"contact_id" integer NOT NULL,
	"obligation" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dm_channels" (
	"slack_user_id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_channels" (
	"channel_id" text PRIMARY KEY NOT NULL,
	"externally_shared" boolean NOT NULL,
	"connected_team_ids" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "slack_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "slack_team_id" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "transport" text DEFAULT 'slack' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "mail" jsonb;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "fallback" jsonb;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "reminder_log" ADD COLUMN "route" text;--> statement-breakpoint
ALTER TABLE "declaration_links" ADD CONSTRAINT "declaration_links_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_email_idx" ON "contacts" USING btree (lower("email"));--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_reachable" CHECK ("contacts"."slack_user_id" is not null or "contacts"."email" is not null);