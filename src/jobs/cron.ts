import { createRequire } from 'node:module';
import type { IsoDate } from '../program/dates.js';
import { localDate } from '../program/dates.js';

interface CronIterator {
  next(): { toDate(): Date };
  prev(): { toDate(): Date };
}

interface CronParser {
  parseExpression(expression: string, options: { currentDate?: Date; tz?: string }): CronIterator;
}

/**
 * The cron parser node-schedule itself uses (its own dependency, resolved from node-schedule's folder):
 * the instants computed here for catch-up are exactly the ones node-schedule fires at, DST included.
 */
const require = createRequire(import.meta.url);
const cronParser = createRequire(require.resolve('node-schedule'))('cron-parser') as CronParser;

export class CronError extends Error {
  constructor(
    readonly setting: string,
    readonly expression: string,
    reason: string,
  ) {
    super(`${setting} "${expression}" is not a valid cron expression: ${reason}`);
    this.name = 'CronError';
  }
}

/** Throws a CronError naming the setting when the expression does not parse. */
export function checkCron(setting: string, expression: string, timeZone: string): void {
  try {
    cronParser.parseExpression(expression, { tz: timeZone }).next();
  } catch (err) {
    throw new CronError(setting, expression, (err as Error).message);
  }
}

/** The last instant at or before `at` the expression names, in the time zone. */
export function previousInstant(expression: string, timeZone: string, at: Date): Date | undefined {
  // cron-parser's prev() is strictly before currentDate: start a second later to include `at` itself.
  const it = cronParser.parseExpression(expression, {
    currentDate: new Date(at.getTime() + 1000),
    tz: timeZone,
  });
  try {
    return it.prev().toDate();
  } catch {
    return undefined;
  }
}

/** The next `count` instants strictly after `after`. */
export function nextInstants(expression: string, timeZone: string, after: Date, count: number): Date[] {
  const it = cronParser.parseExpression(expression, { currentDate: after, tz: timeZone });
  const out: Date[] = [];
  for (let i = 0; i < count; i++) out.push(it.next().toDate());
  return out;
}

/** Offset of the time zone from UTC at an instant, in ms (Paris in summer: +2 h). */
function offsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a calendar day starts in the time zone. */
export function startOfDay(date: IsoDate, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  let instant = guess - offsetMs(new Date(guess), timeZone);
  instant = guess - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/**
 * The instant a job runs for a given day when started by hand (`partner-bot remind --as-of`): the
 * schedule's first instant that day, else the start of the day. Sharing the scheduled instant means a
 * run by hand and the scheduled run of the same day are one occurrence.
 */
export function instantForDay(expression: string, timeZone: string, date: IsoDate): Date {
  const start = startOfDay(date, timeZone);
  const [first] = nextInstants(expression, timeZone, new Date(start.getTime() - 1000), 1);
  return first && localDate(first, timeZone) === date ? first : start;
}
