export * from './chat-client';
export * from './contact-trust';
export * from './events';
export * from './inbox';
export * from './key-directory';
export * from './key-store';
export * from './outbox';
export * from './transport';
