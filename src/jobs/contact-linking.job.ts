import { linkContacts } from '../services/contact-linking.service.js';
import type { JobDefinition } from './occurrences.js';

/**
 * Contacts known only by their e-mail, looked up on Slack every weekday before the reminders (LINKING_CRON):
 * one found is reminded on Slack from that day on. Scheduled only when the app runs on Slack.
 */
export const contactLinkingJob: JobDefinition = {
  name: 'contact-linking',
  cronSetting: 'LINKING_CRON',
  async run({ tx, deps }) {
    if (!deps.slack) return { skipped: 'no Slack client' };
    const report = await linkContacts(tx, deps.slack, { actor: 'job:contact-linking' });
    return {
      looked: report.looked,
      linked: report.linked.length,
      notFound: report.notFound,
      failed: report.failed,
    };
  },
};
