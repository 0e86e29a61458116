import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

export type Json = Record<string, unknown>;

const columnsOf = new WeakMap<PgTable, [string, ReturnType<typeof getTableColumns>[string]][]>();

/** A row as `row_to_json` gives it (column names, JSON values), as drizzle gives it (its keys and types). */
export function fromJson<T extends PgTable>(table: T, json: Json): T['$inferSelect'] {
  let columns = columnsOf.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table));
    columnsOf.set(table, columns);
  }
  const row: Json = {};
  for (const [key, column] of columns) {
    const value = json[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as T['$inferSelect'];
}
