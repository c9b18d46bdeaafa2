import { loadTopics, topicForEventType, topicWriters, type TopicsFile } from '@vetting/contracts';
import { AppError } from '../errors/app-error';
import type { EventEnvelope } from './envelope';

let spec: TopicsFile | undefined;

/**
 * An event is a fact only from its owner. The broker's ACLs let only a topic's writers write it; this
 * is the consumer's half: an event whose `source` is not one of the topic's writers (infra/topics.json)
 * is refused, whoever managed to put it there (a service writing its own topic in another's name, a
 * principal with too wide an ACL, a copied message). So is an event whose type belongs to another
 * topic: a consumer of several topics (clearance reads candidates, screenings and references) must
 * not take a `screening.completed` that intake put on the candidates topic in its own name.
 * Returns the refusal, or undefined.
 */
export function forgedSource(event: Pick<EventEnvelope, 'id' | 'source' | 'type'>, topic: string, prefix = ''): AppError | undefined {
  spec ??= loadTopics();
  const logical = prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  const writers = topicWriters(spec, topic, prefix);
  let home: string | undefined;
  try {
    home = topicForEventType(event.type);
  } catch {
    home = undefined;
  }
  if (home !== logical)
    return new AppError(
      'EVENT.FORGED_SOURCE',
      `Event ${event.id} (${event.type}) does not belong on ${logical}${home ? `: its topic is ${home}` : ''}`,
      {
        errors: [{ field: '/type', reason: `not an event of ${logical}` }],
      },
    );
  if (writers.includes(event.source)) return undefined;
  return new AppError(
    'EVENT.FORGED_SOURCE',
    `Event ${event.id} (${event.type}) on ${topic} names source "${event.source}"; only ${writers.join(', ') || 'nobody'} may publish there`,
    {
      errors: [{ field: '/source', reason: `not a writer of ${topic}` }],
    },
  );
}
