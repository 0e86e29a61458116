import { type Config, loadConfig, programCatalog } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { loadCatalog } from '../program/catalog.load.js';
import type { Catalog } from '../program/catalog.schema.js';
import { localDate } from '../program/dates.js';
import type { Locale } from '../program/locales.js';

export interface CliContext {
  config: Config;
  catalog: Catalog;
  database: Database;
  print: (line: string) => void;
  /** Who the audit log names for writes made from the command line. */
  actor: string;
  now: () => Date;
  today: () => string;
  /** The language `remind` and `evaluate` print in: the console's; the command line speaks English. */
  locale?: Locale;
}

/** Opens what every command needs: configuration, catalog and a migrated database. */
export async function openCliContext(env: NodeJS.ProcessEnv = process.env): Promise<CliContext> {
  const config = loadConfig(env);
  const catalog = programCatalog(loadCatalog(config.CATALOG_PATH), config);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await database.migrate();
  const now = () => new Date();
  return {
    config,
    catalog,
    database,
    print: (line) => process.stdout.write(`${line}\n`),
    actor: `cli:${env.USER ?? 'unknown'}`,
    now,
    today: () => localDate(now(), config.PROGRAM_TIMEZONE),
  };
}
