/** The shapes the screens read: the services' OpenAPI contracts, generated (contracts/src/http.ts). */
import type { AuditHttp, IntakeHttp, ScreeningHttp } from '@vetting/contracts/http';

/**
 * The contract leaves a read's person untyped because its document numbers arrive masked (`•••123`),
 * which the nomination's pattern refuses; every other field is the nominated person's.
 */
export type CandidateView = Omit<IntakeHttp['CandidateView'], 'person'> & { person?: Person };
export type Nomination = IntakeHttp['Nomination'];
export type CertifiedMember = IntakeHttp['CertifiedMember'];
export type Certificate = IntakeHttp['RotationCertificate'];
export type Hit = ScreeningHttp['Hit'];
export type ReviewHit = ScreeningHttp['ReviewHit'];
export type Review = ScreeningHttp['Review'];
export type TrailStep = AuditHttp['TrailStep'];
export type VerifyResult = AuditHttp['VerifyResult'];
export type Person = IntakeHttp['Person'];
export type PreviousEmployer = IntakeHttp['PreviousEmployer'];
/** A signed record (consent, declarations): which form, when, how. */
export type Signed = Omit<IntakeHttp['Consent'], 'given'>;
