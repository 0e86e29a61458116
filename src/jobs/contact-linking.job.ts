import { findOnSlack, recordLinks, type SlackLookup } from '../services/contact-linking.service.js';
import type { JobDefinition } from './occurrences.js';

/**
 * Contacts known only by their e-mail, looked up on Slack every weekday before the reminders (LINKING_CRON):
 * one found is reminded on Slack from that day on. Scheduled only when the app runs on Slack.
 * The lookups (one Slack call a contact) come before the occurrence's transaction; only the links are
 * written in it.
 */
export const contactLinkingJob: JobDefinition<SlackLookup | undefined> = {
  name: 'contact-linking',
  cronSetting: 'LINKING_CRON',
  async prepare({ deps }) {
    return deps.slack && findOnSlack(deps.db, deps.slack);
  },
  async run({ tx, prepared }) {
    if (!prepared) return { skipped: 'no Slack client' };
    const report = await recordLinks(tx, prepared, { actor: 'job:contact-linking' });
    return {
      looked: report.looked,
      linked: report.linked.length,
      notFound: report.notFound,
      failed: report.failed,
    };
  },
};
