import type { Dossier, DossierQuote } from '../../../../shared/types';
import type { MetaDoc } from '../../store/meta';
import { findDossier } from '../dossiers/ops';

// Pure edits of the quotes stored on a dossier.

function withQuotes(meta: MetaDoc, dossier: Dossier, quotes: DossierQuote[], now: string): MetaDoc {
  const next: Dossier = { ...dossier, updatedAt: now };
  if (quotes.length) next.quotes = quotes;
  else delete next.quotes;
  return { ...meta, dossiers: meta.dossiers.map((candidate) => (candidate.id === dossier.id ? next : candidate)) };
}

/** The dossier with the quote added at the end (unchanged when a quote of that key is there already). */
export function addQuote(meta: MetaDoc, dossierId: string, quote: DossierQuote, now: string): MetaDoc {
  const dossier = findDossier(meta, dossierId);
  const quotes = dossier.quotes ?? [];
  if (quotes.some((known) => known.key === quote.key)) return meta;
  return withQuotes(meta, dossier, [...quotes, quote], now);
}

/** The dossier without the quote of that key (unchanged when it has none). */
export function removeQuote(meta: MetaDoc, dossierId: string, key: string, now: string): MetaDoc {
  const dossier = findDossier(meta, dossierId);
  const quotes = dossier.quotes ?? [];
  if (!quotes.some((known) => known.key === key)) return meta;
  return withQuotes(meta, dossier, quotes.filter((known) => known.key !== key), now);
}
