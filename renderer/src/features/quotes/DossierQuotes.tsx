import { useEffect } from 'react';
import { useTranslator } from '../../i18n/use-translator';
import { useApp, useAppStoreApi } from '../../store';
import { formatDay } from '../../ui/format';
import './quotes.css';

/** The quotes added to the open dossier, attributed, each removable (undoable); they go into its exports. */
export function DossierQuotes({ dossierId, readOnly }: { dossierId: string; readOnly: boolean }) {
  const tq = useTranslator('quotes');
  const store = useAppStoreApi();
  const language = useApp((s) => s.language);
  const quotes = useApp((s) => s.dossierQuotes);
  // Loaded with the dossier, and again whenever it changes (an undo brings a quote back).
  const updatedAt = useApp((s) => s.dossier?.dossier.updatedAt);
  useEffect(() => {
    void store.getState().loadDossierQuotes(dossierId);
  }, [dossierId, updatedAt, store]);

  return (
    <section className="dossier-quotes" aria-labelledby={`dossier-quotes-${dossierId}`}>
      <h3 id={`dossier-quotes-${dossierId}`}>{tq('dossierQuotes')}</h3>
      {quotes.length === 0 ? (
        <p className="quotes-note">{tq('dossierQuotesEmpty')}</p>
      ) : (
        <ol className="dossier-quotes-list">
          {quotes.map((quote) => (
            <li key={quote.key} className={`quote-${quote.kind}${quote.speaker ? '' : ' quote-unattributed'}`}>
              <div>
                <blockquote className="quote-text">{quote.kind === 'indirect' ? `(${tq('indirect')}) ${quote.text}` : `“${quote.text}”`}</blockquote>
                <p className="quote-by">
                  — {quote.speaker?.name ?? (quote.speakerText ? tq('unattributedAs', { written: quote.speakerText }) : tq('unattributed'))},{' '}
                  {quote.date ? formatDay(quote.date.slice(0, 10), language) : tq('undated')}, {quote.headline}
                </p>
              </div>
              {!readOnly && (
                <button type="button" className="button" aria-label={`${tq('removeQuote')}: ${quote.text.slice(0, 60)}`} onClick={() => void store.getState().removeDossierQuote(dossierId, quote.key)}>
                  {tq('removeQuote')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
