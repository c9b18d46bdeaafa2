import type { FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { Field, Page } from '../components/ui';

/** The token of a referee link: the last path segment of a pasted URL, or the code itself. */
export function refereeToken(input: string): string {
  const trimmed = input.trim();
  const fromUrl = /\/referee\/([^/?#]+)/.exec(trimmed);
  return decodeURIComponent(fromUrl ? fromUrl[1]! : trimmed);
}

/**
 * The references service serves the single-use form itself (plain HTML, no script), so it works on
 * any phone and never depends on this console; this page only leads the referee to it.
 */
export default function Referee() {
  const { t } = useI18n();
  const open = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const token = refereeToken(String(new FormData(event.currentTarget).get('link')));
    if (token) location.assign(`/api/references/referee/${encodeURIComponent(token)}`);
  };
  return (
    <Page title={t('referee.title')}>
      <p>{t('referee.intro')}</p>
      <form onSubmit={open} className="row">
        <Field id="link" label={t('referee.link')}>
          <input id="link" name="link" required autoComplete="off" />
        </Field>
        <div className="field">
          <button type="submit">{t('referee.open')}</button>
        </div>
      </form>
    </Page>
  );
}
