import type { ScreeningOutcome } from '@vetting/banlists';

/** One offline result screened again: outcomes and the candidate's reference only, no person's data. */
export interface OfflineRow {
  ref: string;
  screenedAt: string;
  offlineOutcome: string;
  currentOutcome: string;
  agrees: boolean;
  needsReview: boolean;
  /** Why the row is doubtful besides its outcome: screened outside the bundle's validity. */
  flags: ('screened-after-expiry' | 'screened-before-issue')[];
}

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
