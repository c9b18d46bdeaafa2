import { conflict, forbidden, notFound, type Actor } from '@vetting/platform';
import type { ClearanceCase, Flag, FlagAcknowledgement, FlagParty } from './clearance-case';

/**
 * The party an actor acknowledges for: a UN screener or adjudicator for the UN, a TCC officer for
 * the office. Anyone else (an auditor, an administrator) acknowledges nothing.
 */
export function partyOf(actor: Actor): FlagParty {
  if (actor.roles.some((r) => r === 'un-screener' || r === 'un-adjudicator')) return 'un';
  if (actor.roles.includes('tcc-officer')) return 'office';
  throw forbidden('CLEARANCE.NOT_A_FLAG_PARTY', 'Only the recruitment office or a UN officer acknowledges a flag');
}

/**
 * Records that `party` took note of a flag raised by a revocation: once per party (a second
 * acknowledgement by the same party is refused, naming who already did it), with who and when.
 */
export function acknowledgeFlag(c: ClearanceCase, flagId: string, ack: FlagAcknowledgement): { next: ClearanceCase; flag: Flag } {
  const flag = c.flags.find((f) => f.flagId === flagId);
  if (!flag) throw notFound('CLEARANCE.FLAG_NOT_FOUND', 'No such flag on this case');
  const earlier = flag.acknowledgements?.find((a) => a.party === ack.party);
  if (earlier)
    throw conflict('CLEARANCE.FLAG_ALREADY_ACKNOWLEDGED', `The ${ack.party === 'un' ? 'UN' : 'office'} acknowledged this flag already`, {
      acknowledgement: earlier,
    });
  const acknowledged: Flag = { ...flag, acknowledgements: [...(flag.acknowledgements ?? []), ack] };
  return { next: { ...c, flags: c.flags.map((f) => (f.flagId === flagId ? acknowledged : f)) }, flag: acknowledged };
}

/** True while `party` has not acknowledged the flag. */
export const openFor = (flag: Flag, party: FlagParty) => !flag.acknowledgements?.some((a) => a.party === party);

export const withoutNote = ({ note: _n, ...rest }: FlagAcknowledgement): FlagAcknowledgement => rest;

/** What an office sees of a flag: never the reason (the kind of new information), nor the UN's notes. */
export function officeView(flag: Flag) {
  const { reason: _r, newFindings: _f, ...rest } = flag;
  return {
    ...rest,
    reason: 'the clearance was revoked',
    acknowledgements: (flag.acknowledgements ?? []).map((a) => (a.party === 'office' ? a : withoutNote(a))),
  };
}
