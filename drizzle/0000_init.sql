CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"partner_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_items" (
	"partner_id" text NOT NULL,
	"item" text NOT NULL,
	"completed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_items_partner_id_item_completed_on_pk" PRIMARY KEY("partner_id","item","completed_on")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"slack_user_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"profile" text NOT NULL,
	"referent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"type" text NOT NULL,
	"operator_program" text,
	"slack_channel_id" text,
	"manager_slack_user_id" text,
	"joined_on" date NOT NULL,
	"tier" text NOT NULL,
	"tier_since" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "revenue_lines" (
	"partner_id" text NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revenue_lines_partner_id_month_category_pk" PRIMARY KEY("partner_id","month","category")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"slack_user_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tier_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"kind" text NOT NULL,
	"semester" text,
	"effective_on" date NOT NULL,
	"average_cents" bigint,
	"active_months" integer,
	"computed_tier" text,
	"previous_tier" text,
	"tier" text NOT NULL,
	"reason" text,
	"actor" text NOT NULL,
	"catalog_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_completions" (
	"id" serial PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"contact_id" integer NOT NULL,
	"training" text NOT NULL,
	"completed_on" date NOT NULL,
	"status" text DEFAULT 'confirmed' NOT NULL,
	"declared_by" text,
	"confirmed_by" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checklist_items" ADD CONSTRAINT "checklist_items_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_lines" ADD CONSTRAINT "revenue_lines_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_history" ADD CONSTRAINT "tier_history_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_partner_idx" ON "audit_log" USING btree ("partner_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_slack_user_idx" ON "contacts" USING btree ("slack_user_id");--> statement-breakpoint
CREATE INDEX "contacts_partner_idx" ON "contacts" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "partners_search_name_idx" ON "partners" USING btree ("search_name");--> statement-breakpoint
CREATE INDEX "partners_manager_idx" ON "partners" USING btree ("manager_slack_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partners_channel_idx" ON "partners" USING btree ("slack_channel_id");--> statement-breakpoint
CREATE INDEX "partners_tier_idx" ON "partners" USING btree ("tier");--> statement-breakpoint
CREATE INDEX "revenue_month_idx" ON "revenue_lines" USING btree ("month");--> statement-breakpoint
CREATE INDEX "tier_history_partner_idx" ON "tier_history" USING btree ("partner_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "tier_history_evaluation_idx" ON "tier_history" USING btree ("partner_id","semester") WHERE "tier_history"."kind" = 'evaluation';--> statement-breakpoint
CREATE UNIQUE INDEX "training_contact_idx" ON "training_completions" USING btree ("contact_id","training");--> statement-breakpoint
CREATE INDEX "training_partner_idx" ON "training_completions" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "training_pending_idx" ON "training_completions" USING btree ("status") WHERE "training_completions"."status" = 'pending';