import { noticesEn } from '../app/notices/en';
import { noticesNl } from '../app/notices/nl';
import { backupsEn } from '../features/backups/messages/en';
import { backupsNl } from '../features/backups/messages/nl';
import { historyEn } from '../features/history/messages/en';
import { historyNl } from '../features/history/messages/nl';
import { errorsEn } from '../ui/errors/en';
import { deskEn } from '../app/layout/messages/en';
import { deskNl } from '../app/layout/messages/nl';
import { errorsNl } from '../ui/errors/nl';
import { watchEn } from '../features/watch/messages/en';
import { watchNl } from '../features/watch/messages/nl';
import { datesEn } from '../features/dates/messages/en';
import { datesNl } from '../features/dates/messages/nl';

/**
 * One i18next namespace per feature, in both languages. English is the reference:
 * its `as const` dictionaries give i18next its key and interpolation types (see
 * `i18next.d.ts`), and every other language is a `Translation` of it, so a key
 * missing in either language fails the typecheck.
 */
export const resources = {
  en: { history: historyEn, notices: noticesEn, errors: errorsEn, backups: backupsEn, desk: deskEn, watch: watchEn, dates: datesEn },
  nl: { history: historyNl, notices: noticesNl, errors: errorsNl, backups: backupsNl, desk: deskNl, watch: watchNl, dates: datesNl },
} as const;

export type Namespace = keyof (typeof resources)['en'];
export const NAMESPACES = Object.keys(resources.en) as Namespace[];

/** The same keys as the English dictionary, each worded in another language. */
export type Translation<English> = { readonly [Key in keyof English]: string };
