-- Contacts written by code older than 0006's back-fill (profiles still empty) keep their one profile.
UPDATE "contacts" SET "profiles" = ARRAY["profile"], "referent_profiles" = CASE WHEN "referent" THEN ARRAY["profile"] ELSE '{}'::text[] END WHERE cardinality("profiles") = 0;--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "profile";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "referent";