import type { EventEnvelope } from '@vetting/platform';
import { contentHashOf, linkHash, type AuditEntry, type EntryBody } from './hash-chain';
import { redactEventData } from './redact';

const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Who acted, as the event names them (an officer id, `policy`, a referee link id…): never a name. */
function actorOf(data: Record<string, unknown>): string | undefined {
  return (
    str(data.actor) ?? str(data.decidedBy) ?? str(data.resolvedBy) ?? str(data.approvedBy) ?? str(data.revokedBy) ?? str(data.submittedBy)
  );
}

/** The people a list read concerns, beyond the event's subject. */
function refsOf(event: EventEnvelope): string[] | undefined {
  const ids = event.data.subjectIds;
  if (!Array.isArray(ids)) return undefined;
  const refs = [...new Set(ids.filter((id): id is string => typeof id === 'string' && id !== event.subject))];
  return refs.length ? refs : undefined;
}

/** The entry that records `event` at position `seq` after `prevHash`: redacted, hashed, linked. */
export function entryFromEvent(event: EventEnvelope, seq: number, prevHash: string, digestKey: Buffer): AuditEntry {
  const { data, dataDigest } = redactEventData(event.type, event.data, digestKey);
  const actor = actorOf(event.data);
  const refs = refsOf(event);
  const content: Omit<EntryBody, 'prevHash'> = {
    seq,
    eventId: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    ...(event.tenant ? { tenant: event.tenant } : {}),
    time: event.time,
    correlationId: event.correlationid,
    ...(event.causationid ? { causationId: event.causationid } : {}),
    ...(actor ? { actor } : {}),
    ...(refs ? { refs } : {}),
    data,
    dataDigest,
  };
  return { ...content, prevHash, hash: linkHash(prevHash, contentHashOf(content)) };
}
