export * from './browser-vault';
export * from './device-database';
export * from './indexeddb-outbox';
export * from './message-cache';
export * from './tabs';
