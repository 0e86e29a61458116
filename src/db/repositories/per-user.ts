import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The ON CONFLICT of a value kept per Slack user: the new value, with updated_at, only when it differs,
 * so that the same value again writes nothing and updated_at says when the value last changed.
 */
export function whenChanged<Set extends Record<string, unknown>>(
  key: AnyPgColumn,
  column: AnyPgColumn,
  set: Set,
) {
  return {
    target: key,
    set: { ...set, updatedAt: sql`now()` },
    setWhere: sql`${column} <> excluded.${sql.identifier(column.name)}`,
  };
}
