/**
 * The HTTP shapes of every service, generated from contracts/openapi/<service>.yaml: the one source of
 * the types a client (the console, the CLI, another service) reads. Type-only: importing this module
 * adds nothing to a bundle.
 */
import type { components as AccountabilityComponents } from './generated/openapi/accountability';
import type { components as AuditComponents } from './generated/openapi/audit';
import type { components as ClearanceComponents } from './generated/openapi/clearance';
import type { components as GatewayComponents } from './generated/openapi/gateway';
import type { components as IntakeComponents } from './generated/openapi/intake';
import type { components as ReferencesComponents } from './generated/openapi/references';
import type { components as ScreeningComponents } from './generated/openapi/screening';

export type AccountabilityHttp = AccountabilityComponents['schemas'];
export type AuditHttp = AuditComponents['schemas'];
export type ClearanceHttp = ClearanceComponents['schemas'];
export type GatewayHttp = GatewayComponents['schemas'];
export type IntakeHttp = IntakeComponents['schemas'];
export type ReferencesHttp = ReferencesComponents['schemas'];
export type ScreeningHttp = ScreeningComponents['schemas'];
