import { sql } from 'drizzle-orm';
import { type Config, loadConfig } from '../src/config.js';
import { type Db, rowsOf } from '../src/db/client.js';
import { createOutboxRepository } from '../src/db/repositories/outbox.repository.js';
import { instantForDay } from '../src/jobs/index.js';
import { runJobOccurrence } from '../src/jobs/occurrences.js';
import { remindersJob } from '../src/jobs/reminders.job.js';
import { type DispatcherLimits, enqueue, startDispatcher } from '../src/outbox/index.js';
import { loadCatalog } from '../src/program/catalog.load.js';
import { addDays, type IsoDate } from '../src/program/dates.js';
import { isWeekday } from '../src/program/reminders.js';
import { lastEvaluation } from '../src/program/semesters.js';
import { partnerAnnouncements } from '../src/slack/views/announcements.view.js';
import { type LimitedFakeSlack, type PostingLimits, startLimitedFakeSlack } from './fake-slack-limits.js';
import { BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET } from './slack-load.js';
import { benchPostgres, round, timed } from './support.js';

export interface DeliveryOptions {
  announcements?: number;
  /** Partners of the reminder run, each with `contactsPerPartner` contacts due a training today. */
  reminderPartners?: number;
  contactsPerPartner?: number;
  /** The workspace budget, the same for the fake Slack and the dispatcher (messages per second). */
  workspacePerSecond?: number;
  workspaceBurst?: number;
  /** Dispatcher workers (messages in flight at once). */
  concurrency?: number;
}

/** A Tuesday: the reminder job runs on weekdays, and Monday would also catch up the weekend. */
const REMINDER_DAY: IsoDate = '2026-06-02';

export interface DeliveryFigures {
  messages: number;
  /** From the dispatcher's start to the last post Slack accepted. */
  seconds: number;
  /** messages / workspace budget: the fastest the budget allows. */
  floorSeconds: number;
  ratio: number;
  rateLimited: { channel: number; workspace: number };
  lost: number;
  duplicated: number;
  /** Outbox rows by status once delivered (every one 'sent'). */
  outbox: Record<string, number>;
}

/**
 * Runs the real dispatcher (startDispatcher, its own Web API client) until every expected message is
 * out, within a bound; then checks each dedupe key reached Slack exactly once.
 */
async function deliverAll(
  db: Db,
  config: Config,
  fake: LimitedFakeSlack,
  keys: string[],
  limits: Partial<DispatcherLimits> & { workspacePerSecond: number },
): Promise<DeliveryFigures> {
  fake.reset();
  const floorMs = (keys.length / limits.workspacePerSecond) * 1000;
  const deadline = performance.now() + Math.max(60_000, floorMs * 3);
  const repo = createOutboxRepository(db);
  const started = performance.now();
  const running = startDispatcher({ db, config, limits });
  let outbox: Record<string, number> = {};
  try {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      outbox = await repo.counts();
      if (!outbox.pending && !outbox.sending && !outbox.held) break;
      if (performance.now() > deadline) break;
    }
  } finally {
    await running.stop();
  }
  outbox = await repo.counts();
  const expected = new Set(keys);
  let lost = 0;
  let duplicated = 0;
  for (const key of keys) {
    const posts = fake.postsByKey.get(key) ?? 0;
    if (posts === 0) lost += 1;
    duplicated += Math.max(0, posts - 1);
  }
  // Anything Slack received that was not expected is a duplicate of something too.
  for (const [key, posts] of fake.postsByKey) if (!expected.has(key)) duplicated += posts;
  const ms = (fake.lastPostAt ?? performance.now()) - started;
  return {
    messages: keys.length,
    seconds: round(ms / 1000, 2),
    floorSeconds: round(floorMs / 1000, 2),
    ratio: round(ms / floorMs, 3),
    rateLimited: { ...fake.rateLimited },
    lost,
    duplicated,
    outbox,
  };
}

