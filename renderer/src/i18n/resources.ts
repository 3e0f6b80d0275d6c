import { noticesEn } from '../app/notices/en';
import { noticesNl } from '../app/notices/nl';
import { backupsEn } from '../features/backups/messages/en';
import { backupsNl } from '../features/backups/messages/nl';
import { historyEn } from '../features/history/messages/en';
import { historyNl } from '../features/history/messages/nl';
import { appEn } from '../app/messages/en';
import { appNl } from '../app/messages/nl';
import { dossiersEn } from '../features/dossiers/messages/en';
import { dossiersNl } from '../features/dossiers/messages/nl';
import { importEn } from '../features/import/messages/en';
import { importNl } from '../features/import/messages/nl';
import { libraryEn } from '../features/library/messages/en';
import { libraryNl } from '../features/library/messages/nl';
import { linksEn } from '../features/links/messages/en';
import { linksNl } from '../features/links/messages/nl';
import { searchEn } from '../features/search/messages/en';
import { searchNl } from '../features/search/messages/nl';
import { selectionEn } from '../features/selection/messages/en';
import { selectionNl } from '../features/selection/messages/nl';
import { tagsEn } from '../features/tags/messages/en';
import { tagsNl } from '../features/tags/messages/nl';
import { trashEn } from '../features/trash/messages/en';
import { trashNl } from '../features/trash/messages/nl';
import { errorsEn } from '../ui/errors/en';
import { deskEn } from '../app/layout/messages/en';
import { deskNl } from '../app/layout/messages/nl';
import { errorsNl } from '../ui/errors/nl';
import { watchEn } from '../features/watch/messages/en';
import { watchNl } from '../features/watch/messages/nl';
import { datesEn } from '../features/dates/messages/en';
import { datesNl } from '../features/dates/messages/nl';
import { proposalsEn } from '../features/versions/messages/proposals-en';
import { proposalsNl } from '../features/versions/messages/proposals-nl';
import { versionsEn } from '../features/versions/messages/en';
import { versionsNl } from '../features/versions/messages/nl';
import { chronologyEn } from '../features/chronology/messages/en';
import { chronologyNl } from '../features/chronology/messages/nl';
import { quotesEn } from '../features/quotes/messages/en';
import { quotesNl } from '../features/quotes/messages/nl';
import { syncEn } from '../features/sync/messages/en';
import { syncNl } from '../features/sync/messages/nl';

/**
 * One i18next namespace per feature, in both languages. English is the reference:
 * its `as const` dictionaries give i18next its key and interpolation types (see
 * `i18next.d.ts`), and every other language is a `Translation` of it, so a key
 * missing in either language fails the typecheck.
 */
export const resources = {
  en: {
    history: historyEn, notices: noticesEn, errors: errorsEn, backups: backupsEn,
    app: appEn, library: libraryEn, import: importEn, selection: selectionEn, tags: tagsEn, links: linksEn, search: searchEn, dossiers: dossiersEn, trash: trashEn, desk: deskEn, watch: watchEn, dates: datesEn, versions: versionsEn, proposals: proposalsEn,
    chronology: chronologyEn,
    quotes: quotesEn,
    sync: syncEn,
  },
  nl: {
    history: historyNl, notices: noticesNl, errors: errorsNl, backups: backupsNl,
    app: appNl, library: libraryNl, import: importNl, selection: selectionNl, tags: tagsNl, links: linksNl, search: searchNl, dossiers: dossiersNl, trash: trashNl, desk: deskNl, watch: watchNl, dates: datesNl, versions: versionsNl, proposals: proposalsNl,
    chronology: chronologyNl,
    quotes: quotesNl,
    sync: syncNl,
  },
} as const;

export type Namespace = keyof (typeof resources)['en'];
export const NAMESPACES = Object.keys(resources.en) as Namespace[];

/** The same keys as the English dictionary, each worded in another language. */
export type Translation<English> = { readonly [Key in keyof English]: string };
