import { format } from 'node:util';
import { type Logger, LogLevel } from '@slack/bolt';

export type { Logger } from '@slack/bolt';
export { LogLevel } from '@slack/bolt';

/** What a part of the program logs through (jobs, the dispatcher): a Bolt logger fits, and so does createLogger's. */
export interface LevelLogger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

export interface LogRecord {
  level: LogLevel;
  name: string;
  message: string;
  time: Date;
}

export type LogSink = (record: LogRecord) => void;

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/** Any Slack token, whoever it belongs to: bot, user, app-level, config or refresh tokens. */
const SLACK_TOKEN = /\bx(?:ox[abpeosr]|app)-[A-Za-z0-9-]+/g;
export const REDACTED = '[redacted]';

/** Removes the given secrets and anything shaped like a Slack token from a string. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  return out.replace(SLACK_TOKEN, REDACTED);
}

export interface LoggerOptions {
  level?: LogLevel | 'debug' | 'info' | 'warn' | 'error';
  name?: string;
  /** Values that must never be written (tokens, signing secret); Slack-shaped tokens are removed anyway. */
  secrets?: readonly (string | undefined)[];
  /** Where records go; defaults to one line per record on stderr. */
  sink?: LogSink;
}

function writeToStderr(record: LogRecord) {
  process.stderr.write(
    `${record.time.toISOString()} ${record.level.toUpperCase().padEnd(5)} [${record.name}] ${record.message}\n`,
  );
}

/**
 * A Bolt-compatible logger that formats every argument (errors, objects) to text first and redacts the
 * result, so a secret nested in an error (a request's Authorization header, a stack) cannot slip through.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s !== '');
  const sink = options.sink ?? writeToStderr;
  let level = (options.level ?? LogLevel.INFO) as LogLevel;
  let name = options.name ?? 'partner-bot';

  const emit = (at: LogLevel, msg: unknown[]) => {
    if (ORDER[at] < ORDER[level]) return;
    sink({ level: at, name, message: redact(format(...msg), secrets), time: new Date() });
  };
  return {
    debug: (...msg) => emit(LogLevel.DEBUG, msg),
    info: (...msg) => emit(LogLevel.INFO, msg),
    warn: (...msg) => emit(LogLevel.WARN, msg),
    error: (...msg) => emit(LogLevel.ERROR, msg),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

/** Wraps any logger so what reaches it is already formatted and redacted. */
export function redactingLogger(inner: Logger, secrets: readonly (string | undefined)[]): Logger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s !== '');
  const clean = (msg: unknown[]) => redact(format(...msg), known);
  return {
    debug: (...msg) => inner.debug(clean(msg)),
    info: (...msg) => inner.info(clean(msg)),
    warn: (...msg) => inner.warn(clean(msg)),
    error: (...msg) => inner.error(clean(msg)),
    setLevel: (l) => inner.setLevel(l),
    getLevel: () => inner.getLevel(),
    setName: (n) => inner.setName(n),
  };
}
