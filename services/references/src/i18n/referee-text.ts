/**
 * Everything a referee reads (the form, its pages, the request mail) in English and French. A prior
 * employer has no account and no console: the form speaks the language its link names (`?lang=fr`)
 * or the browser asks for, and every mail carries both languages.
 */
export type RefereeLanguage = 'en' | 'fr';
export const REFEREE_LANGUAGES: RefereeLanguage[] = ['en', 'fr'];

export interface RefereeText {
  title: string;
  intro(candidate: string, employer: string, deadline: string): string;
  questions: Record<'employed' | 'sexualMisconductFinding' | 'leftDuringInvestigation', string>;
  yes: string;
  no: string;
  details: string;
  name: string;
  role: string;
  email: string;
  send: string;
  thanksTitle: string;
  thanks: string;
  checkAnswer: string;
  cannotUse: string;
  goBack: string;
  /** Why a link cannot be used, by HTTP status (the service's own title is English). */
  byStatus: Record<number, string>;
  otherLanguage: string;
  mail: {
    subject(candidate: string): string;
    reminderSubject(candidate: string): string;
    greeting: string;
    reminder: string;
    body(candidate: string, employer: string): string;
    answerBy(deadline: string): string;
    noResponse: string;
  };
}

const when = (language: RefereeLanguage, iso: string | Date) =>
  `${new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;

export const REFEREE_TEXT: Record<RefereeLanguage, RefereeText> = {
  en: {
    title: 'Misconduct disclosure request',
    intro: (c, e, d) =>
      `${c} has been nominated for deployment with a United Nations peacekeeping mission and has consented to this request to ${e}. Please answer by ${when('en', d)}. This link works once.`,
    questions: {
      employed: 'Did this person work for your organisation during the period stated?',
      sexualMisconductFinding:
        'Was this person found, following an investigation, to have committed sexual exploitation, sexual abuse or sexual harassment while working for you?',
      leftDuringInvestigation: 'Did this person leave your organisation while an investigation into such allegations was pending?',
    },
    yes: 'Yes',
    no: 'No',
    details: 'If you answered yes, please give the dates and the outcome (optional, at most 4000 characters)',
    name: 'Your name',
    role: 'Your role',
    email: 'Your work e-mail address',
    send: 'Send answer',
    thanksTitle: 'Thank you',
    thanks: 'Your answer has been recorded. This link can no longer be used.',
    checkAnswer: 'Please check your answer',
    cannotUse: 'This link cannot be used',
    goBack: 'Please go back and correct the form.',
    byStatus: { 404: 'This link is not valid.', 410: 'This link has already been used or has expired.', 413: 'The answer is too long.' },
    otherLanguage: 'Version française',
    mail: {
      subject: (c) => `Misconduct disclosure request: ${c}`,
      reminderSubject: (c) => `Reminder: misconduct disclosure request for ${c}`,
      greeting: 'Dear colleague,',
      reminder: 'Reminder: we have not yet received your answer.',
      body: (c, e) =>
        `${c} has been nominated for deployment with a United Nations peacekeeping mission and consented to this request. Under the Misconduct Disclosure Scheme we ask ${e} whether they were found to have committed sexual exploitation, abuse or sexual harassment, or left while such an investigation was pending.`,
      answerBy: (d) => `Please answer on this form (single use, valid until ${when('en', d)}):`,
      noResponse: 'If no answer arrives by then, the request is recorded as "no response".',
    },
  },
  fr: {
    title: 'Demande de divulgation de fautes',
    intro: (c, e, d) =>
      `${c} a été proposé(e) pour un déploiement dans une mission de maintien de la paix des Nations Unies et a consenti à ce que cette demande soit adressée à ${e}. Merci de répondre avant le ${when('fr', d)}. Ce lien ne fonctionne qu’une fois.`,
    questions: {
      employed: 'Cette personne a-t-elle travaillé pour votre organisation pendant la période indiquée ?',
      sexualMisconductFinding:
        'Au terme d’une enquête, a-t-il été établi que cette personne avait commis des actes d’exploitation sexuelle, d’atteintes sexuelles ou de harcèlement sexuel pendant qu’elle travaillait pour vous ?',
      leftDuringInvestigation:
        'Cette personne a-t-elle quitté votre organisation alors qu’une enquête sur de telles allégations était en cours ?',
    },
    yes: 'Oui',
    no: 'Non',
    details: 'Si vous avez répondu oui, merci d’indiquer les dates et l’issue (facultatif, 4000 caractères au plus)',
    name: 'Votre nom',
    role: 'Votre fonction',
    email: 'Votre adresse électronique professionnelle',
    send: 'Envoyer la réponse',
    thanksTitle: 'Merci',
    thanks: 'Votre réponse a été enregistrée. Ce lien ne peut plus être utilisé.',
    checkAnswer: 'Merci de vérifier votre réponse',
    cannotUse: 'Ce lien ne peut pas être utilisé',
    goBack: 'Merci de revenir en arrière et de corriger le formulaire.',
    byStatus: { 404: 'Ce lien n’est pas valide.', 410: 'Ce lien a déjà servi ou a expiré.', 413: 'La réponse est trop longue.' },
    otherLanguage: 'English version',
    mail: {
      subject: (c) => `Demande de divulgation de fautes : ${c}`,
      reminderSubject: (c) => `Rappel : demande de divulgation de fautes pour ${c}`,
      greeting: 'Madame, Monsieur,',
      reminder: 'Rappel : nous n’avons pas encore reçu votre réponse.',
      body: (c, e) =>
        `${c} a été proposé(e) pour un déploiement dans une mission de maintien de la paix des Nations Unies et a consenti à cette demande. Dans le cadre du dispositif de divulgation des fautes (Misconduct Disclosure Scheme), nous demandons à ${e} s’il a été établi que cette personne avait commis des actes d’exploitation, d’atteintes ou de harcèlement sexuels, ou si elle est partie alors qu’une telle enquête était en cours.`,
      answerBy: (d) => `Merci de répondre sur ce formulaire (usage unique, valable jusqu’au ${when('fr', d)}) :`,
      noResponse: 'Sans réponse à cette date, la demande est enregistrée comme « sans réponse ».',
    },
  },
};

/** The language of a referee page: `?lang=` when given, else the browser's preference among ours, else English. */
export function refereeLanguage(query: unknown, acceptLanguage: string | undefined): RefereeLanguage {
  const asked = typeof query === 'string' ? query : undefined;
  if (asked === 'fr' || asked === 'en') return asked;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: (tag ?? '').slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => REFEREE_LANGUAGES.includes(l.tag as RefereeLanguage))
    .sort((a, b) => b.q - a.q)[0];
  return (preferred?.tag as RefereeLanguage | undefined) ?? 'en';
}
