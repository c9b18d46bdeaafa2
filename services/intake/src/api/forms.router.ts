import type { Router } from 'express';
import type { ConfiguredForms } from '../domain/forms';

/** The form versions a consent or self-declaration may be recorded on (the console's choices). */
export function createFormRoutes(forms: ConfiguredForms) {
  return (router: Router) => {
    router.get('/forms', (_req, res) => {
      res.json(forms);
    });
  };
}
