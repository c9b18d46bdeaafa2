/**
 * The enumerations of the contracts as values, for the code that must list them at run time (a
 * service validating or counting, the console drawing a field, the CLI offering choices). Each is
 * checked against the type generated from the OpenAPI document, so a contract change that adds or
 * drops a value fails the typecheck here. Plain data with no imports at run time: safe in the
 * browser bundle.
 */
import type { AccountabilityHttp, IntakeHttp } from './http';

/**
 * The list, when it names every value of `U` and nothing else; otherwise a type error naming what is
 * missing (an extra value fails the `readonly U[]` bound).
 */
const everyOf =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : { missing: Exclude<U, L[number]> })): L =>
    list;

type SelfDeclarationItem = keyof {
  [K in keyof IntakeHttp['SelfDeclaration'] as IntakeHttp['SelfDeclaration'][K] extends boolean | undefined ? K : never]: true;
};

/** A candidate's statuses, in the order a case moves (intake.yaml CandidateStatus). */
export const CANDIDATE_STATUSES = everyOf<IntakeHttp['CandidateStatus']>()([
  'nominated',
  'screening',
  'references',
  'decision-pending',
  'cleared',
  'not-cleared',
  'withdrawn',
  'expired',
]);

/** The yes/no items of the human-rights self-declaration (intake.yaml SelfDeclaration). */
export const DECLARATION_ITEMS = everyOf<SelfDeclarationItem>()([
  'criminalOffence',
  'humanRightsViolation',
  'repatriatedOnDisciplinaryGrounds',
  'misconductAllegation',
]);

/** What a request for action asks a country to do (accountability.yaml ActionKind). */
export const ACTION_KINDS = everyOf<AccountabilityHttp['ActionKind']>()([
  'investigation',
  'accountability-measures',
  'outcome-report',
  'victim-support',
  'paternity-and-child-support',
]);

/** The outcome a country's final response reports (accountability.yaml ActionOutcome). */
export const ACTION_OUTCOMES = everyOf<AccountabilityHttp['ActionOutcome']>()([
  'investigation-opened',
  'sanctioned',
  'dismissed-from-service',
  'prosecuted',
  'allegation-not-substantiated-nationally',
  'no-action-taken',
]);

/** The kinds of substantiated misconduct (accountability.yaml MisconductCategory). */
export const MISCONDUCT_CATEGORIES = everyOf<AccountabilityHttp['MisconductCategory']>()(['sea', 'sexual-harassment', 'other-misconduct']);
