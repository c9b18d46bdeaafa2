export * from './event-schemas';
export * from './topics';
export * from './topic-access.mjs';
export * from './openapi';
export type * from './generated/events';
