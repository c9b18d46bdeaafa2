import { createEvent, type EventEnvelope } from '@vetting/platform';
import type { CandidateResponse, Notice } from '../domain/case-inputs';
import type { ClearanceCase, Decision, Flag, FlagAcknowledgement } from '../domain/clearance-case';

/**
 * `clearance.decided`: the outcome, who decided and countersigned, and the inputs by reference (list
 * versions, check results): what a consumer or auditor needs, never allegation details.
 */
export function decidedEvent(candidateId: string, country: string, d: Decision): EventEnvelope {
  const s = d.inputs.screening!;
  return createEvent('clearance', {
    type: 'clearance.decided',
    subject: candidateId,
    tenant: country,
    data: {
      candidateId,
      country,
      decisionId: d.decisionId,
      candidateRevision: d.candidateRevision,
      outcome: d.outcome,
      kind: d.kind,
      policyVersion: d.policyVersion,
      decidedBy: d.decidedBy,
      ...(d.countersignedBy ? { countersignedBy: d.countersignedBy } : {}),
      reasons: d.reasons,
      ...(d.validUntil ? { validUntil: d.validUntil } : {}),
      ...(d.revetting ? { revetting: d.revetting } : {}),
      inputs: {
        screening: { screeningId: s.screeningId, outcome: s.outcome, listVersions: s.listVersions },
        references: (d.inputs.references?.checks ?? []).map((c) => ({
          ...(c.checkId ? { checkId: c.checkId } : {}),
          checkType: c.checkType,
          result: c.result,
          // No finding codes: they say what an employer reported; the sealed reasons name them.
        })),
      },
    },
  });
}

export function revokedEvent(candidateId: string, country: string, revoked: Decision, flag: Flag): EventEnvelope {
  return createEvent('clearance', {
    type: 'clearance.revoked',
    subject: candidateId,
    tenant: country,
    data: { candidateId, country, decisionId: revoked.decisionId, reason: flag.reason, flagId: flag.flagId },
  });
}

export function expiredEvent(candidateId: string, country: string, expired: Decision): EventEnvelope {
  return createEvent('clearance', {
    type: 'clearance.expired',
    subject: candidateId,
    tenant: country,
    data: { candidateId, country, decisionId: expired.decisionId, validUntil: expired.validUntil! },
  });
}

/** `clearance.flag-acknowledged`: who acknowledged a revocation flag for which party, and when (the note stays in the case). */
export function acknowledgedEvent(c: ClearanceCase, flag: Flag, ack: FlagAcknowledgement) {
  return createEvent('clearance', {
    type: 'clearance.flag-acknowledged',
    subject: c.candidateId,
    tenant: c.country,
    data: {
      candidateId: c.candidateId,
      country: c.country,
      flagId: flag.flagId,
      revokedDecisionId: flag.revokedDecisionId,
      party: ack.party,
      actor: ack.by,
      acknowledgedAt: ack.at,
    },
  });
}

/** `clearance.notice-recorded`: the dated notice and its deadline, by reference (its text stays sealed in the case). */
export function noticeRecordedEvent(c: Pick<ClearanceCase, 'candidateId' | 'country'>, n: Notice) {
  return createEvent('clearance', {
    type: 'clearance.notice-recorded',
    subject: c.candidateId,
    tenant: c.country,
    data: {
      candidateId: c.candidateId,
      country: c.country,
      noticeId: n.noticeId,
      sentAt: n.sentAt,
      respondBy: n.respondBy,
      channel: n.channel,
      // Sealed with the event (data/case-text.ts): the keys name what the person is told of.
      findings: n.findings,
      findingCount: n.findings.length,
      recordedBy: n.recordedBy,
    },
  });
}

/** `clearance.response-recorded`: the candidate's response by reference, with the digests of its attachments (text and files stay sealed). */
export function responseRecordedEvent(c: Pick<ClearanceCase, 'candidateId' | 'country'>, r: CandidateResponse) {
  return createEvent('clearance', {
    type: 'clearance.response-recorded',
    subject: c.candidateId,
    tenant: c.country,
    data: {
      candidateId: c.candidateId,
      country: c.country,
      responseId: r.responseId,
      ...(r.noticeId ? { noticeId: r.noticeId } : {}),
      receivedAt: r.receivedAt,
      declined: r.declined,
      recordedBy: r.recordedBy,
      attachments: (r.attachments ?? []).map((a) => ({
        attachmentId: a.attachmentId,
        contentType: a.contentType,
        size: a.size,
        sha256: a.sha256,
      })),
    },
  });
}
