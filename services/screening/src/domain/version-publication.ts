import { takesAnyoneOff, type PeopleTakenOff } from './people-taken-off';

/** Where a new entry set stands against the list's active version, before anything is stored. */
export type PublicationGate =
  | { kind: 'superseded'; activeVersion: number | undefined; reason: string }
  | { kind: 'unchanged'; version: number; reason: string }
  | { kind: 'new-version'; version: number; reason: string };

/**
 * A version countersigned over one active version is published over that one only: the second
 * officer approved a change to what they saw. An entry set identical to the active one is no new
 * version. Anything else becomes the next version number.
 */
export function publicationGate(
  current: { activeVersion: number; contentHash: string } | undefined,
  contentHash: string,
  basedOn: number | undefined,
): PublicationGate {
  if (basedOn !== undefined && current?.activeVersion !== basedOn)
    return {
      kind: 'superseded',
      activeVersion: current?.activeVersion,
      reason: `proposed over version ${basedOn}, but version ${current?.activeVersion} is active`,
    };
  if (current?.contentHash === contentHash)
    return { kind: 'unchanged', version: current.activeVersion, reason: 'the same entries as the active version' };
  const version = (current?.activeVersion ?? 0) + 1;
  return { kind: 'new-version', version, reason: current ? `changes version ${current.activeVersion}` : 'the list’s first version' };
}

export interface CountersignatureDecision {
  /** Kept pending (staged, unpublished) for a second, different officer. */
  stage: boolean;
  reasons: string[];
}

const who = (e: { id: string; name: string; fields?: string[] }) => `${e.id} (${e.name})${e.fields ? `: ${e.fields.join(', ')}` : ''}`;

/**
 * Whether a version may be published by `proposer` alone. Taking a person off a ban list lets them be
 * cleared again, so a version that removes or re-identifies an active entry waits for a second
 * officer's countersignature; naming oneself as the countersigner counts as nobody.
 */
export function countersignatureDecision(takesOff: PeopleTakenOff, proposer: string, countersignedBy?: string): CountersignatureDecision {
  if (!takesAnyoneOff(takesOff)) return { stage: false, reasons: ['takes nobody off the list: one officer publishes it'] };
  const reasons = [...takesOff.removed.map((e) => `removes ${who(e)}`), ...takesOff.reidentified.map((e) => `re-identifies ${who(e)}`)];
  if (!countersignedBy) return { stage: true, reasons: [...reasons, 'takes people off the list: a second officer must countersign'] };
  if (countersignedBy === proposer)
    return { stage: true, reasons: [...reasons, 'the proposer cannot countersign their own version: a second officer must'] };
  return { stage: false, reasons: [...reasons, `countersigned by ${countersignedBy}, a second officer`] };
}
