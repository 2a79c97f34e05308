export * from './chat-client';
export * from './contact-trust';
export * from './key-store';
