import type { DataSource, EntityManager } from 'typeorm';

/**
 * A hand-written statement with named parameters (`:name`, `:...list`) on either dialect, for hot paths where
 * TypeORM's query building and entity hydration cost more than the query (read columns with `readTimestamp` /
 * `readJson`).
 */
export function rawQuery<T>(
  source: DataSource | EntityManager,
  sql: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const dataSource = 'manager' in source ? source : source.connection;
  const [statement, values] = dataSource.driver.escapeQueryWithParameters(sql, params);
  return source.query<T[]>(statement, values);
}
