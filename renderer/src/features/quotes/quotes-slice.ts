import type { QuoteItem, QuoteQueryInput, QuoteSpeakerItem } from '../../../../shared/contract/quotes';
import type { ServiceError } from '../../../../shared/contract/envelope';
import type { DossierQuote } from '../../../../shared/types';
import { toServiceError } from '../../client';
import type { LoadState } from '../../store/load-state';
import { runEdit } from '../../store/run-edit';
import type { SliceCreator } from '../../store/types';

/** The quotes view's filters, as the editor set them ('' for none). */
export interface QuoteFilters {
  person: string;
  from: string;
  to: string;
  dossierId: string;
  text: string;
  kind: '' | 'direct' | 'indirect' | 'unattributed';
}

export const NO_QUOTE_FILTERS: QuoteFilters = { person: '', from: '', to: '', dossierId: '', text: '', kind: '' };

/** Quotes fetched per page (the list asks for more as it is scrolled). */
export const QUOTES_PAGE = 100;

export interface QuotesSlice {
  quoteFilters: QuoteFilters;
  quotes: QuoteItem[];
  quotesTotal: number;
  quotesBuilding: boolean;
  quotesState: LoadState;
  quotesError: ServiceError | null;
  quotePeople: QuoteSpeakerItem[];
  /** Who is quoted has been asked for at least once (a tag's "What has X said" needs it). */
  quotePeopleAsked: boolean;
  /** Quoted people (not organisations or countries) by folded name and by entity key → display name, built once per answer. */
  quotedPersonByName: ReadonlyMap<string, string>;
  /** The dossier "Add to dossier" adds to. */
  quoteTarget: string;
  /** The quotes of the open dossier (the dossier view's quotes section). */
  dossierQuotes: DossierQuote[];
  /** Opens the quotes view, with a person filter when given ("what has Poetin said"). */
  openQuotes(person?: string): void;
  setQuoteFilters(filters: Partial<QuoteFilters>): void;
  loadQuotes(more?: boolean): Promise<void>;
  loadQuotePeople(): Promise<void>;
  setQuoteTarget(dossierId: string): void;
  addQuoteToDossier(dossierId: string, key: string): Promise<boolean>;
  loadDossierQuotes(dossierId: string): Promise<void>;
  removeDossierQuote(dossierId: string, key: string): Promise<boolean>;
}

export function quoteQueryOf(filters: QuoteFilters): QuoteQueryInput {
  const query: QuoteQueryInput = {};
  if (filters.person.trim()) query.person = filters.person.trim();
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.dossierId) query.dossierId = filters.dossierId;
  if (filters.text.trim()) query.text = filters.text.trim();
  if (filters.kind === 'unattributed') query.unattributed = true;
  else if (filters.kind) query.kind = filters.kind;
  return query;
}

export const createQuotesSlice: SliceCreator<QuotesSlice> = (set, get, { client }) => {
  let request = 0;
  return {
    quoteFilters: NO_QUOTE_FILTERS,
    quotes: [],
    quotesTotal: 0,
    quotesBuilding: false,
    quotesState: 'idle',
    quotesError: null,
    quotePeople: [],
    quotePeopleAsked: false,
    quotedPersonByName: new Map(),
    quoteTarget: '',
    dossierQuotes: [],

    openQuotes(person) {
      set({ quoteFilters: person === undefined ? get().quoteFilters : { ...NO_QUOTE_FILTERS, person } });
      // The reader beside the list shows the story of the quote the editor chooses, nothing before.
      if (get().view.kind !== 'quotes') get().closeStory();
      get().setView({ kind: 'quotes' });
      void get().loadQuotes();
      void get().loadQuotePeople();
    },
    setQuoteFilters(filters) {
      set((state) => ({ quoteFilters: { ...state.quoteFilters, ...filters } }));
      void get().loadQuotes();
    },
    async loadQuotes(more = false) {
      const mine = ++request;
      const offset = more ? get().quotes.length : 0;
      set((state) => ({ quotesState: more && state.quotesState === 'ready' ? 'ready' : 'loading', quotesError: null }));
      try {
        const page = await client.call('quotes.list', { ...quoteQueryOf(get().quoteFilters), offset, limit: QUOTES_PAGE });
        if (mine !== request) return;
        set((state) => ({ quotes: more ? [...state.quotes, ...page.items] : page.items, quotesTotal: page.total, quotesBuilding: page.building, quotesState: 'ready' }));
      } catch (error) {
        if (mine === request) set({ quotesState: 'error', quotesError: toServiceError(error) });
      }
    },
    async loadQuotePeople() {
      set({ quotePeopleAsked: true });
      try {
        const { people } = await client.call('quotes.people', {});
        set({ quotePeople: people, quotedPersonByName: quotedPeopleIndex(people) });
      } catch {
        // The person field still takes a typed name.
      }
    },
    setQuoteTarget(dossierId) {
      set({ quoteTarget: dossierId });
    },
    addQuoteToDossier(dossierId, key) {
      return runEdit(set, get, async () => {
        const answer = await client.call('quotes.addToDossier', { dossierId, key });
        set({ quoteTarget: dossierId, ...(get().view.kind === 'dossier' ? { dossierQuotes: answer.quotes } : {}) });
      });
    },
    async loadDossierQuotes(dossierId) {
      try {
        const answer = await client.call('quotes.ofDossier', { dossierId });
        set({ dossierQuotes: answer.quotes });
      } catch {
        set({ dossierQuotes: [] });
      }
    },
    removeDossierQuote(dossierId, key) {
      return runEdit(set, get, async () => {
        const answer = await client.call('quotes.removeFromDossier', { dossierId, key });
        set({ dossierQuotes: answer.quotes });
      });
    },
  };
};

/** A name or key as the "What has X said" buttons look it up: case and diacritics ignored. */
export const foldedPersonName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** Quoted people by folded name and by entity key (the first listed wins), for the tags' buttons. */
function quotedPeopleIndex(people: readonly QuoteSpeakerItem[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const person of people) {
    if ((person.kind ?? 'person') !== 'person') continue;
    const name = foldedPersonName(person.name);
    if (!index.has(name)) index.set(name, person.name);
    if (!index.has(person.key)) index.set(person.key, person.name);
  }
  return index;
}
