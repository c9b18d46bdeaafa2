/**
 * The checks references runs and the categories they are planned for come from the one vetting
 * policy (packages/policy), which clearance publishes: references plans from the newest version it
 * received (`clearance.policy-published`), and every reference set records that version.
 */
export { CATEGORIES as NOMINATION_CATEGORIES, CHECK_TYPES, type Category as NominationCategory, type CheckType } from '@vetting/policy';
