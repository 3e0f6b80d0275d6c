import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { QuoteItem } from '../../../../shared/contract/quotes';
import { useNarrow } from '../../app/layout/use-narrow';
import { useTranslator } from '../../i18n/use-translator';
import { useApp, useAppStoreApi } from '../../store';
import { DateField } from '../../ui/DateField';
import { formatDay } from '../../ui/format';
import { Reader } from '../library/Reader';
import { NO_QUOTE_FILTERS, type QuoteFilters } from './quotes-slice';
import './quotes.css';

export const QUOTES_VIEW_ID = 'quotes-view';
/** Height assumed for a pane that has none yet. */
const FALLBACK_VIEWPORT = 900;

/** Scrolls the open story to a paragraph and marks it (until the next story or quote is opened). */
function showParagraph(paragraph: number): void {
  for (const marked of document.querySelectorAll('[data-quote-target]')) marked.removeAttribute('data-quote-target');
  const block = document.querySelector(`#reader .story-body`)?.children[paragraph];
  if (!(block instanceof HTMLElement)) return;
  block.setAttribute('data-quote-target', '');
  block.scrollIntoView?.({ block: 'center' });
}

/** Who said what, newest first: filters, the list, and the story of the quote chosen beside it. */
export function QuotesView() {
  const tq = useTranslator('quotes');
  const store = useAppStoreApi();
  const narrow = useNarrow();
  const language = useApp((s) => s.language);
  const filters = useApp((s) => s.quoteFilters);
  const quotes = useApp((s) => s.quotes);
  const total = useApp((s) => s.quotesTotal);
  const building = useApp((s) => s.quotesBuilding);
  const state = useApp((s) => s.quotesState);
  const people = useApp((s) => s.quotePeople);
  const dossiers = useApp((s) => s.dossiers);
  const target = useApp((s) => s.quoteTarget);
  const openId = useApp((s) => s.openId);
  const readOnly = useApp((s) => s.status?.readOnly ?? false);
  const [announcement, setAnnouncement] = useState('');
  const [showReader, setShowReader] = useState(false);
  const ids = { person: useId(), people: useId(), organisation: useId(), from: useId(), to: useId(), dossier: useId(), text: useId(), kind: useId(), target: useId() };
  const pane = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [active, setActive] = useState(0);
  // The person field lists people; organisations and countries speaking are a group of their own.
  const persons = people.filter((p) => (p.kind ?? 'person') === 'person');
  const organisations = people.filter((p) => p.kind === 'organisation');
  const countries = people.filter((p) => p.kind === 'country');
  const speakerGroup = organisations.length > 0 || countries.length > 0;
  const chosenGroup = [...organisations, ...countries].find((p) => p.name === filters.person)?.name ?? '';

  // The list is virtual (only the rows near the viewport are in the page), scrolled by the pane it sits in.
  // The compiler leaves this component unmemoised (its functions change with each scroll), which is what the list needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: quotes.length,
    getScrollElement: () => pane.current,
    estimateSize: () => 120,
    overscan: 6,
    scrollMargin: listRef.current?.offsetTop ?? 0,
    getItemKey: (index) => quotes[index]?.key ?? index,
    // A pane not laid out yet (or a test's DOM without layout) still shows a screenful.
    observeElementRect: (instance, callback) => observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_VIEWPORT })),
  });
  const activeRow = Math.min(active, Math.max(0, quotes.length - 1));
  const totalSize = virtualizer.getTotalSize();
  useEffect(() => {
    listRef.current?.style.setProperty('--list-height', `${totalSize}px`);
  }, [totalSize]);

  /** Arrow keys, Home and End move between quotes (the list keeps one tab stop); Enter opens the story. */
  function onListKey(event: KeyboardEvent<HTMLOListElement>) {
    if ((event.target as HTMLElement).closest('button, a, input, select')) return;
    const last = quotes.length - 1;
    const next = { ArrowDown: activeRow + 1, ArrowUp: activeRow - 1, Home: 0, End: last, PageDown: activeRow + 5, PageUp: activeRow - 5 }[event.key];
    if (next !== undefined) {
      event.preventDefault();
      const index = Math.max(0, Math.min(last, next));
      setActive(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
      // Near the end of what is loaded: the next page.
      if (index >= last - 2 && quotes.length < total && state === 'ready') void store.getState().loadQuotes(true);
    } else if (event.key === 'Enter' && quotes[activeRow]) {
      event.preventDefault();
      void open(quotes[activeRow]);
    }
  }
  const [text, setText] = useState(filters.text);
  const [person, setPerson] = useState(filters.person);

  // A person chosen elsewhere (a tag's "quotes by", Clear) shows in the field (adjusted while rendering, not in an effect).
  const [seenPerson, setSeenPerson] = useState(filters.person);
  if (seenPerson !== filters.person) {
    setSeenPerson(filters.person);
    setPerson(filters.person);
  }

  // Typing settles before the list is asked again.
  useEffect(() => {
    if (text === store.getState().quoteFilters.text) return;
    const timer = setTimeout(() => store.getState().setQuoteFilters({ text }), 250);
    return () => clearTimeout(timer);
  }, [text, store]);

  const set = (next: Partial<QuoteFilters>) => store.getState().setQuoteFilters(next);
  const effectiveTarget = target && dossiers.some((d) => d.id === target) ? target : (dossiers[0]?.id ?? '');

  async function open(quote: QuoteItem) {
    setShowReader(true);
    await store.getState().openStory(quote.storyId);
    requestAnimationFrame(() => showParagraph(quote.paragraph));
  }

  async function add(quote: QuoteItem) {
    if (!effectiveTarget) return;
    const done = await store.getState().addQuoteToDossier(effectiveTarget, quote.key);
    const title = dossiers.find((d) => d.id === effectiveTarget)?.title ?? '';
    if (done) setAnnouncement(tq('added', { title }));
  }

  const attribution = (quote: QuoteItem) =>
    quote.speaker ? quote.speaker.name : quote.speakerText ? tq('unattributedAs', { written: quote.speakerText }) : tq('unattributed');

  const readerShown = openId !== null && (!narrow || showReader);
  const listShown = !narrow || !readerShown;

  return (
    <section id={QUOTES_VIEW_ID} className="quotes-view" data-reader={readerShown ? 'shown' : 'hidden'} aria-label={tq('viewLabel')} aria-busy={state === 'loading'}>
      {listShown && (
        <div className="quotes-pane" ref={pane}>
          <header className="quotes-header">
            <h2 className="quotes-title">{tq('heading')}</h2>
            <p className="quotes-count" role="status">
              {state === 'ready' ? tq('count', { count: total }) : state === 'loading' ? tq('loading') : ''}
            </p>
          </header>
          <form className="quote-filters" role="search" aria-label={tq('filtersLabel')} onSubmit={(e) => e.preventDefault()}>
            <div className="quote-field">
              <label htmlFor={ids.person}>{tq('person')}</label>
              <input
                id={ids.person}
                type="text"
                list={ids.people}
                value={person}
                placeholder={tq('personPlaceholder')}
                autoComplete="off"
                onChange={(e) => {
                  setPerson(e.target.value);
                  // A name picked from the list (or cleared) applies at once; a typed one on Enter or leaving the field.
                  if (e.target.value === '' || people.some((p) => p.name === e.target.value)) set({ person: e.target.value });
                }}
                onBlur={() => person !== filters.person && set({ person })}
                onKeyDown={(e) => e.key === 'Enter' && set({ person })}
              />
              <datalist id={ids.people}>
                {persons.map((p) => (
                  <option key={p.key} value={p.name}>
                    {tq('personOption', { name: p.name, count: p.count })}
                  </option>
                ))}
              </datalist>
            </div>
            {speakerGroup && (
              <div className="quote-field">
                <label htmlFor={ids.organisation}>{tq('organisation')}</label>
                <select id={ids.organisation} value={chosenGroup} onChange={(e) => set({ person: e.target.value })}>
                  <option value="">{tq('anyOrganisation')}</option>
                  {organisations.length > 0 && (
                    <optgroup label={tq('organisations')}>
                      {organisations.map((p) => (
                        <option key={p.key} value={p.name}>
                          {tq('personOption', { name: p.name, count: p.count })}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {countries.length > 0 && (
                    <optgroup label={tq('countries')}>
                      {countries.map((p) => (
                        <option key={p.key} value={p.name}>
                          {tq('personOption', { name: p.name, count: p.count })}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </select>
              </div>
            )}
            <div className="quote-field">
              <label htmlFor={ids.from}>{tq('from')}</label>
              <DateField id={ids.from} value={filters.from} onChange={(input) => input.kind !== 'invalid' && set({ from: input.kind === 'day' ? input.iso : '' })} />
            </div>
            <div className="quote-field">
              <label htmlFor={ids.to}>{tq('to')}</label>
              <DateField id={ids.to} value={filters.to} onChange={(input) => input.kind !== 'invalid' && set({ to: input.kind === 'day' ? input.iso : '' })} />
            </div>
            <div className="quote-field">
              <label htmlFor={ids.dossier}>{tq('dossier')}</label>
              <select id={ids.dossier} value={filters.dossierId} onChange={(e) => set({ dossierId: e.target.value })}>
                <option value="">{tq('anyDossier')}</option>
                {dossiers.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="quote-field quote-field-wide">
              <label htmlFor={ids.text}>{tq('search')}</label>
              <input id={ids.text} type="search" value={text} onChange={(e) => setText(e.target.value)} />
            </div>
            <div className="quote-field">
              <label htmlFor={ids.kind}>{tq('kind')}</label>
              <select id={ids.kind} value={filters.kind} onChange={(e) => set({ kind: e.target.value as QuoteFilters['kind'] })}>
                <option value="">{tq('kindAll')}</option>
                <option value="direct">{tq('kindDirect')}</option>
                <option value="indirect">{tq('kindIndirect')}</option>
                <option value="unattributed">{tq('kindUnattributed')}</option>
              </select>
            </div>
            <button
              type="button"
              className="button quote-clear"
              onClick={() => {
                setText('');
                setPerson('');
                set(NO_QUOTE_FILTERS);
              }}
            >
              {tq('clear')}
            </button>
          </form>
          {!readOnly && (
            <div className="quote-target">
              <label htmlFor={ids.target}>{tq('addTarget')}</label>
              <select id={ids.target} value={effectiveTarget} disabled={dossiers.length === 0} onChange={(e) => store.getState().setQuoteTarget(e.target.value)}>
                {dossiers.length === 0 && <option value="">{tq('noDossiers')}</option>}
                {dossiers.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          {building && <p className="quotes-note">{tq('building')}</p>}
          <p className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
          {state === 'error' && (
            <p className="quotes-note" role="alert">
              {tq('failed')}{' '}
              <button type="button" className="button" onClick={() => void store.getState().loadQuotes()}>
                {tq('retry')}
              </button>
            </p>
          )}
          {state === 'ready' && quotes.length === 0 && <p className="quotes-note">{tq('none')}</p>}
          <ol className="quote-rows is-virtual" ref={listRef} aria-label={tq('listLabel')} onKeyDown={onListKey}>
            {virtualizer.getVirtualItems().map((row) => {
              const quote = quotes[row.index]!;
              return (
                <li
                  key={row.key}
                  ref={(element) => {
                    // Placed through CSSOM: the CSP forbids inline styles.
                    if (element) element.style.setProperty('--row-top', `${row.start - virtualizer.options.scrollMargin}px`);
                    virtualizer.measureElement(element);
                  }}
                  data-index={row.index}
                  tabIndex={row.index === activeRow ? 0 : -1}
                  aria-posinset={row.index + 1}
                  aria-setsize={total}
                  onFocus={(e) => e.target === e.currentTarget && setActive(row.index)}
                  className={`quote-row quote-${quote.kind}${quote.speaker ? '' : ' quote-unattributed'}`}
                  data-open={openId === quote.storyId ? 'true' : undefined}
                >
                  <blockquote className="quote-text" lang="nl">
                    {quote.kind === 'indirect' ? (
                      <>
                        <span className="quote-badge">{tq('indirect')}</span> {quote.text}
                      </>
                    ) : (
                      `“${quote.text}”`
                    )}
                  </blockquote>
                  <p className="quote-by">
                    <span className={quote.speaker ? 'quote-speaker' : 'quote-speaker quote-unknown'}>— {attribution(quote)}</span>
                    {', '}
                    {quote.date ? formatDay(quote.date.slice(0, 10), language) : tq('undated')}
                    {', '}
                    <button type="button" className="link-button quote-story" title={tq('openStory')} onClick={() => void open(quote)}>
                      {quote.headline}
                    </button>
                  </p>
                  {!readOnly && effectiveTarget && (
                    <button type="button" className="button quote-add" onClick={() => void add(quote)}>
                      {tq('addTo')}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
          {state === 'ready' && quotes.length < total && (
            <button type="button" className="button quote-more" onClick={() => void store.getState().loadQuotes(true)}>
              {tq('more')}
            </button>
          )}
        </div>
      )}
      {readerShown && (
        <div className="quotes-reader">
          {narrow && (
            <button type="button" className="button quote-back" onClick={() => setShowReader(false)}>
              {tq('backToQuotes')}
            </button>
          )}
          <Reader />
        </div>
      )}
    </section>
  );
}
