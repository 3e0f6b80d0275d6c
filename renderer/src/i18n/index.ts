export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];
export const LANGUAGE_KEY = 'kroniek.language';

/** A remembered choice wins; otherwise Dutch for any Dutch system language, else English. */
export function initialLanguage(stored: string | null, navigatorLanguages: readonly string[]): Language {
  if (stored === 'nl' || stored === 'en') return stored;
  for (const tag of navigatorLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nl') return 'nl';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** BCP 47 tag for date formatting; nl-NL writes `19 juni 2024`. */
export function localeOf(language: Language): string {
  return language === 'nl' ? 'nl-NL' : 'en-GB';
}
