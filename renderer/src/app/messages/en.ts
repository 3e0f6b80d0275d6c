/** The `app` namespace in English: the app shell (skip links, sidebar views, language, start-up). */
export const appEn = {
  languageName: 'English',
  appName: 'Kroniek',
  skipToList: 'Skip to story list',
  skipToReader: 'Skip to reader',
  sidebarLabel: 'Library',
  libraryHeading: 'Library',
  viewArticles: 'All stories',
  viewBriefs: 'Briefs',
  countOf_one: '{{count, number}} item',
  countOf_other: '{{count, number}} items',
  languageLabel: 'Language',
  dismiss: 'Dismiss',
  startingUp: 'Opening the library…',
  startErrorTitle: 'The library could not be opened',
  readOnly: 'This library is open read-only: you can read and search, but not import or edit.',
  errorPrefix: 'Error',
} as const;
