import type { AuditEntry } from './hash-chain';

/** One step of a person's story, as an auditor reads it. Only what the redacted entry holds. */
export interface TrailStep {
  seq: number;
  eventId: string;
  hash: string;
  time: string;
  type: string;
  kind: 'event' | 'access';
  what: string;
  actor?: string;
  outcome?: string;
  reasons?: string[];
  inputs?: Record<string, unknown>;
  causedBy?: string;
}

type Data = Record<string, unknown>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const list = (v: unknown) => (Array.isArray(v) ? (v as Data[]) : []);
const pick = (d: Data, keys: string[]) => Object.fromEntries(keys.filter((k) => d[k] !== undefined).map((k) => [k, d[k]]));

const DESCRIBE: Record<string, (d: Data, e: AuditEntry) => Partial<TrailStep>> = {
  'candidate.submitted': (d, e) => {
    const n = (d.nomination ?? {}) as Data;
    return {
      what: `Nominated by the ${s(d.country ?? e.tenant)} office for ${s(n.mission)}, rotation ${s(n.rotation)} (${s(n.category)})`,
      inputs: pick(d, ['nomination', 'consent', 'revision']),
    };
  },
  'candidate.updated': (d) =>
    d.revetting
      ? {
          what: `Periodic re-vetting: revision ${s(d.revision)} screened and checked again for the clearance ${s((d.revetting as Record<string, unknown>).previousDecisionId)}`,
          inputs: pick(d, ['nomination', 'revision', 'revetting']),
        }
      : { what: `Nomination data changed (revision ${s(d.revision)}); screening runs again`, inputs: pick(d, ['nomination', 'revision']) },
  'candidate.withdrawn': (d) => ({ what: 'Nomination withdrawn', ...(d.reason ? { reasons: [s(d.reason)] } : {}) }),
  'screening.completed': (d) => ({
    what: `Screened against ${list(d.listVersions).length} list version(s): ${s(d.outcome)}, ${list(d.hits).length} hit(s)`,
    outcome: s(d.outcome),
    inputs: pick(d, ['screeningId', 'candidateRevision', 'listVersions', 'hits', 'trigger']),
  }),
  'screening.review-required': (d) => ({
    what: `${s(d.hitCount)} possible match(es) sent to a UN screening officer`,
    inputs: pick(d, ['screeningId', 'hitCount']),
  }),
  'screening.match-resolved': (d) => ({
    what: `Possible match ${s(d.entryId)} on list ${s(d.listId)} resolved as ${s(d.resolution)}`,
    outcome: s(d.outcome),
    ...(d.reason ? { reasons: [s(d.reason)] } : {}),
    inputs: pick(d, ['screeningId', 'listId', 'entryId', 'resolution']),
  }),
  'reference.check-requested': (d) => ({ what: `${s(d.checkType)} check requested`, inputs: pick(d, ['checkId', 'checkType']) }),
  'reference.check-completed': (d) => ({
    what: `${s(d.checkType)} check answered: ${s(d.result)}${list(d.findings).length ? ` (${list(d.findings).map(s).join(', ')})` : ''}`,
    outcome: s(d.result),
    inputs: pick(d, ['checkId', 'checkType', 'findings']),
  }),
  'reference.check-superseded': (d) => ({
    what: `Held request ${s(d.checkId)} of revision ${s(d.candidateRevision)} superseded by the corrected nomination (revision ${s(d.supersededByRevision)}): ${d.reason === 'employer-asked-again' ? `the employer is asked again by ${s(d.replacedBy)}` : 'the correction no longer asks this employer'}`,
    outcome: 'superseded',
    reasons: [s(d.reason)],
    inputs: pick(d, ['checkId', 'checkType', 'candidateRevision', 'supersededByRevision', 'reason', 'replacedBy']),
  }),
  'reference.check-withdrawn': (d) => ({
    what: `${s(d.checkType)} check ${s(d.checkId)} of revision ${s(d.candidateRevision)} ended unsent (it was ${s(d.previousState)}): the nomination was withdrawn`,
    outcome: 'withdrawn',
    inputs: pick(d, ['checkId', 'checkType', 'candidateRevision', 'withdrawnRevision', 'previousState']),
  }),
  'reference.contact-confirmed': (d) => ({
    what: `Referee contact for check ${s(d.checkId)}: ${s(d.decision)} (by ${s(d.confirmedBy)})`,
    actor: s(d.confirmedBy),
    inputs: pick(d, ['checkId', 'decision', 'employerId']),
  }),
  'clearance.notice-recorded': (d) => ({
    what: `The candidate was given notice of ${typeof d.findingCount === 'number' ? d.findingCount : list(d.findings).length} finding(s) by ${s(d.channel)} on ${s(d.sentAt)}; may respond until ${s(d.respondBy)}`,
    actor: s(d.recordedBy),
    inputs: pick(d, ['noticeId', 'sentAt', 'respondBy', 'channel', 'findingCount']),
  }),
  'clearance.response-recorded': (d) => ({
    what: d.declined
      ? 'The candidate declined to respond'
      : `The candidate's response was recorded (${list(d.attachments).length} attachment(s))`,
    actor: s(d.recordedBy),
    inputs: pick(d, ['responseId', 'noticeId', 'receivedAt', 'declined', 'attachments']),
  }),
  'reference.check-failed': (d) => ({
    what: `${s(d.checkType)} check failed`,
    outcome: 'failed',
    reasons: [s(d.error)],
    inputs: pick(d, ['checkId', 'checkType']),
  }),
  'references.completed': (d) => ({
    what: `All required checks have a result (${list(d.checks)
      .map((c) => `${s(c.checkType)}: ${s(c.result)}`)
      .join(', ')})`,
    inputs: pick(d, ['checks', 'candidateRevision']),
  }),
  'clearance.decided': (d) => ({
    what: `Decision: ${s(d.outcome)} under policy v${s(d.policyVersion)}${d.validUntil ? `, valid until ${s(d.validUntil)}` : ''}${d.revetting ? ` (re-vetting of the clearance ${s((d.revetting as Record<string, unknown>).previousDecisionId)})` : ''}`,
    outcome: s(d.outcome),
    reasons: list(d.reasons).map(s),
    inputs: pick(d, ['decisionId', 'policyVersion', 'inputs', 'validUntil', 'revetting']),
  }),
  'clearance.revetting-opened': (d) => ({
    what: `Periodic re-vetting opened (due ${s(d.dueAt)}, policy v${s(d.policyVersion)}); the clearance ${s(d.previousDecisionId)} holds until the new decision${d.previousValidUntil ? ` or ${s(d.previousValidUntil)}` : ''}`,
    inputs: pick(d, ['revettingId', 'previousDecisionId', 'previousValidUntil', 'dueAt', 'category']),
  }),
  'clearance.revoked': (d) => ({
    what: 'Clearance revoked',
    outcome: 'revoked',
    ...(d.reason ? { reasons: [s(d.reason)] } : {}),
    inputs: pick(d, ['decisionId']),
  }),
  'clearance.flag-acknowledged': (d) => ({
    what: `Revocation flag acknowledged by the ${d.party === 'un' ? 'UN' : 'office'}`,
    inputs: pick(d, ['flagId', 'revokedDecisionId', 'party', 'acknowledgedAt']),
  }),
  'clearance.expired': (d) => ({
    what: `Clearance expired (valid until ${s(d.validUntil)})`,
    outcome: 'expired',
    inputs: pick(d, ['decisionId']),
  }),
  'candidate.erased': (d) => ({
    what: `Personal data erased by intake (${d.basis === 'request' ? 'on request' : 'retention period over'}); the trail keeps ids and hashes`,
    outcome: 'erased',
    inputs: pick(d, ['erasedAt', 'basis']),
  }),
  'access.account-changed': (d) => ({
    kind: 'access',
    what: `${s(d.actor)} ${s(d.action).replace('account-', '')} the account ${s(d.account)}${Array.isArray(d.roles) && d.roles.length ? ` (${d.roles.map(s).join(', ')}${d.country ? `, ${s(d.country)}` : ''})` : ''}`,
    inputs: pick(d, ['action', 'account', 'roles', 'country']),
  }),
  'access.recorded': (d) => ({
    kind: 'access',
    what: `${s(d.actor)} (${s(d.role)}${d.actorCountry ? `, ${s(d.actorCountry)}` : ''}) read ${s(d.resource)} for: ${s(d.purpose)}`,
    inputs: pick(d, ['resource', 'purpose', 'fields']),
  }),
};

/** Turns an entry into a readable step; unknown event types still show, with their redacted data. */
export function describeEntry(entry: AuditEntry): TrailStep {
  const described = DESCRIBE[entry.type]?.(entry.data, entry) ?? { what: entry.type.replace(/[.-]/g, ' '), inputs: entry.data };
  return {
    seq: entry.seq,
    eventId: entry.eventId,
    hash: entry.hash,
    time: entry.time,
    type: entry.type,
    kind: 'event',
    what: '',
    ...(entry.actor ? { actor: entry.actor } : {}),
    ...(entry.causationId ? { causedBy: entry.causationId } : {}),
    ...described,
  } as TrailStep;
}
