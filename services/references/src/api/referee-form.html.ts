/** Plain, accessible HTML for the referee portal: no scripts, labelled controls, one question per fieldset. */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
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
:focus{outline:3px solid #005fcc;outline-offset:2px}
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;

export const QUESTIONS = [
  { name: 'employed', text: 'Did this person work for your organisation during the period stated?' },
  {
    name: 'sexualMisconductFinding',
    text: 'Was this person found, following an investigation, to have committed sexual exploitation, sexual abuse or sexual harassment while working for you?',
  },
  { name: 'leftDuringInvestigation', text: 'Did this person leave your organisation while an investigation into such allegations was pending?' },
] as const;

const yesNo = (name: string, text: string) => `<fieldset>
<legend>${escape(text)}</legend>
<label><input type="radio" name="${name}" value="yes" required> Yes</label>
<label><input type="radio" name="${name}" value="no"> No</label>
</fieldset>`;

export function refereeFormPage(view: { employer: string; candidateName: string; deadline: string }): string {
  return page(
    'Misconduct disclosure request',
    `<h1>Misconduct disclosure request</h1>
<p>${escape(view.candidateName)} has been nominated for deployment with a United Nations peacekeeping mission and has
consented to this request to ${escape(view.employer)}. Please answer by ${escape(new Date(view.deadline).toUTCString())}.
This link works once.</p>
<form method="post" action="">
${QUESTIONS.map((q) => yesNo(q.name, q.text)).join('\n')}
<label for="details">If you answered yes, please give the dates and the outcome (optional, at most 4000 characters)</label>
<textarea id="details" name="details" rows="5" maxlength="4000"></textarea>
<label for="responderName">Your name</label>
<input type="text" id="responderName" name="responderName" required maxlength="200" autocomplete="name">
<label for="responderRole">Your role</label>
<input type="text" id="responderRole" name="responderRole" required maxlength="200" autocomplete="organization-title">
<label for="responderEmail">Your work e-mail address</label>
<input type="email" id="responderEmail" name="responderEmail" required maxlength="254" autocomplete="email">
<button type="submit">Send answer</button>
</form>`,
  );
}

export const thankYouPage = () => page('Answer recorded', '<h1>Thank you</h1><p>Your answer has been recorded. This link can no longer be used.</p>');

export const problemPage = (status: number, title: string, fields: { field: string; reason: string }[] = []) =>
  page(
    title,
    `<h1>${status === 400 ? 'Please check your answer' : 'This link cannot be used'}</h1>
<p role="alert">${escape(title)}</p>
${fields.length ? `<ul>${fields.map((f) => `<li>${escape(f.field.replace(/^body\//, ''))}: ${escape(f.reason)}</li>`).join('')}</ul>` : ''}
${status === 400 ? '<p>Please go back and correct the form.</p>' : ''}`,
  );
