import { evaluateAndAnnounce } from '../services/evaluation-approval.service.js';
import { announcementViews } from '../slack/views/announcements.view.js';
import type { JobDefinition } from './occurrences.js';

/** Semester re-evaluation, on EVALUATION_CRON (1 January and 1 July, 06:00): evaluates as of that day. */
export const evaluationJob: JobDefinition = {
  name: 'evaluation',
  cronSetting: 'EVALUATION_CRON',
  async run({ tx, deps, today }) {
    const { result, queued, hold, summaryWithheld } = await evaluateAndAnnounce(tx, deps, announcementViews, {
      asOf: today,
      actor: 'job:evaluation',
    });
    return {
      semester: result.semester.code,
      promotions: result.promotions,
      demotions: result.demotions,
      queued: queued.length,
      ...(hold ? { awaitingApproval: hold } : {}),
      // ANNOUNCE_CHANNEL_ID is shared with another organisation: the summary waits in the outbox.
      ...(summaryWithheld ? { summaryHeld: 'team channel shared outside' } : {}),
    };
  },
};