/** Partners at Access since 60 days before `today`: each contact's Access training falls due today. */
async function reminderDataset(db: Db, partners: number, contactsPerPartner: number, today: IsoDate) {
  const joinedOn = addDays(today, -60);
  await db.execute(sql`
    insert into partners (id, name, search_name, type, slack_channel_id, joined_on, tier, tier_since)
    select 'pr' || g, 'Reminded ' || g, 'reminded ' || g, 'ambassador', 'CPR' || g,
      ${joinedOn}::date, 'access', ${joinedOn}::date
    from generate_series(1, ${partners}) g`);
  await db.execute(sql`
    insert into contacts (partner_id, slack_user_id, name, profiles)
    select 'pr' || g, 'UR' || g || 'X' || c, 'Contact ' || g || '/' || c,
      array[(array['admin','sales','technical'])[1 + (c - 1) % 3]]
    from generate_series(1, ${partners}) g, generate_series(1, ${contactsPerPartner}) c`);
  await db.execute(sql`analyze`);
}

/**
 * Announcements (one per channel) and a reminder run (one DM per contact) delivered by the outbox
 * dispatcher through a fake Slack enforcing 1 message per second per channel and a workspace budget.
 */
export async function benchDelivery(options: DeliveryOptions = {}) {
  const announcements = options.announcements ?? 2_000;
  const reminderPartners = options.reminderPartners ?? 1_250;
  const contactsPerPartner = options.contactsPerPartner ?? 4;
  const workspacePerSecond = options.workspacePerSecond ?? 200;
  const workspaceBurst = options.workspaceBurst ?? 10;
  const posting: PostingLimits = { perChannelIntervalMs: 1_000, workspacePerSecond, workspaceBurst };
  // The dispatcher keeps to the same budget as the fake; the rest are bench settings, not defaults.
  const limits = { ...posting, concurrency: options.concurrency ?? 8, pollIntervalMs: 100 };
  if (!isWeekday(REMINDER_DAY)) throw new Error(`${REMINDER_DAY} is not a weekday`);

  const catalog = loadCatalog();
  const fake = await startLimitedFakeSlack(posting);
  const database = await benchPostgres();
  try {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'warn',
    });
    const { db } = database;

    // 1. A semester's announcements, each in its partner's channel (rendered as the evaluation job does).
    const semester = lastEvaluation(catalog, '2026-07-01');
    const messages = partnerAnnouncements(catalog, {
      semester,
      changes: Array.from({ length: announcements }, (_, i) => ({
        partnerId: `pa${i + 1}`,
        name: `Partner ${i + 1}`,
        type: i % 2 === 0 ? ('ambassador' as const) : ('operator' as const),
        operatorProgram: i % 2 === 0 ? null : ('standard' as const),
        slackChannelId: `CANN${i + 1}`,
        managerSlackUserId: null,
        previousTier: 'starter',
        tier: 'access',
        averageCents: 250_000,
      })),
      unchanged: 0,
      locale: 'en',
      announceChannel: undefined,
    });
    await enqueue(db, messages);
    const announced = await deliverAll(
      db,
      config,
      fake,
      messages.map((m) => m.dedupeKey),
      limits,
    );

    // 2. The reminders job (its real occurrence path) for contacts due a training today, then delivery.
    await reminderDataset(db, reminderPartners, contactsPerPartner, REMINDER_DAY);
    const job = await timed(() =>
      runJobOccurrence(
        {
          db,
          catalog,
          config,
          logger: { debug() {}, info() {}, warn() {}, error: console.error },
          now: () => new Date(),
          instanceId: 'bench',
        },
        remindersJob,
        instantForDay(config.REMINDER_CRON, config.PROGRAM_TIMEZONE, REMINDER_DAY),
      ),
    );
    if (job.value.status !== 'done')
      throw new Error(`the reminders job did not run: ${JSON.stringify(job.value)}`);
    const keys = rowsOf<{ dedupe_key: string }>(
      await db.execute(sql`select dedupe_key from outbox where kind like 'reminder.%' order by id`),
    ).map((r) => r.dedupe_key);
    const reminded = await deliverAll(db, config, fake, keys, limits);

    return {
      workspacePerSecond,
      workspaceBurst,
      perChannelIntervalMs: posting.perChannelIntervalMs,
      dispatcherConcurrency: limits.concurrency,
      announcements: announced,
      reminders: {
        ...reminded,
        contacts: reminderPartners * contactsPerPartner,
        jobSeconds: round(job.ms / 1000, 2),
        jobSummary: job.value.summary,
      },
    };
  } finally {
    await database.drop();
    await fake.close();
  }
}
