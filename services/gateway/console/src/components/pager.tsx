import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * Pages of a cursor-paged list (`next` from each answer): the cursors of the pages already seen are
 * kept, so Previous goes back without the server offering it. A new filter starts again at page 1.
 */
export function useCursorPages(filterKey: string) {
  const [state, setState] = useState<{ key: string; cursors: string[] }>({ key: filterKey, cursors: [] });
  const cursors = state.key === filterKey ? state.cursors : [];
  const next = useCallback((cursor: string) => setState({ key: filterKey, cursors: [...cursors, cursor] }), [filterKey, cursors]);
  const previous = useCallback(() => setState({ key: filterKey, cursors: cursors.slice(0, -1) }), [filterKey, cursors]);
  return { page: cursors.length, after: cursors.at(-1), next, previous };
}

/** Previous / next buttons and where the page stands ("51–100 of 10,000"), announced when it changes. */
export function Pager({
  label,
  first,
  shown,
  total,
  onPrevious,
  onNext,
}: {
  label: string;
  first: number;
  shown: number;
  total?: number;
  onPrevious?: () => void;
  onNext?: () => void;
}) {
  const { t } = useI18n();
  const range =
    shown === 0
      ? t('pager.empty')
      : total === undefined
        ? t('pager.range', { from: first + 1, to: first + shown })
        : t('pager.rangeOf', { from: first + 1, to: first + shown, total: total.toLocaleString() });
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="secondary" onClick={onPrevious} disabled={!onPrevious}>
        {t('pager.previous')}
      </button>
      <span role="status">{range}</span>
      <button type="button" className="secondary" onClick={onNext} disabled={!onNext}>
        {t('pager.next')}
      </button>
    </nav>
  );
}
