ALTER TABLE "contacts" ADD COLUMN "profiles" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "referent_profiles" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "left_reason" text;--> statement-breakpoint
ALTER TABLE "tier_history" ADD COLUMN "outcome" text DEFAULT 'applied' NOT NULL;--> statement-breakpoint
UPDATE "contacts" SET "profiles" = ARRAY["profile"], "referent_profiles" = CASE WHEN "referent" THEN ARRAY["profile"] ELSE '{}'::text[] END;
