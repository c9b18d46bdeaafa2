import type { OpenedCheck } from '../domain/check';
import { REFEREE_TEXT, type RefereeLanguage } from '../i18n/referee-text';

/**
 * The request (or reminder) mailed to an employer's contact, in English then French: the platform
 * cannot know which language a prior employer reads, so both are in every mail, each with the link
 * that opens the form in that language.
 */
export function refereeMail(
  check: Pick<OpenedCheck, 'subject'>,
  url: string,
  expiresAt: Date,
  reminder: boolean,
): { subject: string; text: string } {
  const name = check.subject.name;
  const employer = check.subject.employer?.name;
  const part = (language: RefereeLanguage) => {
    const t = REFEREE_TEXT[language].mail;
    return [
      reminder ? t.reminder : t.greeting,
      '',
      t.body(name, employer ?? (language === 'fr' ? 'vous' : 'you')),
      '',
      t.answerBy(expiresAt.toISOString()),
      `${url}?lang=${language}`,
      '',
      t.noResponse,
    ].join('\n');
  };
  const subjects = (['en', 'fr'] as const).map((l) =>
    reminder ? REFEREE_TEXT[l].mail.reminderSubject(name) : REFEREE_TEXT[l].mail.subject(name),
  );
  return { subject: subjects.join(' / '), text: [part('en'), '', '— Français —', '', part('fr')].join('\n') };
}
