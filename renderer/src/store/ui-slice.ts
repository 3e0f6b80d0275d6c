import { initialLanguage, LANGUAGE_KEY } from '../i18n';
import { translators } from '../i18n/translate';
import type { SliceCreator, UiSlice } from './types';

export const createUiSlice: SliceCreator<UiSlice> = (set, _get, deps) => {
  let stored: string | null;
  try {
    stored = deps.storage?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  const language = initialLanguage(stored, deps.languages);
  return {
    language,
    t: translators(language),
    nativeDialogs: deps.client.transport === 'preload',
    setLanguage(next) {
      try {
        deps.storage?.setItem(LANGUAGE_KEY, next);
      } catch {
        // Not remembered across runs, but still switched now.
      }
      set({ language: next, t: translators(next) });
    },
  };
};
