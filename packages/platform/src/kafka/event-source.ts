import { loadTopics, topicWriters, type TopicsFile } from '@vetting/contracts';
import { AppError } from '../errors/app-error';
import type { EventEnvelope } from './envelope';

let spec: TopicsFile | undefined;

/**
 * An event is a fact only from its owner. The broker's ACLs let only a topic's writers write it; this
 * is the consumer's half: an event whose `source` is not one of the topic's writers (infra/topics.json)
 * is refused, whoever managed to put it there (a service writing its own topic in another's name, a
 * principal with too wide an ACL, a copied message). Returns the refusal, or undefined.
 */
export function forgedSource(event: Pick<EventEnvelope, 'id' | 'source' | 'type'>, topic: string, prefix = ''): AppError | undefined {
  spec ??= loadTopics();
  const writers = topicWriters(spec, topic, prefix);
  if (writers.includes(event.source)) return undefined;
  return new AppError('EVENT.FORGED_SOURCE', `Event ${event.id} (${event.type}) on ${topic} names source "${event.source}"; only ${writers.join(', ') || 'nobody'} may publish there`, {
    errors: [{ field: '/source', reason: `not a writer of ${topic}` }],
  });
}
