import type { DataSource } from 'typeorm';

/** What an attacker with database access would do first: switch off the append-only trigger(s). */
export async function disableAuditGuards(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type === 'postgres') {
    await dataSource.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
  } else {
    await dataSource.query('DROP TRIGGER audit_entry_no_update');
    await dataSource.query('DROP TRIGGER audit_entry_no_delete');
  }
}
