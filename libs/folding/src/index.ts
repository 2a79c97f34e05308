export * from './fold';
export * from './prefix-forms';
