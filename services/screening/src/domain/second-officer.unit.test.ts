import { describe, expect, it } from 'vitest';
import { needsSecondOfficer, secondOfficerRule } from './second-officer';

const identifier = { band: 'match' as const };
const nameOnly = { band: 'possible-match' as const };

describe('second officer on a hit decision', () => {
  it('given an identifier match, when one officer rules it out alone, then a countersignature is required and missing', () => {
    expect(secondOfficerRule(identifier, { resolution: 'false-positive', resolvedBy: 'a' })).toEqual({
      required: true,
      satisfied: false,
      reason: 'ruling out an identifier match needs a second officer’s countersignature',
    });
  });

  it('given an identifier match, when the officer names themself as the countersigner, then it is refused with its reason', () => {
    expect(secondOfficerRule(identifier, { resolution: 'false-positive', resolvedBy: 'a', countersignedBy: 'a' })).toEqual({
      required: true,
      satisfied: false,
      reason: 'an officer cannot countersign their own false positive on an identifier match',
    });
  });

  it('given an identifier match, when a different officer countersigns, then the false positive may take effect and both are named', () => {
    expect(secondOfficerRule(identifier, { resolution: 'false-positive', resolvedBy: 'a', countersignedBy: 'b' })).toEqual({
      required: true,
      satisfied: true,
      reason: 'ruled out by a and countersigned by b',
    });
  });

  it('given an identifier match, when an officer confirms it, then one officer decides: confirming holds the candidate back', () => {
    expect(secondOfficerRule(identifier, { resolution: 'confirmed', resolvedBy: 'a' })).toEqual({
      required: false,
      satisfied: true,
      reason: 'confirming a match holds the candidate back: one officer decides',
    });
  });

  it('given a name-only possible match, when an officer rules it out, then no second officer is needed', () => {
    expect(secondOfficerRule(nameOnly, { resolution: 'false-positive', resolvedBy: 'a' })).toEqual({
      required: false,
      satisfied: true,
      reason: 'ruling out a name-only hit is one officer’s decision',
    });
    expect(needsSecondOfficer(nameOnly, 'false-positive')).toBe(false);
  });

  it('given no such hit, when asked, then no proposal is started (the decision itself answers that the hit is not found)', () => {
    expect(needsSecondOfficer(undefined, 'false-positive')).toBe(false);
    expect(needsSecondOfficer(identifier, 'false-positive')).toBe(true);
  });
});
