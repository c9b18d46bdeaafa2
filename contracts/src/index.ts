export * from './event-schemas';
export * from './topics';
export * from './openapi';
export type * from './generated/events';
