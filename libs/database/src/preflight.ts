import { Client } from 'pg';
import { redactUrl, type DatabaseConfig } from '@app/config';

/** Thrown before boot when the database cannot be reached; the message is meant for an operator's terminal. */
export class DatabaseUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnreachableError';
  }
}

/**
 * Checks that PostgreSQL answers before the application boots, so an unreachable DATABASE_URL ends with one clear
 * line instead of retries and stack traces. SQLite needs no check: its file is created on demand.
 */
export async function assertDatabaseReachable(config: DatabaseConfig): Promise<void> {
  if (config.dialect !== 'postgres' || !config.url) {
    return;
  }
  const client = new Client({
    connectionString: config.url,
    connectionTimeoutMillis: config.connectTimeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new DatabaseUnreachableError(
      `Cannot connect to PostgreSQL at ${redactUrl(config.url)} (DATABASE_URL): ${reason}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
