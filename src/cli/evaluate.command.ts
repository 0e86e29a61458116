import { evaluateSemester } from '../services/evaluation.service.js';
import { evaluateAndAnnounce } from '../services/evaluation-approval.service.js';
import { announcementViews } from '../slack/views/announcements.view.js';
import { parseAsOfArgs } from './as-of-args.js';
import type { CliContext } from './context.js';
import { count } from './count.js';

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
  ctx.print(
    `${result.dryRun ? 'Dry run: ' : ''}evaluation of ${semester.code} (${semester.firstMonth.slice(0, 7)} to ${semester.lastMonth.slice(0, 7)}), effective ${semester.evaluationOn}, catalog ${result.catalogVersion}`,
  );
  const width = Math.max(0, ...result.partners.map((p) => p.name.length));
  for (const p of result.partners) {
    const note = p.recordedNow ? '' : '  (already recorded)';
    ctx.print(`${p.name.padEnd(width)}  ${p.previousTier} -> ${p.tier}${note}`);
  }
  const already = result.partners.filter((p) => !p.recordedNow).length;
  ctx.print(
    `${result.promotions} promoted, ${result.demotions} demoted, ${result.unchanged} unchanged` +
      (already ? ` (${already} already recorded for ${semester.code}: nothing changed for them)` : ''),
  );
  if (announced)
    ctx.print(
      announced.queued.length === 0
        ? 'No announcement queued (nothing newly recorded).'
        : `${count(announced.queued.length, 'announcement')} queued in the outbox${announced.hold ? ', partner messages held until an admin approves in Slack' : ''} (the running app delivers them).`,
    );
  return 0;
}
