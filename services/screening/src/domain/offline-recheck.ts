import type { ScreeningOutcome } from '@vetting/banlists';
import type { OfflineRow } from '../data/bundle.repository';

export interface OfflineResultLine {
  ref: string;
  screenedAt: string;
  outcome: ScreeningOutcome;
}

/**
 * One offline result against the screening of the day it arrived. Anyone not clear today needs the
 * UN's review before deploying, whatever the bundle said; a result screened outside the bundle's
 * validity is flagged (an honest tool refuses to screen then, so it says something about the tool).
 */
export function recheckRow(
  line: OfflineResultLine,
  current: ScreeningOutcome,
  bundle: { createdAt: string; expiresAt: string },
): OfflineRow {
  const at = Date.parse(line.screenedAt);
  const flags: OfflineRow['flags'] = [];
  if (at >= Date.parse(bundle.expiresAt)) flags.push('screened-after-expiry');
  if (at < Date.parse(bundle.createdAt)) flags.push('screened-before-issue');
  return {
    ref: line.ref,
    screenedAt: line.screenedAt,
    offlineOutcome: line.outcome,
    currentOutcome: current,
    agrees: line.outcome === current,
    needsReview: current !== 'clear' || flags.length > 0,
    flags,
  };
}

export function summarise(rows: OfflineRow[]) {
  return {
    rows: rows.length,
    agree: rows.filter((r) => r.agrees).length,
    disagree: rows.filter((r) => !r.agrees).length,
    needsReview: rows.filter((r) => r.needsReview).length,
  };
}
