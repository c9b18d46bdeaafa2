import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface TopicSpec {
  name: string;
  partitions: number;
  key: string;
  /** The only services the broker lets write this topic, and the only `source` its consumers accept. */
  writers: string[];
  /** The services that consume it (audit reads every topic without being listed). */
  readers: string[];
  /** `false`: the topic carries no CloudEvents (audit's checkpoints); event consumers leave it alone. Default true. */
  events?: boolean;
  /** Topic-level settings at creation (e.g. `retention.ms: -1` for the checkpoints). */
  config?: Record<string, string>;
}

/** The topics that carry events (the audit consumer reads all of them). */
export const eventTopics = (file: TopicsFile = loadTopics()) => file.topics.filter((t) => t.events !== false);

/** Where audit publishes its signed checkpoints (infra/topics.json). */
export const AUDIT_CHECKPOINT_TOPIC = 'vetting.audit-checkpoints';

export interface TopicsFile {
  replicationFactor: number;
  topics: TopicSpec[];
}

/** infra/topics.json is the single list of topics: infra creates them, services read them. */
export const topicsFile = fileURLToPath(new URL('../../infra/topics.json', import.meta.url));

export function loadTopics(file: string = topicsFile): TopicsFile {
  return JSON.parse(readFileSync(file, 'utf8')) as TopicsFile;
}

/** Which aggregate topic an event type belongs to: the part before the first dot names the aggregate. */
const topicByAggregate: Record<string, string> = {
  candidate: 'vetting.candidates',
  rotation: 'vetting.candidates',
  banlist: 'vetting.banlists',
  screening: 'vetting.screenings',
  reference: 'vetting.references',
  references: 'vetting.references',
  clearance: 'vetting.clearances',
  access: 'vetting.access',
  assessment: 'vetting.assessments',
  'action-request': 'vetting.action-requests',
  disclosure: 'vetting.disclosures',
};

export function topicForEventType(type: string): string {
  const topic = topicByAggregate[type.split('.')[0] ?? ''];
  if (!topic) throw new Error(`No topic for event type ${type}`);
  return topic;
}

export const dlqTopic = (topic: string) => `${topic}.dlq`;
