CREATE INDEX "outbox_claim_idx" ON "outbox" USING btree ("next_attempt_at","id") WHERE "outbox"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "partners_lower_id_idx" ON "partners" USING btree (lower("id"));--> statement-breakpoint
CREATE INDEX "partners_search_name_prefix_idx" ON "partners" USING btree ("search_name" text_pattern_ops);