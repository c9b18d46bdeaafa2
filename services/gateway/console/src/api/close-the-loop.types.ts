/** Shapes the offline, certificate, statistics and safeguarding screens read: the services' contracts (contracts/src/http.ts). */
import type { AccountabilityHttp, AuditHttp, IntakeHttp, ScreeningHttp } from '@vetting/contracts/http';

export type OfflineUpload = ScreeningHttp['OfflineUpload'];
export type OfflineRow = NonNullable<OfflineUpload['rows']>[number];
export type ListBundle = ScreeningHttp['ListBundle'];

export type CertificateSummary = IntakeHttp['CertificateSummary'];
export type CertifiedMember = IntakeHttp['CertifiedMember'];
export type VersionDiff = IntakeHttp['CertificateVersionDiff'];

export type PeopleFigures = AuditHttp['PeopleFigures'];
export const PEOPLE_FIGURES = [
  'people',
  'screened',
  'cleared',
  'refused',
  'pending',
  'withdrawn',
  'revoked',
  'expired',
] as const satisfies readonly (keyof PeopleFigures)[];
export type PeopleStatistics = AuditHttp['PeopleStatistics'];

export type Language = 'en' | 'fr';
export type Text = AccountabilityHttp['Text'];
export type Result = AccountabilityHttp['Result'];
export type Questionnaire = AccountabilityHttp['Questionnaire'];
export type StandardId = Questionnaire['standards'][number]['id'];
export type Question = Questionnaire['standards'][number]['questions'][number];
export type Answer = AccountabilityHttp['Answer'];
export type Review = AccountabilityHttp['Review'];
export type Assessment = AccountabilityHttp['Assessment'];
export type Standing = AccountabilityHttp['Standing'];
