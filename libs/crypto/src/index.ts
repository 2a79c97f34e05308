export * from './bytes';
export * from './caveats';
export * from './device-keys';
export * from './envelope';
export * from './passphrase';
export * from './safety-number';
