import type { Db } from '../../src/db/client.js';
import { createPartnersRepository } from '../../src/db/repositories/partners.repository.js';
import type { Catalog } from '../../src/program/catalog.schema.js';
import type { PartnerCommandDeps } from '../../src/slack/partner-command/types.js';

/** What the /partner core gets in tests: the database, the catalog, a fixed clock; failures collected. */
export function commandDeps(
  db: Db,
  catalog: Catalog,
  options: { now: () => Date; errors?: unknown[] },
): PartnerCommandDeps {
  return {
    db,
    catalog,
    config: { PROGRAM_TIMEZONE: 'Europe/Paris' },
    now: options.now,
    partners: createPartnersRepository(db),
    logger: { error: (_message: unknown, error?: unknown) => options.errors?.push(error) },
  };
}
