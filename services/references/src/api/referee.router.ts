import type { Request, RequestHandler, Router } from 'express';
import { paramsOf } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';
import { answerReferee, openRefereeLink, type RefereeAnswerInput } from '../use-cases/referee-answer.use-case';
import { refereeLanguage } from '../i18n/referee-text';
import { problemPage, QUESTIONS, refereeFormPage, thankYouPage } from './referee-form.html';

/** Browsers get HTML; API clients asking for JSON (or posting it) get JSON. */
const wantsHtml = (req: Request) => !req.is('application/json') && req.accepts(['html', 'json']) === 'html';
/** The referee's language: the link's `?lang=`, else the browser's preference (English or French). */
const languageOf = (req: Request) => refereeLanguage(req.query.lang, req.header('accept-language'));

/** The referee portal: public operations, reached only through a single-use, expiring link. */
export function createRefereeRoutes(ctx: ReferencesContext) {
  return (router: Router) => {
    router.get('/referee/:token', async (req, res) => {
      const { token } = paramsOf<{ token: string }>(req);
      const { link, check } = await openRefereeLink(ctx, token);
      const subject = await ctx.answers.openSubject(check);
      const view = { employer: subject.employer?.name ?? '', candidateName: subject.name, deadline: link.expiresAt };
      res.setHeader('cache-control', 'no-store');
      if (wantsHtml(req)) return void res.type('html').send(refereeFormPage(view, languageOf(req)));
      res.json({ ...view, questions: QUESTIONS.map((q) => ({ name: q.name, text: q.text, answers: ['yes', 'no'] })) });
    });

    router.post('/referee/:token', async (req, res) => {
      const { token } = paramsOf<{ token: string }>(req);
      await answerReferee(ctx, token, req.body as RefereeAnswerInput);
      res.setHeader('cache-control', 'no-store');
      if (wantsHtml(req)) return void res.type('html').send(thankYouPage(languageOf(req)));
      res.json({ status: 'recorded' });
    });
  };
}

/**
 * Mounted before body parsing and validation, so it also covers their errors: for a browser, the
 * problem+json the platform renders becomes an HTML page with the same status and field list.
 */
export const refereeHtmlProblems: RequestHandler = (req, res, next) => {
  if (wantsHtml(req)) {
    const json = res.json.bind(res);
    res.json = (body: { status?: number; title?: string; errors?: { field: string; reason: string }[] }) => {
      if (!String(res.getHeader('content-type')).startsWith('application/problem+json') || !body?.status) return json(body);
      return res.type('html').send(problemPage(body.status, body.title ?? 'Error', body.errors ?? [], languageOf(req)));
    };
  }
  next();
};
