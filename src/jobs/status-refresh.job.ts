import { refreshPartnerStatuses } from '../services/partner-status-snapshot.service.js';
import type { JobDefinition } from './occurrences.js';

/**
 * Every partner's status snapshot computed for the new day (STATUS_REFRESH_CRON, 00:05 by default, and at
 * start when the day's run was missed), so that the day's first list or App Home does not pay for it.
 * Readers would recompute stale rows anyway: this only moves the work off their path.
 */
export const statusRefreshJob: JobDefinition = {
  name: 'status-refresh',
  cronSetting: 'STATUS_REFRESH_CRON',
  async run({ tx, deps, today }) {
    // In the occurrence's transaction, as every job (PGlite has one connection: work outside it would wait
    // for it). Writers touching a partner meanwhile wait for the snapshot row until the refresh commits.
    const { stale, saved } = await refreshPartnerStatuses(tx, deps.catalog, today);
    return { today, stale, saved };
  },
};
