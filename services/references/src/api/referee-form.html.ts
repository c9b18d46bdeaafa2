import { REFEREE_TEXT, type RefereeLanguage } from '../i18n/referee-text';

/** Plain, accessible HTML for the referee portal: no scripts, labelled controls, one question per fieldset, in the referee's language. */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (language: RefereeLanguage, title: string, body: string, other?: string) => `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
fieldset{border:1px solid #767676;margin:1rem 0;padding:.5rem 1rem}
legend{font-weight:600}
label{display:block;margin:.25rem 0}
input[type=text],textarea{width:100%;padding:.4rem;font:inherit}
button{font:inherit;padding:.5rem 1.5rem;margin-top:1rem}
a{color:#0b4f8a}
:focus{outline:3px solid #005fcc;outline-offset:2px}
</style>
</head>
<body>
${other ?? ''}
<main>
${body}
</main>
</body>
</html>`;

/** The questions of the Misconduct Disclosure Scheme, by field name. */
export const QUESTION_NAMES = ['employed', 'sexualMisconductFinding', 'leftDuringInvestigation'] as const;
/** The English questions, for API clients asking for JSON. */
export const QUESTIONS = QUESTION_NAMES.map((name) => ({ name, text: REFEREE_TEXT.en.questions[name] }));

const yesNo = (language: RefereeLanguage, name: (typeof QUESTION_NAMES)[number]) => {
  const t = REFEREE_TEXT[language];
  return `<fieldset>
<legend>${escape(t.questions[name])}</legend>
<label><input type="radio" name="${name}" value="yes" required> ${t.yes}</label>
<label><input type="radio" name="${name}" value="no"> ${t.no}</label>
</fieldset>`;
};

/** A link to the same page in the other language (the form keeps working in either). */
const switchTo = (language: RefereeLanguage) => {
  const other: RefereeLanguage = language === 'en' ? 'fr' : 'en';
  return `<nav><a href="?lang=${other}" lang="${other}" hreflang="${other}">${REFEREE_TEXT[language].otherLanguage}</a></nav>`;
};

export function refereeFormPage(
  view: { employer: string; candidateName: string; deadline: string },
  language: RefereeLanguage = 'en',
): string {
  const t = REFEREE_TEXT[language];
  return page(
    language,
    t.title,
    `<h1>${t.title}</h1>
<p>${escape(t.intro(view.candidateName, view.employer, view.deadline))}</p>
<form method="post" action="?lang=${language}">
${QUESTION_NAMES.map((name) => yesNo(language, name)).join('\n')}
<label for="details">${t.details}</label>
<textarea id="details" name="details" rows="5" maxlength="4000"></textarea>
<label for="responderName">${t.name}</label>
<input type="text" id="responderName" name="responderName" required maxlength="200" autocomplete="name">
<label for="responderRole">${t.role}</label>
<input type="text" id="responderRole" name="responderRole" required maxlength="200" autocomplete="organization-title">
<label for="responderEmail">${t.email}</label>
<input type="email" id="responderEmail" name="responderEmail" required maxlength="254" autocomplete="email">
<button type="submit">${t.send}</button>
</form>`,
    switchTo(language),
  );
}

export const thankYouPage = (language: RefereeLanguage = 'en') => {
  const t = REFEREE_TEXT[language];
  return page(language, t.thanksTitle, `<h1>${t.thanksTitle}</h1><p>${t.thanks}</p>`);
};

export const problemPage = (
  status: number,
  title: string,
  fields: { field: string; reason: string }[] = [],
  language: RefereeLanguage = 'en',
) => {
  const t = REFEREE_TEXT[language];
  const heading = status === 400 ? t.checkAnswer : t.cannotUse;
  return page(
    language,
    heading,
    `<h1>${heading}</h1>
<p role="alert">${escape(t.byStatus[status] ?? title)}</p>
${fields.length ? `<ul>${fields.map((f) => `<li>${escape(f.field.replace(/^body\//, ''))}: ${escape(f.reason)}</li>`).join('')}</ul>` : ''}
${status === 400 ? `<p>${t.goBack}</p>` : ''}`,
  );
};
