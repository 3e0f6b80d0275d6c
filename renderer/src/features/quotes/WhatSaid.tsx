import { useEffect } from 'react';
import { useTranslator } from '../../i18n/use-translator';
import { useApp, useAppStoreApi } from '../../store';
import './quotes.css';

const folded = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The quoted person a tag or a name stands for (by name or entity key, case and diacritics ignored); null when nobody quoted. */
export function useQuotedPerson(name: string): string | null {
  const store = useAppStoreApi();
  const people = useApp((s) => s.quotePeople);
  const asked = useApp((s) => s.quotePeopleAsked);
  useEffect(() => {
    if (!asked) void store.getState().loadQuotePeople();
  }, [asked, store]);
  const key = folded(name);
  const person = people.find((p) => (p.kind ?? 'person') === 'person' && (folded(p.name) === key || p.key === key));
  return person?.name ?? null;
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
