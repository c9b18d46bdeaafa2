import { loadEventSchemas } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import type { ChainAppender } from '../data/chain-appender';

/** Every event type of every topic goes into the chain. */
export function createAppendHandlers(appender: ChainAppender): Record<string, EventHandler> {
  const handle: EventHandler = async (event, ctx) => {
    const result = await appender.append(event);
    ctx.logger.debug({ result }, 'audit entry');
  };
  return Object.fromEntries(Object.keys(loadEventSchemas()).map((type) => [type, handle]));
}
