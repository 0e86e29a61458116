import { jobRunMessages } from '../i18n/job-runs.js';
import { evaluateSemester } from '../services/evaluation.service.js';
import { evaluateAndAnnounce } from '../services/evaluation-approval.service.js';
import { announcementViews } from '../slack/views/announcements.view.js';
import { parseAsOfArgs } from './as-of-args.js';
import type { CliContext } from './context.js';

import { EVALUATE_USAGE } from './usages.js';

export async function evaluateCommand(args: string[], ctx: CliContext): Promise<number> {
  const { asOf, dryRun } = parseAsOfArgs(args, ctx.today(), EVALUATE_USAGE);
  // A real run also queues the announcements, in the evaluation's transaction.
  const announced = dryRun
    ? undefined
    : await evaluateAndAnnounce(ctx.database.db, ctx, announcementViews, { asOf, actor: ctx.actor });
  const result =
    announced?.result ??
    (await evaluateSemester(ctx.database.db, ctx.catalog, { asOf, dryRun: true, actor: ctx.actor }));
  const { semester } = result;
  const m = jobRunMessages[ctx.locale ?? 'en'].evaluate;
  ctx.print(
    m.header(
      result.dryRun,
      semester.code,
      semester.firstMonth,
      semester.lastMonth,
      semester.evaluationOn,
      result.catalogVersion,
    ),
  );
  const width = Math.max(0, ...result.partners.map((p) => p.name.length));
  for (const p of result.partners) {
    const note = p.recordedNow ? '' : m.alreadyRecorded;
    ctx.print(`${p.name.padEnd(width)}  ${p.previousTier} -> ${p.tier}${note}`);
  }
  const already = result.partners.filter((p) => !p.recordedNow).length;
  ctx.print(
    m.totals(result.promotions, result.demotions, result.unchanged) +
      (already ? m.alreadyTotal(already, semester.code) : ''),
  );
  if (announced)
    ctx.print(
      announced.queued.length === 0
        ? m.noAnnouncement
        : m.announced(announced.queued.length, Boolean(announced.hold)),
    );
  return 0;
}
