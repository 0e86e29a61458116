import { createRepositories } from '../db/repositories/index.js';
import { label } from '../i18n/format.js';
import { zenDirectoryMessages } from '../i18n/zen-directory.js';
import { enqueue } from '../outbox/enqueue.js';
import { semesterContaining } from '../program/semesters.js';
import { zenEligibility } from '../program/zen.js';
import { escapeMrkdwn } from '../slack/views/escape.js';
import type { JobDefinition } from './occurrences.js';

/**
 * Experts Zen listings that no longer qualify (an evaluation took the partner below Business, a
 * certification lapsed: catalog validForMonths) are suspended, and the partner's manager is told once:
 * a listing already suspended is not suspended again. Runs with the reminders (REMINDER_CRON).
 */
export const zenListingsJob: JobDefinition = {
  name: 'zen-listings',
  cronSetting: 'REMINDER_CRON',
  async run({ tx, deps, today }) {
    const repos = createRepositories(tx);
    const listings = await repos.zenListings.active();
    if (listings.length === 0) return { today, suspended: 0 };
    const records = await repos.partners.records(
      listings.map((l) => l.partnerId),
      semesterContaining(deps.catalog, today).firstMonth,
    );
    const locale = deps.config.LOCALE;
    const messages = [];
    for (const record of records) {
      const { partner } = record;
      const eligibility = zenEligibility(
        deps.catalog,
        { tier: partner.tier, checklist: record.checklist },
        today,
      );
      if (eligibility.eligible) continue;
      const reasons = eligibility.unmet.map((r) => r.code).join(', ');
      if (!(await repos.zenListings.suspend(partner.id, today, reasons, deps.now()))) continue;
      await repos.audit.record({
        actor: 'job:zen-listings',
        action: 'zen.suspend',
        partnerId: partner.id,
        details: { unmet: eligibility.unmet.map((r) => r.code) },
      });
      if (!partner.managerSlackUserId) continue;
      const text = zenDirectoryMessages[locale].suspended(
        escapeMrkdwn(partner.name),
        eligibility.unmet.map((r) => escapeMrkdwn(label(r.label, locale))).join(' · '),
      );
      messages.push({
        dedupeKey: `zen-suspended:${partner.id}:${today}`,
        kind: 'zen.suspended',
        channel: partner.managerSlackUserId,
        text,
      });
    }
    const queued = await enqueue(tx, messages);
    return { today, suspended: messages.length, queued: queued.length };
  },
};
