import { api } from '../../api/client';
import { useResource } from '../use-resource';

export interface ConfiguredForms {
  consent: string[];
  selfDeclaration: string[];
  employmentDeclaration: string[];
}

/** The form versions this installation records consent and declarations on (intake's GET /forms). */
export const useConfiguredForms = () => useResource('forms', () => api<ConfiguredForms>('/intake/forms'));

/** Today as YYYY-MM-DD in UTC (the latest day a form can have been signed). */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
