export * from './browser-vault';
export * from './device-database';
export * from './indexeddb-outbox';
export * from './tabs';
