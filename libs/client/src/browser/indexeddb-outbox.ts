import type { OutboxRecord, OutboxStore } from '../outbox';
import type { DeviceDatabase } from './device-database';

/** The outbox in the member's device database: sealed records only, shared by every tab of this browser. */
export class IndexedDbOutboxStore implements OutboxStore {
  constructor(private readonly database: DeviceDatabase) {}

  list(): Promise<OutboxRecord[]> {
    return this.database.getAllFromIndex('outbox', 'queuedAt');
  }

  async put(record: OutboxRecord): Promise<void> {
    await this.database.put('outbox', record);
  }

  delete(clientMessageId: string): Promise<void> {
    return this.database.delete('outbox', clientMessageId);
  }
}
