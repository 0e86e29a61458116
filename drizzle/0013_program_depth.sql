CREATE TABLE "benefit_uses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"benefit" text NOT NULL,
	"period" text NOT NULL,
	"used_on" date NOT NULL,
	"reference" text NOT NULL,
	"contact_id" integer,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operator_fees" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"opening_fee_paid_on" date,
	"retrocession_basis_points" integer,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"note" text NOT NULL,
	"reviewed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_objectives" (
	"partner_id" text NOT NULL,
	"quarter" text NOT NULL,
	"objective_cents" bigint,
	"objective_by" text,
	"forecast_cents" bigint,
	"forecast_on" date,
	"forecast_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_objectives_partner_id_quarter_pk" PRIMARY KEY("partner_id","quarter")
);
--> statement-breakpoint
CREATE TABLE "zen_listings" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"listed_since" date NOT NULL,
	"domains" text[] NOT NULL,
	"departements" text[] NOT NULL,
	"intervention_hours" integer NOT NULL,
	"suspended_on" date,
	"suspended_reason" text,
	"listed_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benefit_uses" ADD CONSTRAINT "benefit_uses_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_uses" ADD CONSTRAINT "benefit_uses_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_fees" ADD CONSTRAINT "operator_fees_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reviews" ADD CONSTRAINT "plan_reviews_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_objectives" ADD CONSTRAINT "sales_objectives_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zen_listings" ADD CONSTRAINT "zen_listings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_uses_once_idx" ON "benefit_uses" USING btree ("partner_id","benefit","period");--> statement-breakpoint
CREATE INDEX "plan_reviews_partner_idx" ON "plan_reviews" USING btree ("partner_id","reviewed_on");