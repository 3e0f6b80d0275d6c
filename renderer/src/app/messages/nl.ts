import type { Translation } from '../../i18n/resources';
import type { appEn } from './en';

/** The `app` namespace in Dutch (same keys as English: a missing or extra key is a type error). */
export const appNl: Translation<typeof appEn> = {
  languageName: 'Nederlands',
  appName: 'Kroniek',
  skipToList: 'Naar de lijst met berichten',
  skipToReader: 'Naar de lezer',
  sidebarLabel: 'Bibliotheek',
  libraryHeading: 'Bibliotheek',
  viewArticles: 'Berichten',
  viewBriefs: 'Korte berichten',
  countOf_one: '{{count, number}} item',
  countOf_other: '{{count, number}} items',
  languageLabel: 'Taal',
  dismiss: 'Sluiten',
  startingUp: 'Bibliotheek openen…',
  startErrorTitle: 'De bibliotheek kon niet worden geopend',
  readOnly: 'Deze bibliotheek is alleen-lezen geopend: je kunt lezen en zoeken, maar niet importeren of bewerken.',
  errorPrefix: 'Fout',
  connectionLostTitle: 'Geen verbinding met de dienst van Kroniek',
  connectionLostBody: 'Wat op het scherm staat blijft staan; Kroniek maakt zelf weer verbinding zodra de dienst terug is.',
  connectionRetry: 'Nu opnieuw proberen',
  connectionRetrying: 'Bezig…',
  connectionWaiting: 'Wachten op de verbinding…',
};
