import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A list of rows the user adds and removes (several names, nationalities, documents, employers). Each
 * row gets a stable key, so its inputs keep their ids and values when another row is removed; field
 * names carry the key (`names[3].full`), and `rowsOf` reads them back in the order shown.
 */
export function Repeater({
  legend,
  hint,
  item,
  add,
  min = 0,
  initial = min,
  max = 20,
  children,
}: {
  legend: string;
  hint?: string;
  /** What one row is called, for the remove buttons and the row's group label ("name", "document"). */
  item: string;
  /** The add button's text ("Add a name"). */
  add: string;
  min?: number;
  initial?: number;
  max?: number;
  children: (key: number, position: number) => ReactNode;
}) {
  const { t } = useI18n();
  const next = useRef(initial);
  const [keys, setKeys] = useState(() => Array.from({ length: initial }, (_, i) => i));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint && <p className="muted">{hint}</p>}
      {keys.map((key, position) => (
        <div key={key} className="repeat-row" role="group" aria-label={`${item} ${position + 1}`}>
          {children(key, position)}
          {keys.length > min && (
            <button type="button" className="secondary" onClick={() => setKeys(keys.filter((k) => k !== key))}>
              {t('form.remove', { item: `${item} ${position + 1}` })}
            </button>
          )}
        </div>
      ))}
      {keys.length < max && (
        <button type="button" className="secondary" onClick={() => setKeys([...keys, next.current++])}>
          {add}
        </button>
      )}
    </fieldset>
  );
}

/** The rows of a repeater from a form, in the order shown: `rowsOf(form, 'names')` → [{ full, script }, …]. Empty values are left out. */
export function rowsOf(form: FormData, group: string): Record<string, string>[] {
  const rows = new Map<string, Record<string, string>>();
  const pattern = new RegExp(`^${group}\\[(\\d+)\\]\\.(\\w+)$`);
  for (const [name, value] of form.entries()) {
    const m = pattern.exec(name);
    if (!m || typeof value !== 'string') continue;
    const row = rows.get(m[1]!) ?? {};
    if (value.trim() !== '') row[m[2]!] = value.trim();
    rows.set(m[1]!, row);
  }
  return [...rows.values()];
}
