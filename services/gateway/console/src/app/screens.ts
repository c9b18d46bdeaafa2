import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n/en';

export type Role = 'tcc-officer' | 'un-screener' | 'un-adjudicator' | 'auditor' | 'admin';

export interface Screen {
  path: string;
  /** Navigation label; screens without one are reached from others (details). */
  nav?: MessageKey;
  roles: Role[];
  component: LazyExoticComponent<ComponentType<{ params: Record<string, string> }>>;
}

const UN: Role[] = ['un-screener', 'un-adjudicator'];

/**
 * Every screen, with the roles that may open it (the same as the endpoint's `x-roles`). A new
 * endpoint gets a screen by adding a line here; each screen is its own chunk, loaded when opened,
 * so the first load on a slow connection carries only the shell.
 */
export const SCREENS: Screen[] = [
  { path: '/nominate', nav: 'nav.nominate', roles: ['tcc-officer'], component: lazy(() => import('../screens/nominate.screen')) },
  { path: '/upload', nav: 'nav.upload', roles: ['tcc-officer'], component: lazy(() => import('../screens/upload.screen')) },
  {
    path: '/roll',
    nav: 'nav.roll',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/roll.screen')),
  },
  {
    path: '/roll/certificate',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/certificate.screen')),
  },
  { path: '/candidates/:id/correct', roles: ['tcc-officer'], component: lazy(() => import('../screens/correct.screen')) },
  {
    path: '/candidates/:id',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/candidate.screen')),
  },
  {
    path: '/revettings',
    nav: 'nav.revettings',
    roles: ['tcc-officer', ...UN, 'auditor'],
    component: lazy(() => import('../screens/revettings.screen')),
  },
  {
    path: '/revocations',
    nav: 'nav.revocations',
    roles: ['tcc-officer', ...UN, 'auditor'],
    component: lazy(() => import('../screens/revocations.screen')),
  },
  {
    path: '/candidates',
    nav: 'nav.candidates',
    roles: [...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/candidates.screen')),
  },
  { path: '/review', nav: 'nav.review', roles: UN, component: lazy(() => import('../screens/review-queue.screen')) },
  { path: '/review/:screeningId', roles: UN, component: lazy(() => import('../screens/review.screen')) },
  { path: '/checks', nav: 'nav.checks', roles: ['un-screener', 'admin'], component: lazy(() => import('../screens/failed-checks.screen')) },
  {
    path: '/contacts',
    nav: 'nav.contacts',
    roles: ['un-screener'],
    component: lazy(() => import('../screens/contact-confirmations.screen')),
  },
  {
    path: '/employers',
    nav: 'nav.directory',
    roles: [...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/employers.screen')),
  },
  { path: '/employers/:employerId', roles: [...UN, 'auditor', 'admin'], component: lazy(() => import('../screens/employer.screen')) },
  { path: '/check', nav: 'nav.check', roles: UN, component: lazy(() => import('../screens/check.screen')) },
  { path: '/lists', nav: 'nav.lists', roles: [...UN, 'auditor', 'admin'], component: lazy(() => import('../screens/lists.screen')) },
  { path: '/lists/:listId', roles: [...UN, 'auditor', 'admin'], component: lazy(() => import('../screens/list-versions.screen')) },
  {
    path: '/adjudications',
    nav: 'nav.adjudications',
    roles: ['un-adjudicator', 'auditor'],
    component: lazy(() => import('../screens/adjudications.screen')),
  },
  { path: '/adjudications/:candidateId', roles: [...UN, 'auditor'], component: lazy(() => import('../screens/adjudication.screen')) },
  { path: '/trail', nav: 'nav.trail', roles: ['auditor'], component: lazy(() => import('../screens/trail.screen')) },
  { path: '/exports', nav: 'nav.exports', roles: ['auditor'], component: lazy(() => import('../screens/exports.screen')) },
  {
    path: '/statistics',
    nav: 'nav.statistics',
    roles: ['auditor', 'admin', 'un-screener'],
    component: lazy(() => import('../screens/statistics.screen')),
  },
  { path: '/users', nav: 'nav.users', roles: ['admin'], component: lazy(() => import('../screens/users.screen')) },
  // Around vetting: offline screening, certificate versions, statistics by person, safeguarding self-assessments, requests for action, disclosure requests.
  {
    path: '/offline',
    nav: 'nav.offline',
    roles: ['tcc-officer', 'un-screener'],
    component: lazy(() => import('../screens/offline.screen')),
  },
  {
    path: '/certificates',
    nav: 'nav.certificates',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/certificates.screen')),
  },
  {
    path: '/statistics/people',
    nav: 'nav.people',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/people-statistics.screen')),
  },
  {
    path: '/safeguarding',
    nav: 'nav.safeguarding',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/safeguarding.screen')),
  },
  {
    path: '/safeguarding/:assessmentId',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/assessment.screen')),
  },
  {
    path: '/action-requests',
    nav: 'nav.actionRequests',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/action-requests.screen')),
  },
  {
    path: '/action-requests/:requestId',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/action-request.screen')),
  },
  {
    path: '/disclosure-requests',
    nav: 'nav.disclosures',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/disclosure-requests.screen')),
  },
  {
    path: '/disclosure-requests/:requestId',
    roles: ['tcc-officer', ...UN, 'auditor', 'admin'],
    component: lazy(() => import('../screens/disclosure-request.screen')),
  },
  {
    path: '/policies',
    nav: 'nav.policies',
    roles: ['admin', 'un-adjudicator', 'auditor'],
    component: lazy(() => import('../screens/policies.screen')),
  },
];

/** The referee's form needs no account: it is reached by the single-use link alone. */
export const PUBLIC_SCREENS: Screen[] = [
  { path: '/referee', nav: 'nav.referee', roles: [], component: lazy(() => import('../screens/referee.screen')) },
];

export const allowed = (screen: Screen, roles: string[]) => screen.roles.length === 0 || screen.roles.some((r) => roles.includes(r));
