import { useTranslator } from '../../i18n/use-translator';
import { useApp, useAppStoreApi } from '../../store';

/** The sidebar's "Citaten / Quotes" entry: opens the quotes view. */
export function QuotesSidebarEntry() {
  const tq = useTranslator('quotes');
  const store = useAppStoreApi();
  const current = useApp((s) => s.view.kind === 'quotes');
  return (
    <ul className="view-list" aria-label={tq('heading')}>
      <li>
        <button type="button" className="view-button" aria-current={current ? 'true' : undefined} onClick={() => store.getState().openQuotes()}>
          <span className="view-label">{tq('sidebarEntry')}</span>
        </button>
      </li>
    </ul>
  );
}
