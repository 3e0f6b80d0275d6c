import { useEffect } from 'react';
import { useTranslator } from '../../i18n/use-translator';
import { useApp, useAppStoreApi } from '../../store';
import { foldedPersonName } from './quotes-slice';
import './quotes.css';

/** The quoted person a tag or a name stands for (by name or entity key, case and diacritics ignored); null when nobody quoted. */
export function useQuotedPerson(name: string): string | null {
  const store = useAppStoreApi();
  const byName = useApp((s) => s.quotedPersonByName);
  const asked = useApp((s) => s.quotePeopleAsked);
  useEffect(() => {
    if (!asked) void store.getState().loadQuotePeople();
  }, [asked, store]);
  // One lookup per tag: the sidebar re-renders with every edit, and a library quotes thousands.
  return byName.get(foldedPersonName(name)) ?? null;
}

/** "What has X said": opens the quotes view filtered on the person, shown only for someone quoted. */
export function WhatSaidButton({ name, className = 'what-said' }: { name: string; className?: string }) {
  const tq = useTranslator('quotes');
  const store = useAppStoreApi();
  const person = useQuotedPerson(name);
  if (!person) return null;
  const label = tq('whatSaid', { name: person });
  return (
    <button type="button" className={className} aria-label={label} title={label} onClick={() => store.getState().openQuotes(person)}>
      <span aria-hidden="true">❝</span>
    </button>
  );
}
